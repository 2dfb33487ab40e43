""""it said": a body or document named just before speaks, never a person (wire style)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # (text, quoted words, expected speaker name or None)
    ("The shipping firm said it would contest the fine. \"The inspectors found no fault with our crews,\" "
     "it said in a statement.", "The inspectors found no fault with our crews,", "shipping firm"),
    ("The health ministry said the clinics would reopen. \"Staff are ready,\" it said.",
     "Staff are ready,", "health ministry"),
    ("The central bank raised its key rate by half a point on Thursday. \"Price growth is still too fast,\" "
     "it said, adding that it was ready to act again.", "Price growth is still too fast,", "central bank"),
    ("Nordvik Airlines cancelled 40 flights on Friday. \"We regret the disruption,\" it said.",
     "We regret the disruption,", "Nordvik Airlines"),
    # a person is never "it"
    ("Maria Lund toured the harbour on Monday. \"The harbour is safe,\" it said.", "The harbour is safe,", None),
]


@pytest.mark.parametrize("text,words,speaker", CASES, ids=[c[1] for c in CASES])
def test_it_names_the_body_before(analyse, text, words, speaker):
    hits = [q for q in analyse(text).quotes if q.kind != "indirect" and q.text == words]
    assert hits
    assert (hits[0].speaker.name if hits[0].speaker else None) == speaker


def test_it_inside_a_reported_clause_names_nobody(analyse):
    # "it would contest" is what the firm said, not a second report spoken by "it"
    quotes = analyse("The shipping firm said it would appeal against the fine.").quotes
    assert [q.text for q in quotes] == ["it would appeal against the fine"]
