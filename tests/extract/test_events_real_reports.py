"""Issue 11, error classes of real reports: misparsed participles, deployments told without a deploy
word, bare legislatures, orders to security forces. Invented reports, run through the real pipeline."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.syntax import repaired


def _events(out, *, main_only=False):
    return [(e.type, e.source.name if e.source else None, e.target.name if e.target else None)
            for e in out.events if e.main or not main_only]


@pytest.mark.parametrize("text, expected", [
    # a participle before a titled name describes the person; the verb before it is the act
    ("Peru's Supreme Court removed impeached President Ana Lopez from office on Friday.",
     ("COERCE", "Supreme Court", "Ana Lopez")),
    ("The army detained ousted Prime Minister Lena Varo in Lima on Friday.", ("COERCE", "Peruvian army", "Lena Varo")),
])
def test_events_prenominal_participle_is_no_event(analyse, text, expected):
    got = _events(analyse(text, published="2022-03-08"), main_only=True)
    assert expected in got, got
    assert not [t for t, _, _ in got if t == "ACCUSE"], got  # "impeached" describes, it reports nothing


def test_events_repaired_leaves_the_callers_doc_alone(nlp):
    doc = nlp("The army detained ousted Prime Minister Lena Varo on Friday.")
    heads = [t.head.i for t in doc]
    fixed = repaired(doc)
    assert fixed is not doc and [t.head.i for t in doc] == heads
    assert fixed[3].dep_ == "amod" and fixed[2].dep_ == "ROOT"
    plain = nlp("The army detained the former minister on Friday.")
    assert repaired(plain) is plain  # nothing to repair: no copy


@pytest.mark.parametrize("text, source", [
    ("Military vehicles rolled into the streets of Lima late on Tuesday.", "Peruvian army"),
    ("Armoured cars blocked the main roads around the palace in Lima on Tuesday.", "Peruvian army"),
    ("Tanks moved into the centre of Lima on Tuesday.", "Peruvian army"),
    ("The government flooded the streets of Lima with riot police and soldiers on Tuesday.", "government"),
    ("Peru's government has ordered 2,000 police officers to patrol the northern border.", "government"),
    ("The interior minister sent 500 riot police to Lima on Monday.", "interior minister"),
])
def test_events_deployment_without_a_deploy_word(analyse, text, source):
    got = _events(analyse(text, published="2022-03-08"), main_only=True)
    assert any(t == "MOBILIZE" and s is not None and source in s for t, s, _ in got), got
    assert not [t for t, _, _ in got if t in ("PROTEST", "DEMAND")], got


@pytest.mark.parametrize("text", [
    "Delivery vans blocked the roads of Lima on Tuesday.",
    "The president ordered the rebels to lay down their arms.",
])
def test_events_no_deployment_without_forces(analyse, text):
    got = _events(analyse(text, published="2022-03-08"))
    assert not [t for t, _, _ in got if t == "MOBILIZE"], got


def test_events_bare_parliament_is_the_countrys(analyse):
    got = _events(analyse("Peru's president was impeached by parliament on Monday over a bribery scandal.",
                          published="2022-03-08"))
    assert ("ACCUSE", "parliament of Peru") in [(t, s) for t, s, _ in got], got


@pytest.mark.parametrize("text, expected", [
    # "would like to" is a polite way of acting now, not a maybe; an appeal to everyone is to the public
    ('The prime minister said: "I would like to call on everyone to stay calm."', ("REQUEST", "prime minister", "public")),
    ("The mayor urged everyone to stay indoors on Monday.", ("REQUEST", "mayor", "public")),
])
def test_events_polite_appeal_to_everyone(analyse, text, expected):
    out = analyse(text, published="2022-03-08")
    assert expected in _events(out, main_only=True), _events(out)
    assert all(e.mode == "asserted" for e in out.events if e.type == "REQUEST")


def test_events_hypothetical_appeal_stays_hypothetical(analyse):
    out = analyse("The prime minister could call on the army to restore order.", published="2022-03-08")
    assert all(e.mode == "hypothetical" and not e.main for e in out.events if e.type == "REQUEST")


@pytest.mark.parametrize("text, expected", [
    # naming someone a suspect accuses them; a reported verdict with a condemning label accuses its subject
    ("The ruling opens former President Maria Gonzalez to criminal proceedings. "
     "Prosecutors have already named her a criminal suspect.", ("ACCUSE", "Prosecutors", "Maria Gonzalez")),
    ("Maria Gonzalez lost her post on Monday. "
     'Gonzalez\'s "acts are a betrayal of the public trust," Judge Omar Tali said.',
     ("ACCUSE", "Omar Tali", "Maria Gonzalez")),
    ("Gunmen attacked a hotel in Lima on Friday. President Maria Gonzalez declared on Saturday that the attack "
     "on the hotel was an act of war.", ("ACCUSE", "Maria Gonzalez", "Gunmen")),
])
def test_events_labels_and_verdicts_accuse(analyse, text, expected):
    assert expected in _events(analyse(text, published="2022-03-08")), _events(analyse(text, published="2022-03-08"))


@pytest.mark.parametrize("text", [
    "The minister said the deal was a great success for both countries.",  # praise in a verdict is comment
    "The minister said the weather was terrible on Monday.",
])
def test_events_verdict_without_condemnation_is_no_event(analyse, text):
    assert not [e for e in analyse(text, published="2022-03-08").events if e.type in ("ACCUSE", "SUPPORT")]


def test_events_date_preposition_is_no_particle(analyse):
    # "on Monday" does not make "called" the phrasal "called on" (an appeal)
    out = analyse("The opposition leader called President Maria Gonzalez a traitor on Monday.", published="2022-03-08")
    assert not [e for e in out.events if e.type == "REQUEST" and "on" in (e.trigger or "").split()]
