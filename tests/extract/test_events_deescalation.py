"""Error classes found by running invented reports (protests, truces, court rulings, ...) through the
whole pipeline in stop 35. Each case fails without its rule."""

from __future__ import annotations


def _types(out, trigger_word):
    return [e.type for e in out.events if trigger_word in e.trigger.split()]


def test_events_suspending_ones_own_protest_or_offensive_deescalates(analyse):
    # halting one's own strike or offensive is calling it off, not cutting ties with anyone
    out = analyse("Teachers in Valmora suspended their strike on Friday after a pay offer. Rebel commanders "
                  "halted the offensive on the port.", published="2024-05-10")
    assert _types(out, "suspended") == ["RETREAT"], out.events
    assert _types(out, "halted") == ["RETREAT"], out.events
    # suspending talks or aid still reduces relations
    out = analyse("Ostria suspended talks with Vardania on Monday.", published="2024-05-10")
    assert _types(out, "suspended") == ["SANCTION"], out.events


def test_events_blocking_a_deployment_vetoes_it(analyse):
    # the court that stops a deployment deploys nobody: it refuses the plan
    out = analyse("A court in Valmora on Monday blocked the deployment of 500 police officers abroad.",
                  published="2024-05-10")
    assert [e.type for e in out.events if e.trigger.startswith("blocked")] == ["REJECT"], out.events


def test_events_it_in_the_reason_given_is_the_thing_just_acted_on(analyse):
    # "ruling that it was unconstitutional": "it" is the deployment blocked, not a place or actor named before
    text = ("The Valmoran Bar Association criticised the plan on Monday. A court in Valmora later blocked the "
            "deployment, ruling that it was unconstitutional.")
    ev = next(e for e in analyse(text, published="2024-05-10").events if e.trigger == "ruling")
    assert ev.target is None, ev


def test_events_a_crowd_told_only_by_its_size_protests(analyse):
    # "thousands marched": no named group, still a protest by protesters against the government there
    out = analyse("Thousands took to the streets of Dhaka on Sunday to demand early elections.",
                  published="2024-05-10")
    ev = next(e for e in out.events if e.type == "PROTEST")
    assert ev.source is not None and ev.source.name == "protesters", ev
    assert ev.target is not None and ev.target.code == "BGD GOV", ev


def test_events_the_condition_of_a_promise_is_not_news(analyse):
    # "if the army stopped air strikes": what one side asks of the other, not an act reported
    text = "The rebel command said on Monday it would respect the truce if the army stopped its air strikes."
    ev = next(e for e in analyse(text, published="2024-05-10").events if e.trigger.startswith("stopped"))
    assert ev.mode == "hypothetical" and not ev.main, ev


def test_events_police_stopping_a_march_restrain_it(analyse):
    # the union halting its own strike calls it off; police halting a march restrain the marchers
    out = analyse("Police in Valmora halted the march on Sunday.", published="2024-05-10")
    assert _types(out, "halted") == ["COERCE"], out.events
    out = analyse("The army stopped its air strikes on the city on Monday.", published="2024-05-10")
    assert _types(out, "stopped") == ["RETREAT"], out.events


def test_events_a_named_mediator_is_not_replaced_by_the_two_sides(analyse):
    text = "Estonia said on Friday it was ready to mediate between the two countries."
    ev = next(e for e in analyse(text, published="2024-05-10").events if e.trigger == "mediate")
    assert ev.source is not None and ev.source.name == "Estonia", ev


def test_events_a_deadline_set_on_a_party_is_a_demand_or_an_ultimatum(analyse):
    # no trigger word: the shape "gave X <a span> to do Y" orders; "or face Z" threatens
    out = analyse("Police in Valmora gave protesters 24 hours to leave the square.", published="2024-05-10")
    ev = next(e for e in out.events if e.trigger.startswith("gave"))
    assert ev.type == "DEMAND" and ev.target is not None and ev.target.name == "protesters", ev
    out = analyse("The regional bloc on Sunday gave the junta in Valmora a week to free the president or face "
                  "sanctions.", published="2024-05-10")
    assert [e.type for e in out.events if e.trigger.startswith("gave")] == ["THREATEN"], out.events
    out = analyse("Ostria gave Vardania a loan to rebuild schools.", published="2024-05-10")
    assert not [e for e in out.events if e.type in ("DEMAND", "THREATEN")], out.events


def test_events_ending_a_walkout_or_a_curfew_deescalates(analyse):
    out = analyse("Striking doctors in Valmora ended a three-week walkout on Monday.", published="2024-05-10")
    assert _types(out, "ended") == ["RETREAT"], out.events
    out = analyse("The government of Valmora ended the curfew on Friday.", published="2024-05-10")
    assert _types(out, "ended") == ["RETREAT"], out.events
