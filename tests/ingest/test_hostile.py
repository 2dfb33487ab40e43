"""Hostile inputs that used to crash a run or lose a whole file (issue 10): each is now a
rejection of that input (or line) with a reason, and everything around it is still read."""

from __future__ import annotations

import io
import json
import os

import pytest

from newsgraph.ingest import ReadStats, read_inputs, read_stream
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.sniff import sniff
from newsgraph.model import Article, Rejected

GOOD = "Officials in the northern province said on Tuesday that the bridge would reopen next week."


def kinds(results):
    return [r.reason if isinstance(r, Rejected) else "article" for r in results]


def line(**record) -> str:
    return json.dumps({"text": GOOD, **record}) + "\n"


def deep_json(depth: int) -> str:
    return '{"text": "x", "deep": ' + "[" * depth + "]" * depth + "}"


# ------------------------------------------------------------------ directories


def test_issue10_symlink_loop_in_a_scanned_directory_is_rejected_not_a_crash(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")          # a link to itself
    os.symlink(tmp_path / "pong.txt", tmp_path / "ping.txt")         # a loop of two links
    os.symlink(tmp_path / "ping.txt", tmp_path / "pong.txt")
    os.symlink(tmp_path, tmp_path / "up")                             # a link to an ancestor
    (tmp_path / "z.txt").write_text(GOOD.replace("bridge", "airport"), encoding="utf-8")
    results = list(read_inputs([tmp_path]))
    assert kinds(results) == ["article", "unreadable", "unreadable", "unreadable", "article"]
    assert [r.origin for r in results if isinstance(r, Rejected)] == [
        str(tmp_path / n) for n in ("ping.txt", "pong.txt", "self.txt")]


def test_issue10_unreadable_directory_is_reported_unreadable_not_empty(tmp_path, monkeypatch):
    # chmod 000 does not stop root, so the refusal is simulated where it would happen
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    assert kinds(read_inputs([tmp_path])) == ["article", "unreadable"]
    assert kinds(read_inputs([locked])) == ["unreadable"]
    assert "Permission denied" in list(read_inputs([locked]))[0].detail


# ------------------------------------------------------------------ JSON and JSONL


def test_issue10_jsonl_value_nested_2000_deep_rejects_that_line_only(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(line(id="a") + deep_json(2000) + "\n" + line(id="c"), encoding="utf-8")
    results = list(read_inputs([path]))
    assert kinds(results) == ["article", "bad-json", "article"]
    assert "nested too deeply" in results[1].detail


def test_issue10_deeply_nested_first_line_does_not_break_sniffing():
    data = (deep_json(2000) + "\n" + line(id="b") + line(id="c")).encode()
    assert sniff(data) == "jsonl"
    assert kinds(read_stream(io.BytesIO(data), origin="<stdin>")) == ["bad-json", "article", "article"]


def test_issue10_deeply_nested_json_document_is_rejected(tmp_path):
    path = tmp_path / "one.json"
    path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    assert kinds(read_inputs([path])) == ["bad-json"]


@pytest.mark.parametrize("bad_first", [
    b'{"id": "cut", "text": "The talks were cut sho\n',              # a line cut off
    '{"id": "latin", "text": "Caf\xe9 owners protested"}\n'.encode("latin-1"),  # not UTF-8 (decoded)
    b"not json at all\n",
])
@pytest.mark.parametrize("name", ["batch.jsonl", "batch.json", None])
def test_issue10_bad_first_jsonl_line_rejects_only_itself(tmp_path, bad_first, name):
    data = bad_first + b"".join(line(id=f"r{i}").encode() for i in range(6))
    if name is None:
        results = list(read_stream(io.BytesIO(data), origin="<stdin>"))
    else:
        path = tmp_path / name
        path.write_bytes(data)
        results = list(read_inputs([path]))
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.id for a in articles if a.id.startswith("r")] == [f"r{i}" for i in range(6)]
    assert len(results) == 7


@pytest.mark.parametrize("name", ["pretty.jsonl", "pretty.json"])
def test_sniff_pretty_printed_json_in_either_extension_is_one_document(tmp_path, name):
    path = tmp_path / name
    path.write_text(json.dumps([{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}], indent=2),
                    encoding="utf-8")
    assert [r.id for r in read_inputs([path])] == ["a", "b"]


def test_issue10_lone_surrogate_in_a_record_is_replaced():
    data = b'{"id": "s", "title": "A \\ud800 title", "text": "Talks resumed \\udfff in the capital."}\n'
    (article,) = read_stream(io.BytesIO(data), origin="x.jsonl", kind="jsonl")
    assert article.text == "Talks resumed \ufffd in the capital."
    assert article.title == "A \ufffd title"
    article.text.encode("utf-8")  # encodable: spaCy and the writer can take it


# ------------------------------------------------------------------ HTML


def test_issue10_html_fragment_that_lxml_asserts_on_is_read():
    # lxml.html raises "AssertionError: too many bodies" on this fragment
    result = article_from_html("<html/><p>" + GOOD + "</p>", origin="frag")
    assert isinstance(result, Article) and result.text == GOOD


@pytest.mark.parametrize("depth", [300, 3000])
def test_issue10_html_nested_deeper_than_lxml_reads_keeps_its_text(depth):
    page = "<html><body>" + "<div>" * depth + f"<p>{GOOD}</p>" + "</div>" * depth + "</body></html>"
    result = article_from_html(page, origin="deep")
    assert isinstance(result, Article) and result.text == GOOD


@pytest.mark.parametrize("depth, expected", [(10, ""), (250, ""), (300, GOOD)])
def test_html_deep_text_only_reads_pages_lxml_cannot_build(depth, expected):
    # on ordinary pages trafilatura's verdict stands: the tokenizer would keep the boilerplate
    from newsgraph.ingest.html import deep_text

    page = "<span>" * depth + f"<p>{GOOD}</p><script>var x = 1;</script>" + "</span>" * depth
    assert deep_text(page) == expected


# ------------------------------------------------------------------ the net under all readers


def test_issue10_a_reader_that_raises_rejects_its_input_and_the_run_goes_on(tmp_path, monkeypatch):
    import newsgraph.ingest as ingest

    def broken(data, **kwargs):
        raise AssertionError("a parser bug")
        yield  # pragma: no cover

    monkeypatch.setattr(ingest, "read_feed", broken)
    (tmp_path / "a.rss").write_text("<rss><channel><item><title>x</title></item></channel></rss>",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    results = list(read_inputs([tmp_path]))
    assert kinds(results) == ["reader-error", "article"]
    assert results[0].detail == "AssertionError: a parser bug"


# ------------------------------------------------------------------ typed input records


@pytest.mark.parametrize("record, reason", [
    ({"id": ["x", 1], "text": GOOD}, "bad-id"),
    ({"id": True, "text": GOOD}, "bad-id"),
    ({"id": {"a": 1}, "text": GOOD}, "bad-id"),
    ({"id": "", "text": GOOD}, "bad-id"),
])
def test_issue10_non_string_ids_are_rejected_never_reprs(record, reason):
    data = (json.dumps(record) + "\n").encode()
    (result,) = read_stream(io.BytesIO(data), origin="ids.jsonl", kind="jsonl")
    assert isinstance(result, Rejected) and result.reason == reason


@pytest.mark.parametrize("field, value, expected", [
    ("title", ["x", 1], None), ("title", True, None), ("title", 1984, "1984"),
    ("source", {"name": "x"}, None), ("url", 5, None), ("published", 20150917, None),
    ("published", "not a date", None), ("published", "2015-09-17", "2015-09-17"),
    ("published", "2015-09-17T08:30:00Z", "2015-09-17T08:30:00Z"),
    ("published", " 2015-09-17T08:30:00+02:00 ", "2015-09-17T08:30:00+02:00"),
])
def test_issue10_record_fields_are_typed(field, value, expected):
    stats = ReadStats()
    data = (json.dumps({"id": "r", "text": GOOD, field: value, "extra": [1, 2]}) + "\n").encode()
    (article,) = read_stream(io.BytesIO(data), origin="f.jsonl", kind="jsonl", stats=stats)
    assert isinstance(article, Article)  # an unknown field ("extra") is no reason to reject
    assert getattr(article, field) == expected
    dropped = expected is None
    assert stats.dropped == ({field: 1} if dropped else {})


def test_issue10_integer_id_is_written_as_digits():
    (article,) = read_stream(io.BytesIO(line(id=42).encode()), origin="f.jsonl", kind="jsonl")
    assert article.id == "42"


def test_front_matter_date_that_is_not_iso_is_dropped_and_counted(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: last Tuesday\n---\n" + GOOD, encoding="utf-8")
    stats = ReadStats()
    (article,) = read_inputs([path], stats=stats)
    assert article.published is None and stats.dropped == {"published": 1}


@pytest.mark.parametrize("value, expected", [
    ("2015-09-17", "2015-09-17"),
    ("Sept. 17, 2015", "2015-09-17"),
    ("Thu, 17 Sep 2015 08:30:00 +0200", "2015-09-17T08:30:00+02:00"),
    ("not a date", None), ("", None), ("2015-13-45", None),
])
def test_records_published_is_written_as_iso(value, expected):
    from newsgraph.ingest.records import normalise_published

    assert normalise_published(value) == expected


def test_issue10_missing_html_dependency_stops_the_run_with_one_clear_error(tmp_path, monkeypatch):
    # what a plain install without lxml_html_clean did: every page failed alike
    import sys

    from newsgraph.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # "import trafilatura" now fails
    (tmp_path / "a.html").write_text(f"<html><body><p>{GOOD}</p></body></html>", encoding="utf-8")
    with pytest.raises(MissingDependency, match=r"\[E006\] reading HTML needs trafilatura"):
        list(read_inputs([tmp_path]))


def test_issue10_missing_feed_dependency_is_a_set_up_error_not_a_rejection(tmp_path, monkeypatch):
    import sys

    from newsgraph.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "feedparser", None)
    (tmp_path / "a.rss").write_text("<rss><channel><item><description>x</description></item></channel></rss>",
                                    encoding="utf-8")
    with pytest.raises(MissingDependency, match="needs feedparser"):
        list(read_inputs([tmp_path]))


# ------------------------------------------------------------------ what a database cannot store


def test_issue10_nul_in_a_record_is_replaced_one_for_one():
    data = b'{"id": "n\\u0000", "title": "T\\u0000", "text": "Talks \\u0000 resumed in the capital."}\n'
    (article,) = read_stream(io.BytesIO(data), origin="x.jsonl", kind="jsonl")
    assert article.text == "Talks \ufffd resumed in the capital."  # same length: spans unchanged
    assert (article.id, article.title) == ("n\ufffd", "T\ufffd")


def test_issue10_file_names_that_are_not_utf8_give_writable_origins(tmp_path):
    root = os.fsencode(tmp_path)
    with open(os.path.join(root, b"caf\xe9.txt"), "wb") as fh:
        fh.write(GOOD.encode())
    open(os.path.join(root, b"empty\xff.txt"), "wb").close()
    article, rejected = read_inputs([tmp_path])
    assert isinstance(article, Article) and isinstance(rejected, Rejected)
    assert article.origin == str(tmp_path / "caf\ufffd.txt")
    assert rejected.origin == str(tmp_path / "empty\ufffd.txt") and rejected.reason == "empty"
    for value in (article.origin, rejected.origin, rejected.detail):
        value.encode("utf-8")
