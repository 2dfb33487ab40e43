"""The tokenizer for pages lxml cannot read (issue 10): same text as a browser would show,
and linear time on malformed markup (``html.parser`` took hours on a fuzzed page)."""

from __future__ import annotations

import signal

import pytest

from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.html_tokens import tokenized_text
from newsgraph.model import Article

GOOD = "Officials in the northern province said on Tuesday that the bridge would reopen next week."


@pytest.mark.parametrize("page, text, depth", [
    (f"<p>{GOOD}</p>", GOOD, 1),
    ("<div><p>One &amp; two</p><p>three<br>four</p></div>", "One & two\nthree\nfour", 2),
    ("<script>if (a < b) { x = '</p>'; }</script><p>kept</p>", "kept", 1),
    ("<!-- <p>hidden</p> --><p>shown</p><!-- never closed <p>gone</p>", "shown", 1),
    ("<!doctype html><?xml version='1.0'?><p>text</p>", "text", 1),
    ("<p>a < b and c > d</p>", "a < b and c > d", 1),
    ("<div/><img src=x><p>after</p>", "after", 1),
    ("<STYLE>p { color: red }</style><P>upper</P>", "upper", 1),
    ("<title>T</title><p>body <b>bold</b></p>", "body bold", 2),
    ("<p>cut off <div", "cut off <div", 1),  # as a browser shows a tag cut off
])
def test_tokenized_text(page, text, depth):
    assert tokenized_text(page) == (text, depth)


def _in_time(seconds: int):
    def alarm(signum, frame):
        raise TimeoutError(f"took more than {seconds} s: not linear")

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)


@pytest.mark.parametrize("piece, times", [
    ("<div", 200_000), ("<!--", 200_000), ("<a href='", 200_000), ("</b", 200_000),
    ("<script>", 200_000), ("<p x=<", 200_000),
    ("<" + "divwiv" * 150_000, 1), ("</" + "b" * 900_000, 1), ("<a" + "x y" * 300_000, 1),
])
def test_issue10_malformed_markup_is_read_in_linear_time(piece, times):
    # the fuzzed pages: two thousand nested divs, then a megabyte of tags that never close
    # (html.parser rescanned the rest of the page for each of them: hours), or one "<" and
    # a megabyte of letters (a backtracking pattern tried every split of them); bounded
    # here at a minute, far above the fraction of a second it takes
    page = "<div>" * 2000 + f"<p>{GOOD}</p>" + piece * times
    _in_time(60)
    try:
        text, depth = tokenized_text(page)
        result = article_from_html(page, origin="fuzzed")
    finally:
        signal.alarm(0)
    assert depth >= 2000 and text.startswith(GOOD)
    assert isinstance(result, Article) and result.text.startswith(GOOD)
