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
    "The government will impose a curfew in the capital if the cyclone makes landfall.",  # no party to comply
    "The army will deploy boats if the river keeps rising.",
    "Troops will be deployed to the valley if the river floods again, the governor said.",
    "Residents fear they will be attacked if the troops leave.",  # a fear, told in the passive
])
def test_no_threat_without_a_harm_on_a_condition(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not [e for e in out.events if e.type == "THREATEN"], _events(out)


@pytest.mark.parametrize("text, target", [
    ('"Our forces will respond firmly to any aggression," the defence minister said.', None),
    ("Estonia said it would retaliate if Latvian jets entered its airspace again.", "Latvian jets"),
    ("The militia said it would hit back if attacked.", None),
])
def test_an_announced_payback_is_a_threat(analyse, text, target):
    out = analyse(text, published="2023-04-11")
    threats = [e for e in out.events if e.type == "THREATEN" and e.main]
    assert threats and (threats[0].target.name if threats[0].target else None) == target, _events(out)


@pytest.mark.parametrize("text", [
    "The ministry said it would respond to the letter next week.",  # a reply, no force
    "The firm said it would respond firmly to the customer complaints.",  # an answer to no hostility
    "The central bank will respond decisively to rising inflation.",
    "Voters will punish the ruling party at the polls.",
    "The new rules would punish small businesses.",
    "The champions will hit back next season.",  # sport: no condition, no one hit
    "The president said the country would not retaliate.",  # ruled out
    "The army retaliated with air strikes on rebel positions.",  # the act itself, told as done
])
def test_a_reply_a_refusal_or_a_done_payback_is_no_threat(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not [e for e in out.events if e.type == "THREATEN"], _events(out)


def test_paying_back_an_act_is_not_doing_it(analyse):
    out = analyse("The rebels vowed to retaliate for the killing of their commander.", published="2023-04-11")
    assert not [e for e in out.events if e.type == "ASSAULT"], _events(out)


def test_a_payback_told_as_done_is_the_act_it_names(analyse):
    out = analyse("The army retaliated with air strikes on rebel positions.", published="2023-04-11")
    assert [e.type for e in out.events if e.main] == ["ASSAULT"], _events(out)
