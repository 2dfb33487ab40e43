"""The one registry of fact kinds: extractor, record type and output field, in one line each.

Every extractor is a plain function ``extract(doc, article, found) -> list[Fact]``:
pure, no I/O, the ``Doc`` untouched, results sorted by span start. ``found``
carries what earlier extractors produced in this article (quotes need the
entities, events need entities and dates). Runs record the versioned names so an
output can be traced to the code that made it.

Adding a fact kind is one module (its ``extract``), its record in ``model.py``
and one ``Extractor`` line in ``REGISTRY`` below: ``AnalysedArticle`` gains the
field (in the order of the lines, which is the order of the output JSON), the
serialisation both ways follows from the record's dataclass fields, and the
extractors run in an order that satisfies every ``requires``.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import logging
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from ..errors import MissingDependency
from ..model import (Article, DateMention, Entity, Event, Fact, Figure, Found, Place, Quote, from_dict,
                     to_dict)

log = logging.getLogger(__name__)

ExtractFn = Callable[[Any, Article, Found], Sequence[Fact]]


@dataclass(frozen=True, slots=True)
class Extractor:
    """One registered fact kind.

    Args:
        name: versioned extractor name ("quotes.v1"), recorded by every run.
        field: the output field of ``AnalysedArticle`` ("quotes").
        record: the record type of its facts (a frozen dataclass of ``model.py``).
        target: the extractor, as ``"module:function"`` (a module of this package
            when it starts with "."), imported on first use so that loading the
            registry stays cheap; or the function itself.
        requires: output fields of extractors that must run first.
    """

    name: str
    field: str
    record: type
    target: str | ExtractFn
    requires: tuple[str, ...] = ()

    @property
    def func(self) -> ExtractFn:
        """The extractor function (imported on first use)."""
        if callable(self.target):
            return self.target
        return _imported(self.target)


@functools.cache
def _imported(target: str) -> ExtractFn:
    """The function a ``"module:function"`` target names, imported once: asked for every article."""
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module, __name__), attr or "extract")


_META: tuple[tuple[str, Any], ...] = (
    ("id", str), ("url", str | None), ("source", str | None), ("title", str | None),
    ("published", str | None), ("text", str), ("language", str),
)
# SCHEMA 1.1, before the facts: for an article without ``published``, the date its story establishes
# for it and how ("story", "dateline", "text"); filled by ``newsgraph.stories`` (``StoryClusterer.updated``).
_INFERRED: tuple[tuple[str, Any], ...] = (("published_inferred", str | None), ("published_basis", str | None))
# additive: the input's byline echoed (``Article.author``); syndication reads wire credits from it
_BYLINE: tuple[tuple[str, Any], ...] = (("author", str | None),)


class Registry:
    """Fact kinds, the ``AnalysedArticle`` type they make, and the way to run them.

    Args:
        kinds: the extractors, in output order.

    Raises:
        ValueError: duplicate names or fields, or a ``requires`` that no earlier
            or later line provides, or a cycle among them.
    """

    def __init__(self, kinds: Sequence[Extractor]) -> None:
        self.kinds: tuple[Extractor, ...] = tuple(kinds)
        self.fields: tuple[str, ...] = tuple(k.field for k in self.kinds)
        for label, values in (("field", self.fields), ("name", [k.name for k in self.kinds])):
            dup = {v for v in values if list(values).count(v) > 1}
            if dup:
                raise ValueError(f"extractor registry: duplicate {label} {sorted(dup)}")
        self.ordered: tuple[Extractor, ...] = _run_order(self.kinds)
        self.records: dict[str, type] = {k.field: k.record for k in self.kinds}
        self.article_type: type = _article_type(self.kinds)

    def run(self, doc, article: Article, *, chosen: Sequence[Extractor] | None = None,
            problems: list[str] | None = None) -> dict[str, tuple[Fact, ...]]:
        """Run the extractors on one parsed article; returns facts by output field.

        An extractor that fails on one article yields nothing for that article and
        the failure is logged (and appended to ``problems``); the article and the
        other extractors go on. A missing package is not the article's fault and
        would empty that fact kind in every article, so it raises
        ``MissingDependency`` instead.
        """
        found = Found()
        out: dict[str, tuple[Fact, ...]] = {}
        for ex in chosen if chosen is not None else self.ordered:
            try:
                facts = tuple(ex.func(doc, article, found))
            except ImportError as exc:  # every article would lose this kind alike: stop, say what
                raise MissingDependency(f"extractor {ex.name} needs {exc.name or exc}, which is not "
                                        f"installed: reinstall newsgraph to get its dependencies") from exc
            except Exception as exc:  # one extractor's bug must not lose the article
                log.warning("extractor %s failed on article %s: %r", ex.name, article.id, exc,
                            exc_info=log.isEnabledFor(logging.DEBUG))
                if problems is not None:
                    problems.append(f"{ex.name}: {exc.__class__.__name__}: {exc}")
                facts = ()
            out[ex.field] = facts
            found = found.adding(ex.field, facts)
        return out

    def analysed(self, article: Article, facts: Mapping[str, tuple[Fact, ...]], *, language: str) -> Any:
        """The ``AnalysedArticle`` of ``article`` with the given facts (absent kinds empty)."""
        return self.article_type(id=article.id, url=article.url, source=article.source,
                                 title=article.title, published=article.published, text=article.text,
                                 author=article.author,
                                 language=language, **{k: v for k, v in facts.items() if k in self.records})

    def from_dict(self, data: Mapping[str, Any]) -> Any:
        """Rebuild an ``AnalysedArticle`` from its SCHEMA JSON form (unknown keys ignored)."""
        return from_dict(self.article_type, {"text": "", **data, "language": data.get("language") or "en"})


def _run_order(kinds: tuple[Extractor, ...]) -> tuple[Extractor, ...]:
    """The extractors in an order satisfying ``requires``: each one as early as it can run."""
    fields = {k.field for k in kinds}
    for k in kinds:
        missing = set(k.requires) - fields
        if missing:
            raise ValueError(f"extractor {k.name} requires {sorted(missing)}, which no extractor makes")
    done: list[Extractor] = []
    made: set[str] = set()
    waiting = list(kinds)
    while waiting:
        ready = next((k for k in waiting if set(k.requires) <= made), None)
        if ready is None:
            raise ValueError(f"extractor registry: a cycle among {[k.name for k in waiting]}")
        done.append(ready)
        made.add(ready.field)
        waiting.remove(ready)
    return tuple(done)


def _article_type(kinds: tuple[Extractor, ...]) -> type:
    fields: list[Any] = [(name, tp) for name, tp in _META]
    fields += [(name, tp, dataclasses.field(default=None)) for name, tp in _INFERRED + _BYLINE]
    fields += [(k.field, tuple[k.record, ...], dataclasses.field(default=())) for k in kinds]
    cls = dataclasses.make_dataclass(
        "AnalysedArticle", fields, frozen=True, slots=True,
        namespace={"__doc__": "One analysed article: the input's metadata echoed, plus one field per "
                              "registered fact kind (a tuple of its records)."})
    cls.__module__ = __name__
    return cls


# One line per fact kind, in output order (the order of the JSON keys).
REGISTRY = Registry((
    Extractor("entities.v1", "entities", Entity, ".entities:extract"),
    Extractor("quotes.v1", "quotes", Quote, ".quotes:extract", requires=("entities",)),
    Extractor("events.v1", "events", Event, ".events:extract", requires=("entities", "dates", "places")),
    Extractor("figures.v1", "figures", Figure, ".figures:extract", requires=("entities", "quotes", "places")),
    Extractor("dates.v1", "dates", DateMention, ".dates:extract"),
    Extractor("places.v1", "places", Place, ".places:extract", requires=("entities", "dates")),
))

AnalysedArticle = REGISTRY.article_type
"""One analysed article (see ``Registry``); pickles by this name, so worker processes can send it."""

FACT_FIELDS: tuple[str, ...] = REGISTRY.fields


def extractors() -> tuple[Extractor, ...]:
    """All registered extractors, in an order that satisfies their ``requires``."""
    return REGISTRY.ordered


def run_extractors(doc, article: Article, *, chosen: Sequence[Extractor] | None = None,
                   problems: list[str] | None = None) -> dict[str, tuple[Fact, ...]]:
    """``REGISTRY.run``: the facts of one parsed article by output field."""
    return REGISTRY.run(doc, article, chosen=chosen, problems=problems)


def analysed_from_dict(data: Mapping[str, Any]) -> Any:
    """Rebuild an ``AnalysedArticle`` from its SCHEMA JSON form (unknown keys ignored)."""
    return REGISTRY.from_dict(data)


__all__ = ["Extractor", "Registry", "REGISTRY", "AnalysedArticle", "FACT_FIELDS", "Found", "extractors",
           "run_extractors", "analysed_from_dict", "to_dict"]
