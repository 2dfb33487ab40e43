"""Figures follow the real-report annotation conventions (issue 13): what is a figure and how often."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

NOT_FIGURES = [
    "Hundreds of residents gathered in the square on Sunday.",
    "Dozens of shops were looted overnight.",
    "Nearly two-thirds of voters backed the plan.",
    "A magnitude 6.4 earthquake shook the island before dawn.",
    "The 6.4-magnitude quake was felt 300 miles away.",
    "The navy sent two helicopters to the area.",
    "Rebels captured two tanks at the checkpoint.",
    "The heat reached 46 degrees Celsius (115 F) in the south on Tuesday.",
    "The 81-year-old senator said he would step down.",
    "The city council met for the first time in 12 years.",
    # a proportion written "out of"
    "Three out of four voters backed the plan.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_figure_conventions_not_figures(analyse, text):
    assert analyse(text).figures == (), [(f.kind, f.value, f.text) for f in analyse(text).figures]


FIGURES = [
    ("At least nine people were hurt and three remain in critical condition.", ("injured", 3)),
    ("Three explosions shook the port on Tuesday.", ("other", 3)),
    ("The police carried out nine raids in the north of the city.", ("other", 9)),
    ("The council dismissed two deputy ministers after the vote.", ("people_other", 2)),
    ("The ministry sent 2,000 police reinforcements to the region.", ("people_other", 2000)),
    ("The island, a nation of more than 2 million, closed its ports.", ("people_other", 2000000)),
    ("The toll rose to 45 on Friday, 30 in the capital alone.", ("killed", 30)),
    ("Officials said 23 deaths were recorded, 17 of them in the capital.", ("killed", 17)),
    ("One gunman was shot and killed by police.", ("killed", 1)),
    ("Shares fell $1.20 or 2.5% in early trading.", ("other", 2.5)),
    ("Some 35 backbenchers are expected to vote against the bill.", ("people_other", 35)),
    ("Two fans were stabbed outside the stadium after the match.", ("injured", 2)),
    ("Three guards were stabbed to death at the gate.", ("killed", 3)),
    ("Villagers beat two suspected thieves to death.", ("killed", 2)),
    # a verb of arrest counts people only when its object is people: villages are places
    ("The militia said it had captured four villages near the border.", ("other", 4)),
]


@pytest.mark.parametrize("text,figure", FIGURES, ids=[f[0][:30] for f in FIGURES])
def test_figure_conventions_figures(analyse, text, figure):
    got = [(f.kind, f.value) for f in analyse(text).figures]
    assert figure in got, got


def test_figure_conventions_one_record_per_kind_and_value(analyse):
    text = ("At least 12 people were killed in the blast, police said. "
            "The 12 dead included two children. \"We counted 12 bodies,\" a medic said.")
    result = analyse(text)
    killed = [f for f in result.figures if f.kind == "killed" and f.value == 12]
    assert len(killed) == 1, [(f.kind, f.value, f.text) for f in result.figures]
    fig = killed[0]
    assert fig.span == fig.mentions[0] and len(fig.mentions) >= 2
    assert all(result.text[s:e].strip() for s, e in fig.mentions)
    assert fig.source == "police"


def test_figure_conventions_proportion_of_a_people_is_no_count(analyse):
    figs = analyse("Nearly 30 million people, or one in seven Pakistanis, have been affected.").figures
    assert [(f.kind, f.value) for f in figs] == [("people_other", 30_000_000)], figs
