"""Probe 2: quote and date shapes of real news, on invented sentences."""

from __future__ import annotations

import pytest


def _speakers(out, kind="direct"):
    return [(q.speaker.name if q.speaker else None, q.text) for q in out.quotes if q.kind == kind]


@pytest.mark.parametrize("text,speaker", [
    # '"...?" a protester asked': the parse makes the noun phrase the root and the cue a reduced relative on it
    ('"How long must we wait?" a protester asked.', "protesters"),
    ('"How long must we wait?" a protester asked, holding a sign.', "protesters"),
])
def test_quote_speaker_noun_then_cue_after_a_question(analyse, text, speaker):
    got = _speakers(analyse(text, published="2024-03-15"))
    assert [s for s, _ in got] == [speaker], got


@pytest.mark.parametrize("text", [
    # a live-blog entry headed by its weekday tells that day in the historical present: the latest such day
    "Friday: The death toll rises to 14.",
    "Updates from the flooded valley\n\nFriday: Schools stay closed.",
])
def test_date_weekday_heading_an_entry_in_the_present_is_the_latest(analyse, text):
    got = [(d.text, d.value) for d in analyse(text, published="2024-03-20").dates]  # a Wednesday
    assert got == [("Friday", "2024-03-15")], got

