"""Dated reports sharing a main action with a story on other days (issue 12): a crackdown on a protest and
the march days later share the union's protest and the police action, but each report tells them on its
own days: the shared action does not make the report the story's news."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.model import Actor
from newsgraph.stories import StoryClusterer
from newsgraph.stories.main_events import EventProfile, main_events
from stories_helpers import article, event_in

UNION = Actor("Northland Nurses Union", entity="e-nnu", code="NLD LAB")
POLICE = Actor("riot police", code="NLD COP")
NURSES = Actor("nurses", code="NLD CVL")


def _report(aid: str, day: str, title: str, text: str, *acts: tuple[str, str, Actor, Actor | None, str]):
    """A report published on ``day`` whose main events are ``acts`` (words, type, source, target, the day
    the text tells it on), in text order."""
    return article(aid, text, published=day + "T09:00:00Z", title=title, events=tuple(
        dataclasses.replace(event_in(text, words, kind, source, target), date=told)
        for words, kind, source, target, told in acts))


CRACKDOWN = [
    _report("k1", "2021-04-05", "Riot police break up nurses' pay protest in Porta",
            "Riot police fired tear gas at striking nurses in Porta on Monday, breaking up a protest over pay "
            "outside the health ministry. Hundreds of members of the Northland Nurses Union had gathered "
            "there since the morning.",
            ("Riot police fired tear gas", "ASSAULT", POLICE, NURSES, "2021-04-05"),
            ("the Northland Nurses Union had gathered", "PROTEST", UNION, None, "2021-04-05")),
    _report("k2", "2021-04-06", "Nurses detained as Porta police end pay protest",
            "Police detained 40 nurses in Porta on Monday as riot police broke up a protest of the Northland "
            "Nurses Union over pay outside the health ministry, using tear gas.",
            ("Police detained 40 nurses", "COERCE", POLICE, NURSES, "2021-04-05"),
            ("riot police broke up a protest", "ASSAULT", POLICE, NURSES, "2021-04-05")),
]
MARCH = [
    _report("m1", "2021-04-08", "Nurses march through Porta over pay",
            "Thousands of members of the Northland Nurses Union marched through Porta on Thursday over pay, "
            "outside the health ministry. The march came after riot police used tear gas to break up a protest "
            "of nurses.",
            ("the Northland Nurses Union marched", "PROTEST", UNION, None, "2021-04-08"),
            # the recalled crackdown, told of the report's own day as an extractor dates an undated clause
            ("riot police used tear gas", "COERCE", POLICE, NURSES, "2021-04-08")),
    _report("m2", "2021-04-08", "Northland Nurses Union leads pay march in Porta",
            "The Northland Nurses Union led thousands of nurses through Porta on Thursday in a march over pay "
            "past the health ministry, days after riot police broke up its protest with tear gas.",
            ("The Northland Nurses Union led", "PROTEST", UNION, None, "2021-04-08")),
]


def test_dated_reports_sharing_actions_on_other_days_stay_apart():
    """A crackdown report carries the union's protest of Monday (one report: not the story's lead, nor
    carried twice), the march reports lead with its march of Thursday and recall the crackdown: in either
    order, two stories."""
    for order in (CRACKDOWN + MARCH, MARCH + CRACKDOWN):
        c = StoryClusterer()
        c.add_many(order)
        assert sorted(sorted(s.articles) for s in c.result().stories) == [["k1", "k2"], ["m1", "m2"]]


def _recalling(told: str) -> object:
    text = "The Northland Nurses Union marched through Porta on Thursday, after riot police detained nurses."
    return _report("m3", "2021-04-08", None, text,
                   ("The Northland Nurses Union marched", "PROTEST", UNION, None, "2021-04-08"),
                   ("riot police detained nurses", "COERCE", POLICE, NURSES, told))


@pytest.mark.parametrize("report,expected", [
    (MARCH[0], "other"),  # shares the union's protest and the police action, each told of Thursday
    (_recalling("2021-04-05"), "other"),  # the police action told of Monday: the story recalled as background
    (_recalling("2021-04-08"), "other"),
    # the crackdown told a day later, dated on the story's day: its news
    (_report("k3", "2021-04-06", None, "Riot police detained nurses in Porta on Monday.",
             ("Riot police detained nurses", "COERCE", POLICE, NURSES, "2021-04-05")), ""),
])
def test_shared_action_told_on_other_days_is_other_news(report, expected):
    profile = EventProfile()
    for r in CRACKDOWN:
        profile.add(main_events(r))
    assert profile.relation(main_events(report)) == expected
