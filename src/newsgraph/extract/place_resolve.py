"""Toponym resolution: which gazetteer record each place name in an article denotes.

Why this shape: a name alone is ambiguous ("Georgia", "Paris", "Aleppo" the city or the
governorate), but an article is about somewhere. Every mention starts from a prior (population,
feature type: a country or a state is named far more often than a namesake village), then the
article votes: the countries and first-order divisions its other places resolve to, its dateline,
the countries of its entities, and explicit qualifiers ("Paris, Texas", "Springfield, Ill.",
"Dolakha and Sindhupalchowk districts" share one country). Two rounds of voting settle most
articles; a mention with no candidate keeps null coordinates rather than a guess.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import Place, Span
from . import gazetteer
from .place_index import Candidate, PlaceIndex, key, place_index

_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.'\u2019-]*\.?)(?:\s+[A-Z][\w.'\u2019-]*){0,2})")
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z.'\- ]{1,40}?)(?:,\s*([A-Za-z.][A-Za-z. ]{1,30}?))?\s*"
                       r"(?:\([^)]{1,40}\))?\s*[\u2014\u2013-]{1,2}\s")
_PREFIXES = ("the ", "northern ", "southern ", "eastern ", "western ", "central ", "north ", "south ",
             "east ", "west ", "downtown ", "greater ")

# feature priors (log10 units, added to log10 population): tuned on the dev splits
FEATURE_BONUS = {"A.PCLI": 3.0, "A.ADM1": 1.2, "A.ADM2": -0.5, "P.PPL": 0.0}
ALIAS_PENALTY = 1.5
W_COUNTRY = 3.0
W_ADMIN1 = 2.0
W_QUALIFIED = 10.0


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym to resolve: its surface text and span, and an optional country known for it."""

    name: str
    span: Span
    country_hint: str | None = None


def _prior(c: Candidate) -> float:
    return (math.log10(max(c.population, 0) + 10) + FEATURE_BONUS.get(c.feature, 0.0)
            - (ALIAS_PENALTY if c.alias else 0.0) - (5.0 if c.lat is None else 0.0))


def _strip(name: str) -> str:
    low = name.lower()
    for p in _PREFIXES:
        if low.startswith(p) and len(name) > len(p) + 2:
            return name[len(p):]
    return name


def candidates_for(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """Records for a surface name, trying the name as written, then without "the"/"northern" etc.,
    then a demonym's country ("Irish" -> Ireland)."""
    got = index.candidates(name)
    if not got:
        stripped = _strip(name)
        if stripped != name:
            got = index.candidates(stripped)
    if not got:
        code = gazetteer.country_code(name, demonyms=True)
        if code:
            got = tuple(c for c in index.candidates(gazetteer.country_name(code) or "") if c.feature == "A.PCLI"
                        and c.country == code)
    return got


def _seats_as_cities(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Drop a division named after its own main city ("Aleppo" governorate, "Tbilisi" region):
    news naming it means the city, unless the city holds under 30% of the division's people."""
    cities = [c for c in cands if c.feature.startswith("P.")]
    if not cities:
        return cands
    keep = []
    for c in cands:
        if c.feature in ("A.ADM1", "A.ADM2") and any(
                (p.admin1_id == c.id or p.admin2_id == c.id) and p.population >= 0.3 * c.population for p in cities):
            continue
        keep.append(c)
    return tuple(keep)


def _qualifier(text: str, end: int, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The records of a ", Texas"-style qualifier right after a mention (countries and divisions only)."""
    m = _QUALIFIER.match(text, end)
    if not m:
        return ()
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        got = tuple(c for c in candidates_for(" ".join(words[:n]), index) if c.feature.startswith("A."))
        if got:
            return got
    return ()


def _contains(outer: Candidate, inner: Candidate) -> bool:
    if outer.feature == "A.PCLI":
        return inner.country == outer.country and inner.id != outer.id
    if outer.feature == "A.ADM1":
        return inner.admin1_id == outer.id and inner.id != outer.id
    if outer.feature == "A.ADM2":
        return inner.admin2_id == outer.id and inner.id != outer.id
    return False


def dateline(text: str) -> str | None:
    """The place of a dateline ("KABUL, Afghanistan (Reuters) -- ..."), or None."""
    m = _DATELINE.match(text[:120])
    return m.group(1).strip() if m else None


def resolve(text: str, mentions: Sequence[Mention], *, context_countries: Iterable[str] = (),
            index: PlaceIndex | None = None) -> list[Place]:
    """Resolve every mention of one article to a ``Place`` (null coordinates when unknown).

    ``context_countries`` are countries the article's other facts name (entities' countries,
    demonyms); they vote like places do, with less weight.
    """
    index = index or place_index()
    cands = [_seats_as_cities(candidates_for(m.name, index)[:60]) for m in mentions]
    quals = [_qualifier(text, m.span[1], index) for m in mentions]
    fixed: list[set[int]] = []
    for cs, qs in zip(cands, quals):
        inside = {c.id for c in cs for q in qs if _contains(q, c)}
        fixed.append(inside)
    base = [[_prior(c) + (W_QUALIFIED if c.id in fx else 0.0) for c in cs] for cs, fx in zip(cands, fixed)]
    extra_c = Counter(context_countries)
    line = dateline(text)
    if line:
        for c in candidates_for(line, index)[:1]:
            extra_c[c.country] += 2
    for m in mentions:
        if m.country_hint:
            extra_c[m.country_hint] += 0.5
    choice = [max(range(len(cs)), key=lambda i, b=b: b[i]) if cs else None for cs, b in zip(cands, base)]
    for _round in range(2):
        countries: Counter[str] = Counter()
        admins: Counter[int] = Counter()
        keys = [key(m.name) for m in mentions]
        chosen = [cands[i][ch] if ch is not None else None for i, ch in enumerate(choice)]
        for k, c in zip(keys, chosen):
            if c is None:
                continue
            if c.country:
                countries[(k, c.country)] = 1
            if c.admin1_id:
                admins[(k, c.admin1_id)] = 1
        by_country: Counter[str] = Counter()
        by_admin: Counter[int] = Counter()
        for (k, code), n in countries.items():
            by_country[code] += n
        for (k, a1), n in admins.items():
            by_admin[a1] += n
        new_choice = []
        for i, cs in enumerate(cands):
            if not cs:
                new_choice.append(None)
                continue
            own = chosen[i]
            n_names = max(1, len({k for k, _ in countries}) - 1)
            best, best_s = 0, -1e9
            for j, c in enumerate(cs):
                vc = by_country.get(c.country, 0) - (1 if own is not None and own.country == c.country else 0)
                va = by_admin.get(c.admin1_id or -1, 0) - (1 if own is not None and own.admin1_id == c.admin1_id
                                                           and c.admin1_id else 0)
                s = (base[i][j] + W_COUNTRY * (vc + extra_c.get(c.country, 0) * 0.5) / (n_names + 1)
                     + W_ADMIN1 * va / (n_names + 1))
                if s > best_s:
                    best, best_s = j, s
            new_choice.append(best)
        choice = new_choice
    out = []
    for m, cs, ch, b in zip(mentions, cands, choice, base):
        if ch is None:
            out.append(Place(name=m.name, span=m.span, confidence=0.0))
            continue
        c = cs[ch]
        scores = sorted(b, reverse=True)
        margin = b[ch] - (scores[1] if len(scores) > 1 else b[ch] - 3)
        conf = round(1 / (1 + math.exp(-margin)), 3) if len(cs) > 1 else 0.95
        out.append(Place(name=m.name, span=m.span, geonameid=c.geonameid, lat=c.lat, lon=c.lon,
                         country=c.country, feature=c.feature, admin1=c.admin1, confidence=conf))
    return out


__all__ = ["Mention", "resolve", "candidates_for", "dateline"]
