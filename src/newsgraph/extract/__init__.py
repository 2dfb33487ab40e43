"""The one registry of extractors: versioned names, their functions and what they need.

Every extractor is a plain function ``extract(doc, article, found) -> list[Fact]``:
pure, no I/O, the ``Doc`` untouched, results sorted by span start. ``found``
carries what earlier extractors produced in this article (quotes need the
entities, events need entities and dates). The order of ``EXTRACTORS`` satisfies
every ``requires``; runs record the names so an output can be traced to the code
that made it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ..model import Article, DateMention, Entity, Fact, Figure, Place, Quote

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Found:
    """Facts already extracted from one article by earlier extractors."""

    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()


ExtractFn = Callable[["object", Article, Found], Sequence[Fact]]


@dataclass(frozen=True, slots=True)
class Extractor:
    """A registered extractor: ``name`` is versioned ("quotes.v1"); ``field`` is its output field."""

    name: str
    field: str
    func: ExtractFn
    requires: tuple[str, ...] = ()


def _registry() -> tuple[Extractor, ...]:
    from . import dates, entities, events, figures, places, quotes

    return (
        Extractor("entities.v1", "entities", entities.extract),
        Extractor("dates.v1", "dates", dates.extract),
        Extractor("places.v1", "places", places.extract, requires=("entities",)),
        Extractor("quotes.v1", "quotes", quotes.extract, requires=("entities",)),
        Extractor("figures.v1", "figures", figures.extract, requires=("entities", "quotes")),
        Extractor("events.v1", "events", events.extract, requires=("entities", "dates", "places")),
    )


_EXTRACTORS: tuple[Extractor, ...] | None = None


def extractors() -> tuple[Extractor, ...]:
    """All registered extractors, in an order that satisfies their ``requires``."""
    global _EXTRACTORS
    if _EXTRACTORS is None:
        _EXTRACTORS = _registry()
    return _EXTRACTORS


def run_extractors(doc, article: Article, *, chosen: Sequence[Extractor] | None = None,
                   problems: list[str] | None = None) -> dict[str, tuple[Fact, ...]]:
    """Run the extractors on one parsed article; returns facts by output field.

    An extractor that fails on one article yields nothing for that article and
    the failure is logged (and appended to ``problems``); the article and the
    other extractors go on.
    """
    found = Found()
    out: dict[str, tuple[Fact, ...]] = {}
    for ex in chosen if chosen is not None else extractors():
        try:
            facts = tuple(ex.func(doc, article, found))
        except Exception as exc:  # one extractor's bug must not lose the article
            log.warning("extractor %s failed on article %s: %r", ex.name, article.id, exc,
                        exc_info=log.isEnabledFor(logging.DEBUG))
            if problems is not None:
                problems.append(f"{ex.name}: {exc.__class__.__name__}: {exc}")
            facts = ()
        out[ex.field] = facts
        if ex.field in Found.__slots__:
            found = replace(found, **{ex.field: facts})
    return out
