"""Places (issue 14): what the words around a name say of it: lists of towns against qualifiers, names
that begin with a state's name, and the article's signals (``place_context``)."""

import pytest

from newsgraph.extract.place_context import clock_countries, dateline, lists, speakers
from newsgraph.extract.place_resolve import Mention, resolve


def _resolve(text: str, *names: str) -> list:
    mentions, start = [], 0
    for n in names:
        start = text.index(n, start)
        mentions.append(Mention(name=n, span=(start, start + len(n))))
        start += len(n)
    return resolve(text, mentions)


def test_place_resolve_a_state_inside_a_list_of_towns_is_no_qualifier():
    got = _resolve("The senator visits Washington, New York and Denver before Houston.",
                   "Washington", "New York", "Denver", "Houston")
    assert (got[0].feature, got[0].admin1) == ("P.PPLC", "District of Columbia")  # not Washington County, N.Y.
    # towns paired with their states keep their qualifiers
    got = _resolve("Nonstop flights now link Portland, Maine and Seattle, Washington.",
                   "Portland", "Maine", "Seattle", "Washington")
    assert [(p.name, p.admin1) for p in got[::2]] == [("Portland", "Maine"), ("Seattle", "Washington")]


@pytest.mark.parametrize("text,name", [
    ("Deputies said the fire began on a ranch outside Nevada Colony, east of Reno.", "Nevada Colony"),
    ("Volunteers rebuilt the bridge at Oregon Junction after the flood.", "Oregon Junction"),
])
def test_place_resolve_a_town_named_after_a_state_is_not_that_state(text, name):
    got = [p for p in _resolve(text, name) if p.name == name]
    assert got[0].lat is None and got[0].feature is None  # a town the gazetteer lacks, not Nevada nor Nevada, Mo.


def test_place_context_reads_the_articles_signals():
    text = "LAGOS, May 3 (Wire) - Doors open at 9 a.m. ET. Ghana, Togo and Benin said they welcomed it."
    assert dateline(text) == "LAGOS"
    assert clock_countries(text) == {"USA": 1}
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Ghana", "Togo", "Benin")]
    assert lists(text, spans) == [0, 0, 0]
    assert speakers(text, spans, ["ghana", "togo", "benin"]) == {"benin"}


def test_place_resolve_a_world_city_is_not_a_village_of_the_articles_country():
    # India holds a Dubai of 2,000 people; its country's votes alone do not carry the name there
    got = _resolve("Engineers in Hyderabad, India, built the software used by banks in London and Dubai.",
                   "Hyderabad", "India", "London", "Dubai")
    assert got[3].country == "ARE"


@pytest.mark.parametrize("text,expected", [
    ("Barn fire kills horses near creek. HOLLISTON -- Crews worked through the night.", "HOLLISTON"),
    ("By Ann Writer. DENVER (Wire) - Snow closed the passes.", "DENVER"),
    ("St. Paul, Minn. - Snow fell on the capital.", "St. Paul"),
])
def test_place_dateline_after_a_headline_or_byline_on_the_same_line(text, expected):
    assert dateline(text) == expected


def test_place_resolve_a_name_qualified_once_keeps_that_reading_when_repeated_bare():
    got = _resolve("MOSCOW, Idaho -- Students returned to Moscow on Monday after the storm.", "MOSCOW", "Moscow")
    assert [p.admin1 for p in got] == ["Idaho", "Idaho"]


def test_place_resolve_unknown_districts_of_the_datelines_town_lie_within_it():
    text = "KIGOMA, May 6 - Crowds set up barricades in the Vorbelo Xuni and Quintaxa districts on Wednesday."
    got = _resolve(text, "KIGOMA", "Vorbelo Xuni", "Quintaxa")
    town = got[0]
    assert town.feature.startswith("P.")
    for p in got[1:]:  # names the gazetteer lacks: the dateline's town, marked as such
        assert (p.lat, p.lon, p.within.upper(), p.confidence) == (town.lat, town.lon, town.name, 0.1)
    # without a district word nothing is placed
    got = _resolve("KIGOMA, May 6 - Crowds gathered near Vorbelo Xuni on Wednesday.", "KIGOMA", "Vorbelo Xuni")
    assert got[1].lat is None
