"""One happening, one news cycle (issue 12): sequels with the same actors and places days later are
other stories, and a breaking report told of the night before its story's first dated report is not."""

from __future__ import annotations

from newsgraph.model import Actor
from newsgraph.stories import StoryClusterer
from stories_helpers import article, event_in, weekday_in


def _groups(reports, **options) -> list[list[str]]:
    c = StoryClusterer(**options)
    c.add_many(reports)
    return sorted(sorted(s.articles) for s in c.result().stories)


PROTEST = [
    ("rally-1", "2024-04-01T18:00:00Z", "Students rallied outside the Marrow Hall parliament in Ostvale against the "
     "new press law; riot police used tear gas and detained 31 protesters, the interior ministry said."),
    ("rally-2", "2024-04-02T09:00:00Z", "Riot police in Ostvale detained 31 students who rallied against the press "
     "law outside Marrow Hall, and the opposition leader Ilse Varnholt condemned the tear gas."),
    ("rally-3", "2024-04-03T10:00:00Z", "Ilse Varnholt said the 31 students detained at the Marrow Hall rally in "
     "Ostvale against the press law must be freed; the interior ministry said they would stay in custody."),
]
MARCH = [
    ("march-1", "2024-04-05T17:00:00Z", "Tens of thousands marched through Ostvale to Marrow Hall demanding the "
     "repeal of the press law, led by opposition leader Ilse Varnholt; riot police stood by."),
    ("march-2", "2024-04-05T20:00:00Z", "A vast march crossed Ostvale to the Marrow Hall parliament as Ilse Varnholt "
     "told the crowd the press law must go; the interior ministry said the march was peaceful."),
]


def _dated(rows):
    return [article(aid, text, published=when) for aid, when, text in rows]


def test_a_sequel_days_after_the_story_began_is_another_story_though_reports_chain_between():
    """A rally, then reports on each of the next two days, then a march four days after the rally: each
    report is within the window of the one before, but the march is published beyond the span one
    happening is news for (``span_days``), so it starts a story of its own, in either order."""
    reports = _dated(PROTEST + MARCH)
    for order in (reports, reports[::-1]):
        assert _groups(order) == [["march-1", "march-2"], ["rally-1", "rally-2", "rally-3"]]
    # with a span as long as the window, the chain carries the march into the rally's story
    assert _groups(reports, span_days=30.0) == [["march-1", "march-2", "rally-1", "rally-2", "rally-3"]]


VANUATU = Actor("Vanuatu", entity="e-vut", code="VUT GOV")
ARMY = Actor("army officers", code="VUT MIL")
RULERS = Actor("military rulers", code="VUT GOV")
MINISTERS = Actor("former ministers", code="VUT GOV")


def _undated(aid, text, lead, kind, source, target, day):
    return article(aid, text, published=None, events=(event_in(text, lead, kind, source, target),),
                   dates=(weekday_in(text, day[0], day[1]),))


TAKEOVER = [
    _undated("seize-1", "Army officers seized power in Vanuatu on Wednesday, dissolved the government in Port Sarel "
             "and closed the borders, General Tomas Rieka said on state radio.",
             "Army officers seized", "COERCE", ARMY, VANUATU, ("Wednesday", 3)),
    _undated("seize-2", "Soldiers in Port Sarel seized power on Wednesday as General Tomas Rieka dissolved "
             "Vanuatu's government and shut the borders, state radio said.",
             "Soldiers in Port", "COERCE", ARMY, VANUATU, ("Wednesday", 3)),
]
PURGE = [
    _undated("purge-1", "Vanuatu's military rulers arrested six former ministers in Port Sarel on Sunday, and "
             "General Tomas Rieka said on state radio they had looted the government.",
             "Vanuatu's military rulers", "COERCE", RULERS, MINISTERS, ("Sunday", 7)),
    _undated("purge-2", "Six former ministers were arrested on Sunday by the military rulers of Vanuatu, state "
             "radio in Port Sarel said, as General Tomas Rieka moved against the old government.",
             "Six former ministers", "COERCE", RULERS, MINISTERS, ("Sunday", 7)),
]


def test_a_whole_country_as_the_shared_lead_party_does_not_hold_a_sequel_told_of_other_days():
    """A takeover told of a Wednesday and the arrests of ministers told of a Sunday, no report dated: both
    lead with the country's rulers coercing, keyed by the country's name. A whole country is a party two
    happenings in it share, so however many reports lead with it, it does not keep a report whose lead
    names days apart in the story."""
    for order in (TAKEOVER + PURGE, PURGE + TAKEOVER, [TAKEOVER[0], PURGE[0], TAKEOVER[1], PURGE[1]]):
        assert _groups(order) == [["purge-1", "purge-2"], ["seize-1", "seize-2"]]


BREAKING = ("Gunmen opened fire on diners in three cafes of Lenmark on Friday night, killing at least 20 people, "
            "police in the Ardent quarter said.")
NEXT_DAY = [
    ("cafes-1", "2024-06-08", "The Red Lantern group said on Saturday it carried out the cafe shootings in "
     "Lenmark's Ardent quarter that killed 64 people, and the president declared three days of mourning.",
     ()),
    ("cafes-2", None, "Gunmen of the Red Lantern killed 64 people in the Ardent quarter cafes of Lenmark on "
     "Friday night, the group said on Saturday, as the president ordered mourning.",
     (("Friday", 5), ("Saturday", 6))),
    ("cafes-3", None, "Lenmark mourned on Friday night's cafe shootings in the Ardent quarter, where gunmen "
     "killed 64 diners; on Saturday the Red Lantern group claimed them.",
     (("Friday", 5), ("Saturday", 6))),
]


def test_breaking_news_of_the_night_before_joins_the_story_whose_undated_reports_lead_with_that_night():
    """The story's only dated report came out on the Saturday, its undated ones lead with the Friday
    night; an undated breaking report naming only that Friday is of the story, though no dated report
    names the Friday."""
    reports = [article(aid, text, published=when, dates=tuple(weekday_in(text, w, n) for w, n in days))
               for aid, when, text, days in NEXT_DAY]
    breaking = article("cafes-0", BREAKING, published=None, dates=(weekday_in(BREAKING, "Friday", 5),))
    for order in (reports + [breaking], [reports[0], breaking] + reports[1:]):
        assert _groups(order) == [["cafes-0", "cafes-1", "cafes-2", "cafes-3"]]
