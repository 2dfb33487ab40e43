"""Speakers of quotes from documents, states, "it", nested cues and unattributed quoted words (issue 13)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # (text, quoted words, expected speaker name or None)
    ("The fisheries ministry said on Monday that quotas would fall. A statement said the new limits "
     "were \"needed to protect the stocks.\"", "needed to protect the stocks.", "fisheries ministry"),
    ("\"Residents should stay indoors,\" according to a statement from the Dutch embassy.",
     "Residents should stay indoors,", "Dutch embassy"),
    ("Anna Kowalski, head of a farmers' union, issued a statement praising the minister for "
     "\"a brave and fair decision.\"", "a brave and fair decision.", "Anna Kowalski"),
    ("Norway raised its flood warning on Sunday, citing a \"serious risk\" to coastal towns.",
     "serious risk", "Norwegian government"),
    ("The rebels claimed the raid that the governor, Tomas Berg, calls \"a cowardly act.\"",
     "a cowardly act.", "Tomas Berg"),
    ("The failed merger is described by the magazine as \"a costly mistake.\"",
     "a costly mistake.", "magazine"),
    ("\"It must be done slowly,\" the engineer Paula Reyes said. And \"time is short.\"",
     "time is short.", "Paula Reyes"),
    ("The merger will close next year, according to a joint statement from Acme and Bolt Industries. "
     "The statement called it \"a natural fit.\"", "a natural fit.", "Acme and Bolt Industries"),
    ("Outside the court, the crowd chanted \"Free them now!\" until dusk.", "Free them now!", "protesters"),
    ("Shoppers crowded the stores for what one chain calls its \"winter rush.\"", "winter rush.", None),
    # a named body compounded with its document owns it, though someone else spoke just before
    ("Survivors said the boat had left with 90 people on board. \"Nearly 1,900 people have drowned on the route "
     "this year,\" according to IOM figures.", "Nearly 1,900 people have drowned on the route this year,", "IOM"),
    # "it said": the body or document that spoke or acted just before
    ("The shipping firm said it would contest the fine. \"The inspectors found no fault with our crews,\" "
     "it said in a statement.", "The inspectors found no fault with our crews,", "shipping firm"),
    ("The health ministry said the clinics would reopen. \"Staff are ready,\" it said.",
     "Staff are ready,", "health ministry"),
    ("The central bank raised its key rate by half a point on Thursday. \"Price growth is still too fast,\" "
     "it said, adding that it was ready to act again.", "Price growth is still too fast,", "central bank"),
    ("Nordvik Airlines cancelled 40 flights on Friday. \"We regret the disruption,\" it said.",
     "We regret the disruption,", "Nordvik Airlines"),
    # "quoted/cited X as saying": X speaks, not the outlet that quotes
    ("State television quoted Defence Minister Omar Haddad as saying: \"The border is sealed.\"",
     "The border is sealed.", "Omar Haddad"),
    ("The news agency cited a military source as saying \"two drones were downed\".",
     "two drones were downed", "military source"),
    # a name inside the quote is no apposition of the speaker before it
    ("In a letter to the Prime Minister, Helen Ward wrote: 'I cannot defend a plan that will fail.' She added "
     "that the bill had been rushed.\n\nDowning Street said it was 'disappointed' by the resignation. A spokesman "
     "said: 'The Prime Minister thanks Helen for her service.'",
     "The Prime Minister thanks Helen for her service.", "spokesman"),
    # a body keeps its name as written; only a person's role goes last ("crisis centre spokesman")
    ("\"All 40 were freed,\" according to the army's coordination office for prisoners.",
     "All 40 were freed,", "army's coordination office for prisoners"),
    ("\"The line held,\" a spokesman for the regional crisis centre said.", "The line held,",
     "regional crisis centre spokesman"),
]


@pytest.mark.parametrize("text,words,speaker", CASES, ids=[c[1] for c in CASES])
def test_quote_speaker_cases(analyse, text, words, speaker):
    result = analyse(text)
    hits = [q for q in result.quotes if q.kind != "indirect" and q.text == words]
    assert hits, [(q.kind, q.text) for q in result.quotes]
    got = hits[0].speaker.name if hits[0].speaker else None
    if speaker is None:
        return  # found is what matters: the speaker may stay unknown
    assert got == speaker


def test_quote_split_around_cue_gives_two_quotes_one_speaker(analyse):
    result = analyse("\"We will rebuild,\" Mayor Lena Ortiz said, \"and we will do it this year.\"")
    marked = [q for q in result.quotes if q.kind != "indirect"]
    assert [q.text for q in marked] == ["We will rebuild,", "and we will do it this year."]
    assert {q.speaker.name for q in marked} == {"Lena Ortiz"}
    assert all(result.text[q.span[0]:q.span[1]] == q.text for q in marked)


def test_quote_name_in_marks_is_not_a_quote(analyse):
    result = analyse("She led the \"Stay Home\" campaign across the region last spring.")
    assert not [q for q in result.quotes if q.kind != "indirect"]


def test_quote_speaker_it_is_never_a_person(analyse):
    quotes = analyse("Maria Lund toured the harbour on Monday. \"The harbour is safe,\" it said.").quotes
    assert [(q.text, q.speaker) for q in quotes if q.kind != "indirect"] == [("The harbour is safe,", None)]


def test_quote_speaker_it_inside_a_reported_clause_names_nobody(analyse):
    # "it would appeal" is what the firm said, not a second report spoken by "it"
    quotes = analyse("The shipping firm said it would appeal against the fine.").quotes
    assert [q.text for q in quotes] == ["it would appeal against the fine"]
