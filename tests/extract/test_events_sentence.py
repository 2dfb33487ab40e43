"""Arguments of one sentence's events (``extract/events/sentence.py``, ``arguments.py``,
``argument_actors.py``): invented reports, run through the real pipeline."""

from __future__ import annotations

import pytest


def _events(out, *, main_only=False):
    return [(e.type, e.source.name if e.source else None, e.target.name if e.target else None)
            for e in out.events if e.main or not main_only]


def test_events_sentence_participle_befalls_its_noun(analyse):
    """"a suspect arrested in Peru": the suspect is arrested, Peru is where."""
    out = analyse("A suspect arrested in Peru was questioned by police on Monday.", published="2022-03-08")
    arrests = [(s, t) for ty, s, t in _events(out) if ty == "COERCE"]
    assert arrests and all(t == "suspect" for _, t in arrests), arrests


@pytest.mark.parametrize("text, source", [
    ("A suspect arrested in Peru was charged with terrorist offences on Monday.", "Peru"),
    ("Two journalists detained in Kenya were charged with spying on Friday.", "Kenya"),
])
def test_events_sentence_agentless_charge_is_the_state_where_its_party_was_held(analyse, text, source):
    out = analyse(text, published="2022-03-08")
    assert ("ACCUSE", source) in [(t, s) for t, s, _ in _events(out, main_only=True)]


def test_events_sentence_agentless_charge_without_a_place_has_no_source(analyse):
    out = analyse("Two journalists were charged with spying on Friday.", published="2022-03-08")
    assert [s for t, s, _ in _events(out) if t == "ACCUSE"] == [None]


@pytest.mark.parametrize("text, type_, source", [
    ("Riots followed the Supreme Court's decision to remove the governor from office.", "COERCE", "Supreme Court"),
    ("Protests followed the decision by Peru's government to close the border on Monday.", "COERCE", "Peru"),
])
def test_events_sentence_decision_noun_gives_its_decider(analyse, text, type_, source):
    """"X's decision to Y" reports X doing Y; the decision itself is no actor."""
    out = analyse(text, published="2022-03-08")
    sources = [s for t, s, _ in _events(out, main_only=True) if t == type_]
    assert sources and all(source in s for s in sources), _events(out)


def test_events_sentence_a_plan_noun_is_no_decision(analyse):
    out = analyse("Riots followed the Supreme Court's plan to remove the governor from office.",
                  published="2022-03-08")
    assert not [s for t, s, _ in _events(out) if t == "COERCE" and s and "Court" in s]


def test_events_sentence_bare_surname_missed_by_the_recognizer_is_a_target(analyse):
    text = ("President Carlos Mendoza was impeached in March.\n\n"
            "The unrest followed the Supreme Court's unanimous decision to push Mendoza out of office.")
    out = analyse(text, published="2022-03-08")
    assert ("COERCE", "Supreme Court", "Carlos Mendoza") in _events(out)


@pytest.mark.parametrize("text, type_", [
    ("The president said he would hand over to his deputy in May.", "RETREAT"),
    ("The army handed over power to a civilian council on Monday.", "RETREAT"),
    ("Rebels handed over food to the villagers on Monday.", "AID"),
])
def test_events_sentence_handing_over_with_nothing_handed_is_yielding(analyse, text, type_):
    out = analyse(text, published="2022-03-08")
    assert [t for t, _, _ in _events(out)] == [type_]


def test_events_sentence_a_task_assigned_with_for_is_not_done(analyse):
    """"It would be for X to Y": X acts (not "it"), and has not acted yet."""
    out = analyse("Mendoza quit on Monday. It would be for his successor to negotiate with the rebels, "
                  "he said.", published="2022-03-08")
    talks = [e for e in out.events if e.type == "CONSULT"]
    assert talks and all(e.source and e.source.name != "Mendoza" and not e.main for e in talks)


@pytest.mark.parametrize("text", [
    "Arrested in Lima in March, the rebel leader was charged with treason on Monday.",
    "Mendoza has been detained and his ministers stripped of their posts since the coup.",
])
def test_events_sentence_bare_participle_clause_is_passive(analyse, text):
    """A participle clause with no auxiliary of its own befalls the subject it shares; it never makes
    that subject the agent."""
    out = analyse(text, published="2022-03-08")
    coerce = [(s, t) for ty, s, t in _events(out) if ty == "COERCE"]
    assert coerce and all(s not in ("rebel leader", "Mendoza") for s, _ in coerce), coerce


@pytest.mark.parametrize("text, source", [
    ("Rebels attacked Lima on Friday. The Peruvian government said on Saturday that the alert was raised. "
     "The statement urged residents to avoid busy markets.", "Peruvian government"),
    ("The interior ministry's statement urged citizens to stay home on Monday.", "interior ministry"),
])
def test_events_sentence_a_text_acts_for_its_owner(analyse, text, source):
    out = analyse(text, published="2022-03-08")
    assert [s for t, s, _ in _events(out) if t == "REQUEST"] == [source], _events(out)


def test_events_sentence_a_text_with_no_owner_in_sight_is_no_actor(analyse):
    out = analyse("A statement urged citizens to stay home on Monday.", published="2022-03-08")
    assert [s for t, s, _ in _events(out) if t == "REQUEST"] == [None], _events(out)


@pytest.mark.parametrize("text", [
    "Peru's military seized control of the capital yesterday as President Carlos Mendoza said he was under "
    "house arrest.",
    "President Carlos Mendoza has been in custody since the army stormed the palace last week.",
])
def test_events_sentence_held_state_with_its_force_is_a_detention(analyse, text):
    out = analyse(text, published="2022-03-08")
    held = [(s, t) for ty, s, t in _events(out, main_only=True) if ty == "COERCE" and t == "Carlos Mendoza"]
    assert held and all(s and ("army" in s or "military" in s) for s, _ in held), _events(out)


def test_events_sentence_held_state_without_a_force_is_no_event(analyse):
    out = analyse("President Carlos Mendoza has been under house arrest since last week.", published="2022-03-08")
    assert not [e for e in out.events if e.type == "COERCE"]


@pytest.mark.parametrize("text, target", [
    ("Police arrested the suspect in Lima on Friday.", "suspect"),
    ("Police arrested the suspect, Juan Perez, in Lima on Friday.", "Juan Perez"),
])
def test_events_sentence_people_acted_on_beat_the_scene(analyse, text, target):
    out = analyse(text, published="2022-03-08")
    targets = [g for t, _, g in _events(out) if t == "COERCE"]
    assert len(targets) == 1 and target in targets[0], targets


@pytest.mark.parametrize("text, target", [
    ("Bombs exploded at the main station in Lima on Monday, killing 20 people, Peru's government said. "
     "Peru declared three days of mourning.\n\nBolivia's government responded with solidarity and condolences.",
     "Peru"),
    ("The king of Spain expressed his condolences to the families on Monday.", None),
])
def test_events_sentence_sympathy_is_support_for_the_country_that_suffered(analyse, text, target):
    out = analyse(text, published="2022-03-08")
    assert [g for t, _, g in _events(out) if t == "SUPPORT"] == [target], _events(out)


def test_events_sentence_firing_an_official_is_a_dismissal(analyse):
    out = analyse("The unrest followed President Mendoza's firing of his deputy last week.", published="2022-03-08")
    assert [e.type for e in out.events if e.trigger == "firing"] == ["COERCE"], _events(out)


def test_events_sentence_firing_rockets_is_no_dismissal(analyse):
    out = analyse("The firing of rockets at the town by rebels continued on Monday.", published="2022-03-08")
    assert not [e for e in out.events if e.type == "COERCE"], _events(out)


@pytest.mark.parametrize("text, type_, target", [
    ("Protesters called for the governor to resign on Monday.", "REQUEST", "governor"),
    ("Thousands of farmers called for Prime Minister Ana Ruiz to quit on Monday.", "REQUEST", "Ana Ruiz"),
    ("Unions pushed for the government to raise wages on Monday.", "DEMAND", "government"),
])
def test_events_sentence_call_for_someone_to_act(analyse, text, type_, target):
    """"called for X to resign": the parser hangs "for" on the infinitive clause as its marker; it is still
    the appeal's preposition, X is the one asked, and the resignation asked for has not happened."""
    out = analyse(text, published="2022-03-08")
    assert [(t, g) for t, _, g in _events(out)] == [(type_, target)], _events(out)
