from __future__ import annotations

from newsgraph.model import Actor, Event
from newsgraph.stories.merge import merge_events

RUS = Actor(name="Russia", code="RUS GOV")
USA = Actor(name="United States", code="USA GOV")
IRN = Actor(name="Iran", code="IRN GOV")


def ev(type_, source, target, date, start=0):
    return Event(type=type_, source=source, target=target, date=date, place=None, span=(start, start + 10),
                 trigger="proposed")


def test_merge_same_type_actors_and_days_become_one_event():
    merged = merge_events([
        ("a", [ev("CONSULT", RUS, USA, "2015-09-16")]),
        ("b", [ev("CONSULT", Actor("Moscow", code="RUS GOV"), USA, "2015-09-17", 40)]),
        ("c", [ev("CONSULT", RUS, USA, None)]),
    ])
    assert len(merged) == 1
    assert merged[0].articles == ("a", "b", "c")
    assert merged[0].date == "2015-09-16"
    assert [m[0] for m in merged[0].mentions] == ["a", "b", "c"]


def test_merge_keeps_different_events_apart():
    merged = merge_events([
        ("a", [ev("CONSULT", RUS, USA, "2015-09-16"), ev("ASSAULT", RUS, None, "2015-09-30", 50)]),
        ("b", [ev("CONSULT", RUS, IRN, "2015-09-16"), ev("CONSULT", RUS, USA, "2015-09-28")]),
    ])
    assert len(merged) == 4
    assert all(len(m.articles) == 1 for m in merged)


def test_merge_nothing_in_nothing_out():
    assert merge_events([]) == ()
    assert merge_events([("a", []), ("b", [])]) == ()
