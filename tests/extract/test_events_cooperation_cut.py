"""Leaving talks or a treaty cuts cooperation (SANCTION), pulling forces back is a retreat; a call
between two leaders is a consultation. Invented sentences."""

from __future__ import annotations

import pytest


def _types(out):
    return [e.type for e in out.events if e.main]


@pytest.mark.parametrize("text", [
    "Valmora withdrew from the peace talks on Monday.",
    "Estonia pulled out of the fisheries agreement on Monday.",
    "Bhutan withdrew from the regional alliance on Monday.",
])
def test_leaving_talks_or_a_treaty_is_a_sanction(analyse, text):
    assert _types(analyse(text, published="2023-04-11")) == ["SANCTION"]


@pytest.mark.parametrize("text", [
    "Estonia withdrew its troops from the border on Monday.",
    "The army withdrew from the town on Monday.",
    "The rebels pulled out of the port city on Monday.",
])
def test_pulling_forces_back_is_still_a_retreat(analyse, text):
    assert _types(analyse(text, published="2023-04-11")) == ["RETREAT"]


@pytest.mark.parametrize("text", [
    "Russian troops withdrew from the town under the agreement signed in Doha.",  # the way, not what is left
    "The rebels pulled out of the port city under a deal brokered by Qatar.",
])
def test_forces_leaving_a_place_under_a_deal_still_retreat(analyse, text):
    assert _types(analyse(text, published="2023-04-11")) == ["RETREAT"]


@pytest.mark.parametrize("text", [
    "A witness, speaking by phone from Dhaka, said the market was on fire.",  # how news is sourced
    "The minister spoke about the budget on Monday.",
])
def test_speaking_is_no_consultation(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert "CONSULT" not in _types(out)


@pytest.mark.parametrize("text", [
    "Estonia sent an envoy to Riga on Monday.",
    "Bhutan dispatched an envoy to Dhaka on Monday.",
])
def test_sending_envoys_is_talks_not_aid(analyse, text):
    assert _types(analyse(text, published="2023-04-11")) == ["CONSULT"]


@pytest.mark.parametrize("text, kind", [
    ("Estonia sent troops to the border on Monday.", "MOBILIZE"),
    ("Japan sent blankets and tents to the flooded towns on Monday.", "AID"),
])
def test_sending_forces_or_goods_keeps_its_type(analyse, text, kind):
    assert _types(analyse(text, published="2023-04-11")) == [kind]


def test_paying_a_fine_is_being_fined(analyse):
    # the payer undergoes the penalty; it does not impose one
    out = analyse("The shipping company paid a fine of 2 million euros on Monday.", published="2023-04-11")
    assert not [e for e in out.events if e.type == "COERCE" and e.source is not None
                and e.source.name.endswith("company")], out.events


@pytest.mark.parametrize("text", [
    "The law, passed in 2010, was struck down by the court on Friday.",
    "The constitutional court struck down the ban on Monday.",
])
def test_a_court_striking_down_a_law_rejects_it(analyse, text):
    assert _types(analyse(text, published="2023-04-11")) == ["REJECT"]


def test_striking_a_target_is_still_an_attack(analyse):
    assert _types(analyse("Gunmen struck a police checkpoint on Monday.", published="2023-04-11")) == ["ASSAULT"]


@pytest.mark.parametrize("text, kind", [
    ("Thousands of students demonstrated against the new tax on Monday.", ["PROTEST"]),
    ("Both firms are demonstrating faith in the new chip.", []),  # showing something is no protest
    ("The army demonstrated a new missile on Monday.", []),
])
def test_demonstrating_is_a_protest_only_without_an_object(analyse, text, kind):
    assert _types(analyse(text, published="2023-04-11")) == kind


def test_a_day_is_no_particle_of_the_trigger(analyse):
    out = analyse("The board signed off on the merger on Monday.", published="2023-04-11")
    assert [e.trigger for e in out.events] == ["signed off on"], out.events
