"""Stories: group articles into stories, link copies to originals, merge events, list discrepancies.

``StoryClusterer`` takes analysed articles one at a time (the CLI feeds it as
it analyses); ``build_stories`` is the batch form; ``stories_to_dict`` gives
the SCHEMA ``stories`` JSON and ``summarise`` the counts for a closing summary.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..extract import AnalysedArticle
from ..model import Discrepancy, MergedEvent, StoriesResult, to_dict
from .cluster import StoryClusterer
from .discrepancy import find_discrepancies, values_agree
from .merge import merge_events
from .credits import find_credit
from .syndication import SyndicationIndex, credited_agency


def build_stories(items: Iterable[AnalysedArticle], **options: Any) -> StoriesResult:
    """Group a batch of analysed articles into stories.

    Articles are added in publication order (undated ones last, input order
    breaking ties), so the result does not depend on how the input was sorted.

    Args:
        items: analysed articles.
        **options: ``StoryClusterer`` options (``threshold=``, ``window_days=``...).
    """
    items = list(items)
    order = {id(a): i for i, a in enumerate(items)}
    items.sort(key=lambda a: (a.published is None, a.published or "", order[id(a)]))
    clusterer = StoryClusterer(**options)
    clusterer.prime(items)
    for a in items:
        clusterer.add(a)
    return clusterer.result()


def _event_dict(e: MergedEvent) -> dict[str, Any]:
    return {"type": e.type, "source": to_dict(e.source), "target": to_dict(e.target), "date": e.date,
            "place": e.place, "trigger": e.trigger, "articles": list(e.articles),
            "mentions": [{"article": a, "span": list(s)} for a, s in e.mentions]}


def _discrepancy_dict(d: Discrepancy) -> dict[str, Any]:
    return {"fact": d.fact, "values": {a: v for a, v in d.values}, "kind": d.kind,
            "evidence": {a: list(s) for a, s in d.spans}}


def stories_to_dict(result: StoriesResult) -> dict[str, Any]:
    """The SCHEMA ``stories`` JSON of a result (additive fields: event mentions,
    discrepancy kind and evidence spans, syndication earliest copy and agency)."""
    return {
        "stories": [{"id": s.id, "title": s.title, "articles": list(s.articles),
                     "first_published": s.first_published,
                     "events": [_event_dict(e) for e in s.events],
                     "discrepancies": [_discrepancy_dict(d) for d in s.discrepancies]}
                    for s in result.stories],
        "syndication": [{"copy": x.copy, "original": x.original, "similarity": x.similarity,
                         "earliest": x.earliest, "agency": x.agency,
                         "evidence": {"article": x.evidence[0], "span": list(x.evidence[1])} if x.evidence else None}
                        for x in result.syndication],
    }


def summarise(result: StoriesResult | dict[str, Any], *, largest: int = 3) -> dict[str, Any]:
    """Counts for a closing summary: stories, articles, largest stories, copies, discrepancies.

    Accepts a ``StoriesResult`` or its ``stories_to_dict`` form.
    """
    data = stories_to_dict(result) if isinstance(result, StoriesResult) else result
    stories = data.get("stories", [])
    big = sorted(stories, key=lambda s: (-len(s["articles"]), s["id"]))[:largest]
    return {
        "stories": len(stories),
        "articles": sum(len(s["articles"]) for s in stories),
        "multi_article_stories": sum(1 for s in stories if len(s["articles"]) > 1),
        "largest": [{"id": s["id"], "title": s["title"], "articles": len(s["articles"])} for s in big],
        "copies": len(data.get("syndication", [])),
        "discrepancies": sum(len(s["discrepancies"]) for s in stories),
        "merged_events": sum(len(s["events"]) for s in stories),
    }


__all__ = ["StoryClusterer", "build_stories", "stories_to_dict", "summarise", "merge_events",
           "find_discrepancies", "values_agree", "SyndicationIndex", "credited_agency",
           "find_credit"]
