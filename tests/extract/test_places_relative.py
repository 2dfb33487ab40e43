"""A direction and a common noun ("the West Coast", "the East End", "North Bank") name a part of the
writer's own country (issue 14): no alias reads them, and a place of that very name counts only where
the article names its country."""

from places_helpers import resolve_names


def test_places_relative_no_alias_reads_a_coast():
    # "West Coast" is an alias of Western Australia in the gazetteer
    p = resolve_names("Fuel prices rose along the West Coast this week, refiners said.", "West Coast")[0]
    assert p.country != "AUS" and p.lat is None


def test_places_relative_a_namesake_division_abroad_is_no_reading():
    # East End is a district of the Cayman Islands; a report naming no Caymanian place means its own
    p = resolve_names("Pubs across the East End stayed shut on Saturday after the storm.", "East End")[0]
    assert p.country != "CYM" and p.lat is None


def test_places_relative_beside_a_place_of_another_country():
    text = "Fishermen from Chittagong said catches along the West Coast had collapsed."
    chittagong, coast = resolve_names(text, "Chittagong", "West Coast")
    assert chittagong.country == "BGD" and coast.lat is None


# must not fire


def test_places_relative_a_division_of_that_name_in_the_article_country_stays():
    text = "Rice farmers in the North Bank region near Kerewan lost their crops to the floods."
    bank, town = resolve_names(text, "North Bank", "Kerewan")
    assert town.country == "GMB" and bank.country == "GMB" and bank.feature == "A.ADM1"


def test_places_relative_the_namesake_stays_where_the_article_names_its_country():
    text = "Roofs were torn off in East End as the storm crossed the Cayman Islands on Sunday."
    end, islands = resolve_names(text, "East End", "Cayman Islands")
    assert islands.country == "CYM" and end.country == "CYM" and end.lat is not None
