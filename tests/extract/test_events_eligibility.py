"""Which reported acts can be main: the doer must be able to act, the act must be the clause's own
and told as news. Invented sentences; each rule has counter-examples where it must not fire."""

from __future__ import annotations

import pytest


def _main(out):
    return [(e.type, e.source.name if e.source else None, e.trigger) for e in out.events if e.main]


@pytest.mark.parametrize("doers", ["Bandits", "A criminal gang", "Poachers", "Armed robbers", "Thieves"])
def test_lawbreakers_named_by_what_they_do_are_doers(analyse, doers):
    # a group named by what it does is a doer, like "gunmen" or "kidnappers"
    out = analyse(f"{doers} attacked a village near the border on Sunday, killing five farmers.",
                  published="2023-04-11")
    assert any(t == "ASSAULT" and s and s.lower().endswith(doers.split()[-1].lower()) for t, s, _ in _main(out)), \
        out.events


def test_a_past_verb_with_its_object_is_no_describing_participle(analyse):
    # the parser reads "kidnapped" as a participle describing "bandits" (the subject of "police said"),
    # but a participle with an object of its own is the clause's past-tense verb
    out = analyse("Armed bandits kidnapped at least 30 people in a raid on a village, police said on Friday.",
                  published="2023-04-11")
    assert ("ASSAULT", "Armed bandits", "kidnapped") in _main(out), out.events


@pytest.mark.parametrize("text", [
    "A suspect arrested in Chittagong was charged with murder on Monday.",
    "Three soldiers wounded in the ambush were flown to Dhaka on Monday.",
])
def test_a_describing_participle_is_still_background(analyse, text):
    out = analyse(text, published="2023-04-11")
    describing = [e for e in out.events if e.trigger in ("arrested", "wounded")]
    assert describing and not any(e.main for e in describing), out.events


def test_a_year_in_a_clause_describing_a_noun_dates_no_main_act(analyse):
    # "since 2011" tells how long the separatists have fought, not when the government rejected talks
    out = analyse("The government has rejected calls for talks with the separatists, who have been fighting for "
                  "independence since 2011.", published="2023-04-11")
    assert ("REJECT", "government", "rejected") in _main(out), out.events


@pytest.mark.parametrize("text", [
    "In 2011 the government rejected calls for talks with the separatists.",
    "The government rejected calls for talks with the separatists in 2011.",
])
def test_a_year_of_the_clause_itself_still_makes_it_history(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not any(t == "REJECT" for t, _, _ in _main(out)), out.events


def test_a_plural_body_noun_unlemmatised_is_a_doer(analyse):
    # "authorities" with no country to guess: its sector must still be found for it to act
    out = analyse("The authorities shut down the internet across the country on Monday.", published="2023-04-11")
    assert ("COERCE", "authorities", "shut down") in _main(out), out.events


@pytest.mark.parametrize("text", [
    "The two countries signed a memorandum of understanding on energy on Monday.",
    "Both nations agreed on Monday to reopen the border crossing.",
])
def test_states_named_as_such_are_doers(analyse, text):
    assert _main(analyse(text, published="2023-04-11")), "no main event"


@pytest.mark.parametrize("text", [
    "The president signed the bill into law on Monday.",  # a law is no agreement between parties
    "Thousands of residents signed a petition against the dam on Monday.",
])
def test_signing_a_law_or_a_petition_is_no_agreement(analyse, text):
    out = analyse(text, published="2023-04-11")
    assert not [e for e in out.events if e.type in ("AGREE", "SUPPORT")], out.events


def test_signing_on_to_a_pledge_is_still_agreeing(analyse):
    out = analyse("Estonia signed on to the climate pledge on Monday.", published="2023-04-11")
    assert [t for t, _, _ in _main(out)] == ["AGREE"], out.events



def test_releasing_details_frees_no_one(analyse):
    out = analyse("The authorities released few details about the raid on Monday.", published="2023-04-11")
    assert not [e for e in out.events if e.type == "RETREAT"], out.events
