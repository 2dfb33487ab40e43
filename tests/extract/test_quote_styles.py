"""Quote styles of real reports from many outlets, probed with invented texts (stop 36, helper "probe").

Each rule gets a test that fails without it and must-not-fire counter-examples: nearby wording where the
rule would be wrong.
"""

from __future__ import annotations

import pytest


def _quoted(out, kinds=("direct", "partial")):
    return [(q.text, q.speaker.name if q.speaker else None) for q in out.quotes if q.kind in kinds]


# ------------------------------------------------------------------ "what she called "a disgrace"": a verdict


@pytest.mark.parametrize("text,quote,speaker", [
    ('Peter Lepp said he was shocked by the ruling, which he called "a disgrace".', "a disgrace", "Peter Lepp"),
    ('Ruth Adler condemned what she called "a cowardly attack" on the embassy.', "a cowardly attack",
     "Ruth Adler"),
])
def test_quote_words_someone_called_a_thing_are_a_quote(analyse, text, quote, speaker):
    out = analyse(text, published="2026-03-04")
    assert (quote, speaker) in _quoted(out), out.quotes


@pytest.mark.parametrize("text", [
    'A band called "Quiet Rivers" played at the rally in Tallinn.',  # no one calls: a name
    'The operation, which the army called "Northern Shield", began at dawn.',  # someone names it: a name
    'The trawler, dubbed "the Old Lady" by its crew, sank off Chittagong.',  # a passive nickname
])
def test_quote_a_name_after_a_naming_verb_is_no_quote(analyse, text):
    assert _quoted(analyse(text, published="2026-03-04")) == []


# ------------------------------------------------------------------ "the company said": the firm named before


@pytest.mark.parametrize("text,speaker", [
    ('Norvik Systems agreed on Monday to buy Vesta Chips for $2 billion. "This deal makes us the leader '
     'in our market," the company said in a statement.', "Norvik Systems"),
    ('Greenline Airways cancelled 40 flights out of Tallinn. The airline said: "We apologise to all our '
     'passengers."', "Greenline Airways"),
    ('The Estonian Competition Authority fined Norvik Systems 4 million euros on Monday. "We will appeal," '
     'the company said.', "Norvik Systems"),  # the regulator that fined it is no firm
    # a kind noun takes the firm of its kind: by a word of its name, or by what the text calls it
    ('Skyvia Aerospace Corp won an order for 30 planes from Greenline Airways. "We need the planes," '
     'the airline said.', "Greenline Airways"),
    ('Skyvia Aerospace Corp sold ten jets to the carrier Qantara Group on Monday. "We need them," '
     'the carrier said.', "Qantara Group"),
])
def test_quote_the_company_is_the_firm_named_before(analyse, text, speaker):
    out = analyse(text, published="2026-03-04")
    assert [s for _, s in _quoted(out)] == [speaker], out.quotes


@pytest.mark.parametrize("text,speaker", [
    ('Norvik Systems cut 200 jobs in Tallinn. "We need engineers," the rival company said.', "rival company"),
    ('The Estonian Competition Authority fined the firm on Monday. "We will appeal," the firm said.', "firm"),
    ('"We will appeal," the company said.', "company"),
    # no firm of the noun's kind named: the maker of planes is no airline
    ('Skyvia Aerospace Corp won an order for 30 planes from Qantara Group. "We are pleased," the airline said.',
     "airline"),
    # two firms both parties of the main event: either could be speaking
    ('Norvik Systems Inc and Vesta Group both reported higher profits on Tuesday. "Demand was strong," '
     'the company said.', "company"),
    ('Norvik Systems sued Vesta Chips Corp in a Tallinn court. "We will defend ourselves," the company said.',
     "company"),
])
def test_quote_the_company_names_no_other_body(analyse, text, speaker):
    """A modifier picks another firm; a regulator is no firm; with no firm named the noun stays."""
    out = analyse(text, published="2026-03-04")
    assert [s for _, s in _quoted(out)] == [speaker], out.quotes


# ------------------------------------------------------------------ "Sofia Berg disagreed. "...," she said"

_LIND = '"The ice is retreating faster than any model predicted," said Maria Lind.\n'
_VILL = 'Tomas Vill defended the budget. "Every cent is accounted for," he said.\n'


@pytest.mark.parametrize("text,speaker", [
    (_LIND + 'Sofia Berg disagreed. "We cannot judge that yet," she said.', "Sofia Berg"),
    (_LIND + 'Her colleague Sofia Berg was less certain. "Some of it is weather," she said.', "Sofia Berg"),
    (_VILL + 'Peter Lepp disagreed. "The figures do not add up," he said.', "Peter Lepp"),
])
def test_quote_he_or_she_after_a_sentence_bringing_someone_in_is_that_person(analyse, text, speaker):
    out = analyse(text, published="2026-03-04")
    assert _quoted(out)[-1][1] == speaker, out.quotes


@pytest.mark.parametrize("text,speaker", [
    (_VILL + 'Peter Lepp was not at the meeting. "I stand by every figure," he said.', "Tomas Vill"),
    (_VILL + 'Peter Lepp was arrested on Monday. "He is innocent," he said.', "Tomas Vill"),
    (_LIND + 'Sofia Berg broke her leg on the glacier. "She is recovering in Tallinn," she said.', "Maria Lind"),
])
def test_quote_he_or_she_stays_with_the_speaker_when_the_one_named_did_not_speak(analyse, text, speaker):
    """Not acting (negated), acted on (passive), or spoken of inside the quote: the earlier speaker goes on."""
    out = analyse(text, published="2026-03-04")
    assert _quoted(out)[-1][1] == speaker, out.quotes


# ------------------------------------------------------------------ datelines closed by a colon or a credit


@pytest.mark.parametrize("text,speaker", [
    ('DHAKA: Prime Minister Karim Hossain on Sunday called the vote "a farce".', "Karim Hossain"),
    ('Dhaka, March 3 (IANS) Prime Minister Karim Hossain on Sunday called the vote "a farce".', "Karim Hossain"),
    ('Tallinn, March 3: "We will not give up," Omar Saleh told reporters on Monday.', "Omar Saleh"),
    ('TALLINN, Estonia — The Estonian Football Union said it would "act swiftly".', "Estonian Football Union"),
])
def test_quote_a_dateline_is_never_the_speaker(analyse, text, speaker):
    out = analyse(text, published="2026-03-04")
    assert [s for _, s in _quoted(out)] == [speaker], out.quotes


@pytest.mark.parametrize("text", [
    "Ruth Adler: We will not give up on the talks in Doha.",  # a name, not a place
    "Tallinn (Estonia) Mayor Anna Kask said the vote would go ahead.",  # a bracket that credits no agency
    "Dhaka: the capital where the talks were held.",  # no new sentence after the colon
])
def test_quote_no_dateline_without_a_place_or_a_credit(nlp, text):
    from newsgraph.extract.dateline_tokens import dateline_end

    doc = nlp(text)
    assert dateline_end(next(doc.sents)) == -1


# ------------------------------------------------------------------ "branded the protesters "thugs"": a verdict's speaker


@pytest.mark.parametrize("text,quote,speaker", [
    ('Interior Minister Peter Lepp branded the protesters "thugs" on Tuesday.', "thugs", "Peter Lepp"),
    ('Ruth Adler labelled the report "a work of fiction".', "a work of fiction", "Ruth Adler"),
    ('The deal, which Anna Kask termed "historic", was signed in Doha on Monday.', "historic", "Anna Kask"),
])
def test_quote_branding_labelling_or_terming_gives_the_speaker(analyse, text, quote, speaker):
    assert (quote, speaker) in _quoted(analyse(text, published="2026-03-04"))


def test_quote_the_noun_label_is_no_cue(analyse):
    out = analyse('The label "organic" appears on every bottle sold in Tallinn.', published="2026-03-04")
    assert all(q.cue is None and q.speaker is None for q in out.quotes if q.text == "organic"), out.quotes
