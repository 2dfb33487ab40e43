"""Error classes found on invented wire reports of kinds the dev set is thin on (strikes, trials, fines,
impeachments, cyber attacks, prisoner swaps). Texts written for these tests, run through the real pipeline."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.syntax import _conjuncts_of_the_outer_verb


def _events(out, *, main_only=False):
    return [(e.type, e.source.name if e.source else None, e.target.name if e.target else None)
            for e in out.events if e.main or not main_only]


@pytest.mark.parametrize("text, expected", [
    # a past-tense verb after a modal clause is the speaker's second act, not the clause subject's
    ("Education Minister Thandi Nkosi said the government could not afford a pay rise and asked teachers "
     "to return to classrooms.", ("REQUEST", "Thandi Nkosi", "teachers")),
    ("Port operator chief Luc Peeters said the stoppage would cost millions of euros a day and urged the "
     "unions to return to talks.", ("REQUEST", "Luc Peeters", "unions")),
])
def test_events_verb_after_modal_clause_is_the_speakers(analyse, text, expected):
    got = _events(analyse(text, published="2025-03-14"))
    assert expected in got, got


def test_events_outer_verb_only_after_a_modal_or_did(nlp):
    doc = nlp("The minister said the union would walk out and urged its members to stay home.")
    assert [(v.text, top.text) for v, top in _conjuncts_of_the_outer_verb(next(doc.sents))] == [("urged", "said")]
    doc = nlp("The minister said the union had walked out and urged its members to stay home.")
    assert _conjuncts_of_the_outer_verb(next(doc.sents)) == []  # "had walked ... and urged": may share "had"


@pytest.mark.parametrize("text, expected", [
    # the tagger reads the infinitive as a determiner or noun; its "to" and object make it a verb
    ("Peru's Congress voted on Thursday to impeach President Luis Carranza.",
     ("ACCUSE", "Congress", "Luis Carranza")),
])
def test_events_infinitive_misread_as_noun(analyse, text, expected):
    got = _events(analyse(text, published="2025-03-14"))
    assert expected in got, got


@pytest.mark.parametrize("text, expected", [
    # a fine is a penalty imposed by a court or regulator (COERCE, like a sentence); the fined party is the
    # first of two objects even when the parser hangs it on the amount
    ("Britain's Financial Conduct Authority fined Northgate Bank 85 million pounds on Tuesday.",
     ("COERCE", "Financial Conduct Authority", "Northgate Bank")),
    ("A Lagos court fined the governor's aide Kola Bello 2 million naira on Monday.", ("COERCE", "court", None)),
    # thanking is praise (SUPPORT), whatever event noun the "for" phrase carries
    ("Ukrainian President Volodymyr Zelensky thanked the Emirates for its mediation on Saturday.",
     ("SUPPORT", "Volodymyr Zelenskiy", "United Arab Emirates")),
])
def test_events_fines_and_thanks(analyse, text, expected):
    got = _events(analyse(text, published="2025-03-14"), main_only=True)
    assert any(t == expected[0] and s and expected[1] in s and (expected[2] is None or g == expected[2])
               for t, s, g in got), got


def test_events_the_company_is_no_regulator(analyse):
    text = ("Regulators at the European Commission on Thursday fined Veltro Motors 400 million euros. "
            "The Commission also ordered the company to recall 20,000 cars.")
    got = _events(analyse(text, published="2025-03-14"))
    assert not [e for e in got if e[2] == "European Commission"], got
