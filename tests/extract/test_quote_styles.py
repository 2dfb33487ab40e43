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
])
def test_quote_the_company_is_the_firm_named_before(analyse, text, speaker):
    out = analyse(text, published="2026-03-04")
    assert [s for _, s in _quoted(out)] == [speaker], out.quotes


@pytest.mark.parametrize("text,speaker", [
    ('Norvik Systems cut 200 jobs in Tallinn. "We need engineers," the rival company said.', "rival company"),
    ('The Estonian Competition Authority fined the firm on Monday. "We will appeal," the firm said.', "firm"),
    ('"We will appeal," the company said.', "company"),
])
def test_quote_the_company_names_no_other_body(analyse, text, speaker):
    """A modifier picks another firm; a regulator is no firm; with no firm named the noun stays."""
    out = analyse(text, published="2026-03-04")
    assert [s for _, s in _quoted(out)] == [speaker], out.quotes
