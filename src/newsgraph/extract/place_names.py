"""What gazetteer records a surface place name may denote, before the article votes.

Why a module of its own: reading a name is a task apart from weighing an article's context. A
name is looked up as written, then without "the"/"northern", as a demonym's country or division,
a seat of power's capital, the place a longer name embeds ("Delhi High Court"), an inhabitants'
word ("Ontarians"), a country's short name after its full one ("Congo" after "DR Congo") or a
misspelt country ("Mauritious"); ``prior`` ranks the readings by population and kind.
"""

from __future__ import annotations

import functools
import math

from collections import Counter
from dataclasses import replace

from rapidfuzz import fuzz, process

from . import gazetteer
from .place_index import Candidate, PlaceIndex, key

_PREFIXES = ("the ", "northern ", "southern ", "eastern ", "western ", "central ", "north ", "south ",
             "east ", "west ", "downtown ", "greater ", "metro ")
# feature priors (log10 units, added to log10 population): tuned on the dev splits
FEATURE_BONUS = {"A.PCLI": 3.0, "A.ADM1": 1.2, "A.ADM2": -0.5, "P.PPL": 0.0, "P.PPLC": 2.5, "L.CONT": 0.0}
ALIAS_PENALTY = 1.5
def prior(c: Candidate) -> float:
    return (math.log10(max(c.population, 0) + 10) + FEATURE_BONUS.get(c.feature, 0.0)
            - (ALIAS_PENALTY if c.alias else 0.0) - (5.0 if c.lat is None else 0.0))


def _strip(name: str) -> str:
    low = name.lower()
    for p in _PREFIXES:
        if low.startswith(p) and len(name) > len(p) + 2:
            return name[len(p):]
    return name


def _country_without_prefix(name: str) -> str | None:
    """The country a name without its leading direction names, however short ("Western US", "the
    southern U.S."): ``_strip`` keeps names of two letters whole, which a country code may be."""
    low = name.lower()
    for p in _PREFIXES:
        if low.startswith(p) and len(name) > len(p) + 1:
            rest = name[len(p):]
            return gazetteer.country_code(rest, demonyms=False) or _country_without_prefix(rest)
    return None


def candidates_for(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """Records for a surface name, trying the name as written, then without "the"/"northern" etc.,
    then a demonym's country ("Irish" -> Ireland)."""
    return lookup(name, index)[0]


def lookup(name: str, index: PlaceIndex) -> tuple[tuple[Candidate, ...], str]:
    """``candidates_for``'s records, and how they were found when not by the name itself: "embedded"
    for a place the name only embeds ("Islington" of "Islington Bay"), "stripped" for the name
    without its leading direction ("Midlands" of "West Midlands")."""
    if key(name) in DIRECTIONS:  # "the West", "the North": relative to the writer, not West, Texas
        return (), ""
    if all(w in DIRECTIONS or w in COMPASS_POINTS for w in key(name).replace("-", " ").split()):
        # "the Northeast", "South West": relative to the writer too, or a division of that very name ("North
        # West", South Africa) that counts only where the article names its country (_foreign), never an
        # alias ("Northeast" is a Dubai sector's)
        return tuple(c for c in index.candidates(name) if not c.alias), "direction"
    relative = _relative_area(name, index)
    if relative is not None:
        return relative
    if gazetteer.is_demonym(name):  # "English", "Irish": the country, not a namesake village
        code = gazetteer.country_code(name, demonyms=True)
        got = tuple(c for c in index.candidates(gazetteer.country_name(code) or "") if c.feature == "A.PCLI"
                    and c.country == code) if code else ()
        if got:
            return _demonym_division(name, code, got[0].population, index) or got, ""
    short = _short_form(name, index)
    if short:  # "Philly", "L.A.", "NYC": the city, not Louisiana nor an abbreviation's division
        return short, ""
    seat = _seat_of_power(name, index)
    if seat:  # the capital first; a namesake town stays a candidate the article's places may choose
        return seat + tuple(c for c in index.candidates(name) if c.id != seat[0].id), ""
    nation = _divided_nation(name, index, names=True)
    if nation:  # "Korea": South Korea, not the village of Korea in Côte d'Ivoire
        return nation + tuple(c for c in index.candidates(name) if c.id != nation[0].id), ""
    got = index.candidates(name)
    letters = [ch for ch in name if ch.isalpha()]
    if got and len(letters) <= 4 and all(ch.isupper() for ch in letters):
        # "US", "UAE", "NY", "EU": an abbreviation names a country, division or union, never the village "Us"
        got = tuple(c for c in got if c.feature in ("A.PCLI", "A.ADM1", "A.ZN"))
    if not got and "," in name:  # "Washington, D.C." is written so, and indexed as "Washington D.C."
        got = index.candidates(name.replace(",", ""))
    how = ""
    if not got:
        stripped = _strip(name)
        if stripped != name and key(stripped) not in _GENERIC_TAILS:  # "East Coast" is no region named "Coast"
            got = index.candidates(stripped)
            how = "stripped" if got and stripped.lower() != name[4:].lower() else ""  # not for "the X"
    if not got and " " in name.strip():
        got = _embedded(name, index)
        how = "embedded" if got else ""
    if not got:
        got = _inhabitants(name, index)
    if not got:
        got = _divided_nation(name, index)
    if not any(c.lat is not None for c in got):
        code = gazetteer.country_code(name, demonyms=True)
        if not code:
            code = _country_without_prefix(name)
        if code:
            got = tuple(c for c in index.candidates(gazetteer.country_name(code) or "") if c.feature == "A.PCLI"
                        and c.country == code) or got
            how = ""
    return got, how


@functools.lru_cache(maxsize=1)
def _short_forms() -> dict[str, tuple[str, str]]:
    """The short forms news writes for major cities (``place_names.tsv`` rows of kind "short"), by
    their exact surface: the look-up key drops dots and case, and "L.A." would then be "La."."""
    from ..lexicons import load_rows

    return {r.name: (r.place, r.country) for r in load_rows("place_names.tsv") if r.kind == "short"}


def _short_form(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The city a short form names ("Philly", "L.A.", "NYC"), the most populous town of that name in
    its country; () for any other name."""
    hit = _short_forms().get(name.strip())
    if hit is None:
        return ()
    got = [c for c in index.candidates(hit[0]) if c.country == hit[1] and c.feature.startswith("P.")]
    return tuple(sorted(got, key=lambda c: -c.population))[:1]


def _demonym_division(name: str, code: str, people: int, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The first-order division a demonym is made from, when it is not the country's own name:
    "English" names England, "Scottish" Scotland (both of the United Kingdom), while "Mexican" stays
    Mexico, not the state of México, and "American" the USA, not American Samoa. The stem's first
    four letters must start exactly one division holding 5%+ of the country's people ("Monegasque"
    is not Moneghetti)."""
    whole = key(name).rstrip("s")  # "American Samoa" is named with the adjective, not the place it is made from
    stem = whole[:4]
    if len(stem) < 4 or not whole.isalpha() or key(gazetteer.country_name(code) or "").startswith(stem):
        return ()
    got = tuple(c for c in index.starting(stem) if c.feature == "A.ADM1" and c.country == code
                and not key(c.name).startswith(whole) and c.population >= 0.05 * people)
    if not got:  # "Welsh" Wales: the stem's vowel shifts, its consonants stay
        got = _division_by_consonants(whole, code, people, index)
    return got if len({c.id for c in got}) == 1 else ()


CONSONANT_SHARE = 0.02  # of the country's people: Wales holds under 5% of the UK's, Northern Ireland 3%
_ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "an", "sh", "ic", "i")


def _consonants(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha() and ch not in "aeiouy")


def _division_by_consonants(whole: str, code: str, people: int, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The one first-order division of 2%+ of the country's people whose name begins with the demonym's
    first letter and the consonants of its stem (the demonym less its adjective ending): "Welsh" (w-l)
    Wales (w-l-s), where the vowel changed and the first four letters differ."""
    for end in _ADJECTIVE_ENDINGS:
        if whole.endswith(end) and len(whole) > len(end) + 1:
            bones = _consonants(whole[:-len(end)])
            if len(bones) < 2:
                return ()
            rows = index._con.execute("SELECT id FROM places WHERE country = ? AND feature = 'A.ADM1'",
                                      (code,)).fetchall()
            divisions = (index.get(r[0]) for r in rows)
            return tuple(c for c in divisions if c is not None and key(c.name)[:1] == whole[0]
                         and _consonants(key(c.name)).startswith(bones) and c.population >= CONSONANT_SHARE * people)
    return ()


def _seat_of_power(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The capital a seat of power lies in ("White House", "Kremlin", "Downing Street", "Capitol Hill":
    the lexicon of metonyms names their country): news naming one mostly means the building in the
    capital, not the namesake town ("White House", Tennessee), unless the article's other places lie
    around the town ("Westminster" in a Denver report). Capitals themselves are left to the gazetteer."""
    hit = gazetteer.metonym_info(name)
    if hit is None or hit.capital:
        return ()
    row = gazetteer.country(hit.country)
    for cap in row.capitals if row else ():
        got = tuple(c for c in index.candidates(cap) if c.country == hit.country and c.feature.startswith("P."))
        if got:
            return tuple(sorted(got, key=lambda c: (c.feature != "P.PPLC", -c.population)))[:1]
    return ()


# common nouns a direction turns into a relative area ("the East Coast", "the North Shore", "West Side"):
# without the direction they are no place, whatever division is named so
_GENERIC_TAILS = frozenset({"coast", "coastline", "seaboard", "shore", "side", "end", "bank"})
# first words after which the rest is no place's institution: "Lake Harriet", "Mount Hood", "Western US"
RELATIVE_KEEP = 500_000  # a division or country this populous is named so in its own right ("West Bank")


def _relative_area(name: str, index: PlaceIndex) -> tuple[tuple[Candidate, ...], str] | None:
    """The readings of a direction and a common noun ("the West Coast", "East End", "North Bank"), or None
    for any other name. Such a name is relative to the writer's country, like "the Northeast": no alias
    ("West Coast" is one of Western Australia's) and a place of that very name only where the article
    names its country (``how`` "direction": the West Coast region of New Zealand is not the American
    one, London's East End not a district of the Cayman Islands), unless it is a division or country of
    ``RELATIVE_KEEP`` people or more, which news names as such."""
    words = key(name).replace("-", " ").split()
    if len(words) != 2 or words[0] not in DIRECTIONS | COMPASS_POINTS or words[1] not in _GENERIC_TAILS:
        return None
    got = tuple(c for c in index.candidates(name) if not c.alias)
    if not got:
        return None
    if any(c.feature in ("A.PCLI", "A.ADM1") and c.population >= RELATIVE_KEEP for c in got):
        return got, ""
    return got, "direction"


_NOT_HEADS = frozenset("""the new old north south east west northern southern eastern western central upper lower
greater little big great northeast northwest southeast southwest mid lake mount port fort cape point
river bay gulf isle island glen""".split())
# what a people's name leads but lies outside their country: an embassy or consulate sits in the host
# country, a "French Quarter" or "Armenian Quarter" in another country's city
_ELSEWHERE_TAILS = frozenset({"embassy", "consulate", "quarter"})
_WORLD_AREAS = frozenset({"L.CONT", "L.RGN"})
_SHORT_FORMS = {"co.": "County", "co": "County", "twp.": "Township", "twp": "Township", "mt.": "Mount"}


# words after a place's name that make the whole another settlement's name: "Nevada Colony", "X Junction"
# are towns of their own, not the state they begin with nor a namesake town of it
_SETTLEMENT_TAILS = frozenset("town colony village junction springs crossing landing heights".split())


def _embedded(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """Records for an unknown multiword name through the place it embeds: "Platte Co." is Platte
    County, "Madison Twp." Madison, "Port of Los Angeles" and "University of California" lie in
    their "of" place, "Delhi High Court", "Colorado State University", "Harare City Council" in the
    place they start with. A bare leading word must name a town of 1,000+, a division or larger."""
    words = [_SHORT_FORMS.get(w.lower(), w) for w in name.split()]
    if words[-1] == "Township" and len(words) > 1:
        words = words[:-1]
    full = " ".join(words)
    if full != name:
        got = index.candidates(full)
        if got:
            return got
    low = [w.lower() for w in words]
    if "of" in low[1:-1]:
        at = len(low) - 1 - low[::-1].index("of")
        got = candidates_for(" ".join(words[at + 1:]), index)
        if any(c.feature in _WORLD_AREAS for c in got):
            return ()  # "Mall of Asia", "Summit of the Americas": named after a continent, not placed by it
        if got:
            return got
    if low[0] in _NOT_HEADS or "and" in low or "&" in low:
        return ()  # "Lake Harriet", "Western US", "Bains and Grants Town": no head to stand for them
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n]).rstrip(",;:")
        if not head[:1].isupper() or head.endswith(("'s", "\u2019s")):
            continue  # "St. Peter's Basilica", "Caesar's Palace": a possessive names a person, not a place
        if low[-1] in _ELSEWHERE_TAILS and gazetteer.is_demonym(head):
            return ()  # "Russian Embassy", "French Quarter": not in that country ("Mexican Senate" is)
        got = tuple(c for c in candidates_for(head, index) if _big_enough(c, n))
        if words[n].lower() == "city":  # "Quebec City", "Gaza City": the city, not the province
            got = tuple(c for c in got if c.feature.startswith("P."))
        elif words[n].lower() in _SETTLEMENT_TAILS:
            return ()  # "Nevada Colony": a town of its own, neither the state nor a town named Nevada
        if got:
            return got
    return ()


_INHABITANT_ENDINGS = ("ians", "ans", "ers", "ian", "ern", "an", "er")
# what an inhabitants' word may name: "Ontarians", "New Yorkers", "Central American", "North American"
_INHABITED_AREAS = frozenset({"A.PCLI", "A.ADM1", "L.CONT", "L.RGN"})


def _areas_starting(stem: str, index: PlaceIndex, aliases: bool) -> tuple[Candidate, ...]:
    """States, provinces, countries and world regions whose own name (or, with ``aliases``, any alias)
    starts with ``stem``: a region's English name is often an alias of its local one ("Bavaria" of Bayern)."""
    k = key(stem)
    if not k:
        return ()
    feats = tuple(sorted(_INHABITED_AREAS))
    rows = index._con.execute(
        f"SELECT DISTINCT p.id FROM names n JOIN places p ON p.id = n.place WHERE n.key >= ? AND n.key < ? "
        f"AND p.feature IN ({','.join('?' * len(feats))}) AND n.alias <= ? LIMIT 20",
        (k, k + "\uffff", *feats, int(aliases))).fetchall()
    return tuple(c for c in (index.get(r[0]) for r in rows) if c is not None)


# what may follow a word for the whole name to be the area the word names: "Basque Country", "Flemish Region"
_AREA_WORDS = frozenset({"country", "region", "province", "state", "community"})


def _area_named_by(word: str, index: PlaceIndex, aliases: bool) -> tuple[Candidate, ...]:
    """The one area whose name (or, with ``aliases``, alias) is ``word`` and a generic word ("Basque
    Country"); not one whose name merely starts with the word ("Hindu" of Hindustan) or goes on with a
    name of its own ("Tamil" of Tamil Nadu, "Jewish" of the Jewish Autonomous Oblast)."""
    k = key(word) + " "
    feats = tuple(sorted(_INHABITED_AREAS))
    rows = index._con.execute(
        f"SELECT p.id, n.key FROM names n JOIN places p ON p.id = n.place WHERE n.key >= ? AND n.key < ? "
        f"AND p.feature IN ({','.join('?' * len(feats))}) AND n.alias <= ?",
        (k, k + "\uffff", *feats, int(aliases))).fetchall()
    ids = {pid for pid, name in rows if name[len(k):] in _AREA_WORDS}
    got = index.get(ids.pop()) if len(ids) == 1 else None
    return (got,) if got is not None else ()


def _inhabitants(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The state, province, country or world region an unknown inhabitants' word or regional adjective
    names by its stem, its own name or English alias: "Ohioans" Ohio, "Ontarians" Ontario, "New Yorkers"
    New York, "Central American" Central America, "Bavarian" Bavaria, "Tibetan" Tibet; "Texan" by its
    stem with the vowel before "-n" ("Texa-"); "Basque" the one area it names with a generic word ("Basque Country").
    Only such areas, and stems of four letters or more naming exactly one of them."""
    word = name.strip()
    low = word.lower()
    stems = [word[:-len(end)] for end in _INHABITANT_ENDINGS if low.endswith(end)]
    if low.endswith("an") or low.endswith("ans"):  # "Texan": Texas, with the stem's own vowel
        stems.append(word[:len(word) - (2 if low.endswith("ans") else 1)])
    for aliases in (False, True):  # own names first: "Virginian" is Virginia, not the Virgin Islands' alias
        for stem in stems:
            if len(stem) >= 4:
                got = _areas_starting(stem, index, aliases)
                if len({c.id for c in got}) == 1:
                    return got[:1]
        if " " not in word and word.isalpha() and len(word) >= 4:  # an area named by the word: "Basque Country"
            got = _area_named_by(word, index, aliases)
            if got:
                return got
    return ()


@functools.lru_cache(maxsize=2)
def _divided_tails(names: bool) -> dict[str, frozenset[str]]:
    """The countries each word ends a direction's country name (``names``) or demonym in ("Korea", "Korean")."""
    out: dict[str, set[str]] = {}
    for c in gazetteer.countries().values():
        for d in (c.name, *c.aliases) if names else c.demonyms:
            words = d.split()
            if len(words) == 2 and words[0].lower() in DIRECTIONS:
                out.setdefault(words[1], set()).add(c.code)
    return {w: frozenset(v) for w, v in out.items()}


def _divided_nation(name: str, index: PlaceIndex, names: bool = False) -> tuple[Candidate, ...]:
    """The country a bare national word names when it is no country's own demonym but the tail of
    two or more countries' demonyms after a direction ("Korean" of "South Korean" and "North
    Korean"): the most populous of them, as the prior ranks every reading ("Korean carmakers",
    "Korean dramas" are South Korea's). Words a continent or region takes first ("African") never
    reach here. With ``names``, the tail of two or more countries' names instead ("Korea")."""
    word = name.strip()
    if not word[:1].isupper() or " " in word:
        return ()
    codes = _divided_tails(names).get(word, ())
    if len(codes) < 2:
        return ()
    got = [c for code in codes for c in index.candidates(gazetteer.country_name(code) or "")
           if c.feature == "A.PCLI" and c.country == code]
    return tuple(sorted(got, key=lambda c: -c.population))[:1]


def _big_enough(c: Candidate, words: int) -> bool:
    """A head that stands for a longer name: a single word ("Delhi" of "Delhi High Court") only by
    its own name (so "Cherry Hinton" is not Cherry County, whose short form "Cherry" is) and when it
    names a country, state or a town of 5,000+."""
    if c.feature in ("A.PCLI", "A.ADM1", "A.ZN", "L.CONT") or c.feature[:2] in ("H.", "L.", "T."):
        return True
    if words == 1:
        return not c.alias and c.population >= 5000
    return c.population >= 1000


DIRECTIONS = frozenset("north south east west central northern southern eastern western upper lower".split())
COMPASS_POINTS = frozenset("northeast northwest southeast southwest".split())
# words that only say what form of state a country is: "Democratic Republic of the Congo", "DR Congo"
_STATE_FORM = frozenset("democratic republic people's peoples of the dr federal islamic socialist".split())


def short_forms(keys: list[str], cands: list[tuple[Candidate, ...]]) -> list[tuple[Candidate, ...]]:
    """A country's short name read as the country the article names in full: "Congo" after
    "Democratic Republic of the Congo" or "DR Congo" is that country, not the Republic of the Congo
    the short name alone denotes. Only when the long name is the short one behind words that merely
    say a state's form ("South Sudan" or "Equatorial Guinea" are other countries than "Sudan" and
    "Guinea")."""
    full: dict[str, Candidate] = {}
    for k, cs in zip(keys, cands):
        top = max(cs, key=prior) if cs else None
        if top is not None and top.feature == "A.PCLI":
            full.setdefault(k, top)
    out = list(cands)
    for i, (k, cs) in enumerate(zip(keys, cands)):
        top = max(cs, key=prior) if cs else None
        if top is None or top.feature != "A.PCLI":
            continue
        short = k.split()
        for long_key, country in full.items():
            words = long_key.split()
            if (country.country != top.country and len(words) > len(short) and words[-len(short):] == short
                    and all(w in _STATE_FORM for w in words[:-len(short)])):
                out[i] = (country,) + tuple(c for c in cs if c.feature != "A.PCLI")
                break
    return out


DWARF_DIVISION = 5  # a first-order division a city elsewhere outnumbers this many times is no bare name's reading
DWARF_CUT = 20  # its people counted this many times fewer: the division's bonus no longer beats the city


def dwarf_divisions(cs: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """A first-order division that a namesake city in another country outnumbers five times or more is
    counted with a twentieth of its people (``DWARF_CUT``, at least one); its kind's bonus stays, but no
    longer lifts it over the city: "Manchester" alone is the English city of 570,000, not the Jamaican
    parish of 62,000 (a state is named more often than a namesake village, not than a larger city). The
    article can still choose it: a Jamaican report's other places vote for the parish."""
    big = {}
    for c in cs:
        if c.feature.startswith("P."):
            big[c.country] = max(big.get(c.country, 0), c.population)
    return tuple(replace(c, population=max(1, c.population // DWARF_CUT)) if c.feature == "A.ADM1" and any(
        n >= DWARF_DIVISION * max(c.population, 1) for k, n in big.items() if k != c.country) else c for c in cs)


COUNTRY_SPELLING = 88.0  # rapidfuzz ratio of a misspelt country name to the country's ("Mauritious")


@functools.lru_cache(maxsize=1)
def _country_keys() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Look-up keys of every country's name and aliases, and the country code of each."""
    keys, codes = [], []
    for c in gazetteer.countries().values():
        for n in (c.name, *c.aliases):
            if len(key(n)) >= 5:
                keys.append(key(n))
                codes.append(c.code)
    return tuple(keys), tuple(codes)


def country_spelled_like(name: str, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The country an unknown name misspells ("Mauritious", "Phillipines"): there are few country
    names, so a near spelling of one (same first letter, rapidfuzz ratio >= 88, names of 5+ letters)
    is that country, when it is near one country only."""
    k = key(name)
    if len(k) < 5:
        return ()
    keys, codes = _country_keys()
    hits = {codes[i] for _, score, i in process.extract(k, keys, scorer=fuzz.ratio, score_cutoff=COUNTRY_SPELLING,
                                                       limit=5) if keys[i][:1] == k[:1]}
    if len(hits) != 1:
        return ()
    code = hits.pop()
    return tuple(c for c in index.candidates(gazetteer.country_name(code) or "") if c.feature == "A.PCLI"
                 and c.country == code)[:1]


def _own_name(c: Candidate, k: str) -> bool:
    """True when ``c`` is read by its own name, not an alias or a longer name's short form ("Butte" of
    Butte County, "Kansas" of Kansas City)."""
    return not c.alias and c.lat is not None and key(c.name) == k


def _stem(k: str) -> str:
    return k[:-len(" county")] if k.endswith(" county") else k


def county_pairs(keys: list[str], cands: list[tuple[Candidate, ...]]) -> dict[str, set[int]]:
    """The readings of a town and a county the article both names, where the town lies in that county
    ("the Salem council ... Marion County commissioners": Salem, Oregon and Marion County, Oregon,
    not Salem, Indiana beside a Marion County elsewhere), by name key. Of several such pairs for two names,
    the one of highest prior. A county named after the town itself ("DeKalb" and "DeKalb County")
    pairs nothing: most such towns lie in their county."""
    towns: dict[str, list[Candidate]] = {}
    counties: dict[str, dict[int, Candidate]] = {}
    for k, cs in zip(keys, cands):
        for c in cs:
            if _own_name(c, k) and c.feature.startswith("P.") and c.admin2_id:
                towns.setdefault(k, []).append(c)
            elif _own_name(c, k) and c.feature == "A.ADM2":
                counties.setdefault(k, {})[c.id] = c
    out: dict[str, set[int]] = {}
    for kt, ts in towns.items():
        for kc, cs in counties.items():
            pairs = [(t, cs[t.admin2_id]) for t in ts if t.admin2_id in cs]
            if pairs and _stem(kt) != _stem(kc):
                t, c = max(pairs, key=lambda p: prior(p[0]) + prior(p[1]))
                out.setdefault(kt, set()).add(t.id)
                out.setdefault(kc, set()).add(c.id)
    return out


ABROAD_NAMESAKES = 3  # a name this many towns share is a common one: the article's town may be a near spelling
ABROAD_PEOPLE = 100_000  # ... when every one of them is a town under this size in a country the article never names
HOME_SPELLING = 90.0  # a letter added or dropped ("Conway" ~ "Conwy", 91), not "Monroe" ~ "Montrose" (86)


def home_spelling(name: str, cs: tuple[Candidate, ...], named: set[str], votes: Counter,
                  index: PlaceIndex) -> Candidate | None:
    """A town of the article's leading country spelled nearly like ``name``, when every reading of
    ``name`` is a namesake abroad: three or more towns or counties of under 100,000 people, none in a country
    the article's other places or facts name, while they name some. "Conway" in a report on north
    Wales, with eight American Conways and no British one, is Conwy (the older English spelling; the
    press also misspells a village as the common name it resembles), not Conway, Arkansas. None
    when the name is in capitals or has no near spelling there (same first letter, ratio >= 90)."""
    if (len(cs) < ABROAD_NAMESAKES or not named or not name[:1].isupper() or name.isupper()
            or not all((c.feature.startswith("P.") or c.feature == "A.ADM2") and c.country and c.country not in named
                       and c.population < ABROAD_PEOPLE for c in cs)):
        return None
    top = [c for c, _ in Counter({c: v for c, v in votes.items() if c in named}).most_common(1)]
    k = key(name)
    got = [c for c in index.similar(name, top, cutoff=HOME_SPELLING, vowels=False) if key(c.name) != k] if top else []
    return got[0] if got else None

