"""Passages that recall an earlier happening count little in what a report is about (issue 12): a report of a
second quake, a march or air strikes names the earlier story's people, places and figures as background."""

from __future__ import annotations

import pytest

from newsgraph.stories.background import background_spans
from newsgraph.stories.fingerprint import BACKGROUND_WEIGHT, article_terms
from stories_helpers import article

SECOND = ("A magnitude 5.9 tremor shook the Orvell valley on Friday, killing two herders near Tansk, "
          "two weeks after a stronger quake flattened Morrow and killed 14 in the same valley.")


def _recalled(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in background_spans(text)]


@pytest.mark.parametrize("text,expected", [
    (SECOND, ["a stronger quake flattened Morrow and killed 14 in the same valley."]),
    ("Crowds filled the square on Sunday. The march came three days after riot police cleared the bridge.",
     ["riot police cleared the bridge."]),
    ("Jets bombed the ridge on Tuesday. Last week's offer of talks in Corla now looks dead, envoys said.",
     ["Last week's offer of talks in Corla now looks dead, envoys said."]),
    ("Envoys met on Monday. The council was dissolved by decree earlier this month, officials said.",
     ["The council was dissolved by decree earlier this month, officials said."]),
    ("Guards sealed the depot. Officers asked if it was tied to the alert that shut the port ten days ago.",
     ["Officers asked if it was tied to the alert that shut the port ten days ago."]),
])
def test_background_spans_find_recalled_happenings(text, expected):
    assert _recalled(text) == expected


@pytest.mark.parametrize("text", [
    "Streets were quiet on Thursday, a day after soldiers ousted the governor of Vessa.",  # the same happening
    "Rescuers dug through rubble two days after the quake struck the Orvell valley.",
    "Last week the river rose and flooded Tansk, officials said.",  # the opening sentence tells the news
    "The rally was held three weeks before a general election in Vessa.",  # a later day, not an earlier one
    "The magnitude 6.8 quake struck at dawn. Its epicentre was 40 km west of Morrow.",
])
def test_background_spans_leave_the_news(text):
    assert background_spans(text) == []


def test_article_terms_weigh_recalled_words_less():
    counts = article_terms(article("q2", SECOND))
    assert counts["herder"] == 1
    assert counts["flatten"] == pytest.approx(BACKGROUND_WEIGHT)
    assert counts["tremor"] == 1



@pytest.mark.parametrize("text", [
    # the stop after a lone capital ends no sentence: the lead keeps its place
    "U.S. officials said on Monday that the army had seized the town last week. The town was quiet.",
    # a day or two later is the same happening
    "The quake struck a couple of days after the storm. Rescuers worked on.",
    # a comparison with a year before recalls nothing
    "Rescuers worked on. Inflation rose 3.2% in February from a year earlier.",
])
def test_background_leaves_these_alone(text):
    assert background_spans(text) == []
