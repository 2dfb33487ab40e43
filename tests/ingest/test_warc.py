"""WARC and WARC.gz archives: HTML responses only, skipped records counted, damaged archives."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import ReadStats, read_inputs
from newsgraph.model import Article, Rejected


def html_page(n: int, *, dated: bool = False) -> bytes:
    date = '<meta property="article:published_time" content="2015-09-28T08:00:00Z">' if dated else ""
    body = " ".join(f"Story {n}: officials in Kunduz said on Monday that {k} police posts had fallen "
                    f"to the Taliban after heavy fighting." for k in range(1, 8))
    return (f"<html><head><title>Kunduz story {n}</title>{date}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><p>{body}</p></article></body></html>").encode()


def make_warc(records: list[tuple], *, gz: bool = True) -> bytes:
    """records: (kind, uri, content_type or None, payload, status)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for kind, uri, content_type, payload, status in records:
        if kind == "request":
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x.example")], is_http_request=True)
            record = writer.create_warc_record(uri, "request", http_headers=headers)
        elif kind == "response":
            fields = [("Content-Type", content_type)] if content_type else []
            headers = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2015-09-29T01:02:03Z"})
        else:
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload),
                                               warc_content_type=content_type)
        writer.write_record(record)
    return buf.getvalue()


MIXED = [
    ("request", "https://news.example/a", None, b"", ""),
    ("response", "https://news.example/a", "text/html; charset=utf-8", html_page(1), "200 OK"),
    ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "200 OK"),
    ("resource", "dns:news.example", "text/dns", b"news.example. 300 IN A 192.0.2.1\n", ""),
    ("response", "https://news.example/old", "text/html", b"", "301 Moved Permanently"),
    ("response", "https://news.example/b", "text/html", html_page(2, dated=True), "200 OK"),
    ("metadata", "https://news.example/a", "application/warc-fields", b"outlink: x\n", ""),
]


@pytest.mark.parametrize("gz, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_warc_html_responses_become_articles(tmp_path, gz, name, no_network):
    path = tmp_path / name
    path.write_bytes(make_warc(MIXED, gz=gz))
    stats = ReadStats()
    results = list(read_inputs([path], stats=stats))
    assert all(isinstance(r, Article) for r in results)
    first, second = results
    assert first.url == "https://news.example/a"
    assert first.title == "Kunduz story 1"
    assert "Story 1: officials in Kunduz" in first.text and "Home" not in first.text
    assert first.published == "2015-09-29T01:02:03Z"  # WARC-Date: the page has no date
    assert second.published.startswith("2015-09-28")  # the page's own date wins
    assert first.origin == f"{path}#3"
    assert stats.skipped == {"warc-warcinfo": 1, "warc-request": 1, "warc-non-html": 2,
                             "warc-not-2xx": 1, "warc-metadata": 1}


def test_warc_response_without_content_type_is_sniffed(tmp_path):
    path = tmp_path / "bare.warc.gz"
    path.write_bytes(make_warc([
        ("response", "https://news.example/a", None, html_page(1), "200 OK"),
        ("response", "https://news.example/x", None, b"\x00\x01\x02binary", "200 OK"),
    ]))
    stats = ReadStats()
    [article] = read_inputs([path], stats=stats)
    assert article.url == "https://news.example/a"
    assert stats.skipped["warc-non-html"] == 1


def test_warc_charset_from_http_header(tmp_path):
    page = ("<html><body><article><p>" + "Señor Muñoz, the mayor’s spokesman, said on Monday that "
            "the café in Zürich would close. " * 5 + "</p></article></body></html>").encode("cp1252")
    path = tmp_path / "cp.warc.gz"
    path.write_bytes(make_warc([("response", "https://x.example/", "text/html; charset=windows-1252",
                                 page, "200 OK")]))
    [article] = read_inputs([path])
    assert "Señor Muñoz, the mayor’s spokesman" in article.text


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("keep", [0.5, 0.75, 0.95])
def test_warc_truncated_yields_what_it_read_then_rejected(tmp_path, gz, keep):
    data = make_warc([("response", f"https://news.example/{n}", "text/html", html_page(n), "200 OK")
                      for n in range(4)], gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * keep)])
    results = list(read_inputs([path]))
    *articles, last = results
    assert isinstance(last, Rejected)
    assert last.reason in ("truncated-warc", "malformed-warc")
    assert all(isinstance(a, Article) for a in articles)
    assert len(articles) >= int(4 * keep) - 1  # every record before the cut is kept


@pytest.mark.parametrize("gz", [True, False])
def test_warc_record_cut_inside_its_page_is_no_article(tmp_path, gz):
    # the archive ends half-way through the second page's text: what survived of that page is no article
    # (it read as a short story, or as a page without main text, depending on where the cut fell)
    whole = make_warc([("response", f"https://news.example/{n}", "text/html", html_page(n), "200 OK")
                       for n in range(2)], gz=gz)
    # plain: 300 bytes into the second story; gzip: 40 bytes before the end of the last member
    data = whole[:whole.index(b"Story 1: officials") + 300] if not gz else whole[:len(whole) - 40]
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data)
    results = list(read_inputs([path]))
    assert [type(r).__name__ for r in results] == ["Article", "Rejected"], results
    assert results[-1].reason == "truncated-warc" and results[-1].origin.endswith("#3")
    assert "Story 0" in results[0].text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"x" * 200, "malformed-warc"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-after-gzip-magic", "bad-gzip"),
])
def test_warc_garbage(tmp_path, data, reason):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    results = list(read_inputs([path]))
    assert [r.reason for r in results if isinstance(r, Rejected)] == [reason]
    assert not [r for r in results if isinstance(r, Article)]


def test_warc_record_above_the_limit(tmp_path):
    path = tmp_path / "big.warc.gz"
    path.write_bytes(make_warc([("response", "https://news.example/a", "text/html", html_page(1), "200 OK"),
                                ("response", "https://news.example/big", "text/html",
                                 b"<html><body><p>" + b"word " * 2000 + b"</p></body></html>", "200 OK")]))
    results = list(read_inputs([path], max_bytes=5000))
    assert [getattr(r, "reason", "article") for r in results] == ["article", "too-large"]


def test_warc_without_html_pages_is_reported_once(tmp_path):
    path = tmp_path / "images.warc.gz"
    path.write_bytes(make_warc([MIXED[0], MIXED[2], MIXED[3]]))
    stats = ReadStats()
    [result] = read_inputs([path], stats=stats)
    assert (result.reason, result.origin) == ("no-html", str(path))
    assert sum(stats.skipped.values()) == 4
