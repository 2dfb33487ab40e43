"""Country, capital, title and organisation look-ups over the team's lexicons.

Entities, events (actor codes) and figures (sources) share these so a country
alias or a title is known in one place only. Functions take surface text in any
case and return None when they do not know it.

Matching is forgiving about case, accents, full stops, hyphens, curly
apostrophes, a leading "the" and a trailing possessive ("the U.S.'s" ->
"us"), with one guard: an alias the lexicon writes in capitals ("US", "UN",
"WHO", "IS") matches only text written in capitals, so the pronoun "us" or the
verb "is" never become a country or a group.

Lexicons (``lexicons/countries.tsv``, ``metonyms.tsv``, ``titles.tsv``,
``organisations.tsv``) are read once per process, on first use.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from anyascii import anyascii

from ..lexicons import CountryRow, load_rows

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                              "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)  # "MOSCOW'S" in a headline or dateline too
_SPACES = re.compile(r"\s+")


#: One ISO 3166-1 country or territory from ``countries.tsv`` (the lexicon's own row type).
Country = CountryRow


class Organisation(NamedTuple):
    """A known organisation: canonical name, sector role and country (None for IGOs)."""

    name: str
    role: str
    country: str | None


class Metonym(NamedTuple):
    """A capital or seat of power: its lexicon spelling, country, sector, and whether it is a capital."""

    name: str
    country: str
    sector: str
    capital: bool


class Person(NamedTuple):
    """A prominent actor from ``people.tsv``: canonical name, country (None for IGO staff), role."""

    name: str
    country: str | None
    role: str | None


class Title(NamedTuple):
    """A known title: its canonical lowercase form, role (None when unknown) and kind."""

    title: str
    role: str | None
    kind: str


def fold(text: str) -> str:
    """``text`` transliterated to ASCII ("Zoran Đinđić" -> "Zoran Dindic", "Straße" -> "Strasse").

    Accent stripping by Unicode decomposition leaves letters such as "Đ", "ł", "ø"
    unfolded, so a name written with them never met its plain spelling; ``anyascii``
    transliterates every script. Only for look-up keys: the length may change.
    """
    return text if text.isascii() else anyascii(text)


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:  # memoised: every look-up of every phrase asks it
    """The look-up key for surface text: folded case and accents, no dots or "the", hyphens as spaces.

    Examples: "the U.S." -> "us"; "Côte d'Ivoire" -> "cote d'ivoire"; "Đinđić" -> "dindic";
    "Secretary-General" -> "secretary general"; "Moscow's" -> "moscow".
    """
    text = text.translate(_APOSTROPHES).strip()
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    text = fold(text)
    text = text.casefold().replace(".", "").replace("-", " ")
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _caps_only(alias: str) -> bool:
    """True for acronym-like aliases that must be written in capitals to match ("US", "WHO")."""
    core = alias.replace(".", "").replace("-", "").replace(" ", "")
    return _is_caps(alias) and len(core) <= 5


class _Index:
    """A normalised-key index where capital-only keys are kept apart."""

    __slots__ = ("any_case", "caps")

    def __init__(self) -> None:
        self.any_case: dict[str, object] = {}
        self.caps: dict[str, object] = {}

    def add(self, surface: str, value: object, *, keep_first: bool = True) -> None:
        key = normalise(surface)
        if not key:
            return
        table = self.caps if _caps_only(surface) else self.any_case
        if keep_first and key in table:
            return
        table[key] = value

    def get(self, text: str) -> object | None:
        key = normalise(text)
        if not key:
            return None
        hit = self.any_case.get(key)
        if hit is None and key in self.caps:
            surface = _POSSESSIVE.sub("", text.translate(_APOSTROPHES).strip())
            if surface[:4].lower() == "the ":
                surface = surface[4:]
            if _is_caps(surface):
                hit = self.caps[key]
        return hit


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries and territories by alpha-3 code, in file order."""
    out: dict[str, Country] = {}
    for row in load_rows("countries.tsv"):
        out[row.code] = row._replace(status=row.status or "state")
    return out


@functools.lru_cache(maxsize=1)
def _country_indexes() -> tuple[_Index, _Index]:
    names, demonyms = _Index(), _Index()
    table = countries()
    # Canonical names first, then aliases: an alias never shadows another country's name.
    for c in table.values():
        names.add(c.name, c.code)
    for c in table.values():
        for alias in c.aliases:
            names.add(alias, c.code)
    for c in table.values():
        for dem in c.demonyms:
            demonyms.add(dem, c.code)
    return names, demonyms


def country_code(text: str, *, demonyms: bool = True) -> str | None:
    """ISO 3166-1 alpha-3 for a country name, alias or demonym ("U.S.", "Russians" -> "RUS").

    Args:
        text: surface text, e.g. "the United States", "Côte d'Ivoire", "Syrian".
        demonyms: also accept demonyms and adjectives ("Russian", "Americans").

    Returns:
        The alpha-3 code, or None when the text names no known country.
    """
    names, dems = _country_indexes()
    hit = names.get(text)
    if hit is None and demonyms:
        hit = dems.get(text)
    return hit  # type: ignore[return-value]


def is_demonym(text: str) -> bool:
    """True when ``text`` is a demonym or national adjective ("Russian", "Americans"), not a name."""
    names, dems = _country_indexes()
    return names.get(text) is None and dems.get(text) is not None


_COMPASS = frozenset("north south east west central latin northern southern eastern western".split())


@functools.lru_cache(maxsize=1)
def _continent_words() -> frozenset[str]:
    """Continents' own adjectives ("African", "European"), from ``continents.tsv``'s one-word aliases."""
    return frozenset(a.lower() for row in load_rows("continents.tsv") for a in row.aliases if " " not in a)


def names_many_countries(text: str) -> bool:
    """True when a phrase's people or adjective spans many countries: a continent's ("European
    countries") or a region's made of a compass word and a demonym ("South American", "Latin American
    leaders"), not a country's own two-word demonym ("South Korean", "Central African").

    Such a group is no one state's, so its actor takes no country: not the USA that "American" alone
    names, nor a country the rest of the sentence names.
    """
    words = text.replace("-", " ").split()
    i = 0
    while i < len(words):
        if words[i].lower() in _COMPASS and i + 1 < len(words):
            if country_code(f"{words[i]} {words[i + 1]}"):
                i += 2  # "Central African" troops are the Central African Republic's
                continue
            if is_demonym(words[i + 1]):
                return True
        if words[i].lower().removesuffix("s") in _continent_words():
            return True
        i += 1
    return False


def country_name(code: str) -> str | None:
    """The canonical name for an alpha-3 (or alpha-2) code ("USA" -> "United States")."""
    if not code:
        return None
    code = code.strip().upper()
    table = countries()
    if code in table:
        return table[code].name
    if len(code) == 2:
        for c in table.values():
            if c.alpha2 == code:
                return c.name
    return None


def country(code: str) -> Country | None:
    """The full lexicon row for an alpha-3 code, or None."""
    return countries().get(code.strip().upper()) if code else None


@functools.lru_cache(maxsize=1)
def _metonym_index() -> _Index:
    idx = _Index()
    for row in load_rows("metonyms.tsv"):
        idx.add(row.text, Metonym(row.text, row.country, row.sector, False))
    for c in countries().values():
        if c.status != "state":
            continue
        for cap in c.capitals:
            idx.add(cap, Metonym(c.capitals[0] if "," in cap or "." in cap else cap, c.code, "GOV",
                                 True))
    return idx


def metonym(text: str) -> tuple[str, str] | None:
    """(country, sector) for a capital or seat of power ("the Kremlin" -> ("RUS", "GOV")).

    Capitals of sovereign states count as the government ("Moscow" -> ("RUS",
    "GOV")); whether a capital is used as a metonym or as a place is the
    caller's decision.
    """
    hit = metonym_info(text)
    return (hit.country, hit.sector) if hit else None


def metonym_info(text: str) -> Metonym | None:
    """The capital or seat of power ``text`` names, with its lexicon spelling ("WASHINGTON" -> "Washington")."""
    return _metonym_index().get(text)  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def _title_index() -> dict[str, Title]:
    out: dict[str, Title] = {}
    for row in load_rows("titles.tsv"):
        key = normalise(row.title)
        name = normalise(row.full or "") or key
        out.setdefault(key, Title(name, row.role, row.kind or "office"))
    return out


def title(text: str) -> Title | None:
    """The known title for ``text`` ("Foreign Minister" -> Title("foreign minister", "GOV", "office"))."""
    return _title_index().get(normalise(text))


def title_role(title: str) -> str | None:
    """Sector role for a title ("foreign minister" -> "GOV", "general" -> "MIL")."""
    hit = _title_index().get(normalise(title))
    return hit.role if hit else None


@functools.lru_cache(maxsize=1)
def title_keys() -> frozenset[str]:
    """Every known title as a normalised key (for matching word sequences)."""
    return frozenset(_title_index())


@functools.lru_cache(maxsize=1)
def _org_index() -> _Index:
    idx = _Index()
    rows = load_rows("organisations.tsv")
    for row in rows:
        idx.add(row.name, Organisation(row.name, row.role, row.country))
    for row in rows:  # every canonical name first: an alias never shadows another body's name
        org = Organisation(row.name, row.role, row.country)
        for alias in row.aliases:
            idx.add(alias, org)
    return idx


def organisation_info(text: str) -> Organisation | None:
    """The known organisation ``text`` names, with role and country ("ISIL" -> Islamic State, REB)."""
    return _org_index().get(text)  # type: ignore[return-value]


def organisation(text: str) -> tuple[str, str] | None:
    """(canonical name, role) for a known organisation ("the U.N." -> ("United Nations", "IGO"))."""
    hit = organisation_info(text)
    return (hit.name, hit.role) if hit else None


@functools.lru_cache(maxsize=1)
def _people_index() -> _Index:
    idx = _Index()
    for row in load_rows("people.tsv"):
        person = Person(row.name, row.country, row.role or None)
        idx.add(row.name, person)
        for alias in row.aliases:
            idx.add(alias, person)
    return idx


def person_info(name: str) -> Person | None:
    """A prominent actor by full name ("Bashar Assad" -> Bashar al-Assad, SYR, GOV); never by surname."""
    return _people_index().get(name)  # type: ignore[return-value]


__all__ = [
    "Country", "Organisation", "Title", "normalise", "country_code", "is_demonym", "country_name",
    "names_many_countries", "country", "countries", "metonym", "metonym_info", "Metonym", "Person", "person_info", "title", "title_role", "title_keys", "organisation",
    "organisation_info",
]
