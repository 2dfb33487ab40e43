"""Bylines read from a page's markup and metadata, and carried into the article record."""

from __future__ import annotations

import json

import pytest

from newsgraph.ingest.byline import page_byline
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.input_records import article_from_record

BODY = ("<article><h1>Ferry capsizes on the lake</h1>"
        + "".join(f"<p>{p}</p>" for p in [
            "A crowded ferry capsized on Lake Varna on Sunday evening, and rescuers pulled 40 people from the "
            "water before dark, the regional police said in a statement.",
            "Fishermen were the first to reach the upturned boat, which had left the northern pier an hour "
            "earlier with more than twice the passengers it was licensed to carry.",
            "The transport ministry said it would open an inquiry and suspended the operator's licence while "
            "divers searched the wreck for those still missing.",
        ]) + "</article>")


def _page(head: str = "", byline: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>Ferry</title>{head}</head><body>{byline}{BODY}</body></html>"


@pytest.mark.parametrize("head,byline,expected", [
    ('<meta name="author" content="Agence France-Presse">', "", "Agence France-Presse"),
    ("", '<div class="byline">By Ed Roe – UPI</div>', "By Ed Roe – UPI"),
    ('<script type="application/ld+json">' + json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry",
        "author": [{"@type": "Person", "name": "Jane Roe"}],
        "sourceOrganization": {"@type": "Organization", "name": "Associated Press"}}) + "</script>",
     "", "Jane Roe; Associated Press"),
    ('<script type="application/ld+json">' + json.dumps({"@graph": [
        {"@type": "WebPage", "name": "Ferry"}, {"@type": "NewsArticle", "author": "Jane Roe, Reuters"}]})
     + "</script>", "", "Jane Roe, Reuters"),
    ("", '<div class="author">Jane Roe | AFP</div>', "Jane Roe | AFP"),
    ("", '<p class="story-byline meta">By Jane Roe, Associated Press</p>', "By Jane Roe, Associated Press"),
    ("", '<span class="article-author">Ed Roe – UPI</span>', "Ed Roe – UPI"),
    # a class that only contains the word is no byline element ("authority-notice")
    ("", '<div class="authority-notice">Port authority notice</div>', None),
    # a profile link is no byline; a page with no author metadata has none
    ('<meta property="article:author" content="https://social.example/janeroe">', "", None),
    ("", "", None),
    ('<script type="application/ld+json">{not json</script>', "", None),
])
def test_page_byline(head, byline, expected):
    assert page_byline(_page(head, byline)) == expected


def test_page_byline_visible_first_and_deduplicated():
    head = '<meta name="author" content="Jane Roe"><meta name="byl" content="jane roe">'
    assert page_byline(_page(head, '<span rel="author">Jane Roe</span>')) == "Jane Roe"


def test_page_byline_drops_a_name_the_visible_byline_already_holds():
    head = '<meta name="author" content="Jane Roe"><meta name="byl" content="Ed Poe">'
    got = page_byline(_page(head, '<p class="byline">By Jane Roe, Reuters</p>'))
    assert got == "By Jane Roe, Reuters; Ed Poe"


def test_html_article_carries_the_page_byline_unless_given():
    page = _page('<meta name="author" content="Agence France-Presse">')
    assert article_from_html(page, url="https://lake.example/ferry").author == "Agence France-Presse"
    assert article_from_html(page, author="Jane Roe").author == "Jane Roe"


def test_record_author_is_kept_and_checked():
    rec = article_from_record({"id": "a", "text": "The ferry capsized.", "author": "  Ed Roe –\nUPI "})
    assert rec.author == "Ed Roe – UPI"
    assert article_from_record({"id": "a", "text": "The ferry capsized.", "author": ["x"]}).author is None


def test_html_page_is_parsed_once_for_its_text_and_its_byline(monkeypatch):
    """The byline is read from the tree trafilatura extracts from: lxml parses the page once."""
    import lxml.html

    parses = []
    parse = lxml.html.document_fromstring

    def counted(markup, *args, **kwargs):
        if "<head>" in str(markup):  # the whole page (trafilatura's fallbacks re-read pieces of their own)
            parses.append(markup)
        return parse(markup, *args, **kwargs)

    monkeypatch.setattr(lxml.html, "document_fromstring", counted)
    page = _page('<meta name="author" content="Agence France-Presse">', '<div class="byline">By Ed Roe</div>')
    result = article_from_html(page, url="https://lake.example/ferry")
    assert result.author == "By Ed Roe; Agence France-Presse"
    assert "rescuers pulled 40 people" in result.text
    assert len(parses) == 1


def test_trafilatura_leaves_the_shared_page_tree_untouched():
    """``article_from_html`` hands one tree to the byline reader, then to both trafilatura extractors,
    which must work on copies of it (a release that cleaned the tree in place would fail here)."""
    import lxml.html
    import trafilatura

    tree = trafilatura.load_html(_page('<meta name="author" content="Jane Roe">',
                                       '<nav><a href="/">Home</a></nav><div class="byline">By Jane Roe</div>'))
    before = lxml.html.tostring(tree)
    assert trafilatura.bare_extraction(tree, with_metadata=True).text
    assert trafilatura.baseline(tree)[1]
    assert lxml.html.tostring(tree) == before
    assert page_byline(tree) == "By Jane Roe"
