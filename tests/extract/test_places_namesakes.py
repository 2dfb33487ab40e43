"""A small town named like a major city of its own country (issue 14): the state the article names
carries the name to the small town only as far as the town lies by the article's other towns."""

import pytest

from places_helpers import resolve_names


def _resolve(text: str, *names: str):
    return {p.name: p for p in resolve_names(text, *names)}


@pytest.mark.parametrize("text,names,name,admin1", [
    ("Lawmakers in Pennsylvania voted on Tuesday, and the team flew on to Denver.",
     ("Pennsylvania", "Denver"), "Denver", "Colorado"),
    ("Farmers across Indiana and Ohio watched prices fall as traders in Memphis waited.",
     ("Indiana", "Ohio", "Memphis"), "Memphis", "Tennessee"),
])
def test_place_resolve_a_named_state_does_not_carry_a_major_city_name_to_a_far_village(text, names, name, admin1):
    p = _resolve(text, *names)[name]
    assert p.country == "USA" and p.admin1 == admin1


def test_place_resolve_the_small_namesake_by_the_articles_towns_keeps_the_name():
    text = "Crews from Ephrata and Lititz, Pennsylvania, put out a barn fire near Denver on Sunday."
    p = _resolve(text, "Ephrata", "Lititz", "Pennsylvania", "Denver")["Denver"]
    assert p.admin1 == "Pennsylvania"


def test_place_resolve_a_small_namesake_a_state_away_from_the_articles_towns_is_the_major_city():
    # Phoenix, Oregon lies 115-250 km from Roseburg and Corvallis: that nearness no longer carries "Phoenix" of a
    # sports report there (a report naming the village's neighbours still does, below)
    text = "The Oregon club, fresh from wins in Corvallis and Roseburg, faces Phoenix at home on Saturday."
    p = _resolve(text, "Oregon", "Corvallis", "Roseburg", "Phoenix")["Phoenix"]
    assert p.admin1 == "Arizona"


def test_place_resolve_a_small_namesake_by_the_articles_town_keeps_the_name_in_its_state():
    text = "Crews from Medford, Oregon, put out a grass fire near Phoenix on Sunday."
    p = _resolve(text, "Medford", "Oregon", "Phoenix")["Phoenix"]
    assert p.admin1 == "Oregon"
