"""Who an appeal is made to, and who two joint doers act with. Invented sentences, with counter-examples."""

from __future__ import annotations

import pytest


def _first(out, etype):
    ev = next(e for e in out.events if e.type == etype)
    return ev.source.name if ev.source else None, ev.target.name if ev.target else None


@pytest.mark.parametrize("text, target", [
    # the parser hangs the "to"-complement on the verb and leaves the one asked as a prepositional object
    ("Senator Anna Kask called on the Estonian government to release the detained activists.", "Estonian government"),
    ("The mediator pleaded with the rebels to free the hostages.", "rebels"),
    ("The president appealed to donors to give more money for the flood victims.", "donors"),
])
def test_the_one_asked_is_the_object_before_the_to_complement(analyse, text, target):
    out = analyse(text, published="2023-04-11")
    assert _first(out, "REQUEST")[1] == target, out.events


@pytest.mark.parametrize("text, wrong", [
    ("The envoy urged calm in the capital to avoid bloodshed.", "capital"),  # "in": where, not who is asked
    ("The senator called on Tuesday to release the prisoners.", "Tuesday"),  # a day is asked nothing
    ("The opposition leader called on Facebook to boycott the vote.", "Facebook"),  # where, not whom
])
def test_a_place_or_day_before_the_complement_is_not_asked(analyse, text, wrong):
    out = analyse(text, published="2023-04-11")
    assert not any(e.target is not None and e.target.name == wrong for e in out.events), out.events


def test_what_two_joint_doers_act_on_is_no_party(analyse):
    out = analyse("Bhutan and Estonia signed an agreement on Wednesday to cooperate on digital government "
                  "services.", published="2023-04-11")
    assert _first(out, "SUPPORT") == ("Bhutan", "Estonia"), out.events


@pytest.mark.parametrize("text, pair", [
    ("Estonia signed an agreement with Bhutan to cooperate on digital government services.", ("Estonia", "Bhutan")),
    ("Bhutan and Estonia signed a trade deal with India.", ("Bhutan", "India")),  # "with" names the other party
])
def test_a_named_partner_still_counts(analyse, text, pair):
    out = analyse(text, published="2023-04-11")
    assert _first(out, "SUPPORT") == pair, out.events
