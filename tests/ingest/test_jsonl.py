"""JSON Lines and JSON files in the SCHEMA input format."""

from __future__ import annotations

import io
import json

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.model import Article, Rejected

RECORDS = [
    {"id": "a1", "text": "Ministers met in Geneva on Monday.", "published": "2015-09-14",
     "source": "Gulf Ledger", "title": "Geneva talks", "url": "https://gl.example/1"},
    {"url": "https://gl.example/2", "text": "Rebels shelled the city on Tuesday, killing 12."},
    {"html": "<html><body><article><p>" + "Troops withdrew from the border on Friday. " * 12
             + "</p></article></body></html>", "source": "Eastern Wire"},
]


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_each_record_with_its_metadata(tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", [json.dumps(r) for r in RECORDS])
    results = list(read_inputs([path]))
    assert [type(r) for r in results] == [Article, Article, Article]
    first, second, third = results
    assert (first.id, first.published, first.source, first.title, first.url) == (
        "a1", "2015-09-14", "Gulf Ledger", "Geneva talks", "https://gl.example/1")
    assert first.origin == f"{path}:1"
    assert second.id != "a1" and second.url == "https://gl.example/2"
    assert third.source == "Eastern Wire" and "Troops withdrew" in third.text


def test_jsonl_bad_lines_are_rejected_and_the_rest_goes_on(tmp_path):
    lines = [json.dumps(RECORDS[0]), "{not json", "", json.dumps([1, 2]),
             json.dumps({"title": "no text"}), json.dumps(RECORDS[1])]
    path = write_jsonl(tmp_path / "mixed.ndjson", lines)
    results = list(read_inputs([path]))
    summary = [(type(r).__name__, r.origin, getattr(r, "reason", None)) for r in results]
    assert summary == [
        ("Article", f"{path}:1", None),
        ("Rejected", f"{path}:2", "bad-json"),
        ("Rejected", f"{path}:4", "not-an-object"),
        ("Rejected", f"{path}:5", "no-text"),
        ("Article", f"{path}:6", None),
    ]


def test_jsonl_empty_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert [(r.reason, r.origin) for r in read_inputs([path])] == [("empty", str(path))]


def test_jsonl_line_above_the_limit_is_rejected_unread():
    big = json.dumps({"text": "x" * 5000})
    stream = io.BytesIO((json.dumps(RECORDS[1]) + "\n" + big + "\n" + json.dumps(RECORDS[0]) + "\n").encode())
    results = list(read_jsonl(stream, origin="s", max_bytes=1000))
    assert [getattr(r, "reason", "ok") for r in results] == ["ok", "too-large", "ok"]
    assert results[1].origin == "s:2"
    assert results[2].origin == "s:3"


def test_jsonl_latin1_line_is_still_read(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps({"text": "Señor Muñoz met the minister in Zürich on Monday."},
                                ensure_ascii=False).encode("cp1252") + b"\n")
    [article] = read_inputs([path])
    assert article.text == "Señor Muñoz met the minister in Zürich on Monday."


@pytest.mark.parametrize("value, expected", [
    (RECORDS[0], ["a1"]),
    (RECORDS[:2], ["a1", "Article"]),
    ([], ["empty"]),
    ([RECORDS[0], "just a string"], ["a1", "not-an-object"]),
])
def test_jsonl_json_file_with_object_or_list(tmp_path, value, expected):
    path = tmp_path / "records.json"
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
    got = [r.id if isinstance(r, Article) and r.id == "a1" else
           ("Article" if isinstance(r, Article) else r.reason) for r in read_inputs([path])]
    assert got == expected


def test_jsonl_broken_json_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    [result] = read_inputs([path])
    assert isinstance(result, Rejected) and result.reason == "bad-json"


@pytest.mark.parametrize("name, body", [
    ("lines.json", "\n".join(json.dumps(r) for r in RECORDS[:2]) + "\n"),        # JSONL named .json
    ("pretty.jsonl", json.dumps({"text": "One object over several lines."}, indent=2)),  # JSON named .jsonl
])
def test_jsonl_json_and_jsonl_are_told_apart_by_content(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    results = list(read_inputs([path]))
    assert results and all(isinstance(r, Article) for r in results)
