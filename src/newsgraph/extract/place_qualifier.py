"""What a ", Texas"-style qualifier after a place name says: the state, province or country it names,
whether it is rather the next item of a list ("Washington, New York and Denver"), and where a town
lies whose namesakes all lie outside it ("Stroud, Ontario"). Split from ``place_resolve``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .place_context import LIST_GAP
from .place_index import Candidate, PlaceIndex
from .place_names import candidates_for, prior

if TYPE_CHECKING:
    from .place_resolve import Mention

_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.'\u2019-]*\.?)(?:\s+[A-Z][\w.'\u2019-]*){0,2})")


def contains(outer: Candidate, inner: Candidate) -> bool:
    """True when ``inner`` lies inside ``outer`` (a country, first- or second-order division)."""
    if outer.feature == "A.PCLI":
        return inner.country == outer.country and inner.id != outer.id
    if outer.feature == "A.ADM1":
        return inner.admin1_id == outer.id and inner.id != outer.id
    if outer.feature == "A.ADM2":
        return inner.admin2_id == outer.id and inner.id != outer.id
    return False


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A ", Texas"-style qualifier right after a mention: its records (countries and divisions only),
    where it starts, and whether those records name all its capitalised words ("Ontario" of "Stroud,
    Ontario", not the "Panama" of "Pensacola, Panama City")."""

    records: tuple[Candidate, ...] = ()
    start: int = -1
    whole: bool = False


def qualifier(text: str, end: int, index: PlaceIndex) -> Qualifier:
    """The ", Texas"-style qualifier right after a mention, if any."""
    m = _QUALIFIER.match(text, end)
    if not m:
        return Qualifier()
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        got = tuple(c for c in candidates_for(" ".join(words[:n]), index) if c.feature.startswith("A."))
        if got:
            return Qualifier(got, m.start(1), n == len(words))
    return Qualifier()


def town_list(text: str, mentions: Sequence[Mention], cands: list[tuple[Candidate, ...]], quals: list[Qualifier],
               start: int) -> bool:
    """True when the qualifier-like mention starting at ``start`` is followed by "and" or a comma and a town
    that has no qualifier of its own: "Washington, New York and Denver" lists three cities, while
    "Portland, Oregon and Seattle, Washington" pairs towns with their states."""
    at = next((j for j, m in enumerate(mentions) if m.span[0] == start), None)
    if at is None:
        return False
    after = [j for j, m in enumerate(mentions) if m.span[0] >= mentions[at].span[1]]
    if not after:
        return False
    nxt = min(after, key=lambda j: mentions[j].span[0])
    if not LIST_GAP.fullmatch(text[mentions[at].span[1]:mentions[nxt].span[0]]) or not cands[nxt]:
        return False
    return max(cands[nxt], key=prior).feature.startswith("P.") and not quals[nxt].records


AREAS = ("A.PCLI", "A.ADM1")


def outside_qualifier(cs: tuple[Candidate, ...], q: Qualifier, qualifier_reading: Candidate | None,
                       ) -> Candidate | None:
    """The state, province or country a town's qualifier names when it holds none of the town's
    namesakes ("Stroud, Ontario" while the gazetteer knows only the English Stroud): the text says
    where the town lies, so a namesake elsewhere is wrong and the name lies in the qualifier, like a
    name the gazetteer lacks. The qualifier must be all the capitalised words after the comma and,
    when it is a mention itself, resolve to that area ("Crockett, Palestine" in a Texas report is two
    towns). Only for names that are all towns or counties: "Hong Kong, China" is a territory beside its
    country, not a missing town."""
    if not cs or not q.whole or not all(c.feature.startswith("P.") or c.feature == "A.ADM2" for c in cs):
        return None
    areas = [r for r in q.records if r.feature in AREAS and r.lat is not None]
    if qualifier_reading is not None:
        areas = [r for r in areas if r.id == qualifier_reading.id]
    elif areas and max(q.records, key=prior).feature not in AREAS:
        return None
    if not areas or any(contains(r, c) for r in areas for c in cs):
        return None
    return max(areas, key=prior)


__all__ = ["AREAS", "Qualifier", "contains", "outside_qualifier", "qualifier", "town_list"]
