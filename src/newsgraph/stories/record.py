"""What a story keeps of each report for its output, and the ``Story`` record made from it.

``StoryClusterer`` keeps a compact ``Kept`` per report (its facts packed, its
credit line and what dates it when undated) and makes a story's record from
those once the story is final (retired, or at ``result()``).
"""

from __future__ import annotations

from ..extract import AnalysedArticle
from ..extract.dates import url_day
from ..model import Discrepancy, MergedEvent, Place, Story
from .compact import Kept, ReportFacts
from .credits import find_credit
from .discrepancy import ArticleFacts, figure_context, find_discrepancies
from .field_credits import byline_credit, title_credit
from .merge import merge_events
from .story_time import own_anchor, own_weekdays, pinned_days, told_day_before
from .wire_urls import url_credit


def kept_record(article: AnalysedArticle, *, order: int, when: float | None) -> Kept:
    """What the clusterer keeps of ``article`` (the ``order``-th report added; ``when`` its publication
    time, None when undated) for its story's record, syndication and story dates."""
    anchor = own_anchor(article) if when is None else None
    facts = ReportFacts(
        title=article.title, lead=article.text.strip().split("\n", 1)[0][:120], figures=article.figures,
        contexts=tuple(figure_context(article.text, f) for f in article.figures),
        quotes=article.quotes, events=article.events,
        places=tuple(p for p in getattr(article, "places", ()) if p.lat is not None))
    return Kept(
        id=article.id, order=order, published=article.published, source=article.source,
        credit=(find_credit(article.text) or byline_credit(getattr(article, "author", None))
                or title_credit(article.title) or url_credit(article.url)),
        facts=facts.pack(),
        own_anchor=anchor[0] if anchor else None,
        # what an undated report without an anchor of its own is dated by (a report with one never reads them)
        weekdays=own_weekdays(article, told=True) if when is None and anchor is None else (),
        told=own_weekdays(article, past=True) if when is None and anchor is None else (),
        pins=pinned_days(article) if when is None and anchor is None else (),
        url_day=(u := url_day(article.url)) and u.isoformat() if when is None else None,
        day_before=when is None and anchor is None and told_day_before(article))


def story_record(sid: str, kept: list[Kept]) -> Story:
    """The ``Story`` of articles ``kept`` (in input order): title, merged events, discrepancies."""
    kept = sorted(kept, key=lambda k: k.order)
    facts = {k.id: k.report() for k in kept}
    dated = sorted((k for k in kept if k.published), key=lambda k: (k.published, k.order))
    lead = facts[(dated[0] if dated else kept[0]).id]
    title = lead.title or next((f.title for f in facts.values() if f.title), None) or lead.lead or None
    events: tuple[MergedEvent, ...] = merge_events([(k.id, facts[k.id].events) for k in kept])
    discrepancies: tuple[Discrepancy, ...] = find_discrepancies(
        [ArticleFacts(k.id, facts[k.id].figures, facts[k.id].contexts, facts[k.id].quotes) for k in kept])
    places: dict[object, Place] = {}
    for k in kept:  # the story's places: each resolved record once, as first named
        for p in facts[k.id].places:
            places.setdefault(p.geonameid if p.geonameid is not None else (p.lat, p.lon), p)
    return Story(id=sid, title=title, articles=tuple(k.id for k in kept),
                 first_published=dated[0].published if dated else None,
                 events=events, discrepancies=discrepancies, places=tuple(places.values()))
