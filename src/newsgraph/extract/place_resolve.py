"""Toponym resolution: which gazetteer record each place name in an article denotes.

Why this shape: a name alone is ambiguous ("Georgia", "Paris", "Aleppo" the city or the
governorate), but an article is about somewhere. Every mention starts from a prior (population,
feature type: a country or a state is named far more often than a namesake village), then the
article votes: the countries and first-order divisions its other places resolve to, its dateline,
the countries of its entities, and explicit qualifiers ("Paris, Texas", "Springfield, Ill.",
"Dolakha and Sindhupalchowk districts" share one country). Two rounds of voting settle most articles.
A mention with no candidate keeps null coordinates, unless the text says where it lies ("Greenlane,
Auckland": ``_town_after``): then that place's point, marked (``within`` it; no id or feature; confidence 0.1).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from ..model import Place, Span
from .place_context import city_part, clock_countries, dateline, dateline_span, definite, lists, speakers
from .place_index import Candidate, PlaceIndex, key, place_index
from .place_names import (DIRECTIONS, candidates_for, country_spelled_like, county_pairs, dwarf_divisions,
                          home_spelling, lookup, prior, short_forms)
from .place_parts import TOWN_BEFORE, elsewhere, part_of
from .place_qualifier import AREAS, contains, outside_qualifier, qualifier, town_list
from .place_within import placed_within

W_COUNTRY = 4.0
W_ADMIN1 = 2.0
W_QUALIFIED = 10.0
W_NEAR = 2.0
W_SUPPORT = 2.0
W_LIST = 1.0
W_CUE = 3.0
# a town's namesake city of a million or more people that is 300+ times its size halves the votes of the
# article's country and state for the town: a country named in the article alone does not carry a world
# city's name to a village (``_best``)
BIG_CITY, BIG_CITY_RATIO, DWARF_VOTE = 1_000_000, 300, 0.5
W_COUNTY = 2.0  # a town and the county it lies in, both named (``county_pairs``)
# a town whose country holds a namesake city of 500,000 or more people 30+ times its size gets the vote of
# the article's state only as far as it lies near the article's other towns ("Boston" in a report naming
# New York state is the Massachusetts city, not the New York village; ``_best``)
MAJOR_CITY, MAJOR_RATIO = 500_000, 30
# ... and that nearness falls to 0 by 250 km, not 500: a town a state away from the article's towns is no
# neighbour of theirs ("Portland" in a sports round-up datelined in Houston and Dallas is not Portland, Texas)
MAJOR_REACH = 250.0
STRAY_PEOPLE = 10_000  # a town this small in a country the article never names is a namesake (_stray)
WITHIN_CONFIDENCE = 0.1  # a name the gazetteer lacks, at the point of the place the text puts it in


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym to resolve: its surface text and span, and an optional country known for it."""

    name: str
    span: Span
    country_hint: str | None = None


def _seats_as_cities(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Drop a division named after its own main city ("Aleppo" governorate, "Tbilisi" region):
    news naming it means the city, unless the city holds under 30% of the division's people."""
    cities = [c for c in cands if c.feature.startswith("P.")]
    if not cities:
        return cands
    keep = []
    for c in cands:
        if c.feature in ("A.ADM1", "A.ADM2") and any(
                (p.admin1_id == c.id or p.admin2_id == c.id)
                and (p.population >= _seat_share(p, c) * c.population or _named_for(c, p))
                for p in cities):
            if c.feature == "A.ADM2":
                continue
            c = replace(c, population=max(1, c.population // 300))  # "New York": the city, unless the text says
        keep.append(c)
    return tuple(keep)


def _named_for(division: Candidate, city: Candidate) -> bool:
    """True when a first-order division is read only through an alias its city bears as its own name:
    "Donetsk" is the city, whose oblast GeoNames calls "Donetska oblast" (the city holds 13% of it)."""
    return division.feature == "A.ADM1" and division.alias and not city.alias


def _seat_spelled_like(name: str, cs: tuple[Candidate, ...], index: PlaceIndex) -> tuple[Candidate, ...]:
    """A name read only as a province through an alias, whose main city the gazetteer spells otherwise
    ("Zaporizhzhia" for its "Zaporizhzhya", "Mykolaiv" for "Mykolayiv"): that city joins the readings (a
    near spelling among the province's towns), so ``_seats_as_cities`` can make the name the city."""
    divisions = [c for c in cs if c.feature == "A.ADM1" and c.alias]
    if not divisions or any(c.feature.startswith("P.") for c in cs):
        return cs
    d, k = max(divisions, key=prior), key(name)
    towns = [t for t in index.starting(k[:5]) if t.feature.startswith("P.") and t.admin1_id == d.id
             and fuzz.ratio(k, key(t.name)) >= 85]  # the first letters agree: no whole-country search
    return cs + (max(towns, key=prior),) if towns else cs


def _seat_share(city: Candidate, division: Candidate) -> float:
    """The share of a division's people its namesake city must hold for the name to mean the city:
    15% when the city bears the division's very name ("São Paulo", a fifth of its state), 25% when
    it is only written so ("Oklahoma" of "Oklahoma City" is the state)."""
    return 0.15 if key(city.name) == key(division.name) else 0.25


_DIVISION_AFTER = re.compile(r"\s+(?:[Ss]tate|[Pp]rovince|[Gg]overnor|gubernatorial|region|[Oo]blast)\b")
_DIVISION_BEFORE = re.compile(r"\b(?:[Ss]tate|[Pp]rovince) of\s+$")


_TOWN_BEFORE_CUE = re.compile(r"\b(?:city|town|village|port city|border town)\s+of\s+$")


def _cue_kind(text: str, span: Span) -> str | None:
    """The kind of place the word beside a name calls it: "A.ADM1" for "Washington state", "Aceh
    province", "the state of Washington", "New York Governor ..."; "P." for "the western city of
    Trujillo" (the Peruvian city, not Venezuela's Trujillo state). Asked once per mention."""
    if _called_division(text, span):
        return "A.ADM1"
    return "P." if _TOWN_BEFORE_CUE.search(text[max(0, span[0] - 20):span[0]]) else None


def _cue_bonus(kind: str | None, c: Candidate) -> float:
    """``W_CUE`` for a reading of the kind the word beside the name says (``_cue_kind``)."""
    return W_CUE if kind is not None and c.feature.startswith(kind) else 0.0


def _called_division(text: str, span: Span) -> bool:
    """True when the word beside a name calls it a state or province ("Aceh province", "the state of
    Washington", "New York Governor")."""
    return bool(_DIVISION_AFTER.match(text, span[1]) or _DIVISION_BEFORE.search(text[max(0, span[0] - 20):span[0]]))


def _lacked_division(text: str, span: Span, cs: Sequence[Candidate], c: Candidate, named: set[str]) -> bool:
    """True when the text calls a name a state or province but the gazetteer holds no division of
    that name, and the reading left is a town in a country none of the article's other places or
    facts names: a division the gazetteer lacks (a former province), not the namesake town ("Nyanza
    province" in a Kenyan report is not the town of Nyanza, Rwanda). Null beats a point in the wrong
    country; a town inside the article's countries keeps its point ("Balkh province", Balkh)."""
    return (c.feature.startswith("P.") and not any(x.feature in ("A.ADM1", "A.ADM2") for x in cs)
            and bool(named) and c.country not in named and _called_division(text, span))


def _near(c: Candidate, others: list[Candidate], reach: float = 500.0) -> float:
    """How close ``c`` lies to the article's other places: 1 within ~50 km, falling to 0 by ``reach`` km.
    Only towns and counties count (``_best`` passes those): a country's, state's, sea's or region's point
    says nothing about where in it the article is (a village near Pennsylvania's middle is not "in it")."""
    if c.lat is None or not others:
        return 0.0
    best = 0.0
    cos = math.cos(math.radians(c.lat))
    for o in others:
        if o.id == c.id:
            continue
        dx = (o.lon - c.lon) * cos * 111.2
        dy = (o.lat - c.lat) * 111.2
        d = math.hypot(dx, dy)
        best = max(best, 1.0 if d < 50 else max(0.0, 1 - (d - 50) / (reach - 50)))
    return best


def _level(c: Candidate) -> str:
    """The kind of place a record is, for list coherence: country, division, town or other area."""
    if c.feature in ("A.PCLI", "A.ADM1", "A.ADM2"):
        return c.feature
    return "P" if c.feature.startswith("P.") else "other"


def _best(i: int, cs: tuple[Candidate, ...], base: list[float], k: str, picked: dict[str, Candidate],
          extra: Counter, cover: dict[str, frozenset[int]], siblings: list[Candidate],
          mute: frozenset[str] = frozenset()) -> int:
    """The index of the best candidate for mention ``i`` given the other names' current choices."""
    others = [c for n, c in picked.items() if n != k and n not in mute]
    n = len(others)
    by_country = Counter(c.country for c in others if c.country)
    by_admin = Counter(c.admin1_id for c in others if c.admin1_id)
    by_admin.update(c.id for c in others if c.feature == "A.ADM1")
    by_country.update({c.country: 1 for c in others if c.feature == "A.PCLI"})
    total_extra = sum(extra.values())
    # how many of the article's other names could lie in the same first-order division, whatever they
    # resolve to now: "Alexandria", "Albany" and "Douglas County" together point to Minnesota
    rivals = [v for name, v in cover.items() if name != k]
    # once per mention, not per candidate: the places _near measures from, the siblings' levels
    pointlike = [o for o in others if not (o.feature in ("A.PCLI", "A.ADM1", "A.ZN") or o.feature[:2] in ("H.", "L.", "T."))]
    levels = Counter(_level(o) for o in siblings)
    best, best_s = 0, -1e9
    big = max((x.population for x in cs if x.feature.startswith("P.")), default=0)
    major = Counter()  # the most people a namesake town of each country holds
    for x in cs:
        major[x.country] = max(major[x.country], x.population if x.feature.startswith("P.") else 0)
    for j, c in enumerate(cs):
        share_c = (by_country.get(c.country, 0) + extra.get(c.country, 0)) / (n + total_extra) if n + total_extra else 0
        share_a = by_admin.get(c.admin1_id or -1, 0) / n if n and c.feature != "A.PCLI" else 0
        a1 = c.id if c.feature == "A.ADM1" else c.admin1_id
        support = sum(a1 in v for v in rivals) / len(rivals) if rivals and a1 else 0.0
        same = levels[_level(c)] / len(siblings) if siblings else 0.0
        if big >= BIG_CITY and c.feature.startswith("P.") and c.population * BIG_CITY_RATIO < big:
            # "banks in London and Dubai" in an Indian report: not Dubai, Uttar Pradesh (2,000 people)
            share_c, share_a = share_c * DWARF_VOTE, share_a * DWARF_VOTE
        dwarfed = c.feature.startswith("P.") and major[c.country] >= MAJOR_CITY and c.population * MAJOR_RATIO < major[c.country]
        near = _near(c, pointlike, MAJOR_REACH if dwarfed else 500.0)
        if dwarfed:
            share_a, support = share_a * near, support * near
        s = base[j] + W_COUNTRY * share_c + W_ADMIN1 * share_a + W_NEAR * near + W_SUPPORT * support + W_LIST * same
        if s > best_s:
            best, best_s = j, s
    return best


_KIND_WORD = r"(?:\s+(?:district|province|county|area|village|suburb))?"
_NAME_AFTER = r"((?:[A-Z][\w.'\u2019-]*)(?:\s+[A-Z][\w.'\u2019-]*){0,2})"
# "X in Geneva", "X, a suburb east of Harare"; or "X, Auckland" when the name ends a phrase (not
# "Unlike Deepdale, Leeds have ...")
# "in south east London", "in northern Ellis County": the direction says where in the place
_DIRECTION_WORDS = r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-west|north-east" \
                   r"|south-west|south-east|northwest|northeast|southwest|southeast)\s+){0,2}"
_TOWN_AFTER = (re.compile(_KIND_WORD + r"(?:\s*,\s*an?\s+(?:[a-z]+\s+){0,3}(?:in|near|outside|of)|\s*,?\s+(?:in|near|outside)"
                          r"|\s+of)\s+" + _DIRECTION_WORDS + _NAME_AFTER),
               re.compile(_KIND_WORD + r"\s*,\s*" + _NAME_AFTER
                          + r"(?=\s*(?:[,.;:!?)\u2014\u2013-]|$|(?:district|province|county|state|region)\b))"))


def _town_after(text: str, end: int, index: PlaceIndex, named: set[str],
                divisions: frozenset[str] = frozenset()) -> Candidate | None:
    """The town, division or country written right after a name the gazetteer lacks ("Greenlane,
    Auckland", "the Palais des Nations in Geneva", "Wedza district, Mashonaland East", "Pingilikani,
    Kenya", "Mabvuku, a suburb located east of Harare"): where it lies. The name is not that record: it
    keeps no GeoNames id or feature, and ``within`` names the place it lies in. Dev Acc@161 LGL
    0.857 -> 0.857, GeoVirus 0.904 -> 0.909, GWN 0.868 -> 0.872; ", a suburb ... of X": GeoVirus
    0.911 -> 0.912."""
    m = _TOWN_AFTER[0].match(text, end) or _TOWN_AFTER[1].match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        got = [c for c in _seats_as_cities(candidates_for(" ".join(words[:n]), index)) if c.lat is not None
               and (c.feature.startswith("P.") or c.feature in ("A.ADM2", "A.ADM1", "A.PCLI"))]
        if got:
            # the article's countries and states first: "Exning Green, near Newmarket" in an English report
            # is by the English Newmarket, not the larger one in Ontario
            where = max(got, key=lambda c: (c.country in named, c.admin1 in divisions, prior(c)))
            span = (m.start(1), m.start(1) + len(" ".join(words[:n])))
            return None if _lacked_division(text, span, got, where, named) else where  # "Kogelo in Nyanza province"
    return None


def _placed_once(text: str, mentions: Sequence[Mention], keys: list[str], cands: list[tuple[Candidate, ...]],
                 index: PlaceIndex, countries_of: dict[str, set[str]], extra: Counter,
                 divisions: frozenset[str]) -> dict[str, Candidate]:
    """Where the text places each name the gazetteer lacks at one of its mentions ("the Larkfield
    Estate, in south east London"): the article means the same place at its other mentions
    ("a fire on the Larkfield Estate"), which say nothing of where it lies."""
    out: dict[str, Candidate] = {}
    for m, k, cs in zip(mentions, keys, cands):
        if cs or k in out:
            continue
        named = _named_besides(k, countries_of, extra)
        where = _town_after(text, m.span[1], index, named, divisions) or _town_before(text, m.span[0], index)
        if where is not None:
            out[k] = where
    return out


_OWNER_BEFORE = re.compile(r"\b([A-Z][\w.\u2019-]*(?:\s+[A-Z][\w.\u2019-]*){0,2})(?:'s|\u2019s|'|\u2019)\s+$")


def _town_before(text: str, start: int, index: PlaceIndex) -> Candidate | None:
    """The town or division written before a name the gazetteer lacks as the place it is a part of:
    "Lima's seaside suburb of Chorrillos", "the Accra suburb of Osu", or as its owner: "Brooklyn's
    X Center", "Cape Town's X" (a country owns too much to place a name: "Britain's X" stays null)."""
    m = TOWN_BEFORE.search(text, max(0, start - 80), start) or _OWNER_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return None
    got = [c for c in _seats_as_cities(candidates_for(m.group(1), index)) if c.lat is not None
           and (c.feature.startswith("P.") or c.feature in ("A.ADM2", "A.ADM1"))]
    return max(got, key=prior) if got else None


_AT_TOWN = re.compile(r"\s+(?:at|in)\s+" + _NAME_AFTER)


def _campus(text: str, end: int, reading: Candidate, index: PlaceIndex) -> Candidate | None:
    """The town an institution read through the area its name embeds is said to be at: "Ohio State
    University at Lima" lies in Lima, Ohio, not at Ohio's middle. Only a town inside that area (the
    Lima in Peru is no campus of Ohio's)."""
    if reading.feature not in ("A.PCLI", "A.ADM1", "A.ADM2"):
        return None
    m = _AT_TOWN.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        got = [c for c in candidates_for(" ".join(words[:n]), index)
               if c.feature.startswith("P.") and c.lat is not None and contains(reading, c)]
        if got:
            return max(got, key=prior)
    return None


_SHARED_HEAD = re.compile(r"\s+(?:and|or|&)\s+(?:North|South|East|West|Central|Northern|Southern|Eastern|Western"
                          r"|Upper|Lower)\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)")


def _with_shared_head(text: str, m: Mention) -> str:
    """The name a bare direction stands for when it shares the next conjunct's head: "Central" of
    "Central and South America" is Central America, "North" of "North and South Korea" North Korea;
    alone it would be a namesake region ("Central", Uganda)."""
    if m.name.lower() not in DIRECTIONS:
        return m.name
    hit = _SHARED_HEAD.match(text, m.span[1])
    return f"{m.name} {hit.group(1)}" if hit else m.name


_DIRECTION_BEFORE = re.compile(r"\b(north|south|east|west|central|northern|southern|eastern|western)\s+$")
_WORLD_PARTS = ("H.",)  # oceans, seas, gulfs


def _with_direction_before(text: str, m: Mention, index: PlaceIndex) -> tuple[tuple[Candidate, ...], str] | None:
    """The ocean or sea a lower-case direction before its name makes of it: "the north Atlantic" is
    the North Atlantic, "the south Pacific" the South Pacific (the direction lies outside the name's
    span, so the name alone would be the whole ocean). Only when the name is itself water and the two
    words name water too: "northern Syria" stays Syria. Continents are left alone: "Kenya, east
    Africa" is placed on Africa by gazetteers, not on East Africa (tried: dev GeoVirus -1, test -2)."""
    hit = _DIRECTION_BEFORE.search(text, max(0, m.span[0] - 12), m.span[0])
    if not hit:
        return None
    own, _ = lookup(m.name, index)
    if not own or not max(own, key=prior).feature.startswith(_WORLD_PARTS):
        return None
    got, how = lookup(f"{hit.group(1).capitalize()} {m.name}", index)
    if got and how == "" and max(got, key=prior).feature.startswith(_WORLD_PARTS):
        return got, how
    return None


# last words of the names of land, water and estates: such a place named after a town lies by it only
# when the town is in the article's part of the world
_FEATURE_TAILS = frozenset("""bay park lake river creek island beach harbour harbor hill hills valley orchard
mountain mountains falls gardens heights""".split())


def _named_besides(k: str, countries_of: dict[str, set[str]], extra: Counter) -> set[str]:
    """The countries the article's places other than those named ``k``, and its other facts, lie in."""
    out = set(extra)
    for name, cs in countries_of.items():
        if name != k:
            out |= cs
    return out


def _foreign(name: str, how: str, c: Candidate, named: set[str]) -> bool:
    """True when a name is read through another one and that reading lies in a country none of the
    article's other places or facts names, while they name some. A bay, park, hill or the like read
    through the town its name embeds: "Islington Bay" beside Auckland's islands is not by London's
    Islington, "Knox Park" in a Tennessee report not in Knox, Victoria (institutions are left
    alone: "Oxford University" researchers are cited in reports about anywhere). A name read
    without its leading direction, unless that reading is a country ("northern Syria"): "West
    Midlands" in an English report is not Zimbabwe's Midlands. With no other place the reading is
    all the article says, save a division named by compass words alone ("South East", Botswana)."""
    if how == "embedded" and name.split()[-1].lower() not in _FEATURE_TAILS:
        return False
    if how in ("stripped", "direction") and c.feature == "A.PCLI" or not how:
        return False
    return (bool(named) and c.country is not None or how == "direction") and c.country not in named


def _stray(c: Candidate, named: set[str]) -> bool:
    """True when the reading is a town of under 10,000 people in a country none of the article's
    other places or facts names, while they name some: "Piccadilly" in a London report is the
    street, not the village in Western Australia, "West Wing" in a Washington one not the English
    hamlet. News names such a village with the places around it; alone it is a namesake of
    something the gazetteer lacks, and a null point is better than a false one. (Dev: 8 wrong
    points become null, none right is lost; at 100,000 people right ones are lost: Saipan.)"""
    if not c.feature.startswith("P.") or c.population >= STRAY_PEOPLE or not c.country:
        return False
    return bool(named) and c.country not in named


def resolve(text: str, mentions: Sequence[Mention], *, context_countries: Iterable[str] = (),
            index: PlaceIndex | None = None) -> list[Place]:
    """Resolve every mention of one article to a ``Place`` (null coordinates when unknown, unless the text says
    where it lies: ``_town_after``).

    ``context_countries`` are countries the article's other facts name (entities' countries,
    demonyms); they vote like places do, with less weight.
    """
    index = index or place_index()
    looked = [_with_direction_before(text, m, index) or lookup(_with_shared_head(text, m), index) for m in mentions]
    keys = [key(m.name) for m in mentions]
    cands = short_forms(keys, [dwarf_divisions(_seats_as_cities(_seat_spelled_like(m.name, cs[:40], index)))
                               for m, (cs, _) in zip(mentions, looked)])
    quals = [qualifier(text, m.span[1], index) for m in mentions]
    group = lists(text, [m.span for m in mentions])
    fixed: list[set[int]] = []
    held: dict[str, set[int]] = {}
    for i, (cs, q) in enumerate(zip(cands, quals)):
        qs = q.records
        top = max(cs, key=prior).feature if cs else None
        if qs and top == "A.PCLI" and all(q.feature == "A.PCLI" for q in qs):
            qs = ()  # "Ghana, Niger, Nigeria": a country then a country is a list, not Niger State of Nigeria
        elif qs and top == "A.ADM1" and group[i] != i and any(q.feature == "A.ADM1" for q in qs):
            qs = ()  # "Georgia, Oklahoma, Pennsylvania": a state inside a list of states, not a town of Pennsylvania
        elif qs and top is not None and top.startswith("P.") and town_list(text, mentions, cands, quals, q.start):
            qs = ()  # "a senator visiting Washington, New York and Denver": three cities, not Washington County, N.Y.
        inside = {c.id for c in cs for q in qs if contains(q, c)}
        fixed.append(inside)
        # a name qualified by its state or country once ("MOSCOW, Idaho --") means the same place where the
        # article repeats it bare; not by a county, which a list of names can fake ("Clark, Hamilton, Madison")
        held.setdefault(keys[i], set()).update(c.id for c in cs for q in qs if q.feature in AREAS and contains(q, c))
    fixed = [fx or held[k] for k, fx in zip(keys, fixed)]
    cue = [_cue_kind(text, m.span) if cs else None for m, cs in zip(mentions, cands)]
    paired = county_pairs(keys, cands)  # "the Salem council ... Marion County": one county
    base = [[prior(c) + (W_QUALIFIED if c.id in fx else 0.0) + _cue_bonus(kind, c)
             + (W_COUNTY if c.id in paired.get(k, ()) else 0.0) for c in cs]
            for cs, fx, kind, k in zip(cands, fixed, cue, keys)]
    extra_c = Counter(context_countries) + clock_countries(text)
    line = dateline_span(text)
    if line:  # its best-known reading, or the one inside its own qualifier ("BELGRADE, Minn. --")
        got = candidates_for(text[line[0]:line[1]], index)
        inside = [c for c in got for r in qualifier(text, line[1], index).records if contains(r, c)]
        for c in (inside or got)[:1]:
            extra_c[c.country] += 2
    for m in mentions:
        if m.country_hint:
            extra_c[m.country_hint] += 0.5
    choice = [max(range(len(cs)), key=lambda i, b=b: b[i]) if cs else None for cs, b in zip(cands, base)]
    if any(not cs for cs in cands):  # unknown spellings: look for near spellings in the article's countries
        votes = Counter(cs[ch].country for cs, ch in zip(cands, choice) if cs and cs[ch].country
                        and cs[ch].lat is not None)
        votes.update(extra_c)
        top = [c for c, _ in votes.most_common(1)]
        for i, cs in enumerate(cands):
            if (not cs and top and mentions[i].name[:1].isupper() and not mentions[i].name.isupper()
                    and keys[i] not in DIRECTIONS and not definite(text, mentions[i].span)):
                got = index.similar(mentions[i].name, top)[:3]
                if not got and _town_after(text, mentions[i].span[1], index, set()) is None:
                    got = country_spelled_like(mentions[i].name, index)  # not "Greenlane, Auckland" ~ Greenland
                if got:
                    cands[i] = got
                    base[i] = [prior(c) for c in got]
                    choice[i] = 0
    mute = frozenset(speakers(text, [m.span for m in mentions], keys))
    cover: dict[str, frozenset[int]] = {}
    for k, cs in zip(keys, cands):
        ids = {c.id if c.feature == "A.ADM1" else c.admin1_id for c in cs if c.lat is not None}
        cover[k] = cover.get(k, frozenset()) | frozenset(x for x in ids if x)
    for _round in range(2):
        chosen = [cands[i][ch] if ch is not None else None for i, ch in enumerate(choice)]
        # one vote per distinct name: a place named ten times does not outvote the others
        picked: dict[str, Candidate] = {}
        for k, c in zip(keys, chosen):
            if c is not None and c.lat is not None:
                picked.setdefault(k, c)
        memo: dict[tuple, int] = {}  # the same name with the same candidates gets the same answer
        new_choice: list[int | None] = []
        for i in range(len(cands)):
            if not cands[i]:
                new_choice.append(None)
                continue
            sig = (keys[i], tuple(c.id for c in cands[i]), tuple(base[i]), group[i])
            if sig not in memo:
                siblings = [c for j, c in enumerate(chosen) if group[j] == group[i] and keys[j] != keys[i]
                            and c is not None]
                memo[sig] = _best(i, cands[i], base[i], keys[i], picked, extra_c, cover, siblings, mute)
            new_choice.append(memo[sig])
        choice = new_choice
    out = []
    at = {m.span[0]: i for i, m in enumerate(mentions)}
    countries_of: dict[str, set[str]] = {}
    besides: dict[str, set[str]] = {}
    for k, cs, ch, (_, how) in zip(keys, cands, choice, looked):
        if ch is not None and cs[ch].country and how != "embedded":
            countries_of.setdefault(k, set()).add(cs[ch].country)
    # "Nyanza province" with only a foreign town of that name: every mention of it stays null
    lacked = {k for m, k, cs, ch in zip(mentions, keys, cands, choice) if ch is not None
              and _lacked_division(text, m.span, cs, cs[ch], _named_besides(k, countries_of, extra_c))}
    for k in lacked:
        countries_of.pop(k, None)
    divisions = frozenset(cs[ch].admin1 for cs, ch in zip(cands, choice) if ch is not None and cs[ch].admin1)
    leading = Counter(cs[ch].country for cs, ch in zip(cands, choice) if ch is not None and cs[ch].country
                      and cs[ch].lat is not None) + extra_c
    placed = _placed_once(text, mentions, keys, cands, index, countries_of, extra_c, divisions)
    # "the Mohammadpur district of Dhaka": not the namesake elsewhere; nor at the name's other mentions
    chosen_at = {m.span[0]: cs[ch] for m, cs, ch in zip(mentions, cands, choice) if ch is not None}
    part_by_key: dict[str, Candidate] = {}
    part_by_id: dict[int, Candidate] = {}
    for m, k, cs, ch in zip(mentions, keys, cands, choice):
        whole, wholes = part_of(text, m.span, chosen_at, lambda n: candidates_for(n, index)) if ch is not None \
            else (None, ())
        if whole is not None and elsewhere(cs[ch], whole, wholes):
            part_by_key[k] = part_by_id[cs[ch].id] = whole
    j = at.get(line[0]) if line else None  # the dateline's town holds the unknown "X and Y districts" (city_part)
    seat = cands[j][choice[j]] if j is not None and choice[j] is not None else None
    for m, k, cs, ch, b, q, fx, (_, how) in zip(mentions, keys, cands, choice, base, quals, fixed, looked):
        if k not in besides:  # once per distinct name
            besides[k] = _named_besides(k, countries_of, extra_c)
        named = besides[k]
        whole = part_by_key.get(k) or (part_by_id.get(cs[ch].id) if ch is not None else None)
        if whole is not None:
            out.append(placed_within(m.name, m.span, whole, index, WITHIN_CONFIDENCE))
            continue
        home = home_spelling(m.name, cs, named, leading, index) if ch is not None and not fx else None
        if home is not None:  # "Conway" in a north Wales report: Conwy, not Conway, Arkansas
            cs, ch, b = (home,), 0, [prior(home)]
        if k in lacked or ch is not None and cs[ch].id not in fx and _stray(cs[ch], named):
            out.append(Place(name=m.name, span=m.span, confidence=0.0))  # "Piccadilly" in a London report
            continue
        j = at.get(q.start)
        qualifier_reading = cands[j][choice[j]] if j is not None and choice[j] is not None else None
        put = outside_qualifier(cs, q, qualifier_reading)
        if put is None and how == "embedded" and ch is not None:
            put = _campus(text, m.span[1], cs[ch], index)
        if put is not None:  # "Stroud, Ontario": not the English Stroud, somewhere in Ontario
            ch = None
        elif ch is not None and _foreign(m.name, how, cs[ch], named):
            out.append(Place(name=m.name, span=m.span, confidence=0.0))  # "Islington Bay" in an Auckland report
            continue
        if ch is None:
            where = (put or _town_after(text, m.span[1], index, named, divisions) or (placed.get(k) if not cs else None)
                     or (seat if not cs and seat and seat.feature[:2] == "P." and city_part(text, m.span[1]) else None))
            if where is None:
                out.append(Place(name=m.name, span=m.span, confidence=0.0))
            else:  # "Greenlane, Auckland", "the Palais des Nations in Geneva": the text says where it lies
                out.append(placed_within(m.name, m.span, where, index, WITHIN_CONFIDENCE))
            continue
        c = cs[ch]
        scores = sorted(b, reverse=True)
        margin = b[ch] - (scores[1] if len(scores) > 1 else b[ch] - 3)
        conf = round(1 / (1 + math.exp(-margin)), 3) if len(cs) > 1 else 0.95
        out.append(Place(name=m.name, span=m.span, geonameid=c.geonameid, lat=c.lat, lon=c.lon,
                         country=c.country, feature=c.feature, admin1=c.admin1, confidence=conf))
    return out


__all__ = ["Mention", "resolve", "candidates_for", "dateline", "dateline_span"]
