"""A name the text calls a part of a town (issue 14): "the X district of Dhaka" lies in Dhaka, whatever
namesake the gazetteer holds elsewhere; a reading that lies in the town, or one larger than the town,
is kept."""

from newsgraph.extract.place_index import great_circle_km, place_index
from newsgraph.extract.place_resolve import Mention, resolve

from places_helpers import resolve_names


def _dhaka():
    return next(c for c in place_index().candidates("Dhaka") if c.feature.startswith("P."))


def _km_from_dhaka(p) -> float:
    d = _dhaka()
    return great_circle_km(p.lat, p.lon, d.lat, d.lon)


def test_place_parts_a_district_of_a_city_is_in_that_city_not_a_namesake_town_elsewhere():
    # the gazetteer's only Mohammadpur is a town 240 km away, in another division
    text = "Police raided a flat in the Mohammadpur neighbourhood of Dhaka on Tuesday."
    p = resolve_names(text, "Mohammadpur", "Dhaka")[0]
    assert p.within == "Dhaka" and p.geonameid is None and _km_from_dhaka(p) < 20


def test_place_parts_a_namesake_abroad_gives_way_too():
    text = "Fire crews worked through the night in the Rampura district of Dhaka, officials said."
    p = resolve_names(text, "Rampura", "Dhaka")[0]
    assert p.within == "Dhaka" and _km_from_dhaka(p) < 20


def test_place_parts_after_a_comma():
    text = "Water ran short in Mohammadpur, a crowded neighbourhood of Dhaka, for a week."
    p = resolve_names(text, "Mohammadpur", "Dhaka")[0]
    assert p.within == "Dhaka"


def test_place_parts_the_other_mentions_of_the_name_follow():
    text = ("Police raided a flat in the Mohammadpur neighbourhood of Dhaka on Tuesday. "
            "Residents of Mohammadpur said the raid lasted hours.")
    second = text.rindex("Mohammadpur")
    mentions = [Mention("Mohammadpur", (text.index("Mohammadpur"), text.index("Mohammadpur") + 11)),
                Mention("Dhaka", (text.index("Dhaka"), text.index("Dhaka") + 5)),
                Mention("Mohammadpur", (second, second + 11))]
    got = resolve(text, mentions)
    assert got[2].within == "Dhaka" and _km_from_dhaka(got[2]) < 20


# must not fire


def test_place_parts_a_reading_inside_the_city_is_kept():
    text = "Police raided a flat in the Motijheel district of Dhaka on Tuesday."
    p = resolve_names(text, "Motijheel", "Dhaka")[0]
    assert p.geonameid is not None and p.within is None and _km_from_dhaka(p) < 20


def test_place_parts_a_town_called_a_town_keeps_its_own_point():
    text = "Flooding hit Mohammadpur, a town in Rajshahi, on Monday."
    p = resolve_names(text, "Mohammadpur", "Rajshahi")[0]
    assert p.geonameid is not None and p.within is None and p.admin1 == "Rajshahi"


def test_place_parts_the_city_named_first_is_not_a_part_of_its_district():
    # "the Dhaka suburb of Mohammadpur": the larger name is the whole, so Dhaka stays the capital
    text = "Crowds gathered in the Dhaka suburb of Mohammadpur on Friday."
    dhaka, part = resolve_names(text, "Dhaka", "Mohammadpur")
    assert dhaka.geonameid == _dhaka().geonameid and dhaka.within is None
    assert part.within == "Dhaka"


def test_place_parts_an_island_is_no_whole_the_gazetteer_can_check():
    # the reading lies on the island, which the gazetteer cannot tell: it is kept
    text = "Rain flooded the Mohammadpur district of Borneo last week."
    p = resolve_names(text, "Mohammadpur", "Borneo")[0]
    assert p.geonameid is not None and p.within is None
