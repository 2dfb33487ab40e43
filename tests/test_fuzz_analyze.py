"""Property-based fuzzing of ``analyze`` on arbitrary text (issue 10): it returns a record whose
every span lies inside the text, or raises ``BadInput`` with a message; nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import BadInput, Rejected, analyze, analyze_many
from newsgraph.extract import FACT_FIELDS

FUZZ = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
NEWS = ["Rebels said they shot down a helicopter near the border on Monday.",
        "\u201cWe will not leave,\u201d the mayor told reporters, adding that 12 people were hurt.",
        "The ministry in Kabul said on Tuesday that $3.5 million in aid had arrived."]
# any Unicode (lone surrogates included), mixed with pieces of news so the extractors have work
_text = st.lists(st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
                 | st.sampled_from(NEWS) | st.sampled_from(["\n", "\u201c", "\"", "(", "--", "\x00"]),
                 max_size=8).map("".join)


def spans_of(record):
    for kind in FACT_FIELDS:
        for fact in getattr(record, kind):
            for name in ("span", "speaker_span", "cue_span", "trigger_span", "place_span"):
                span = getattr(fact, name, None)
                if span is not None:
                    yield span
            for span in getattr(fact, "mentions", ()) or ():
                yield span


@pytest.mark.model
@FUZZ
@given(text=_text, published=st.sampled_from([None, "2015-09-17", "last week", "\ud800"]))
def test_fuzz_analyze_arbitrary_text(text, published):
    try:
        record = analyze(text, published=published)
    except BadInput as exc:
        assert str(exc).startswith("[E002] nothing to analyse")  # a str is the right type
        return
    record.text.encode("utf-8")
    assert record.published in (None, "2015-09-17")
    for start, end in spans_of(record):
        assert 0 <= start <= end <= len(record.text)


@pytest.mark.model
@settings(max_examples=10, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_text, min_size=1, max_size=6))
def test_fuzz_analyze_many_one_result_per_item_in_order(texts):
    items = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts)]
    out = list(analyze_many(items))
    assert len(out) == len(items)
    for i, r in enumerate(out):
        assert isinstance(r, Rejected) or r.id == f"a{i}"
