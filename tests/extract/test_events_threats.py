"""Conditional threats (events/threats.py): a harm announced on a condition another party can meet is a
threat to that party. Invented sentences; counter-examples where no threat is made."""

from __future__ import annotations

import pytest


def _events(out):
    return [(e.type, e.source.name if e.source else None, e.target.name if e.target else None, e.main, e.mode)
            for e in out.events]


@pytest.mark.parametrize("text, source, target", [
    ("The militants said they would kill the hostages unless the government released their commander.",
     "militants", "government"),
    ("The dockers' union said its members would walk off the job next week unless the company raised wages.",
     "union", "company"),
    ("Farmers said they would block the highways if the government did not scrap the new tax.", "Farmers",
     "government"),
    ("The rebels warned that more attacks would follow if troops did not leave the valley.", "rebels", "troops"),
])
def test_a_harm_announced_on_a_condition_is_a_threat(analyse, text, source, target):
    out = analyse(text, published="2023-04-11")
    threats = [e for e in _events(out) if e[0] == "THREATEN"]
    assert threats and threats[0][1].endswith(source) and threats[0][2].endswith(target) and threats[0][3], \
        _events(out)


def test_the_act_the_condition_asks_for_is_not_news(analyse):
    # "unless the government released their commander": no release happened
    out = analyse("The militants said they would kill the hostages unless the government released their "
                  "commander.", published="2023-04-11")
    assert not [e for e in out.events if e.type == "RETREAT" and e.main], _events(out)
    assert all(e.mode == "hypothetical" for e in out.events if e.type == "RETREAT")


@pytest.mark.parametrize("text", [
    "The government said it would lift the curfew if the violence subsided.",  # a friendly act on a condition
    "The minister said the talks would resume if both sides agreed.",
    "The central bank warned that prices would rise if the currency kept falling.",  # a warning of no harm
    "The army attacked the rebel camp as if the truce had never been signed.",  # "as if" sets no condition
    "Police said they would not arrest the marchers if the rally stayed peaceful.",  # negated: a promise
    "The army will deploy troops to the border next week, the ministry said.",  # no condition
])
def test_no_threat_without_a_harm_on_a_condition(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not [e for e in out.events if e.type == "THREATEN"], _events(out)
