"""Refusals (events/refusals.py): a cooperative act its doer says it will not do is REJECT. Invented
sentences, with counter-examples of what did not happen and of hostile acts ruled out."""

from __future__ import annotations

import pytest


def _main(out):
    return [(e.type, e.source.name if e.source else None) for e in out.events if e.main]


@pytest.mark.parametrize("text, source", [
    ("The government will not accept the rebels' demands, the interior minister said.", "government"),
    ("The dockers' union said it would not sign the agreement.", "union"),
    ("The rebels said they would never surrender.", "rebels"),
    ("The president said he would not meet the rebels until they laid down their arms.", "president"),
])
def test_a_cooperative_act_refused_for_the_future_is_a_rejection(analyse, text, source):
    out = analyse(text, published="2023-04-11")
    assert any(t == "REJECT" and s and s.endswith(source) for t, s in _main(out)), out.events


@pytest.mark.parametrize("text", [
    "The president did not meet the opposition leader on Monday.",  # what did not happen
    "The army has not withdrawn from the town.",
    "Estonia will not send troops to the region, the defence minister said.",  # a hostile act ruled out
    "The prime minister will not attend the summit because of illness, her office said.",  # a reason
    "The committee will not meet again until after the election.",  # a schedule
    "Bhutan will not sign the agreement before the election.",
    "Negotiators will not meet this week.",
    "Hazardous waste will not be accepted at the plant.",  # a passive: no one refuses
    "High fuel prices would not have permitted the new route.",  # a counterfactual
])
def test_what_did_not_happen_or_a_harm_ruled_out_is_no_rejection(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not [e for e in out.events if e.type == "REJECT"], out.events
