"""Where in a state or province a name the gazetteer lacks most likely lies.

Why: a name the gazetteer lacks but the text places in a first-order division ("Stroud, Ontario",
"Camp Murray, Wash.") was put on the division's point, the middle of its area. A province's
named towns lie where its people live, and those crowd one part of many divisions (Ontario's
south, Washington's Puget Sound): the population-weighted middle of the division's towns is the
likelier point (dev Acc@161 LGL +1, GeoVirus +2, GWN +1 mentions, none lost). A country is left on
its own point: there the weighted middle gained as much as it lost (dev GWN +1 -1).
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from ..model import Place, Span
from .place_index import Candidate, PlaceIndex


@functools.lru_cache(maxsize=4)
def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection of this module's own to the index file (only the rare names placed inside a
    division use it)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@functools.lru_cache(maxsize=256)
def _peopled_middle(path: Path, country: str, admin1_id: int) -> tuple[float, float] | None:
    """The population-weighted middle of a division's towns; None when it has no peopled town."""
    rows = _reader(path).execute("SELECT lat, lon, population FROM places WHERE country = ? AND admin1_id = ? "
                                 "AND feature LIKE 'P.%'", (country, admin1_id)).fetchall()
    people = sum(p for _, _, p in rows)
    if not people:
        return None
    return sum(lat * p for lat, _, p in rows) / people, sum(lon * p for _, lon, p in rows) / people


def within_point(area: Candidate, index: PlaceIndex) -> tuple[float | None, float | None]:
    """The point for a name that lies somewhere in ``area``: a first-order division's peopled middle,
    any other place's own point (a town, a county, a country)."""
    if area.feature == "A.ADM1" and area.country:
        got = _peopled_middle(index.path, area.country, area.id)
        if got is not None:
            return got
    return area.lat, area.lon


def placed_within(name: str, span: Span, area: Candidate, index: PlaceIndex, confidence: float) -> Place:
    """A name the gazetteer lacks, placed where the text says it lies (``area``): no GeoNames id or
    feature of its own (it is not that record), ``within`` names the area."""
    lat, lon = within_point(area, index)
    return Place(name=name, span=span, lat=lat, lon=lon, country=area.country, admin1=area.admin1,
                 confidence=confidence, within=area.name)


__all__ = ["placed_within", "within_point"]
