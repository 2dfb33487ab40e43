"""Recall: the words a report uses only to recall an earlier happening, and the story that tells it.

A report of a second quake "two weeks after a stronger quake killed 14", of air strikes that end
"last week's offer of talks", of a march "three days after police broke up a protest" names the
earlier happening's people and places. Its background passages (``background.background_spans``)
always lie three days or more before its news, further than ``APART_DAYS``: so the story whose own
news is that earlier happening is never the report's story. Where no publication time tells the two
apart (an undated report, weekdays that are 13 or 8 days apart land one weekday apart), what the
story is about does: a story that holds the words the report keeps for its background more heavily
than the words of the report's own news tells the recalled happening (``tells_recalled``).
The dead and injured a report counts in its background and in its news (``toll_keys``) tell the two
happenings apart too (``main_events.EventProfile.recalls_other``).
"""

from __future__ import annotations

from typing import Mapping

from ..extract import AnalysedArticle
from .background import background_spans
from .fingerprint import _ENTITY_TYPES, _without, content_terms, entity_term


def recalled_terms(article: AnalysedArticle) -> frozenset[str]:
    """The terms (``article_terms`` shape) ``article`` uses only in its background passages: words of
    those passages that its title and the rest of its text never use, and entities named only there."""
    spans = background_spans(article.text)
    if not spans:
        return frozenset()
    inside: set[str] = set()
    for start, end in spans:
        inside.update(content_terms(article.text[start:end]))
    inside.difference_update(content_terms(f"{article.title or ''} {_without(article.text, spans)}"))
    for ent in article.entities:
        if ent.type in _ENTITY_TYPES and ent.name and ent.mentions and _all_inside(ent.mentions, spans):
            inside.add(entity_term(ent.name))
    return frozenset(inside)


def tells_recalled(weights: Mapping[str, float], vec: Mapping[str, float], recalled: frozenset[str]) -> bool:
    """Whether a story (its centroid ``weights``) tells the happening a report (its vector ``vec``,
    its background-only terms ``recalled``) recalls rather than the report's news: on average it weighs
    the recalled terms more than the terms of the report's news. The story of the report's own news
    holds its news words (its reports tell the same news) and the recalled ones only as their own
    background; the story of the earlier happening holds the recalled ones as its news."""
    if not recalled:
        return False
    news = [weights.get(t, 0.0) for t in vec if t not in recalled]
    if not news:
        return False
    back = sum(weights.get(t, 0.0) for t in recalled) / len(recalled)
    return back > sum(news) / len(news)


TOLL_KINDS = frozenset({"killed", "injured"})
"""Figure kinds that tell one happening from another of its kind: a second quake kills two where the first
killed 14, and the report of the second says so."""


def toll_keys(article: AnalysedArticle) -> tuple[frozenset[tuple[str, float]], frozenset[tuple[str, float]]]:
    """The (kind, value) of ``article``'s dead and injured counts told as its news, and of those it states only
    in its background passages (``background_spans``): "a 5.9 quake killed two, two weeks after a stronger quake
    killed 14" tells two dead as its news and recalls 14 dead."""
    tolls = [f for f in article.figures if f.kind in TOLL_KINDS]
    if not tolls:
        return frozenset(), frozenset()
    spans = background_spans(article.text)
    news: set[tuple[str, float]] = set()
    back: set[tuple[str, float]] = set()
    for f in tolls:
        key = (f.kind, float(f.value))
        if spans and _all_inside(f.mentions or (f.span,), spans):
            back.add(key)
        else:
            news.add(key)
    return frozenset(news), frozenset(back - news)


def _all_inside(mentions, spans) -> bool:
    """Does every mention start inside one of ``spans``?"""
    return all(any(s <= m[0] < e for s, e in spans) for m in mentions)
