"""A report that recalls an earlier happening as background is not of that happening's story (issue 12):
undated, time cannot tell them apart, but the earlier story holds as its news the words the report keeps
for its background."""

from __future__ import annotations

from newsgraph.stories import StoryClusterer
from newsgraph.stories.fingerprint import article_terms
from newsgraph.stories.recall import recalled_terms, tells_recalled
from stories_helpers import article

EARLIER = ("Floodwater burst the levee at Tansk and swept away forty barges moored on the Orvell river, "
           "the harbour master, Ilse Varro, said. Varro said the levee at Tansk gave way under the spring melt "
           "and the barges were swept downstream.")
EARLIER_TOO = ("Forty barges were swept away on the Orvell river when floodwater burst the Tansk levee, harbour "
               "master Ilse Varro told reporters. Crews searched the banks below Tansk for the lost barges.")
LATER = ("Harbour master Ilse Varro reopened the Orvell river port at Tansk to grain traffic, the port said. "
         "Cranes loaded the first grain ships at the Tansk quays as Varro watched. "
         "The reopening came three weeks after floodwater burst the levee and swept away forty barges.")


def test_recalled_terms_are_the_background_only_words():
    terms = recalled_terms(article("l", LATER, published=None))
    assert {"leve", "barg"} <= terms or {"levee", "barge"} <= terms
    assert not terms & {"tansk", "varro", "grain"}


def test_a_story_of_the_recalled_happening_tells_it():
    later = article("l", LATER, published=None)
    earlier_w, later_w = article_terms(article("e", EARLIER, published=None)), article_terms(later)
    recalled = recalled_terms(later)
    assert tells_recalled(earlier_w, later_w, recalled)
    assert not tells_recalled(later_w, later_w, recalled)


def test_undated_report_recalling_a_story_starts_its_own():
    c = StoryClusterer()
    first = c.add(article("e1", EARLIER, published=None))
    assert c.add(article("e2", EARLIER_TOO, published=None)) == first
    c.add(article("l", LATER, published=None))
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["e1", "e2"], ["l"]]
