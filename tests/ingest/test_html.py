"""HTML pages: main text without boilerplate, metadata, damaged and binary pages, no network."""

from __future__ import annotations

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.ingest.html import article_from_html, fragment_text
from newsgraph.model import Article, Rejected

PARAGRAPHS = [
    "NAIROBI, March 3 - Kenyan police fired tear gas at hundreds of opposition supporters in the "
    "capital on Monday, a day after the electoral commission declared the incumbent the winner of a "
    "disputed presidential vote, witnesses said.",
    "\u201cWe will not accept a stolen election,\u201d opposition leader Amina Odhiambo told a crowd "
    "outside the commission's offices. At least four people were wounded, a hospital official said.",
    "Interior Minister Joseph Kariuki said the security forces had acted with restraint and accused "
    "protesters of looting shops in the Kibera district. The African Union urged both sides to settle "
    "the dispute in court.",
    "Observers from the European Union said on Sunday that the vote had been largely peaceful but that "
    "the tallying of results lacked transparency in several counties.",
]


def page(*, charset: str = "utf-8", date: bool = True, canonical: bool = True) -> str:
    meta = [f'<meta charset="{charset}">', "<title>Kenya police fire tear gas at protesters - Rift Times</title>",
            '<meta property="og:site_name" content="Rift Times">']
    if date:
        meta.append('<meta property="article:published_time" content="2013-03-04T09:00:00+03:00">')
    if canonical:
        meta.append('<link rel="canonical" href="https://rifttimes.example/kenya/2013/03/04/tear-gas">')
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return ("<!DOCTYPE html><html><head>" + "".join(meta) + "</head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/kenya'>Kenya</a></li>"
            "<li><a href='/sport'>Sport</a></li></ul></nav>"
            f"<article><h1>Kenya police fire tear gas at protesters</h1>{body}</article>"
            "<footer><p>Copyright 2024 Rift Times Media Group. All rights reserved.</p>"
            "<a href='/terms'>Terms and conditions apply</a></footer></body></html>")



def test_html_main_text_and_metadata(tmp_path, no_network):
    path = tmp_path / "kenya.html"
    path.write_text(page(), encoding="utf-8")
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for boilerplate in ("Copyright", "Terms and conditions", "Sport"):
        assert boilerplate not in article.text
    assert article.title == "Kenya police fire tear gas at protesters"
    assert article.source == "Rift Times"
    assert article.published.startswith("2013-03-04")
    assert article.url == "https://rifttimes.example/kenya/2013/03/04/tear-gas"


def test_html_given_url_wins_over_canonical(no_network):
    result = article_from_html(page(), url="https://mirror.example/a", origin="x")
    assert result.url == "https://mirror.example/a"


def test_html_without_date_uses_fallback_only(no_network):
    dated = article_from_html(page(), fallback_published="2020-01-01")
    undated = article_from_html(page(date=False, canonical=False), fallback_published="2020-01-01")
    assert dated.published.startswith("2013-03-04")
    assert undated.published == "2020-01-01"
    assert undated.url is None


def test_html_cp1252_page_decodes_with_its_declared_charset(tmp_path):
    path = tmp_path / "kenya-cp1252.htm"
    path.write_bytes(page(charset="windows-1252").encode("cp1252"))
    [article] = read_inputs([path])
    assert "\u201cWe will not accept a stolen election,\u201d" in article.text


@pytest.mark.parametrize("cut", [0.4, 0.6, 0.8])
def test_html_truncated_page_still_gives_text(tmp_path, cut, no_network):
    html = page()
    path = tmp_path / "cut.html"
    path.write_text(html[: int(len(html) * cut)], encoding="utf-8")
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    assert PARAGRAPHS[0][:60] in article.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\n  \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8, "binary"),
    (bytes(range(1, 256)) * 40, "binary"),  # junk without NUL bytes
    (b"<html><head><title></title></head><body><script>var x = 1;</script></body></html>", "no-main-text"),
])
def test_html_rejects_pages_without_text(tmp_path, data, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    [result] = read_inputs([path])
    assert isinstance(result, Rejected)
    assert result.reason == reason


@pytest.mark.parametrize("fragment, expected", [
    ("<p>One <b>two</b>.</p><p>Three &amp; four</p>", "One two.\nThree & four"),
    ("Line one<br/>line two", "Line one\nline two"),
    ("<div><script>alert(1)</script>Kept</div>", "Kept"),
    ("plain text, no markup", "plain text, no markup"),
    ("<p></p>", ""),
])
def test_html_fragment_text(fragment, expected):
    assert fragment_text(fragment) == expected
