"""Confusable stories when no report is dated (issue 12): different happenings with the same actors and
places days apart stay apart on what the reports themselves say."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.model import Actor
from newsgraph.stories import StoryClusterer
from newsgraph.stories.main_events import EventProfile, MainEvents
from stories_helpers import article, event_in, weekday_in

FRONT = Actor("Ashen Hand", entity="e-ashen", code="")
TERRA = Actor("Terravia", entity="e-terra", code="TRV GOV")


def _undated(aid: str, text: str, lead: str, kind: str, day: tuple[str, int], *, source=FRONT, target=TERRA):
    """An undated report whose main event (told by ``lead``) is ``source`` acting on ``target``, on the
    weekday ``day`` its lead names."""
    return article(aid, text, published=None, events=(event_in(text, lead, kind, source, target),),
                   dates=(weekday_in(text, day[0], day[1]),))


ATTACKS = [
    _undated("bomb-1", "Suicide bombers of the Ashen Hand struck the Velmont airport and a tram stop on Tuesday, "
             "killing 28 people in the deadliest bombings Terravia has known. The Ashen Hand claimed the attack.",
             "Suicide bombers of the Ashen Hand struck", "ASSAULT", ("Tuesday", 2)),
    _undated("bomb-2", "Twin blasts at Velmont airport and a central tram stop killed 28 people on Tuesday; the "
             "Ashen Hand said its suicide bombers carried them out, and Terravia closed its airports.",
             "Twin blasts at Velmont airport", "ASSAULT", ("Tuesday", 2)),
    _undated("raid-1", "Gunmen of the Ashen Hand opened fire on cafes and a stadium in Corran on Saturday, "
             "killing 112 people, and the president put the whole country under emergency rule.",
             "Gunmen of the Ashen Hand opened fire", "ASSAULT", ("Saturday", 6)),
    _undated("raid-2", "The Ashen Hand said on Saturday its gunmen had attacked the cafes and the stadium of "
             "Corran, where 112 people died; Terravia sealed its borders under emergency rule.",
             "The Ashen Hand said on Saturday its gunmen had attacked", "ASSAULT", ("Saturday", 6)),
]


def _groups(reports, **options) -> list[list[str]]:
    c = StoryClusterer(**options)
    c.add_many(reports)
    return sorted(sorted(s.articles) for s in c.result().stories)


def test_same_action_of_one_group_on_weekdays_apart_is_not_shown_the_same_happening():
    """The group's bombings told of a Tuesday and its shootings in another city told of a Saturday lead with
    the same kind of action by the same party; with no publication date, that earns no same-news bonus, so
    the two attacks stay two stories on what their texts share."""
    for order in (ATTACKS, ATTACKS[:2] + ATTACKS[:1:-1]):
        assert _groups(order) == [["bomb-1", "bomb-2"], ["raid-1", "raid-2"]]


ARMY = Actor("Kesh army", code="KSH MIL")
LEADER = Actor("Arlen Vost", entity="e-vost", code="KSH GOV")

TAKEOVER = [
    _undated("hold-1", "Kesh's army took control of the capital Doral on Wednesday and held President Arlen Vost "
             "at his residence, saying it acted against corrupt aides and had staged no coup.",
             "Kesh's army took control", "COERCE", ("Wednesday", 3), source=ARMY, target=LEADER),
    _undated("hold-2", "Soldiers put President Arlen Vost under house arrest in Doral on Wednesday as the Kesh army "
             "seized the state broadcaster and closed roads to parliament, denying a coup.",
             "Soldiers put President Arlen Vost under house arrest", "COERCE", ("Wednesday", 3), source=ARMY,
             target=LEADER),
]
RESIGNATION = [
    _undated("quit-1", "President Arlen Vost resigned on Tuesday as parliament in Doral opened a vote to remove "
             "him, ending his rule days after the Kesh army took control and held him at his residence.",
             "President Arlen Vost resigned", "RETREAT", ("Tuesday", 2), source=LEADER, target=None),
    _undated("quit-2", "Arlen Vost quit as president of Kesh on Tuesday, the speaker of parliament told cheering "
             "lawmakers in Doral, after the army put him under house arrest and seized the state broadcaster.",
             "Arlen Vost quit as president", "RETREAT", ("Tuesday", 2), source=LEADER, target=None),
]


def test_a_named_party_s_cooperative_lead_is_not_the_hostile_lead_of_the_story_it_recalls():
    """A president held by the army, then his resignation a week later (weekdays cannot tell the week):
    the resignation reports recall the takeover in nearly its words, but lead with the president yielding
    where the takeover's reports lead with the army acting against him: two stories, in either order."""
    for order in (TAKEOVER + RESIGNATION, RESIGNATION + TAKEOVER):
        assert _groups(order) == [["hold-1", "hold-2"], ["quit-1", "quit-2"]]
    # without main events, text alone makes them one story: the fixture is hard for text similarity
    plain = [dataclasses.replace(a, events=()) for a in TAKEOVER + RESIGNATION]
    assert _groups(plain) == [["hold-1", "hold-2", "quit-1", "quit-2"]]


def _sig(lead: tuple[str, str], *others: tuple[str, str]) -> MainEvents:
    return MainEvents(keys=frozenset({lead, *others}), lead=frozenset({lead}), parties=frozenset({lead[1]}))


@pytest.mark.parametrize("story_leads,report,expected", [
    # two reports lead with the army holding the president; a report leads with him resigning
    ([("COERCE", "n:vost")] * 2, _sig(("RETREAT", "n:vost")), True),
    # one report alone does not establish what the story leads with (extraction is noisy)
    ([("COERCE", "n:vost")], _sig(("RETREAT", "n:vost")), False),
    # the report tells the story's action among its own main events: it may be the same news
    ([("COERCE", "n:vost")] * 2, _sig(("RETREAT", "n:vost"), ("COERCE", "n:vost")), False),
    # two actions of one half ("agreed to buy", "reached a deal"): maybe one happening in other words
    ([("AGREE", "n:vexa")] * 2, _sig(("SUPPORT", "n:vexa")), False),
    # another named party: nothing to compare
    ([("COERCE", "n:vost")] * 2, _sig(("RETREAT", "n:doral council")), False),
    # an unnamed party (a country code) is too common to tell
    ([("COERCE", "KSH")] * 2, _sig(("RETREAT", "KSH")), False),
])
def test_main_events_conflicts(story_leads, report, expected):
    profile = EventProfile()
    for key in story_leads:
        profile.add(_sig(key))
    assert profile.conflicts(report) is expected


def _forces(kind: str, state: str) -> MainEvents:
    """A report leading with ``kind`` by a state's unnamed forces ("Vexa's jets struck"): no named party."""
    lead = frozenset({(kind, "VXA")})
    return MainEvents(keys=lead, lead=lead, parties=frozenset({"VXA"}), lead_forces=frozenset({(kind, state)}))


@pytest.mark.parametrize("story,report,expected", [
    # air strikes by the state's jets, then its threats: the hostile half told twice, in two actions
    ([_forces("ASSAULT", "n:vexa"), _sig(("THREATEN", "n:vexa"))], _sig(("AGREE", "n:vexa")), True),
    # one report of the hostile half does not establish it
    ([_forces("ASSAULT", "n:vexa")], _sig(("AGREE", "n:vexa")), False),
    # the story holds a report of the report's own half too: talks amid strikes, maybe one happening
    ([_forces("ASSAULT", "n:vexa"), _sig(("THREATEN", "n:vexa")), _sig(("CONSULT", "n:vexa"))],
     _sig(("AGREE", "n:vexa")), False),
    # the report carries a hostile action of the party among its own main events
    ([_forces("ASSAULT", "n:vexa"), _sig(("THREATEN", "n:vexa"))], _sig(("AGREE", "n:vexa"), ("ACCUSE", "n:vexa")),
     False),
])
def test_main_events_conflicts_count_each_half_together(story, report, expected):
    profile = EventProfile()
    for sig in story:
        profile.add(sig)
    assert profile.conflicts(report) is expected


def _quake(aid: str, text: str, *days: tuple[str, int]):
    """An undated quake report (no PLOVER main events) naming the weekdays ``days``."""
    return article(aid, text, published=None, dates=tuple(weekday_in(text, word, iso) for word, iso in days))


QUAKES = [
    _quake("first-1", "A magnitude 7.6 earthquake struck off the coast of Marenza province late on Thursday, "
           "toppling homes in the fishing port of Tolvi; rescuers worked through Friday to free survivors.",
           ("Thursday", 4), ("Friday", 5)),
    _quake("second-1", "A magnitude 6.4 earthquake shook the inland hills of Marenza province on Tuesday, "
           "bringing down a school in the market town of Ordessa, where teachers led pupils into the yard.",
           ("Tuesday", 2)),
    _quake("second-2", "Rescuers searched the rubble of the school in the market town of Ordessa on Wednesday, "
           "after the earthquake in the inland hills on Tuesday, less than two weeks after the coastal earthquake "
           "struck the fishing port of Tolvi and toppled homes across Marenza province.",
           ("Wednesday", 3), ("Tuesday", 2)),
    _quake("first-2", "Survivors in the fishing port of Tolvi slept outdoors on Friday after the coastal earthquake "
           "of Thursday night toppled homes across Marenza province.", ("Friday", 5), ("Thursday", 4)),
]


def test_an_undated_report_joins_the_story_whose_reports_name_its_days():
    """Two quakes in one province, worded nearly alike: a report of the second that recalls the first at
    length goes to the story whose reports name its days (Tuesday), not to the first quake's (Thursday,
    Friday), though its words are nearer the first's."""
    assert _groups(QUAKES) == [["first-1", "first-2"], ["second-1", "second-2"]]


UNION = Actor("Harlow Nurses Guild", entity="e-guild", code="")


def _rally(aid: str, text: str, lead: str | None, day: tuple[str, int], *, published: str | None = None):
    """A report whose main event (told by ``lead``; none found when None) is the guild protesting; undated
    reports name ``day``."""
    dates = (weekday_in(text, day[0], day[1]),) if published is None else ()
    return article(aid, text, published=published, dates=dates,
                   events=(event_in(text, lead, "PROTEST", UNION, None),) if lead else ())


RALLIES = [
    _rally("rally-1", "Traffic stood still on the main avenue of Brisk on Monday as nurses of the Harlow Nurses "
           "Guild sat down outside the health ministry.",
           None, ("Monday", 1)),
    _rally("rally-2", "Thousands of nurses of the Harlow Nurses Guild protested in Brisk over unpaid overtime, "
           "the guild's biggest protest yet, and blocked the avenue outside the health ministry.",
           "the Harlow Nurses Guild protested", ("Monday", 1), published="2024-02-05"),
    _rally("march-1", "Thousands of nurses marched through Brisk on Friday as the Harlow Nurses Guild protested "
           "again over unpaid overtime, days after blocking the avenue outside the health ministry.",
           "the Harlow Nurses Guild protested again", ("Friday", 5)),
    _rally("march-2", "The Harlow Nurses Guild led thousands of nurses through Brisk on Friday over unpaid "
           "overtime, its biggest protest since the rally at the health ministry.",
           "The Harlow Nurses Guild led thousands", ("Friday", 5)),
]


def test_a_dated_report_does_not_join_an_undated_story_told_of_days_apart_from_its_own():
    """A guild's rally (one report dated Monday) and its march on the Friday (undated reports): the dated
    rally report, worded like both, stays with the rally whatever order the reports come in."""
    for order in (RALLIES, RALLIES[::-1], RALLIES[2:] + RALLIES[:2]):
        assert _groups(order) == [["march-1", "march-2"], ["rally-1", "rally-2"]]
