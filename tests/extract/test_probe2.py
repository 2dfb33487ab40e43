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
