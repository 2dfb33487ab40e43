"""A month with its year said in words ("in March last year") is one date expression of that year."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expr, value", [
    ("The envoy was detained in March last year.", "March last year", "2022-03"),
    ("The port reopened in January of last year.", "January of last year", "2022-01"),
    ("The law takes effect in June this year.", "June this year", "2023-06"),
    ("Elections are due in May next year.", "May next year", "2024-05"),
])
def test_a_month_with_its_year_in_words(analyse, text, expr, value):
    out = analyse(text, published="2023-04-11")
    assert [(d.text, d.value) for d in out.dates] == [(expr, value)]


@pytest.mark.parametrize("text, found", [
    ("Talks collapsed last March.", [("last March", "2023-03")]),
    ("In March, the rebels seized the town, and last year they lost it.", [("March", "2023-03"),
                                                                           ("last year", "2022")]),
])
def test_a_month_and_a_separate_year_word_stay_apart(analyse, text, found):
    out = analyse(text, published="2023-04-11")
    assert [(d.text, d.value) for d in out.dates] == found
