"""One happening, one news cycle (issue 12): sequels with the same actors and places days later are
other stories."""

from __future__ import annotations

from newsgraph.stories import StoryClusterer
from stories_helpers import article


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
