"""A name the gazetteer lacks, placed by the text inside a state or province (issue 14): it takes the
point where the division's people live, not the middle of its area."""

import pytest

from newsgraph.extract.place_index import great_circle_km, place_index
from newsgraph.extract.place_resolve import Mention, resolve


def _resolve(text: str, name: str):
    start = text.index(name)
    return resolve(text, [Mention(name=name, span=(start, start + len(name)))])[0]


def _town(name: str, admin1: str):
    return next(c for c in place_index().candidates(name) if c.feature.startswith("P.") and c.admin1 == admin1)


@pytest.mark.parametrize("text,admin1,city", [
    ("A barn burned outside Qwxzyton, Quebec, on Sunday night.", "Quebec", "Montreal"),
    ("Deputies closed a road near Qwxzyton, Alaska, after the slide.", "Alaska", "Anchorage"),
])
def test_place_resolve_a_name_inside_a_division_lies_where_its_people_live(text, admin1, city):
    p = _resolve(text, "Qwxzyton")
    assert p.within == admin1 and p.geonameid is None and p.feature is None
    town = _town(city, admin1)
    assert great_circle_km(p.lat, p.lon, town.lat, town.lon) < 161
    area = next(c for c in place_index().candidates(admin1) if c.feature == "A.ADM1")
    assert great_circle_km(area.lat, area.lon, town.lat, town.lon) > 161  # the area's own point is elsewhere


def test_place_resolve_a_name_inside_a_country_keeps_the_country_point():
    p = _resolve("Crops failed around Qwxzyton, Kenya, in the dry season.", "Qwxzyton")
    kenya = next(c for c in place_index().candidates("Kenya") if c.feature == "A.PCLI")
    assert p.within == "Kenya" and (p.lat, p.lon) == (kenya.lat, kenya.lon)
