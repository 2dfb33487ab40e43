"""Who is acted on, from invented reports of strikes, threats and mediation (stop 35). Each case fails
without its rule."""

from __future__ import annotations


def _ev(out, trigger):
    hits = [e for e in out.events if e.trigger.split()[0] == trigger]
    assert len(hits) == 1, out.events
    return hits[0]


def test_events_aircraft_striking_targets_attack(analyse):
    # "targets" struck are places attacked, not a level reached ("hit its inflation target")
    out = analyse("Ostrian jets struck targets in the Vardanian border town of Kelm early on Saturday.",
                  published="2024-05-11")
    assert _ev(out, "struck").type == "ASSAULT"
    out = analyse("The central bank of Ostria hit its inflation target in May.", published="2024-06-11")
    assert not [e for e in out.events if e.type == "ASSAULT"], out.events


def test_events_whose_troops_fought_is_not_a_fight_against_the_owner(analyse):
    text = "Estonia, whose troops fought alongside Bhutanese forces, was not invited to the talks."
    ev = _ev(analyse(text, published="2024-05-11"), "fought")
    assert ev.target is None or ev.target.name != "Estonia", ev


def test_events_the_threatener_responding_is_not_the_one_threatened(analyse):
    # "warned that Ostria would respond with force": Ostria would hit someone, it is not threatened
    text = "Ostria's defence minister warned on Monday that Ostria would respond with force to any new attack."
    ev = _ev(analyse(text, published="2024-05-11"), "warned")
    assert ev.type == "THREATEN" and ev.target is None, ev


def test_events_both_sides_take_no_country_of_the_mediator(analyse):
    text = "Estonia offered on Sunday to host talks. The African Union urged both sides to open aid corridors."
    ev = _ev(analyse(text, published="2024-05-11"), "urged")
    assert ev.target is not None and ev.target.code is None, ev


def test_events_a_talks_venue_is_no_partys_country(analyse):
    # a deal signed or talks held in a third country's city: neither party is that country's
    text = "Bhutan's government and Drukpa rebel forces signed a peace deal on Wednesday in Doha."
    ev = _ev(analyse(text, published="2024-05-11"), "signed")
    assert ev.target is not None and not (ev.target.code or "").startswith("QAT"), ev
    text = ("Fighting in eastern Bhutan has killed 300 people this year. Bhutan's negotiators met rebel "
            "commanders in Doha on Monday.")
    ev = _ev(analyse(text, published="2024-05-11"), "met")
    assert not (ev.source.code or "").startswith("QAT") and not (ev.target.code or "").startswith("QAT"), ev


def test_events_a_country_word_on_a_thing_places_no_people(analyse):
    # "men carrying Russian flags" are not Russians; the flags name no party to protest against
    text = "Police detained 20 men carrying Russian flags near the parliament in Chisinau on Sunday."
    ev = _ev(analyse(text, published="2024-05-11"), "detained")
    assert ev.target is not None and not (ev.target.code or "").startswith("RUS"), ev


def test_events_vehicles_arriving_are_no_visit(analyse):
    out = analyse("Buses carrying the freed prisoners arrived in Hebron late on Thursday.", published="2024-05-11")
    assert not [e for e in out.events if e.type == "CONSULT"], out.events


def test_events_suspending_the_constitution_is_emergency_rule(analyse):
    out = analyse("The army suspended the constitution on Wednesday and closed the borders.", published="2024-05-11")
    assert [e.type for e in out.events if e.trigger.startswith("suspended")] == ["COERCE"], out.events


def test_events_it_never_takes_up_a_plural_group(analyse):
    # "threatened to blockade it": the market, never the farmers of the sentence before
    text = ("Thousands of farmers drove tractors into Tallinn on Tuesday, blocking roads to protest against new "
            "rules. Police were deployed around the main market after unions threatened to blockade it.")
    ev = _ev(analyse(text, published="2024-05-11"), "threatened")
    assert ev.target is None or ev.target.name != "farmers", ev


def test_events_the_reason_for_a_sanction_is_not_its_target(analyse):
    text = "The European Union imposed new sanctions on Bhutan on Monday over its supply of drones to Estonia."
    ev = _ev(analyse(text, published="2024-05-11"), "imposed")
    assert ev.target is not None and ev.target.name == "Bhutan", ev


def test_events_decided_measures_act_for_the_body_that_decided_them(analyse):
    # "the measures freeze assets": the EU's act, not that of the ministers who spoke last; "condemned the
    # decision" judges the same body
    text = ("The European Union imposed sanctions on Bhutan on Monday, foreign ministers said. The measures "
            "freeze the assets of eight officials. Bhutan's foreign ministry condemned the decision.")
    out = analyse(text, published="2024-05-11")
    assert _ev(out, "freeze").source.name == "European Union", out.events
    ev = _ev(out, "condemned")
    assert ev.target is not None and ev.target.name == "European Union", ev


def test_events_what_was_fired_is_not_a_holder_or_a_target(analyse):
    # "drones fired by Ostria": launched weapons, not staff dismissed nor the party attacked
    out = analyse("The air force said it shot down 41 of the 60 drones fired by Ostria overnight.",
                  published="2024-05-11")
    ev = _ev(out, "fired")
    assert ev.type == "ASSAULT" and ev.target is None, ev


def test_events_scrambling_jets_is_a_force_posture(analyse):
    out = analyse("Estonia scrambled fighter jets on Friday as a precaution, its military said.", published="2024-05-11")
    assert _ev(out, "scrambled").type == "MOBILIZE"


def test_events_the_move_is_the_act_not_the_welcome_it_got(analyse):
    text = ("The interim government banned the Unity Front party on Saturday. Students welcomed the ban. The "
            "Unity Front called the move illegal.")
    ev = _ev(analyse(text, published="2024-05-11"), "called")
    assert ev.target is not None and "government" in ev.target.name, ev


def test_events_returning_villages_yields_territory(analyse):
    out = analyse("Under the deal, Estonia will return four abandoned villages to Bhutan.", published="2024-05-11")
    assert _ev(out, "return").type == "RETREAT"


def test_events_rejecting_the_claim_answers_its_author(analyse):
    text = ("\"We have offered compromise after compromise,\" Ostrian Foreign Minister Lena Varga told reporters on "
            "Tuesday. Her Vardanian counterpart, Tomas Reil, rejected the claim.")
    ev = _ev(analyse(text, published="2024-05-11"), "rejected")
    assert ev.target is not None and ev.target.name == "Lena Varga", ev


def test_events_a_noun_read_as_a_second_object_before_a_verb_is_its_subject(analyse):
    # the parse makes the EU a second thing sent; it is the one that released the money
    text = "Estonia and Bhutan sent rescue teams and the European Union released 2 million euros in emergency aid."
    ev = _ev(analyse(text, published="2024-05-11"), "released")
    assert ev.source is not None and ev.source.name == "European Union", ev
    assert ev.type == "AID", ev  # money released is aid, not captives freed


def test_events_a_street_or_square_is_where_a_protest_is_not_whom_against(analyse):
    out = analyse("Thousands gathered on Freedom Avenue in Tallinn on Sunday evening.", published="2024-05-11")
    ev = _ev(out, "gathered")
    assert ev.target is None or "Avenue" not in ev.target.name, ev


def test_events_police_breaking_up_a_protest_coerce(analyse):
    out = analyse("Police in Tallinn used water cannon on Thursday to break up a protest outside parliament.",
                  published="2024-05-11")
    assert _ev(out, "break").type == "COERCE"


def test_events_a_comment_phrase_after_a_comma_is_not_the_verbs_act(analyse):
    # ", in the largest demonstration for years" comments on the march; parliament holds no demonstration
    text = ("Tens of thousands marched through Tallinn on Sunday to demand that parliament drop the media bill, "
            "in the largest demonstration in the capital for years.")
    out = analyse(text, published="2024-05-11")
    assert not [e for e in out.events if e.source is not None and "parliament" in e.source.name], out.events


def test_events_the_one_who_asked_for_a_meeting_is_not_met(analyse):
    text = "The Security Council will meet on Friday at the request of Estonia, diplomats said."
    ev = _ev(analyse(text, published="2024-05-11"), "meet")
    assert ev.target is None or ev.target.name != "Estonia", ev


def test_events_calling_the_launch_judges_the_launcher(analyse):
    text = ("Ostria test-fired a long-range missile on Thursday, its neighbours said. Bhutan's prime minister called "
            "the launch an outrageous act.")
    out = analyse(text, published="2024-05-11")
    ev = _ev(out, "called")
    assert ev.target is not None and ev.target.name == "Ostria", out.events


def test_events_all_parties_are_the_sides_not_political_parties(analyse):
    ev = _ev(analyse("Estonia urged all parties to exercise restraint.", published="2024-05-11"), "urged")
    assert ev.target is not None and ev.target.code is None, ev
