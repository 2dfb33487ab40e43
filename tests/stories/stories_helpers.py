"""Hand-built analysed articles for the stories tests (no spaCy needed)."""

from __future__ import annotations

from newsgraph.extract import AnalysedArticle
from newsgraph.model import Actor, DateMention, Event, Figure


def article(id: str, text: str, *, published: str | None = "2015-09-17", title: str | None = None,
            source: str | None = None, **facts) -> AnalysedArticle:
    """An ``AnalysedArticle`` with only the fields a test needs."""
    return AnalysedArticle(id=id, url=None, source=source, title=title, published=published, text=text,
                           language="en", **facts)


def figure_in(text: str, words: str, kind: str, value: float, *, hedge: str | None = None) -> Figure:
    """A figure whose evidence is the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    return Figure(kind=kind, value=value, unit="people", approximate=hedge is not None, text=words,
                  span=(start, start + len(words)), hedge=hedge)


def event_in(text: str, words: str, kind: str, source: Actor, target: Actor | None, *, main: bool = True) -> Event:
    """An event whose trigger is the second of ``words``, at their first occurrence in ``text``."""
    start = text.index(words)
    return Event(type=kind, source=source, target=target, date=None, place=None, span=(start, start + len(words)),
                 trigger=words.split()[1], main=main)


def weekday_in(text: str, word: str, iso: int) -> DateMention:
    """A bare weekday (ISO number ``iso``) told in the past, at the first occurrence of ``word``, left unresolved."""
    start = text.index(word)
    return DateMention(text=word, span=(start, start + len(word)), value=None, granularity="other",
                       timex_type="DATE", timex_value=f"XXXX-WXX-{iso}", tense="past")
