"""The SCHEMA ``stories`` JSON: built whole for small results, or streamed story by story.

A million-article run has hundreds of thousands of stories: holding their
dicts and the whole JSON text at once costs several times the clusterer
itself. ``write_stories_json`` writes the same bytes as
``json.dumps(stories_to_dict(result), ensure_ascii=False, indent=1)``, one
story at a time, and returns the counts of ``summarise`` collected on the way.
"""

from __future__ import annotations

import heapq
import json
from typing import Any, Iterable, TextIO

from ..model import Discrepancy, MergedEvent, StoriesResult, Story, Syndication, to_dict


def _event_dict(e: MergedEvent) -> dict[str, Any]:
    return {"type": e.type, "source": to_dict(e.source), "target": to_dict(e.target), "date": e.date,
            "place": e.place, "trigger": e.trigger, "articles": list(e.articles),
            "mentions": [{"article": a, "span": list(s)} for a, s in e.mentions]}


def _discrepancy_dict(d: Discrepancy) -> dict[str, Any]:
    return {"fact": d.fact, "values": {a: v for a, v in d.values}, "kind": d.kind,
            "evidence": {a: list(s) for a, s in d.spans}}


def story_dict(s: Story) -> dict[str, Any]:
    """One story of the SCHEMA ``stories`` list (additive: event mentions, discrepancy kind and evidence)."""
    return {"id": s.id, "title": s.title, "articles": list(s.articles), "first_published": s.first_published,
            "events": [_event_dict(e) for e in s.events],
            "discrepancies": [_discrepancy_dict(d) for d in s.discrepancies]}


def syndication_dict(x: Syndication) -> dict[str, Any]:
    """One syndication link (additive: earliest copy, agency, evidence)."""
    return {"copy": x.copy, "original": x.original, "similarity": x.similarity,
            "earliest": x.earliest, "agency": x.agency,
            "evidence": {"article": x.evidence[0], "span": list(x.evidence[1])} if x.evidence else None}


def stories_to_dict(result: StoriesResult) -> dict[str, Any]:
    """The SCHEMA ``stories`` JSON of a result (additive fields: event mentions,
    discrepancy kind and evidence spans, syndication earliest copy and agency)."""
    return {"stories": [story_dict(s) for s in result.stories],
            "syndication": [syndication_dict(x) for x in result.syndication]}


class StoryTally:
    """The closing-summary counts of stories seen one at a time (the ``largest`` few kept in a heap)."""

    def __init__(self, *, largest: int = 3) -> None:
        self.largest = largest
        self.counts = {"stories": 0, "articles": 0, "multi_article_stories": 0, "copies": 0,
                       "discrepancies": 0, "merged_events": 0}
        self._big: list[tuple[int, _Desc, str | None]] = []  # min-heap of the largest (size, id) seen

    def story(self, s: dict[str, Any]) -> None:
        """Count one story in its ``story_dict`` form."""
        n = len(s["articles"])
        c = self.counts
        c["stories"] += 1
        c["articles"] += n
        c["multi_article_stories"] += n > 1
        c["discrepancies"] += len(s["discrepancies"])
        c["merged_events"] += len(s["events"])
        item = (n, _Desc(s["id"]), s["title"])
        if len(self._big) < self.largest:
            heapq.heappush(self._big, item)
        elif self.largest and item > self._big[0]:
            heapq.heapreplace(self._big, item)

    def result(self) -> dict[str, Any]:
        """The ``summarise`` dict: counts and the largest stories (most articles, then id)."""
        big = sorted(self._big, reverse=True)
        return {"stories": self.counts["stories"], "articles": self.counts["articles"],
                "multi_article_stories": self.counts["multi_article_stories"],
                "largest": [{"id": d.value, "title": t, "articles": n} for n, d, t in big],
                "copies": self.counts["copies"], "discrepancies": self.counts["discrepancies"],
                "merged_events": self.counts["merged_events"]}


class _Desc:
    """A string that sorts in reverse, so a max-heap on (size, id) keeps the smallest ids on ties."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __lt__(self, other: "_Desc") -> bool:
        return self.value > other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.value == other.value


def summarise(result: StoriesResult | dict[str, Any], *, largest: int = 3) -> dict[str, Any]:
    """Counts for a closing summary: stories, articles, largest stories, copies, discrepancies.

    Accepts a ``StoriesResult`` or its ``stories_to_dict`` form.
    """
    tally = StoryTally(largest=largest)
    if isinstance(result, StoriesResult):
        for s in result.stories:
            tally.story(story_dict(s))
        tally.counts["copies"] = len(result.syndication)
    else:
        for d in result.get("stories", []):
            tally.story(d)
        tally.counts["copies"] = len(result.get("syndication", []))
    return tally.result()


def _items(fh: TextIO, key: str, dicts: Iterable[dict[str, Any]], *, last: bool) -> None:
    """Write ``"key": [...]`` as ``json.dumps(indent=1)`` lays it out one level down."""
    fh.write(f' "{key}": [')
    first = True
    for d in dicts:
        fh.write("\n  " if first else ",\n  ")
        # json escapes newlines inside strings, so every raw newline is layout: indent it two levels
        fh.write(json.dumps(d, ensure_ascii=False, indent=1).replace("\n", "\n  "))
        first = False
    fh.write("]" if first else "\n ]")
    fh.write("\n" if last else ",\n")


def write_stories_json(stories: Iterable[Story], syndication: Iterable[Syndication], fh: TextIO) -> dict[str, Any]:
    """Stream the SCHEMA ``stories`` JSON to ``fh``, byte for byte what ``json.dumps(..., indent=1)`` of
    ``stories_to_dict`` gives (plus a final newline); returns the ``summarise`` counts.

    Only one story's dict exists at a time, so memory does not grow with the number of stories.
    """
    tally = StoryTally()

    def counted() -> Iterable[dict[str, Any]]:
        for s in stories:
            d = story_dict(s)
            tally.story(d)
            yield d

    def links() -> Iterable[dict[str, Any]]:
        for x in syndication:
            tally.counts["copies"] += 1
            yield syndication_dict(x)

    fh.write("{\n")
    _items(fh, "stories", counted(), last=False)
    _items(fh, "syndication", links(), last=True)
    fh.write("}\n")
    return tally.result()


__all__ = ["story_dict", "syndication_dict", "stories_to_dict", "summarise", "StoryTally", "write_stories_json"]
