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
