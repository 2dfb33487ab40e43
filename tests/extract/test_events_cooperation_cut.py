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
