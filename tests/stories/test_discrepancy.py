from __future__ import annotations

import pytest

from newsgraph.model import Figure, Quote, Speaker
from newsgraph.stories.discrepancy import ArticleFacts, figure_context, find_discrepancies, values_agree

from stories_helpers import figure_in


def fig(value, *, hedge=None, value_max=None, kind="killed"):
    return Figure(kind=kind, value=value, unit="people", approximate=hedge is not None, text=str(value),
                  span=(0, 1), hedge=hedge, value_max=value_max)


@pytest.mark.parametrize("a,b,agree", [
    (fig(220_000), fig(240_000), False),
    (fig(220_000, hedge="some"), fig(240_000), False),
    (fig(22), fig(72), False),
    (fig(8, hedge="at least"), fig(11), False),
    (fig(4_300, hedge="more than"), fig(4_349), True),
    (fig(4_300), fig(4_349), True),
    (fig(700, hedge="more than"), fig(717), True),
    (fig(717), fig(717), True),
    (fig(200, hedge="more than"), fig(228), True),
    (fig(30, value_max=40), fig(35), True),
    (fig(19), fig(22), False),
])
def test_discrepancy_values_agree(a, b, agree):
    assert values_agree(a, b) is agree
    assert values_agree(b, a) is agree


def facts(id, text, figures=(), quotes=()):
    return ArticleFacts(id, tuple(figures), tuple(figure_context(text, f) for f in figures), tuple(quotes))


T1 = "The war began in 2011. Some 220,000 people have been killed in the war, the UN says."
T2 = "Kerry said backing Assad prolonged a war that has killed 240,000 people since 2011."
T3 = "The conflict has killed at least 220,000 people, according to the UN."


def test_discrepancy_figures_disagreeing_across_outlets():
    found = find_discrepancies([
        facts("a", T1, [figure_in(T1, "220,000", "killed", 220_000, hedge="some")]),
        facts("b", T2, [figure_in(T2, "240,000", "killed", 240_000)]),
        facts("c", T3, [figure_in(T3, "220,000", "killed", 220_000, hedge="at least")]),
    ])
    assert len(found) == 1
    d = found[0]
    assert d.kind == "figure" and d.fact == "killed"
    assert dict(d.values) == {"a": "220,000", "b": "240,000", "c": "220,000"}
    spans = dict(d.spans)
    assert T2[spans["b"][0]:spans["b"][1]] == "240,000"


def test_discrepancy_none_when_values_agree_or_kinds_differ():
    t4 = "The quake injured 22 people in the town."
    assert find_discrepancies([
        facts("a", T1, [figure_in(T1, "220,000", "killed", 220_000)]),
        facts("c", T3, [figure_in(T3, "220,000", "killed", 220_000, hedge="at least")]),
        facts("d", t4, [figure_in(t4, "22", "injured", 22)]),
    ]) == ()
    assert find_discrepancies([]) == ()


def test_discrepancy_pairs_figures_about_the_same_thing():
    a = "Twelve soldiers... no. On Tuesday 12 people were killed in an air strike. The war has killed 220,000."
    b = "An air strike on Tuesday killed 12 people. Some 240,000 people have died in the war since 2011."
    found = find_discrepancies([
        facts("a", a, [figure_in(a, "12 people", "killed", 12), figure_in(a, "220,000", "killed", 220_000)]),
        facts("b", b, [figure_in(b, "12 people", "killed", 12), figure_in(b, "240,000", "killed", 240_000)]),
    ])
    assert [dict(d.values) for d in found] == [{"a": "220,000", "b": "240,000"}]


def q(text, speaker, start=0, kind="direct"):
    return Quote(text=text, span=(start, start + len(text)), speaker=Speaker(speaker) if speaker else None,
                 cue="said", kind=kind)


def test_discrepancy_quotes_worded_differently():
    found = find_discrepancies([
        facts("a", "", quotes=[q("We are not fearful of foreigners, because most of us were once foreigners",
                                  "Pope Francis")]),
        facts("b", "", quotes=[q("We are not afraid of foreigners, because most of us were once foreigners",
                                  "Francis")]),
        facts("c", "", quotes=[q("We are not fearful of foreigners, because most of us were once foreigners",
                                  "Pope Francis")]),
    ])
    assert len(found) == 1 and found[0].kind == "quote"
    assert set(dict(found[0].values)) == {"a", "b", "c"}


@pytest.mark.parametrize("qa,qb", [
    (q("It will help us define the options that are available to us", "Kerry"),
     q("It will help us define the options that are available to us", "John Kerry")),
    (q("It will help us define the options that are available to us", "Kerry"),
     q("define the options that are available", "Kerry", kind="partial")),
    (q("It will help us define the options that are available to us", "Kerry"),
     q("It will help us define the options that are available to them", "Lavrov")),
    (q("Nobody gains from more bombing in this war", "Nkoana-Mashabane"),
     q("We are clearing the way for a fresh start", "Winterkorn")),
])
def test_discrepancy_quotes_none(qa, qb):
    assert find_discrepancies([facts("a", "", quotes=[qa]), facts("b", "", quotes=[qb])]) == ()


def test_discrepancy_vague_quantities_never_contradict():
    a = "The strike killed 37 people in the market, officials said."
    b = "The strike killed dozens of people in the market, witnesses said."
    fa = figure_in(a, "37", "killed", 37)
    fb = figure_in(b, "dozens", "killed", 24, hedge="dozens")
    assert find_discrepancies([facts("a", a, [fa]), facts("b", b, [fb])]) == ()


def test_discrepancy_part_figures_compared_only_with_parts():
    a = "At least 19 people, including 12 medical staff, were killed in the hospital strike."
    b = "The hospital strike killed 22 people, the charity said."
    found = find_discrepancies([
        facts("a", a, [figure_in(a, "19", "killed", 19, hedge="at least"), figure_in(a, "12", "killed", 12)]),
        facts("b", b, [figure_in(b, "22", "killed", 22)]),
    ])
    assert [dict(d.values) for d in found] == [{"a": "19", "b": "22"}]


def test_discrepancy_quote_excerpt_in_other_words():
    long_ = q("The Russians proposed a military-to-military conversation, and we believe it is an important "
              "next step", "John Kerry")
    short = q("we think it is an important next step", "Kerry")
    found = find_discrepancies([facts("a", "", quotes=[long_]), facts("b", "", quotes=[short])])
    assert len(found) == 1 and found[0].fact == "quote: John Kerry"
