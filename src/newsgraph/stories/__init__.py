"""Stories: group articles into stories, link copies to originals, merge events, list discrepancies.

``StoryClusterer`` takes analysed articles one at a time (the CLI feeds it as
it analyses); ``build_stories`` is the batch form; ``stories_to_dict`` gives
the SCHEMA ``stories`` JSON, ``write_stories_json`` streams it for large runs,
and ``summarise`` gives the counts for a closing summary.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..extract import AnalysedArticle
from ..model import StoriesResult
from .cluster import StoryClusterer
from .discrepancy import find_discrepancies, values_agree
from .merge import merge_events
from .output import StoryTally, stories_to_dict, summarise, write_stories_json
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


__all__ = ["StoryClusterer", "build_stories", "stories_to_dict", "summarise", "write_stories_json", "StoryTally",
           "merge_events",
           "find_discrepancies", "values_agree", "SyndicationIndex", "credited_agency",
           "find_credit"]
