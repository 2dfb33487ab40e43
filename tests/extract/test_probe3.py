"""Probe 3: figure and date shapes of real news, on invented reports (each rule with must-not-fire cases)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _figures(out):
    return sorted((f.kind, f.value) for f in out.figures)


@pytest.mark.parametrize("text,want", [
    # a bound the copula sets on a toll: "the toll could be as high as N"
    ("Witnesses said the toll could be as high as 20.", ("killed", 20)),
    ("The number of dead could be as high as 500, the governor said.", ("killed", 500)),
    ("The toll is expected to be as high as 300.", ("killed", 300)),
    ("The death toll from the bridge collapse could be as high as 30.", ("killed", 30)),
    # a clause inside the toll phrase takes the parse's "to N"
    ("Security forces shot dead three protesters on Friday, a rights group said, bringing the death toll "
     "since the unrest began to 57.", ("killed", 57)),
    # a plural noun naming the counted act is the subject of the change verb
    ("Fatalities climbed to 88 on Sunday.", ("killed", 88)),
    ("Arrests have reached 300 since the curfew.", ("arrested", 300)),
])
def test_figure_toll_reached_through_the_parse(analyse, text, want):
    got = _figures(analyse(text, published="2024-09-07"))
    assert want in got, got


@pytest.mark.parametrize("text,wrong", [
    # "as high as" with no toll: no death count
    ("The number of protesters could be as high as 20,000, organisers said.", ("killed", 20000)),
    ("Temperatures could be as high as 45 on Friday.", ("killed", 45)),
    # a toll charged on a road or bridge is a price, not a count of the dead
    ("Drivers fear the toll on the new tunnel could be as high as 15.", ("killed", 15)),
    ("The toll for lorries on the coast road could be as high as 45.", ("killed", 45)),
    # a number with its own noun after the change verb is not the subject's count
    ("Arrests rose to 300 across 12 cities.", ("arrested", 12)),
    ("Fatalities were recorded in 14 districts.", ("killed", 14)),
    # a clause that sets no toll: the crowd is no death count
    ("Police fired tear gas, bringing the crowd since the march began to 5,000.", ("killed", 5000)),
])
def test_figure_toll_reach_must_not_fire(analyse, text, wrong):
    got = _figures(analyse(text, published="2024-09-07"))
    assert wrong not in got, got


def _dates(out):
    return [(d.text, d.value) for d in out.dates]


@pytest.mark.parametrize("text,want", [
    # a holiday ending in Day or Eve names the day whatever word follows it
    ("On New Year's Day the toll rose to 40.", ("New Year's Day", "2025-01-01")),
    ("Celebrations on New Year's Eve were cancelled.", ("New Year's Eve", "2024-12-31")),
    ("The truce was agreed before Christmas Eve and collapsed within a week.", ("Christmas Eve", "2024-12-24")),
    # a part of the day after the name
    ("The shooting in Tallinn took place on Halloween night.", ("Halloween night", "2024-10-31")),
    # the parse tags the holiday itself as a name (PERSON)
    ("On New Year's Day the toll rose. By Boxing Day, aid had arrived in Dhaka.", ("Boxing Day", "2024-12-26")),
])
def test_date_holiday_names(analyse, text, want):
    got = _dates(analyse(text, published="2025-01-03"))
    assert want in got, got


@pytest.mark.parametrize("text", [
    # a one-word holiday name before a lower-case noun modifies it: no date
    "The market in Doha was busy with Christmas shoppers.",
    "The Halloween party ended in a stampede.",
    # a name that goes on past the holiday is a name, not a date
    "Flights to Christmas Island were cancelled.",
])
def test_date_holiday_names_must_not_fire(analyse, text):
    got = _dates(analyse(text, published="2025-01-03"))
    assert got == [], got


@pytest.mark.parametrize("text,want", [
    # "N of the M <participle> nouns": the part counts the noun past the participle
    ("About 4.2 million of the 6.9 million registered voters cast ballots.", ("people_other", 4200000)),
    ("Only 15 of the 87 elected deputies in Tallinn are women.", ("people_other", 15)),
])
def test_figure_part_of_a_participle_noun(analyse, text, want):
    got = _figures(analyse(text, published="2024-05-06"))
    assert want in got, got


@pytest.mark.parametrize("text,want", [
    # the noun past the participle is equipment or a building: still no people
    ("Rebels seized 12 of the 30 armoured vehicles.", []),
    ("Some 40 of the 300 damaged buildings must be demolished.", [("other", 40), ("other", 300)]),
    # a participle after "those" is no modifier of a later noun: the part keeps its kind
    ("Fourteen of those detained were later freed.", [("arrested", 14)]),
])
def test_figure_part_of_a_participle_noun_must_not_fire(analyse, text, want):
    assert _figures(analyse(text, published="2024-05-06")) == want


@pytest.mark.parametrize("text,want", [
    # a bare number on board a craft counts people
    ("The ferry, licensed for 300, had more than 500 on board.", ("people_other", 500)),
    ("The plane, with 132 on board, crashed shortly after take-off from Doha.", ("people_other", 132)),
    ("The boat was carrying 45 aboard when it capsized off Chittagong.", ("people_other", 45)),
    ("The jet with 80 on board landed safely in Doha.", ("people_other", 80)),
])
def test_figure_bare_number_on_board_counts_people(analyse, text, want):
    got = _figures(analyse(text, published="2024-05-16"))
    assert want in got, got


@pytest.mark.parametrize("text,want", [
    # a noun of its own says what is on board; a verb saying what befell them wins
    ("The ship had 40 containers on board.", [("other", 40)]),
    ("The vessel was carrying 500 tonnes of grain aboard.", []),
    ("All 62 aboard were killed.", [("killed", 62)]),
    ("He served 12 years on board the ship.", []),
    # "board" with a noun after it names games, a committee's approval: no craft
    ("She won 5 on board games at the fair.", [("other", 5)]),
    ("The plan passed 6 to 3 on board approval.", [("other", 3), ("other", 6)]),
])
def test_figure_on_board_must_not_fire(analyse, text, want):
    assert _figures(analyse(text, published="2024-05-16")) == want


def _money(out):
    return sorted((f.unit, f.value) for f in out.figures if f.kind == "money")


@pytest.mark.parametrize("text,want", [
    # currency letters and signs of regional outlets
    ("Qatar pledged QR 300 million for the rebuilding of Doha's port.", ("QAR", 300000000)),
    ("Saudi Arabia gave SR 1.5 billion.", ("SAR", 1500000000)),
    ("The Emirates pledged Dh50 million and Kuwait KD 10 million.", ("AED", 50000000)),
    ("The Emirates pledged Dh50 million and Kuwait KD 10 million.", ("KWD", 10000000)),
    ("Bhutan's budget for next year is Nu 70 billion.", ("BTN", 70000000000)),
    ("The state set aside RM5 billion for flood relief.", ("MYR", 5000000000)),
    ("The Philippines allotted \u20b17 billion, and Dhaka set aside \u09f3500 crore.", ("PHP", 7000000000)),
    ("Taiwan gave NT$3 billion.", ("TWD", 3000000000)),
    ("The ministry approved SR 2,500 in grants for each family.", ("SAR", 2500)),
    ("The club paid Dh 3.5m for the striker.", ("AED", 3500000)),
])
def test_figure_regional_currencies(analyse, text, want):
    got = _money(analyse(text, published="2024-05-16"))
    assert want in got, got


@pytest.mark.parametrize("text", [
    # the same letters before a small number label roads, codes and routes
    "Drivers on SR 520 faced long delays near Tallinn.",
    "He drove the RM 300 route every day.",
    "The fare rose to Dh 15 and a meal costs QR 45.",
    "Scan the QR code at gate 12.",
    # a plain run of four digits after the letters is a road number too, as is anything after a road word
    "Lorries were sent onto RM 3131 while the bridge near Valmora was repaired.",
    "A landslide shut SR 2040 near Valmora on Tuesday.",
    "Officials plan to widen SR 1750 by 2028.",
    "Police closed Route SR 4,200 overnight.",
])
def test_figure_regional_currency_letters_must_not_fire(analyse, text):
    assert _money(analyse(text, published="2024-05-16")) == []


@pytest.mark.parametrize("text,want", [
    # a bare count of people left without power or in need of help (the conventions' people_other)
    ("The UN says 1.5 million need urgent help.", ("people_other", 1500000)),
    ("The storm killed 40 people in Dhaka. Another 1.2 million were left without electricity.",
     ("people_other", 1200000)),
    ("After the quake, 300,000 were without power.", ("people_other", 300000)),
])
def test_figure_people_without_power_or_in_need(analyse, text, want):
    got = _figures(analyse(text, published="2024-05-16"))
    assert want in got, got


@pytest.mark.parametrize("text,want", [
    # homes, schools and bridges are not people whatever they lack or need
    ("About 1.2 million homes and businesses were without power on Tuesday.", [("other", 1200000)]),
    ("More than 300 schools need repairs, and 40 bridges need help from engineers.", [("other", 40), ("other", 300)]),
    ("The hospital was without power for 12 hours.", []),
])
def test_figure_without_power_must_not_fire(analyse, text, want):
    assert _figures(analyse(text, published="2024-05-16")) == want


@pytest.mark.parametrize("text,want", [
    # both sides of a vote tally written with a dash are counts of votes (kind other)
    ("The senate in Tallinn passed the bill 52-48 on Tuesday.", [("other", 48), ("other", 52)]),
    ("Parliament voted 234-56 to impeach the president.", [("other", 56), ("other", 234)]),
    ("The court ruled 5-4 in favour of the state.", [("other", 4), ("other", 5)]),
    # a game word elsewhere in the sentence, not next to the pair, leaves the tally alone
    ("The union voted 120-80 to strike after the defeat in court.", [("other", 80), ("other", 120)]),
])
def test_figure_vote_tally(analyse, text, want):
    assert _figures(analyse(text, published="2024-05-16")) == want


@pytest.mark.parametrize("text,want", [
    # a score in a sentence about a game, years, and a range of days are no vote tally
    ("Estonia beat Bhutan 3-1 in the qualifier in Doha.", []),
    ("Parliament will vote on the 2023-24 budget next week.", []),
    ("The vote was held over two days, 12-13 May.", []),
    # a vote word in a sentence whose dashed pair is a game's score: a result word after it, a scoring verb before
    ("Supporters voted her player of the tournament after the 4-2 victory over Ostria.", []),
    ("The board voted to keep the coach after a 2-2 draw at home.", []),
    ("Estonia beat Bhutan 3-1 and the council later voted to rename the stadium.", []),
])
def test_figure_vote_tally_must_not_fire(analyse, text, want):
    assert _figures(analyse(text, published="2024-05-16")) == want


@pytest.mark.parametrize("text", [
    # "N-point" before a plan or list counts the text's items: no figure
    "The government in Tallinn unveiled a 12-point peace plan.",
    "The rebels issued a 10-point list of demands.",
])
def test_figure_points_of_a_plan_are_no_figure(analyse, text):
    assert _figures(analyse(text, published="2024-05-16")) == []


@pytest.mark.parametrize("text,want", [
    # points that measure a lead, a cut or an index stay figures
    ("The party holds a 5-point lead.", [("other", 5)]),
    ("The bank made a 50-basis-point cut.", [("other", 50)]),
    ("The index fell 120 points.", [("other", 120)]),
])
def test_figure_points_measured_must_not_fire(analyse, text, want):
    assert _figures(analyse(text, published="2024-05-16")) == want
