"""Rules of this stop that over-fired on ordinary sentences (found by review): each case is a sentence the rule's
intent does not cover, and fails with the guard that keeps the rule to its intent removed."""

from __future__ import annotations


def _types(out):
    return [(e.type, e.trigger, e.source.name if e.source else None) for e in out.events]


def test_a_military_strike_after_a_union_of_states_stays_an_attack(analyse):
    text = ("The African Union urged both sides to show restraint. The army said it had carried out the strike "
            "to stop a rocket launch.")
    out = analyse(text, published="2024-03-08")
    assert not [e for e in out.events if e.type == "PROTEST"], _types(out)


def test_a_weapon_fired_by_someone_named_acts_for_them_not_its_maker(analyse):
    out = analyse("American missiles fired by Ukrainian forces struck an airfield overnight.", published="2024-03-08")
    assert not [e for e in out.events if e.source is not None and (e.source.code or "").startswith("USA")], \
        _types(out)


def test_survivors_of_a_whole_are_no_dead(analyse):
    text = ("About 112 miners were underground when the shaft flooded, killing three. Eighty-five of them made it "
            "out on their own.")
    out = analyse(text, published="2024-03-08")
    assert not [f for f in out.figures if f.value == 85 and f.kind == "killed"], out.figures


def test_small_sums_in_czech_crowns_are_money(analyse):
    out = analyse("The court imposed a fine of 500 Czech crowns on the driver.", published="2024-03-08")
    assert [(f.kind, f.unit) for f in out.figures if f.value == 500] == [("money", "CZK")], out.figures


def test_a_bloc_of_parties_is_no_union_of_states(analyse):
    text = "The United Nations urged calm after the vote. The opposition bloc rejected the results on Monday."
    out = analyse(text, published="2024-03-08")
    ev = next(e for e in out.events if e.trigger == "rejected")
    assert ev.source is not None and ev.source.name != "United Nations", ev


def test_a_one_word_quote_lends_its_speaker_to_no_banner(analyse):
    text = ("Protesters carried a banner reading \"No more lies, no more delays\" outside the ministry.\n\n"
            "The minister dismissed the complaints as \"lies\" on Monday.")
    out = analyse(text, published="2024-03-08")
    banner = next(q for q in out.quotes if q.text.startswith("No more"))
    assert banner.speaker is None, banner


def test_a_quote_about_the_person_just_named_is_not_theirs(analyse):
    text = "Maria Delgado died in the fire at her flat on Saturday night.\n\n\u201cShe was the heart of this street.\u201d"
    out = analyse(text, published="2024-03-08")
    assert all(q.speaker is None for q in out.quotes), out.quotes


def test_a_described_given_name_is_someone_new(analyse):
    text = ("Health Minister Maria Santos visited the ward on Monday. \"We have waited three days,\" said Maria, "
            "a nurse who asked that her surname not be used.")
    out = analyse(text, published="2024-03-08")
    assert "Maria Santos" not in [q.speaker.name for q in out.quotes if q.speaker], out.quotes


def test_moving_oneself_to_safety_is_no_rescue(analyse):
    out = analyse("Thousands of residents moved to safety as the river burst its banks.", published="2024-03-08")
    assert not [e for e in out.events if e.type == "AID"], _types(out)


def test_a_body_word_with_its_own_place_is_another_body(analyse):
    text = ("The European Parliament criticised the media law on Monday. On Tuesday, Parliament in Budapest "
            "voted to keep it.")
    out = analyse(text, published="2024-03-08")
    assert "Parliament" in [e.name for e in out.entities], [e.name for e in out.entities]


def test_coaches_and_rivals_are_not_counted_as_people(analyse):
    out = analyse("Two coaches collided on the motorway on Monday.", published="2024-03-08")
    assert not [f for f in out.figures if f.kind == "people_other"], out.figures
