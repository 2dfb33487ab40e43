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


def test_a_phone_call_between_leaders_is_a_consultation(analyse):
    out = analyse("The two leaders spoke by telephone on Monday.", published="2023-04-11")
    assert _types(out) == ["CONSULT"]


def test_speaking_about_something_is_no_call(analyse):
    out = analyse("The minister spoke about the budget on Monday.", published="2023-04-11")
    assert "CONSULT" not in _types(out)


@pytest.mark.parametrize("text", [
    "Estonia sent an envoy to Riga on Monday.",
    "Bhutan dispatched a delegation to Dhaka on Monday.",
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


def test_a_chain_of_acts_shares_the_first_ones_date(analyse):
    # "but Tallinn recalled its ambassador ... and suspended a project": the day of the first act dates all
    out = analyse("Latvia released the fishermen on August 3, but Estonia recalled its ambassador and suspended "
                  "a joint energy project.", published="2023-09-10")
    assert {e.trigger: e.date for e in out.events}.get("suspended") == "2023-08-03", out.events
