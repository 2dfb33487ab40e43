"""Alleged wrongdoing (events/allegations.py): a party saying another rigged, embezzled or stole accuses
it. Invented sentences, with counter-examples of findings, denials and crimes with no party blamed."""

from __future__ import annotations

import pytest


def _accusations(out):
    return [(e.source.name if e.source else None, e.target.name if e.target else None, e.main)
            for e in out.events if e.type == "ACCUSE"]


@pytest.mark.parametrize("text, pair", [
    ("The opposition claimed that the government had rigged the parliamentary election.", ("opposition", "government")),
    ("The prosecutor said the former minister had embezzled public funds.", ("prosecutor", "former minister")),
])
def test_a_party_saying_another_did_wrong_accuses_it(analyse, text, pair):
    out = analyse(text, published="2023-04-11")
    assert (*pair, True) in _accusations(out), out.events


@pytest.mark.parametrize("text", [
    "Police said thieves had stolen copper cables from the railway.",  # a crime reported, no party blamed
    "The minister denied that the government had rigged the election.",  # a denial
    "The observers said the election had been rigged.",  # no doer named
    "The opposition said the government had not rigged the election.",  # negated
    "The court found that the former minister had embezzled public funds.",  # a finding, not a report verb
    "The army said it had smuggled food into the besieged town.",  # its own act
    "Witnesses said soldiers looted shops in the market.",  # the looting is the news, witnesses no party
    "The minister said the striker had stolen the show.",  # praise
])
def test_no_accusation_without_a_party_blaming_a_doer(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not _accusations(out), out.events


@pytest.mark.parametrize("text", [
    "Prosecutors charged two men over the killing of the journalist on Monday.",
    "The mayor was charged as an accomplice in the fraud on Monday.",
])
def test_charged_over_or_as_is_a_criminal_charge(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert [e.type for e in out.events if e.trigger.startswith("charged")] == ["ACCUSE"], out.events


@pytest.mark.parametrize("text", [
    "The bank charged customers for the transfers.",  # a fee
    "Riot police charged at the crowd on Monday.",  # a charge at someone is no criminal charge
])
def test_charging_a_fee_or_at_someone_is_no_accusation(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not [e for e in out.events if e.type == "ACCUSE"], out.events
