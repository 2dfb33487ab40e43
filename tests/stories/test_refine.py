"""Re-assignment at the end of a run (``refine``): the grouping must not depend on the order reports arrive in."""

from __future__ import annotations

import json

import pytest

from conftest import DATA

from newsgraph.model import Actor, Event
from newsgraph.stories import StoryClusterer
from stories_helpers import article, weekday_in

ARMY = Actor("Kessia army", code="KSA MIL")
PRESIDENT = Actor("Oren Dask", entity="e-dask", code="KSA GOV")

COUP_LEAD = "Kessia's army placed President Oren Dask under house arrest"
COUP = (f"{COUP_LEAD} on Wednesday and took control of the state broadcaster in Altamar, generals said, denying "
        "a coup against Dask.")
COUP_2_LEAD = "Generals in Kessia held President Oren Dask"
COUP_2 = (f"{COUP_2_LEAD} at his residence after the army seized the state broadcaster in Altamar; they denied a "
          "coup against Dask.")
QUIT_LEAD = "President Oren Dask of Kessia resigned"
QUIT = (f"{QUIT_LEAD} on Tuesday as parliament in Altamar debated his removal, after the army placed Dask under "
        "house arrest and seized the state broadcaster.")
QUIT_2_LEAD = "Oren Dask resigned as president of Kessia"
QUIT_2 = (f"{QUIT_2_LEAD} while parliament in Altamar debated his removal; generals had held Dask since the army "
          "seized the state broadcaster.")


def _report(aid: str, text: str, lead: str, kind: str, *, published: str | None):
    start = text.index(lead)
    source, target = (ARMY, PRESIDENT) if kind == "COERCE" else (PRESIDENT, None)
    event = Event(type=kind, source=source, target=target, date=None, place=None, span=(start, start + len(lead)),
                  trigger=lead.split()[-2], main=True)
    dates = ()
    if published is None:
        dates = tuple(weekday_in(text, day, iso) for day, iso in (("Tuesday", 2), ("Wednesday", 3)) if day in text)
    return article(aid, text, published=published, events=(event,), dates=dates)


def _latest_first():
    """A coup (Wednesday 5 May) and the president's resignation six days later, fed latest first with the
    undated reports ahead: the undated coup report joins the undated resignation report's story (nothing
    dates either yet), and a dated copy of the coup report follows its original there."""
    return [
        _report("quit-undated", QUIT, QUIT_LEAD, "RETREAT", published=None),
        _report("coup-undated", COUP, COUP_LEAD, "COERCE", published=None),
        _report("quit-dated", QUIT_2, QUIT_2_LEAD, "RETREAT", published="2021-05-11"),
        _report("coup-copy", COUP, COUP_LEAD, "COERCE", published="2021-05-05"),
        _report("coup-dated", COUP_2, COUP_2_LEAD, "COERCE", published="2021-05-06"),
    ]


def _groups(c: StoryClusterer) -> list[list[str]]:
    return sorted(sorted(s.articles) for s in c.result().stories)


EXPECTED = [["coup-copy", "coup-dated", "coup-undated"], ["quit-dated", "quit-undated"]]


def test_refine_rebuilds_stories_an_undated_report_of_another_event_joined_first():
    c = StoryClusterer()
    ids = [c.add(a) for a in _latest_first()]
    assert ids[1] == ids[0]  # the fixture is hard: fed latest first, the two events meet in one story
    assert _groups(c) == EXPECTED


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [3, 4, 1, 0, 2], [1, 0, 3, 2, 4]])
def test_refine_grouping_does_not_depend_on_arrival_order(order):
    reports = _latest_first()
    c = StoryClusterer()
    for i in order:
        c.add(reports[i])
    assert _groups(c) == EXPECTED


def test_refine_rebuild_off_keeps_the_arrival_grouping():
    # without re-assignment the order the reports came in decides: the fixture needs the rebuild
    c = StoryClusterer(refine=False)
    for a in _latest_first():
        c.add(a)
    assert _groups(c) != EXPECTED


ALERT = [
    ("alert-1", "Velmar police raised the terror alert to its highest level on Friday, closed the metro and told "
                "residents to stay at home after the arrest of a suspect linked to the market bombings.",
     "2019-11-22"),
    ("alert-2", "The metro stayed closed in Velmar on Saturday and residents were told to stay at home, a day "
                "after police raised the terror alert to its highest level over the market bombings.", "2019-11-23"),
]
ATTACK = [
    ("attack-1", "Two bombs exploded at Velmar airport early on Tuesday, killing 20 people in the departure hall, "
                 "police said.", "2020-03-17"),
    ("attack-2", "Bombs killed 20 people at the airport of Velmar on Tuesday; the departure hall was destroyed.",
     "2020-03-17"),
]
UNDATED = ("Two bombs exploded at Velmar airport early Tuesday. The city's terror alert went to its highest level "
           "again; the metro was closed and residents were asked to stay at home, as after the market bombings, "
           "whose suspect police arrested on Friday.")


def _undated(*, dates: bool = True):
    marks = (weekday_in(UNDATED, "Tuesday", 2), weekday_in(UNDATED, "Friday", 5)) if dates else ()
    return article("undated", UNDATED, published=None, dates=marks)


def _alert_and_attack():
    return [article(aid, text, published=day) for aid, text, day in ALERT + ATTACK]


def test_refine_fixture_undated_report_is_closer_to_the_earlier_alert_story():
    # naming no day, the report goes where its words are: the alert story of months before
    c = StoryClusterer()
    for a in _alert_and_attack() + [_undated(dates=False)]:
        c.add(a)
    assert ["alert-1", "alert-2", "undated"] in _groups(c)


def test_refine_undated_report_joins_the_story_of_the_day_its_lead_names():
    # it fits both stories (Tuesday, the attack; Friday, the alert), but its lead tells Tuesday's news
    c = StoryClusterer()
    for a in _alert_and_attack() + [_undated()]:
        c.add(a)
    assert _groups(c) == [["alert-1", "alert-2"], ["attack-1", "attack-2", "undated"]]


class _Days:
    def __init__(self, *days: str) -> None:
        from newsgraph.stories.story_time import StoryDays

        self.days = StoryDays()
        self.days.add(list(days))


@pytest.mark.parametrize("lead,scores,kept", [
    (("wd", 2, 0), (0.4, 0.3), ["tuesday"]),  # the lead's day is held by a joinable story: the far one goes
    (("wd", 3, 0), (0.4, 0.3), ["tuesday"]),  # Wednesday is next to Tuesday and two days from Friday
    (("wd", 2, 0), (0.4, 0.1), ["friday", "tuesday"]),  # the near story is not joinable: nothing is dropped
    (None, (0.4, 0.3), ["friday", "tuesday"]),  # no day named: nothing to tell
])
def test_refine_near_lead(lead, scores, kept):
    from newsgraph.stories.refine import near_lead

    friday, tuesday = _Days("2020-03-13"), _Days("2020-03-17")
    friday.name, tuesday.name = "friday", "tuesday"
    out = near_lead([(friday, scores[0]), (tuesday, scores[1])], lead, threshold=0.18)
    assert sorted(s.name for s, _ in out) == kept


def test_refine_reweighs_an_early_report_with_the_counts_of_the_whole_run():
    """The first report of a stream was weighed when every word looked rare; placed again, it is weighed
    as a batch (``prime``) weighs it."""
    from newsgraph.stories.fingerprint import article_terms

    reports = [article(aid, text, published=day) for aid, text, day in ALERT + ATTACK]
    stream = StoryClusterer()
    for a in reports:
        stream.add(a)
    batch = StoryClusterer()
    batch.prime(reports)
    first = reports[0]
    expected = batch._vector(article_terms(first, entity_weight=batch.entity_weight), first.id)
    member = stream._members[first.id]
    assert set(member.vec) == set(expected)  # a short report keeps all its terms
    assert any(abs(member.vec[t] - expected[t]) > 1e-3 for t in expected)  # weighed alone on arrival
    again = stream._reweighed(member).vec
    assert all(abs(again[t] - expected[t]) < 1e-6 for t in expected)


QUAKE_ONE = [
    ("q1-a", "A magnitude 7.9 earthquake struck off the coast of Velora late on Thursday, toppling houses in the "
             "port of Sanmar; rescuers searched the rubble for survivors and the civil protection agency counted "
             "the dead."),
    ("q1-b", "Rescuers in Sanmar searched the rubble of toppled houses for survivors after Thursday's magnitude "
             "7.9 earthquake off Velora's coast, the civil protection agency said, counting the dead."),
]
QUAKE_TWO = [
    ("q2-a", "A magnitude 6.8 earthquake shook central Velora, bringing down two schools in the capital Altamar.",
     "2020-03-17"),
    ("q2-b", "Parents waited outside two collapsed schools in Altamar after the magnitude 6.8 earthquake in "
             "central Velora.", "2020-03-18"),
]
QUAKE_TWO_UNDATED = ("On Wednesday rescuers searched the rubble of two schools in Altamar for survivors after the "
                     "earthquake in central Velora; the civil protection agency counted the dead, and houses were "
                     "toppled in the port of Sanmar too.")


def _two_quakes():
    first = [article(aid, text, published=None, dates=(weekday_in(text, "Thursday", 4),)) for aid, text in QUAKE_ONE]
    second = [article(aid, text, published=day) for aid, text, day in QUAKE_TWO]
    late = article("q2-undated", QUAKE_TWO_UNDATED, published=None,
                   dates=(weekday_in(QUAKE_TWO_UNDATED, "Wednesday", 3),))
    return first, second, late


def test_refine_undated_report_goes_to_the_dated_story_holding_its_lead_day_not_an_undated_one():
    """Nothing dates the first quake's story: its reports name Thursday, any Thursday. The late report's
    words are closer to it, but a dated story holds the very Wednesday its lead names."""
    first, second, late = _two_quakes()
    c = StoryClusterer()
    for a in first + second + [late]:
        c.add(a)
    assert _groups(c) == [["q1-a", "q1-b"], ["q2-a", "q2-b", "q2-undated"]]
    # the fixture is hard: named no day, the report goes with the first quake's words
    nameless = article("q2-undated", QUAKE_TWO_UNDATED, published=None)
    c = StoryClusterer()
    for a in first + second + [nameless]:
        c.add(a)
    assert ["q1-a", "q1-b", "q2-undated"] in _groups(c)


@pytest.mark.parametrize("marks,mark,expected", [
    ([("wd", 4, 0)], ("wd", 3, 0), 1),
    ([("wd", 1, 0), ("wd", 6, 0)], ("wd", 7, 0), 1),  # Sunday sits between Saturday and Monday
    ([("md", 12, 30)], ("md", 1, 2), 3),  # across the turn of the year
    ([("md", 3, 17)], ("wd", 2, 0), None),  # a weekday says nothing of a month-day
    ([], ("wd", 2, 0), None),
])
def test_refine_mark_distance(marks, mark, expected):
    from newsgraph.stories.story_time import mark_distance

    assert mark_distance(marks, mark) == expected


BOMBS = [
    "Bombs tore through the Velmar market on Friday evening, killing 30 shoppers near the cathedral square.",
    "On Saturday Velmar mourned 30 shoppers killed when bombs hit the market near the cathedral square.",
    "Shoppers described the blasts at the Velmar market near the cathedral square on Friday, which killed 30; "
    "the terror alert was mentioned.",
    "Flowers piled up on Saturday at the cathedral square in Velmar, where 30 shoppers died in the market "
    "bombings; the metro and the arrest of a suspect were mentioned.",
]


def test_refine_does_not_merge_a_story_nothing_dates_into_a_dated_one_at_the_end():
    """Market bombings a week before an alert, told only by undated reports naming Friday and Saturday (the
    alert story's weekdays too): each report was placed against the alert story and stayed out; the
    end-of-run merge of split stories must not join the two on their centroids, as weekdays cannot say
    which week a story that nothing dates is of."""
    c = StoryClusterer()
    for aid, text, day in ALERT:
        c.add(article(aid, text, published=day))
    for i, text in enumerate(BOMBS):
        dates = tuple(weekday_in(text, d, n) for d, n in (("Friday", 5), ("Saturday", 6)) if d in text)
        c.add(article(f"bomb-{i}", text, published=None, dates=dates))
    assert _groups(c) == [["alert-1", "alert-2"], ["bomb-0", "bomb-1", "bomb-2", "bomb-3"]]


@pytest.mark.model
def test_an_undated_toll_update_keeps_the_story_it_joined_on_arrival(analyse):
    """Weighed again with the whole run's counts, an undated follow-up's heaviest terms are only its own news
    ("toll", "mourning"), under which no story is indexed: the story it joined on arrival stays a candidate."""
    rows = [json.loads(line) for line in (DATA / "dam_and_floods.jsonl").read_text(encoding="utf-8").splitlines()]
    reports = [analyse(r["text"], id=r["id"], published=r["published"], source=r["source"], title=r["title"])
               for r in rows]
    c = StoryClusterer()
    c.add_many(reports)
    groups = sorted(sorted(s.articles) for s in c.result().stories)
    assert ["dam-1", "dam-2", "dam-3"] in groups, groups
    assert ["flood-1", "flood-2", "flood-3"] in groups, groups


_PROTESTS = {
    "p1": ("Riot police in {capital} fired water cannon and tear gas on Thursday night to break up a protest "
           "outside parliament, and detained dozens of protesters. Opposition leader {leader} said officers "
           "had beaten peaceful people. The interior ministry of {country} said eight officers were hurt."),
    "p2": ("Protesters outside parliament in {capital} were dispersed with tear gas and water cannon by riot "
           "police late on Thursday; dozens were detained. {leader}, who leads the opposition, accused officers "
           "of beating peaceful people, while {country}'s interior ministry said eight officers were hurt."),
}


def _protest(aid: str, country: str, capital: str, leader: str) -> object:
    from newsgraph.model import Entity

    text = _PROTESTS[aid].format(capital=capital, leader=leader, country=country)
    names = [(capital, "GPE"), (leader, "PERSON"), (country, "GPE")]
    ents = tuple(Entity(f"{aid}-{k}", n, kind, ((text.index(n), text.index(n) + len(n)),))
                 for k, (n, kind) in enumerate(names))
    return article(aid, text, published=None, title=f"Police break up {capital} protest", entities=ents)


def test_refine_reports_naming_nothing_in_common_are_two_stories():
    # issue 12: two protests broken up by police in two countries, told in nearly the same words with no
    # person, place or body in common, are two stories (the words alone made them one)
    one = _protest("p1", "Orlovia", "Varnet", "Tessa Holm")
    two = _protest("p2", "Kessmark", "Dunmere", "Ilya Brandt")
    clusterer = StoryClusterer()
    for a in (one, two):
        clusterer.add(a)
    groups = [sorted(s.articles) for s in clusterer.result().stories]
    assert sorted(groups) == [["p1"], ["p2"]]
