"""The typed records of the newsgraph output contract (SCHEMA v1).

Every stage imports its records from here and nowhere else, so that the
contract other tools rely on lives in one place. Records are frozen
dataclasses; sequences are tuples so a record can never be changed after an
extractor returned it. ``to_dict`` turns any record into the JSON shape of
SCHEMA.md (tuples become lists when serialised) and ``from_dict`` rebuilds it,
both driven by the dataclass fields: a new optional field round-trips with no
code of its own. ``AnalysedArticle``, whose fact fields follow from the
extractor registry, is built in ``extract/__init__.py``.

Fields beyond SCHEMA v1 are additive (the schema may grow, never break); each
is marked "additive" below.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass
from typing import Any, Callable, Literal, Mapping, TypeAlias, TypeVar, Union

SCHEMA_VERSION = 1

R = TypeVar("R")

Span: TypeAlias = tuple[int, int]
"""``[start, end)`` in Python character offsets into ``Article.text``."""

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER"]
QuoteKind = Literal["direct", "partial", "indirect"]
Granularity = Literal["day", "month", "year", "other"]
FigureKind = Literal[
    "killed", "injured", "displaced", "refugees", "arrested", "missing",
    "money", "people_other", "other",
]
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "DEMAND",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER")
FIGURE_KINDS: tuple[str, ...] = (
    "killed", "injured", "displaced", "refugees", "arrested", "missing",
    "money", "people_other", "other",
)


def stable_id(*parts: str | None, prefix: str = "") -> str:
    """A short deterministic id from the given parts (same input, same id)."""
    h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{h}"


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read by an ingest reader, before analysis.

    ``text`` is the plain text every span indexes. ``origin`` says where the
    article was read from (a path, ``path#line``, a feed item link), so a user can
    find it again; it is not part of the output contract. ``author`` (additive) is
    the byline as the input gives it or the page declares it ("Jane Roe – UPI"):
    wire copy is often credited only there, and text extraction drops bylines.
    """

    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    origin: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, and why.

    Readers yield these instead of raising, so one bad file never stops a batch.
    ``reason`` is a short machine-friendly code (``empty``, ``binary``,
    ``malformed-feed``, ``link-only``...); ``detail`` is for humans.
    """

    origin: str
    reason: str
    detail: str = ""


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity and all its mentions in one article.

    ``titles`` (additive) keeps the titles stripped from the name ("secretary of
    state"), so that later stages can resolve role nouns to the entity holding
    the title.
    """

    id: str
    name: str
    type: EntityType
    mentions: tuple[Span, ...]
    country: str | None = None
    role: str | None = None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the canonical name and its entity id."""

    name: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation and its speaker.

    ``speaker_span`` and ``cue_span`` (additive) point at the words in the text
    that named the speaker and the reporting verb. ``continues`` (additive) is
    true for a stretch between marks that goes on with the quotation of the quote
    before it (the second part of a quote split around its cue, the next
    paragraph of a long quotation).
    """

    text: str
    span: Span
    speaker: Speaker | None
    cue: str | None
    kind: QuoteKind
    speaker_span: Span | None = None
    cue_span: Span | None = None
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """An event participant with its CAMEO/PLOVER-style code ("RUS GOV").

    ``name`` is the canonical actor (a state for its capital used as metonym, a
    person's full name); ``text`` and ``span`` (additive, SCHEMA 1.1) are the words
    naming it in the event's sentence.
    """

    name: str
    entity: str | None = None
    code: str | None = None
    text: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event: who did what to whom, when and where, with evidence.

    Additive fields: ``mode`` ("asserted", "future", "intended", "hypothetical"),
    ``date_from`` ("text" when a date expression governs the clause,
    "published" when the publication date stands in), ``trigger_span`` and
    ``place_span``; ``main`` (SCHEMA 1.1) is true for the article's main reported
    actions, false for background, history, hypotheticals and negated acts;
    ``location`` the resolved place record of ``place`` (coordinates, GeoNames id).
    """

    type: str
    source: Actor | None
    target: Actor | None
    date: str | None
    place: str | None
    span: Span
    trigger: str
    negated: bool = False
    confidence: float = 0.5
    mode: str = "asserted"
    date_from: str | None = None
    trigger_span: Span | None = None
    place_span: Span | None = None
    main: bool = False
    location: Place | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts, its hedge and who says so.

    Additive: ``hedge`` (the hedging words kept, e.g. "some"), ``value_max``
    (upper bound of a range; ``value`` is then the lower bound), ``mentions``
    (every span stating this (kind, value) in the article; ``span`` is the first),
    ``place`` (the resolved place where what it counts happened: "killed in Aleppo").
    """

    kind: FigureKind
    value: float | int
    unit: str | None
    approximate: bool
    text: str
    span: Span
    source: str | None = None
    hedge: str | None = None
    value_max: float | int | None = None
    mentions: tuple[Span, ...] = ()
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date.

    Additive: ``anchor`` (the date relative expressions were resolved against)
    and ``anchor_from`` ("published", "dateline", "text", "frame" or None; "frame": the day a
    "two days later" counts from); ``timex_type``
    ("DATE", "TIME", "DURATION", "SET") and ``timex_value`` (the TIMEX3 value,
    e.g. "P4Y", "2015-W38", "PRESENT_REF") for expressions with no calendar value;
    ``tense`` the clause tense the expression was (or will be) resolved with,
    kept for expressions of an article without an anchor, so that its story
    can resolve them later (``anchor_from`` "story", SCHEMA 1.1).
    """

    text: str
    span: Span
    value: str | None
    granularity: Granularity
    anchor: str | None = None
    anchor_from: str | None = None
    timex_type: str | None = None
    timex_value: str | None = None
    tense: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a gazetteer record, with coordinates where known.

    ``feature`` is the GeoNames class.code ("A.PCLI" country, "A.ADM1"/"A.ADM2" first/second-order
    division, "P.PPL" populated place); ``country`` ISO 3166-1 alpha-3. Additive (SCHEMA 1.1):
    ``admin1`` the first-order division's name, ``confidence`` in [0, 1]. ``lat``/``lon`` stay
    None when the toponym could not be resolved (never a guess); a name the gazetteer lacks whose
    text says where it lies ("Greenlane, Auckland") takes that place's point, with no ``geonameid``
    or ``feature`` (it is not that record), ``within`` (additive) the containing place's name, and
    confidence 0.1 (docs/places.md).
    """

    name: str
    span: Span
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    admin1: str | None = None
    confidence: float = 0.0
    within: str | None = None


Fact: TypeAlias = Union[Entity, Quote, Event, Figure, DateMention, Place]


class Found:
    """Facts already extracted from one article by earlier extractors, by output field.

    ``found.entities`` gives the entities found so far; a kind not (yet) found
    reads as ``()``. The registry (``extract/__init__.py``) builds one per
    article as it runs the extractors, so a new fact kind needs no change here.
    """

    __slots__ = ("_facts",)

    def __init__(self, **facts: tuple[Any, ...]) -> None:
        self._facts: dict[str, tuple[Any, ...]] = dict(facts)

    def __getattr__(self, name: str) -> tuple[Any, ...]:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._facts.get(name, ())

    def adding(self, field: str, facts: tuple[Any, ...]) -> "Found":
        """A copy with ``field`` set to ``facts`` (the record stays unchanged)."""
        return Found(**{**self._facts, field: facts})

    def __repr__(self) -> str:
        return f"Found({', '.join(f'{k}={len(v)}' for k, v in self._facts.items())})"


# --------------------------------------------------------------------------- to and from dicts


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}
"""Field names of each dataclass type ``_plain`` met (None: not a dataclass): ``dataclasses.fields`` per
record cost most of ``to_dict``, which the store runs on every analysed article."""
_SCALARS = frozenset((str, int, float, bool, type(None)))


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    try:
        names = _FIELD_NAMES[kind]
    except KeyError:
        names = _FIELD_NAMES[kind] = (tuple(f.name for f in dataclasses.fields(value))
                                      if dataclasses.is_dataclass(value) and not isinstance(value, type) else None)
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(record: Any) -> Any:
    """The JSON-ready form of any record (dataclasses to dicts, tuples to lists).

    Keys follow the dataclass field order, so the output of a record is the same
    bytes from one run to the next and a new field only adds a key.
    """
    return _plain(record)


Convert: TypeAlias = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _converter(tp: Any) -> Convert:
    """A function turning the JSON form of a value of type ``tp`` back into that type."""
    if dataclasses.is_dataclass(tp):
        return lambda v: None if v is None else from_dict(tp, v)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        records = [a for a in options if dataclasses.is_dataclass(a) or typing.get_origin(a) is not None]
        if not records:
            return _same  # str | None, float | int: JSON already holds the value
        inner = _converter(records[0])
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda v: tuple(item(x) for x in v)
        items = [_converter(a) for a in args]
        return lambda v: tuple(c(x) for c, x in zip(items, v))
    if origin is list:
        item = _converter(args[0]) if args else _same
        return lambda v: [item(x) for x in v]
    return _same  # str, int, float, bool, Literal, Any, dict


@functools.lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, Convert, bool, bool], ...]:
    """Per field of ``cls``: name, converter, has a default, accepts None."""
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        plan.append((f.name, _converter(tp), has_default, type(None) in typing.get_args(tp)))
    return tuple(plan)


def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
    """Rebuild a record of type ``cls`` from its ``to_dict`` form, driven by its field types.

    Unknown keys are ignored (output written by a newer version still loads);
    a missing key takes the field's default, or None where the type allows it.
    Every record of this module, and any record a new fact kind declares,
    round-trips without code of its own.

    Raises:
        ValueError: a field with neither a default nor None allowed is missing.
    """
    kwargs: dict[str, Any] = {}
    for name, convert, has_default, nullable in _plan(cls):
        if name in data:
            kwargs[name] = convert(data[name])
        elif nullable and not has_default:
            kwargs[name] = None
        elif not has_default:
            raise ValueError(f"{cls.__name__}: missing field {name!r}")
    return cls(**kwargs)


__all__ = [
    "SCHEMA_VERSION", "Span", "EntityType", "QuoteKind", "Granularity", "FigureKind",
    "PLOVER_TYPES", "ENTITY_TYPES", "FIGURE_KINDS", "stable_id",
    "Article", "Rejected", "Entity", "Speaker", "Quote", "Actor", "Event", "Figure",
    "DateMention", "Place", "Fact", "Found", "to_dict", "from_dict",
]


# --------------------------------------------------------------------------- stories (issue 6)


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event of a story, merged from the reports of several articles.

    ``mentions`` pairs each reporting article id with the span of its sentence.
    """

    type: str
    source: Actor | None
    target: Actor | None
    date: str | None
    place: str | None
    trigger: str | None
    articles: tuple[str, ...]
    mentions: tuple[tuple[str, Span], ...] = ()


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """The same fact reported differently across a story's articles.

    ``values`` pairs article ids with the value each reports (as written);
    ``spans`` pairs article ids with the evidence span; ``kind`` is "figure" or
    "quote".
    """

    fact: str
    values: tuple[tuple[str, str], ...]
    kind: str = "figure"
    spans: tuple[tuple[str, Span], ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Articles telling one story, with its merged events and discrepancies.

    ``places`` (additive): each resolved place record its articles name, once, as the first
    article names it (its ``span`` indexes that article's text).
    """

    id: str
    title: str | None
    articles: tuple[str, ...]
    first_published: str | None
    events: tuple[MergedEvent, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    places: tuple[Place, ...] = ()


@dataclass(frozen=True, slots=True)
class Syndication:
    """A near-verbatim copy and its original (an article id or a wire agency name).

    Additive: ``earliest`` is the earliest published copy's id (also when the
    original is an agency), ``agency`` the wire agency credited, if any;
    ``evidence`` (SCHEMA 1.1) is ``(article id, span)`` of the credit line or of
    the passage the copy shares with its original.
    """

    copy: str
    original: str
    similarity: float
    earliest: str | None = None
    agency: str | None = None
    evidence: tuple[str, Span] | None = None


@dataclass(frozen=True, slots=True)
class StoriesResult:
    """Every story (each input article in exactly one) and the syndication links."""

    stories: tuple[Story, ...]
    syndication: tuple[Syndication, ...] = ()


__all__ += ["MergedEvent", "Discrepancy", "Story", "Syndication", "StoriesResult"]
