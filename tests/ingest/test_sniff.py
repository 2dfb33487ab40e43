"""Format routing: extensions and the first bytes."""

from __future__ import annotations

import gzip

import pytest

from newsgraph.ingest.sniff import format_from_name, sniff


@pytest.mark.parametrize("name, expected", [
    ("a.txt", "text"), ("A.HTML", "html"), ("page.htm", "html"), ("x.jsonl", "jsonl"),
    ("x.ndjson", "jsonl"), ("x.json", "json"), ("feed.xml", "feed"), ("feed.rss", "feed"),
    ("feed.atom", "feed"), ("crawl.warc", "warc"), ("crawl.warc.gz", "warc"),
    ("make_warc.py", None), ("notes", None), ("data.csv", None), ("x.txt.gz", "text"),
    ("x.jsonl.gz", "jsonl"), ("x.gz", None),
])
def test_sniff_format_from_name(name, expected):
    assert format_from_name(name) == expected


@pytest.mark.parametrize("head, expected", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), "warc"),
    (gzip.compress(b"just some gzipped text"), "binary"),
    (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    (b'{\n  "text": "pretty printed"\n}\n', "json"),
    (b'[{"text": "a"}]', "json"),
    (b"[build-system]\nrequires = []\n", "text"),
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
    (b"\xef\xbb\xbf<html><body>", "html"),
    (b"<p>A fragment</p>", "html"),
    (b"Russia proposes talks\n\nMOSCOW - ...", "text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Plain words in UTF-16 without a byte-order mark.".encode("utf-16-le"), "text"),
])
def test_sniff_first_bytes(head, expected):
    assert sniff(head) == expected
