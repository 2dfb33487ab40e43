"""Arguments of one sentence's events (``extract/events/sentence.py``, ``arguments.py``): invented reports,
run through the real pipeline."""

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
