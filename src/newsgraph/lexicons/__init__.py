"""Curated data files the team writes (titles, countries, PLOVER verbs, figure cues...).

Each lexicon is a TSV or JSONL file in this folder whose first lines are ``#``
comments naming its source and licence. ``load_tsv``/``load_jsonl`` read a file
once per process (cached) and never touch the network; ``load_rows`` gives a
file's rows as its declared row type (``ROW_TYPES``); ``lexicon_hashes`` gives
the content hashes recorded with each run so outputs can be traced to the data
that made them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import typing
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, Callable, NamedTuple

from ..errors import LexiconError


def _read(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name!r} is missing from the package") from exc


@functools.lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV lexicon as dicts keyed by its header (first non-comment line)."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Records of a JSONL lexicon (``#`` comment lines and blank lines skipped)."""
    out = []
    for lineno, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{name}:{lineno}: {exc.msg}") from exc
    return tuple(out)


@functools.lru_cache(maxsize=1)
def lexicon_hashes() -> dict[str, str]:
    """sha256 (first 12 hex digits) of every packaged lexicon file, by file name."""
    out = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".tsv", ".jsonl", ".txt")):
            out[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()[:12]
    return out


# --------------------------------------------------------------------------- typed rows
# One row type per data file: its fields are the file's columns, in order
# (tests/lexicons/test_rows.py checks every packaged file against its type). A
# ``tuple[str, ...]`` column holds '|'-separated values; ``X | None`` is an empty cell.


class ContinentRow(NamedTuple):
    name: str
    geonameid: int
    lat: float
    lon: float
    aliases: tuple[str, ...]


class RegionRow(NamedTuple):
    name: str
    feature: str
    country: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...]


class CountryPointRow(NamedTuple):
    code: str
    lat: float
    lon: float
    why: str


class PlaceAbbreviationRow(NamedTuple):
    abbreviation: str
    division: str
    country: str


class PlaceNameRow(NamedTuple):
    name: str
    place: str
    country: str
    kind: str


class CountryRow(NamedTuple):
    code: str
    alpha2: str
    name: str
    status: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


class CurrencyRow(NamedTuple):
    form: str
    code: str
    where: str


class DateWordRow(NamedTuple):
    word: str
    kind: str
    value: str


class FigureCueRow(NamedTuple):
    cue: str
    pos: str
    kind: str
    roles: str | None


class FigureHedgeRow(NamedTuple):
    phrase: str
    bound: str
    where: str


class FigureSourceRow(NamedTuple):
    word: str
    type: str


class FirstNameRow(NamedTuple):
    name: str
    gender: str


class MetonymRow(NamedTuple):
    text: str
    country: str
    sector: str


class NumberRow(NamedTuple):
    word: str
    value: Decimal
    type: str


class OrganisationRow(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    role: str
    country: str | None


class PersonRow(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    country: str | None
    role: str


class PloverActorRow(NamedTuple):
    term: str
    kind: str
    code: str
    why: str


class PloverNonActorRow(NamedTuple):
    term: str
    kind: str
    why: str


class PloverPlaceRow(NamedTuple):
    place: str
    country: str
    why: str


class PloverTriggerRow(NamedTuple):
    lemma: str                 # '|' separates lemmas that share the row ("stop|halt")
    kind: str
    needs: str                 # ','-separated; '|' separates alternatives inside one need
    type: str | None
    why: str


class QuoteCueRow(NamedTuple):
    lemma: str
    type: str
    strength: str


class QuoteEpithetRow(NamedTuple):
    role: str


class QuoteRoleRow(NamedTuple):
    role: str
    titles: tuple[str, ...]


class StopwordRow(NamedTuple):
    word: str


class TitleRow(NamedTuple):
    title: str
    role: str | None
    kind: str
    full: str | None


class WireAgencyRow(NamedTuple):
    alias: str
    name: str
    kind: str


ROW_TYPES: dict[str, type] = {
    "continents.tsv": ContinentRow, "place_abbreviations.tsv": PlaceAbbreviationRow,
    "place_names.tsv": PlaceNameRow,
    "country_points.tsv": CountryPointRow, "regions.tsv": RegionRow,
    "countries.tsv": CountryRow, "currencies.tsv": CurrencyRow, "date_words.tsv": DateWordRow,
    "figure_cues.tsv": FigureCueRow, "figure_hedges.tsv": FigureHedgeRow,
    "figure_sources.tsv": FigureSourceRow, "first_names.tsv": FirstNameRow, "metonyms.tsv": MetonymRow,
    "numbers.tsv": NumberRow, "organisations.tsv": OrganisationRow, "people.tsv": PersonRow,
    "plover_actors.tsv": PloverActorRow, "plover_nonactors.tsv": PloverNonActorRow,
    "plover_places.tsv": PloverPlaceRow, "plover_triggers.tsv": PloverTriggerRow,
    "quote_cues.tsv": QuoteCueRow, "quote_epithets.tsv": QuoteEpithetRow, "quote_roles.tsv": QuoteRoleRow,
    "story_stopwords.tsv": StopwordRow, "titles.tsv": TitleRow, "wire_agencies.tsv": WireAgencyRow,
}
"""The row type of every packaged data file (a new file declares its type here)."""


def _cell_converter(tp: Any) -> Callable[[str], Any]:
    if tp == tuple[str, ...]:
        return lambda v: tuple(x.strip() for x in v.split("|") if x.strip())
    if tp == str | None:
        return lambda v: v or None
    if tp is Decimal:
        return Decimal
    if tp is float:
        return float
    if tp is int:
        return int
    return str


@functools.lru_cache(maxsize=None)
def load_rows(name: str) -> tuple[Any, ...]:
    """The rows of a data file as its declared row type (``ROW_TYPES``), read once.

    Raises:
        LexiconError: the file has no row type, its columns differ from the type's
            fields, or a cell does not parse as its field's type.
    """
    row_type = ROW_TYPES.get(name)
    if row_type is None:
        raise LexiconError(f"lexicon {name!r} has no row type in lexicons.ROW_TYPES")
    fields = row_type._fields
    hints = typing.get_type_hints(row_type)
    raw = load_tsv(name)
    if raw and tuple(raw[0]) != fields:
        raise LexiconError(f"{name}: columns {tuple(raw[0])} differ from {row_type.__name__}{fields}")
    convert = [_cell_converter(hints[f]) for f in fields]
    out = []
    for i, row in enumerate(raw, 1):
        try:
            out.append(row_type(*(c(row[f]) for c, f in zip(convert, fields))))
        except (ValueError, InvalidOperation) as exc:
            raise LexiconError(f"{name}: data row {i}: {exc}") from exc
    return tuple(out)
