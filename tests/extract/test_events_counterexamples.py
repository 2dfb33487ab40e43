"""Sentences close to stop 35's new event and quote rules where those rules must not fire (found by the
review of the stop's change). Each case failed before its rule was narrowed."""

from __future__ import annotations


def _types(out, word):
    return [e.type for e in out.events if word in e.trigger.split()]


def test_a_span_of_time_given_for_a_task_is_no_order(analyse):
    for text in ("Doctors gave him six months to live.", "The teacher gave the pupils an hour to finish the exam.",
                 "The coach gave the squad two weeks to prepare to face the champions."):
        out = analyse(text, published="2024-05-10")
        assert not [e for e in out.events if e.type in ("DEMAND", "THREATEN")], (text, out.events)


def test_stopping_anothers_attack_or_march_is_no_retreat(analyse):
    out = analyse("Government forces stopped an attack on the military base on Monday.", published="2024-05-10")
    assert "RETREAT" not in _types(out, "stopped"), out.events
    out = analyse("Soldiers halted the march outside the palace.", published="2024-05-10")
    assert _types(out, "halted") == ["COERCE"], out.events


def test_a_mourning_crowd_is_no_protest(analyse):
    out = analyse("Hundreds gathered at the church on Sunday to mourn the victims.", published="2024-05-10")
    assert not [e for e in out.events if e.type == "PROTEST"], out.events


def test_beating_earnings_targets_is_no_attack(analyse):
    out = analyse("The company beat earnings targets in the third quarter.", published="2024-05-10")
    assert not [e for e in out.events if e.type == "ASSAULT"], out.events


def test_a_meeting_in_the_reports_own_country_keeps_it(analyse):
    out = analyse("The governor of the province met farmers in Chittagong on Monday.", published="2024-05-10")
    ev = next(e for e in out.events if e.trigger == "met")
    assert (ev.source.code or "").startswith("BGD") and (ev.target.code or "").startswith("BGD"), ev


def test_parties_of_a_parliament_are_political_parties(analyse):
    out = analyse("All parties in Bhutan's parliament condemned the attack.", published="2024-05-10")
    ev = next(e for e in out.events if e.trigger == "condemned")
    assert ev.source is not None and ev.source.code == "BTN PTY", ev


def test_it_takes_up_a_union_named_with_of(analyse):
    text = ("The union of farmworkers in Valmora said on Monday it would strike. It blocked the main highway on "
            "Tuesday.")
    out = analyse(text, published="2024-05-10")
    assert [e for e in out.events if e.trigger.startswith("blocked") and e.source is not None], out.events


def test_even_if_is_no_condition(analyse):
    text = "The army shelled the border town on Monday, even if officials in Valmora denied it."
    ev = next(e for e in analyse(text, published="2024-05-10").events if e.trigger == "denied")
    assert ev.mode != "hypothetical", ev


def test_a_foretold_description_is_still_speech(analyse):
    text = 'The minister said on Monday that the president would describe the deal as "historic".'
    out = analyse(text, published="2024-05-10")
    partial = [q for q in out.quotes if q.text == "historic"]
    assert partial and partial[0].speaker is not None and partial[0].speaker.name == "president", out.quotes
