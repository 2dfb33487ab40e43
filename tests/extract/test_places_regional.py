"""Regional adjectives used as places resolve to their first-order division (issue 14)."""

import pytest

from newsgraph.extract.place_resolve import Mention, resolve


def _resolve(text: str, name: str):
    start = text.index(name)
    return resolve(text, [Mention(name=name, span=(start, start + len(name)))])[0]


@pytest.mark.parametrize("text,name,admin_country", [
    # English alias of a division's local name ("Bavaria" of Bayern, "Andalusia" of Andalucía)
    ("Farmers gathered for the Bavarian harvest fair on Sunday.", "Bavarian", "DEU"),
    ("The Andalusian heat closed schools for a week.", "Andalusian", "ESP"),
    ("Ferries to the Sardinian coast were cancelled.", "Sardinian", "ITA"),
    # "-n" after the stem's own vowel: Texa-n
    ("A Texan ranch owner sued the utility.", "Texan", "USA"),
    # the first word of a division's name: the Basque Country
    ("Basque police arrested two men overnight.", "Basque", "ESP"),
])
def test_regional_adjective_names_its_division(text, name, admin_country):
    got = _resolve(text, name)
    assert got.feature == "A.ADM1" and got.country == admin_country and got.lat is not None


@pytest.mark.parametrize("text,name", [
    ("Jewish families lit candles in the square at dusk.", "Jewish"),
    ("Republican senators walked out of the budget talks.", "Republican"),
    ("Hindu pilgrims crowded the riverbank before sunrise.", "Hindu"),
    ("Tamil fishermen said the catch had fallen off the northern coast.", "Tamil"),
])
def test_faith_people_or_party_word_is_no_area_its_name_starts(text, name):
    # not the Jewish Autonomous Oblast, a Tajik division's alias, Hindustan nor Tamil Nadu: the word
    # names an area only when a generic word ("Country", "Region") is all that follows it
    assert _resolve(text, name).lat is None


def test_national_demonym_with_shifted_vowel_names_its_nation_not_the_state():
    got = _resolve("The Welsh government opened a consultation on bus fares.", "Welsh")
    assert got.feature == "A.ADM1" and got.country == "GBR" and got.lat is not None and got.lat > 51



@pytest.mark.parametrize("text,name", [
    ("Snow closed airports up and down the East Coast on Friday.", "East Coast"),
    ("Storm surges flooded towns along the South Coast.", "South Coast"),
])
def test_direction_and_common_noun_is_no_division_named_by_the_noun(text, name):
    got = _resolve(text, name)
    assert got.lat is None  # no division named just "Coast" somewhere far away
