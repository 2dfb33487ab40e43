"""Merged events: one record per real-world event of a story, with the articles reporting it.

Within a story, event mentions with the same PLOVER type, the same source and
target actors (by actor code, else by name) and the same polarity, dated within
``days`` of each other, are taken to be one event reported by several outlets.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..model import Actor, Event, MergedEvent


def _actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.code:
        return actor.code.upper()
    return " ".join(actor.name.lower().split()) or None


def event_day(value: str | None) -> int | None:
    """The day (proleptic ordinal) an event's ISO ``date`` names, or None when it names no calendar day."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def merge_events(reports: Sequence[tuple[str, Sequence[Event]]], *, days: int = 3) -> tuple[MergedEvent, ...]:
    """Merge the events of a story's articles.

    Args:
        reports: ``(article id, events)`` per article, in story order.
        days: events of one key dated further apart than this are different events.
            An undated mention joins the key's first event.

    Returns:
        Merged events in order of first report; each keeps the first mention's
        actors, trigger and place, the earliest date, every reporting article
        once, and every mention as ``(article id, span)``.
    """
    groups: dict[tuple, list[list[tuple[str, Event]]]] = {}
    for article_id, events in reports:
        for ev in events:
            key = (ev.type, _actor_key(ev.source), _actor_key(ev.target), bool(ev.negated))
            clusters = groups.setdefault(key, [])
            when = event_day(ev.date)
            home = None
            for cluster in clusters:
                dates = [d for d in (event_day(e.date) for _, e in cluster) if d is not None]
                if when is None or not dates or min(abs(when - d) for d in dates) <= days:
                    home = cluster
                    break
            if home is None:
                clusters.append([(article_id, ev)])
            else:
                home.append((article_id, ev))
    merged = []
    for clusters in groups.values():
        for cluster in clusters:
            first = cluster[0][1]
            dates = sorted(e.date for _, e in cluster if e.date)
            articles = tuple(dict.fromkeys(a for a, _ in cluster))
            merged.append((cluster[0], MergedEvent(
                type=first.type, source=first.source, target=first.target,
                date=dates[0] if dates else None,
                place=next((e.place for _, e in cluster if e.place), None),
                trigger=first.trigger, articles=articles,
                mentions=tuple((a, e.span) for a, e in cluster))))
    order = {aid: i for i, (aid, _) in enumerate(reports)}
    merged.sort(key=lambda pair: (order[pair[0][0]], pair[0][1].span))
    return tuple(m for _, m in merged)
