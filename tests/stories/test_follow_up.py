"""Follow-up time (issue 12): a story no report dates takes its days from the dated story it follows,
when its reports tell of that story's day beside the day of their own news (invented reports)."""

from __future__ import annotations

from collections import Counter

from newsgraph.model import Actor, DateMention, Event
from newsgraph.stories import StoryClusterer
from newsgraph.stories.follow_up import follow_up_days
from newsgraph.stories.story_time import StoryDays
from stories_helpers import article

ARMY = Actor("Kessia army", code="KSA MIL")
PRESIDENT = Actor("Oren Dask", entity="e-dask", code="KSA GOV")
MINISTER = Actor("Lia Varn", entity="e-varn", code="KSA GOV")

COUP = [
    ("coup-1", "Kessia's army seized the state broadcaster and placed President Oren Dask under house arrest, "
               "generals said, denying that the takeover in the capital was a coup.",
     "Kessia's army seized the state broadcaster and placed President Oren Dask under house arrest", "2021-05-03"),
    ("coup-2", "Generals in Kessia held President Oren Dask at his residence after the army took over the state "
               "broadcaster in the capital, denying a coup.",
     "Generals in Kessia held President Oren Dask at his residence", "2021-05-04"),
]
PURGE = [
    ("purge-1", "Kessia's army arrested finance minister Lia Varn on Friday with other allies of President Oren "
                "Dask, days after generals seized the state broadcaster on Monday and denied a coup.",
     "Kessia's army arrested finance minister Lia Varn on Friday"),
    ("purge-2", "Generals in Kessia detained finance minister Lia Varn in the capital on Friday, widening a purge "
                "of allies of President Oren Dask since the army took over the state broadcaster.",
     "Generals in Kessia detained finance minister Lia Varn in the capital on Friday"),
]


def _event(text: str, words: str, target: Actor) -> Event:
    start = text.index(words)
    return Event(type="COERCE", source=ARMY, target=target, date=None, place=None, span=(start, start + len(words)),
                 trigger=words.split()[2], main=True)


def _weekdays(text: str) -> tuple[DateMention, ...]:
    """The plain weekdays of an undated invented report, left for its story (as extraction leaves them)."""
    out = []
    for iso, word in ((1, "on Monday"), (5, "on Friday")):
        if word in text:
            start = text.index(word)
            out.append(DateMention(text=word, span=(start, start + len(word)), value=None, granularity="day",
                                   timex_value=f"XXXX-WXX-{iso}", tense="past"))
    return tuple(sorted(out, key=lambda m: m.span))


def _reports():
    coup = [article(aid, text, published=day, events=(_event(text, lead, PRESIDENT),))
            for aid, text, lead, day in COUP]
    purge = [article(aid, text, published=None, events=(_event(text, lead, MINISTER),), dates=_weekdays(text))
             for aid, text, lead in PURGE]
    return coup, purge


def test_undated_purge_story_takes_the_friday_after_the_coup_it_recalls():
    """No purge report is dated; one recalls the coup's Monday, and both lead with Friday's arrests: the
    purge story's day is the Friday after the coup story's days, and its reports' weekdays are read
    through it (the recalled Monday is the coup's)."""
    coup, purge = _reports()
    c = StoryClusterer()
    c.add_many(coup + purge)
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["coup-1", "coup-2"], ["purge-1", "purge-2"]]
    out = c.updated(purge[0])
    assert out.published_inferred == "2021-05-07" and out.published_basis == "story"
    assert {m.text: (m.value, m.anchor_from) for m in out.dates} == {
        "on Friday": ("2021-05-07", "story"), "on Monday": ("2021-05-03", "story")}
    assert c.updated(purge[1]).published_inferred == "2021-05-07"


def test_undated_story_recalling_no_day_of_the_dated_one_stays_undated():
    """Without a recalled day nothing shows which story came first: the purge story keeps no day."""
    coup, purge = _reports()
    purge = [article(p.id, p.text.replace(" on Monday", ""), published=None, events=p.events,
                     dates=_weekdays(p.text.replace(" on Monday", ""))) for p in purge]
    c = StoryClusterer()
    c.add_many(coup + purge)
    c.result()
    assert c.updated(purge[1]).published_inferred is None


def _days(*iso: str) -> StoryDays:
    days = StoryDays()
    days.add(list(iso))
    return days


def test_follow_up_days_place_the_lead_after_the_earlier_story():
    coup = _days("2021-05-03", "2021-05-04")  # Monday and Tuesday
    fri = ("wd", 5, 0)
    assert follow_up_days({1, 5}, Counter({fri: 2}), coup).counts == {"2021-05-07": 2}
    assert not follow_up_days({5}, Counter({fri: 2}), coup)  # only the lead's own weekday: no sign
    assert not follow_up_days({3}, Counter({fri: 1}), coup)  # a Wednesday the earlier story never had
    tue = ("wd", 2, 0)  # the lead's weekday is one the earlier story holds: the week after, not that day
    assert follow_up_days({1, 2}, Counter({tue: 1}), coup).counts == {"2021-05-11": 1}
    assert follow_up_days({1}, Counter({("md", 5, 20): 1}), coup).counts == {"2021-05-20": 1}
    assert not follow_up_days({1}, Counter({("md", 4, 20): 1}), coup)  # a day before it: not the follow-up's
