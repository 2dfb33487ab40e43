"""A report that recalls an earlier happening as background is not of that happening's story (issue 12):
undated, time cannot tell them apart, but the earlier story holds as its news the words the report keeps
for its background."""

from __future__ import annotations

import pytest

from newsgraph.stories import StoryClusterer
from newsgraph.stories.fingerprint import article_terms
from newsgraph.stories.main_events import EventProfile, MainEvents
from newsgraph.stories.recall import recalled_terms, tells_recalled, toll_keys
from stories_helpers import article, figure_in

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


# Two landslides in one province: the second report counts its own dead and recalls the first's (issue 12).
SLIDE = ("A landslide buried homes in the hill town of Verro in Kesh province on Sunday, killing nine people, "
         "provincial governor Anna Pell said. Rescuers dug through mud in Verro through the night.")
SLIDE_TOO = ("Nine people died when a landslide hit Verro in Kesh province on Sunday, governor Anna Pell said, "
             "as rescuers searched the mud for survivors.")
SECOND = ("A landslide hit the Kesh province village of Dosk on Monday, killing three people, governor Anna Pell "
          "said. It came ten days after a landslide killed nine in Verro. Rescuers searched the mud in Dosk.")


def _slide(aid: str, text: str, dead: list[tuple[str, int]]) -> object:
    return article(aid, text, published=None, title=None,
                   figures=tuple(figure_in(text, words, "killed", n) for words, n in dead))


def test_toll_keys_split_news_from_recalled_counts():
    news, recalled = toll_keys(_slide("s", SECOND, [("three people", 3), ("nine", 9)]))
    assert news == {("killed", 3.0)} and recalled == {("killed", 9.0)}
    assert toll_keys(_slide("f", SLIDE, [("nine people", 9)])) == ({("killed", 9.0)}, frozenset())


def test_recalled_count_tells_another_happening_both_ways():
    first = EventProfile()
    first.add(MainEvents(tolls=frozenset({("killed", 9.0)})))
    second = MainEvents(tolls=frozenset({("killed", 3.0)}), recalled_tolls=frozenset({("killed", 9.0)}))
    assert first.recalls_other(second)
    later = EventProfile()
    later.add(second)
    assert later.recalls_other(MainEvents(tolls=frozenset({("killed", 9.0)})))


@pytest.mark.parametrize("story, report", [
    # a toll that rises is one happening told later: a different count alone shows nothing
    ([{("killed", 3.0)}], MainEvents(tolls=frozenset({("killed", 9.0)}))),
    # a report recalling the count with none of its own may recall it within its own story's telling
    ([{("killed", 9.0)}], MainEvents(recalled_tolls=frozenset({("killed", 9.0)}))),
    # the story tells the report's own count too: both counts are its news
    ([{("killed", 9.0)}, {("killed", 3.0)}],
     MainEvents(tolls=frozenset({("killed", 3.0)}), recalled_tolls=frozenset({("killed", 9.0)}))),
    # another kind of count
    ([{("injured", 9.0)}], MainEvents(tolls=frozenset({("killed", 3.0)}), recalled_tolls=frozenset({("killed", 9.0)}))),
])
def test_counts_that_do_not_tell_another_happening(story, report):
    profile = EventProfile()
    for tolls in story:
        profile.add(MainEvents(tolls=frozenset(tolls)))
    assert not profile.recalls_other(report)


@pytest.mark.parametrize("order", [("f1", "f2", "s"), ("s", "f1", "f2"), ("f1", "s", "f2")])
def test_undated_report_of_a_second_landslide_starts_its_own_story(order):
    reports = {"f1": _slide("f1", SLIDE, [("nine people", 9)]), "f2": _slide("f2", SLIDE_TOO, [("Nine people", 9)]),
               "s": _slide("s", SECOND, [("three people", 3), ("nine", 9)])}
    c = StoryClusterer()
    for aid in order:
        c.add(reports[aid])
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["f1", "f2"], ["s"]]
