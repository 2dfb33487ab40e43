"""A name the text calls a part of a town: "the Mohammadpur district of Dhaka", "X, a suburb of Y",
"the Accra suburb of Osu".

Why: such a sentence says where the name lies, and it outranks a namesake the gazetteer holds
elsewhere. A city's districts are often named like towns of the same country or a neighbouring one
("the Adhamiyah district of Baghdad" was a district in Dahuk, 420 km north), and the gazetteer
lists few of them. When the name's reading lies in that town (or its county, or the division or
country the text names), or it is the larger of the two, it is kept; otherwise the name takes the town's point, marked ``within``
it like a name the gazetteer lacks (``place_within.placed_within``).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

from .place_index import Candidate, great_circle_km
from .place_qualifier import contains

PART_REACH = 50.0  # km: a reading this near the town it is said to be part of is that part
_PART = r"(?:district|neighbou?rhood|suburb|quarter|township|borough|enclave)"
_NAME = r"((?:[A-Z][\w.'\u2019-]*)(?:\s+[A-Z][\w.'\u2019-]*){0,2})"
# after the name: "X district of Y", "X, a suburb of Y", "X, a poor neighbourhood in Y"
_PART_AFTER = re.compile(r"\s+" + _PART + r"\s+of\s+" + _NAME
                         + r"|\s*,\s*an?\s+(?:[a-z-]+\s+){0,3}" + _PART + r"\s+(?:of|in)\s+" + _NAME)
# before it: "Lima's seaside suburb of X", "the Accra suburb of X" ("Accra's old district of X" is rare)
TOWN_BEFORE = re.compile(r"(?:\b([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})(?:'s|\u2019s)?\s+)"
                         r"(?:[a-z]+\s+){0,2}(?:suburb|district|neighbou?rhood|township|quarter|outskirts)\s+of\s+$")


_WHOLES = ("A.ADM2", "A.ADM1", "A.PCLI")  # what a town may be part of besides a town: ``contains`` reads them


def part_of(text: str, span: tuple[int, int], chosen_at: Mapping[int, Candidate],
            readings: Callable[[str], tuple[Candidate, ...]]) -> tuple[Candidate | None, tuple[Candidate, ...]]:
    """The town (or division, or country) the text calls the name at ``span`` a part of, if any, and every
    reading of that whole's name: the article's reading of it when it is a mention (``chosen_at``, by start
    offset), else its best-known reading among towns and divisions. An island or region is no such whole
    ("the Kabanjahe district of Sumatra": the gazetteer does not say what lies on an island)."""
    m = _PART_AFTER.match(text, span[1])
    if m:
        start, words = (m.start(1), m.group(1)) if m.group(1) else (m.start(2), m.group(2))
    else:
        m = TOWN_BEFORE.search(text, max(0, span[0] - 80), span[0])
        if not m or "outskirts" in m.group(0):
            return None, ()
        start, words = m.start(1), m.group(1)
    parts = words.split()
    for n in range(len(parts), 0, -1):
        got = tuple(c for c in readings(" ".join(parts[:n])) if c.lat is not None
                    and (c.feature.startswith("P.") or c.feature in _WHOLES))
        if got:
            whole = chosen_at.get(start) or max(got, key=lambda c: (c.feature.startswith("P."), c.population))
            ok = whole.feature.startswith("P.") or whole.feature in _WHOLES
            return (whole, got) if ok else (None, ())
    return None, ()


def elsewhere(c: Candidate, whole: Candidate, wholes: tuple[Candidate, ...]) -> bool:
    """True when reading ``c`` cannot be the part of ``whole`` the text names: it is no smaller than the
    whole (then the words run the other way: "the Accra suburb of Osu" read at "Accra"), and no reading of
    the whole's name (``wholes``) is the same record, lies within ``PART_REACH`` km of it, is the county or
    division holding it or holds it (a division or country): "the Motijheel district of Dhaka"
    keeps its reading whichever Brooklyn the article chose."""
    return c.population < whole.population and not any(_lies_in(c, w) for w in (whole, *wholes))


def _lies_in(c: Candidate, whole: Candidate) -> bool:
    if c.id == whole.id or contains(whole, c):
        return True
    if whole.feature.startswith("P."):
        if c.id in (whole.admin2_id, whole.admin1_id):
            return True  # "the Dhaka district of ..." read as the division holding the town
        return c.lat is not None and great_circle_km(c.lat, c.lon, whole.lat, whole.lon) <= PART_REACH
    return False


__all__ = ["PART_REACH", "TOWN_BEFORE", "elsewhere", "part_of"]
