"""read_inputs: paths, directory walks, stdin sniffing, size limits, missing paths."""

from __future__ import annotations

import io
import json

import pytest

from newsgraph.ingest import ReadStats, read_inputs
from newsgraph.model import Article, Rejected

from .test_feeds import RSS
from .test_html import page
from .test_warc import MIXED, make_warc

TEXT = ("Ceasefire holds in Donetsk\n\nDONETSK, Oct 1 - Government forces and separatists began "
        "pulling back tanks on Thursday, monitors from the OSCE said.\n")
JSONL = "\n".join(json.dumps({"id": f"r{i}", "text": f"Report {i}: talks resumed in Minsk on Monday."})
                  for i in range(3)) + "\n"


def kinds(results):
    return [r.reason if isinstance(r, Rejected) else "article" for r in results]


def test_read_inputs_missing_path(tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert list(read_inputs([missing])) == [Rejected(str(missing), "missing", "no such file")]


def test_read_inputs_directory_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT.replace("Donetsk", "Luhansk"), encoding="utf-8")
    (tmp_path / "a" / "y.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a" / "page").write_text(page(), encoding="utf-8")   # no extension: sniffed HTML
    (tmp_path / "a" / "notes.txt~").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "make_stuff.py").write_text("print('not news')\n", encoding="utf-8")
    (tmp_path / "root.jsonl").write_text(JSONL, encoding="utf-8")
    stats = ReadStats()
    results = list(read_inputs([tmp_path], stats=stats))
    origins = [r.origin for r in results]
    assert origins == [str(tmp_path / "a" / "page"), str(tmp_path / "a" / "y.txt"),
                       str(tmp_path / "b" / "z.txt")] + [f"{tmp_path / 'root.jsonl'}:{i}" for i in (1, 2, 3)]
    assert all(isinstance(r, Article) for r in results)
    assert stats.files == 4
    assert stats.skipped["not-an-article-file"] == 1


def test_read_inputs_empty_directory(tmp_path):
    assert kinds(read_inputs([tmp_path])) == ["empty"]


def test_read_inputs_single_path_is_one_input(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert kinds(read_inputs(str(path))) == ["article"]
    assert kinds(read_inputs(path)) == ["article"]


def test_read_inputs_explicit_file_with_unknown_extension_is_read(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(TEXT, encoding="utf-8")
    [article] = read_inputs([path])
    assert article.title == "Ceasefire holds in Donetsk"


@pytest.mark.parametrize("data, expected", [
    (JSONL.encode(), ["article"] * 3),
    (page().encode(), ["article"]),
    (RSS.encode(), ["article", "article", "link-only", "link-only"]),
    (TEXT.encode("cp1252"), ["article"]),
    (make_warc(MIXED), ["article", "article"]),
    (make_warc(MIXED, gz=False), ["article", "article"]),
    (json.dumps({"text": "One object, pretty printed,\nfrom stdin."}, indent=2).encode(), ["article"]),
    (b"", ["empty"]),
    (b"\x00\x01\x02\x03" * 100, ["binary"]),
])
def test_read_inputs_stdin_is_sniffed(data, expected):
    assert kinds(read_inputs(["-"], stdin=io.BytesIO(data))) == expected


def test_read_inputs_stdin_origins():
    results = list(read_inputs(["-"], stdin=io.BytesIO(JSONL.encode())))
    assert [r.origin for r in results] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]


class CountingStream(io.RawIOBase):
    """An endless stream that counts how much was read from it."""

    def __init__(self, chunk: bytes):
        self.chunk = chunk
        self.served = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = len(buffer)
        data = (self.chunk * (n // len(self.chunk) + 1))[:n]
        buffer[:n] = data
        self.served += n
        return n


def test_read_inputs_gigantic_stdin_is_rejected_without_reading_it_all():
    stream = CountingStream(b"All work and no play makes a very long news article. ")
    [result] = read_inputs(["-"], stdin=stream, max_bytes=200_000)
    assert result.reason == "too-large"
    assert stream.served < 1_000_000


@pytest.mark.parametrize("name, data", [
    ("huge.txt", TEXT.encode() * 400),
    ("huge.html", page().encode() * 20),
    ("huge.json", json.dumps([{"text": TEXT}] * 400).encode()),
    ("huge.rss", RSS.encode() * 20),
])
def test_read_inputs_gigantic_file_is_rejected(tmp_path, name, data, monkeypatch):
    path = tmp_path / name
    path.write_bytes(data)
    opened = []
    monkeypatch.setattr(type(path), "open", lambda self, *a, **k: opened.append(self))
    [result] = read_inputs([path], max_bytes=10_000)
    assert (result.reason, result.origin) == ("too-large", str(path))
    assert opened == []  # judged by its size, never opened


def test_read_inputs_streamed_formats_apply_the_limit_per_document(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(JSONL * 200, encoding="utf-8")  # far above the limit, every line below it
    assert set(kinds(read_inputs([path], max_bytes=10_000))) == {"article"}


def test_read_inputs_keeps_input_order_across_formats(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(JSONL, encoding="utf-8")
    results = list(read_inputs([tmp_path / "two.jsonl", tmp_path / "missing", tmp_path / "one.txt"]))
    assert kinds(results) == ["article"] * 3 + ["missing", "article"]
    assert results[-1].origin == str(tmp_path / "one.txt")


@pytest.mark.parametrize("name, body, expected", [
    ("batch.jsonl.gz", JSONL.encode(), ["article"] * 3),
    ("story.txt.gz", TEXT.encode(), ["article"]),
    ("unnamed.gz", JSONL.encode(), ["article"] * 3),   # explicit path, inner format sniffed
])
def test_read_inputs_gzip_is_read_through(tmp_path, name, body, expected):
    import gzip

    path = tmp_path / name
    path.write_bytes(gzip.compress(body))
    assert kinds(read_inputs([path])) == expected


def test_read_inputs_truncated_gzip(tmp_path):
    import gzip

    import hashlib

    lines = (json.dumps({"text": f"Report {i}: " + hashlib.sha1(str(i).encode()).hexdigest()})
             for i in range(400))
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    results = kinds(read_inputs([path]))
    assert results[-1] == "bad-gzip"
    assert results.count("article") > 100  # every whole line before the cut
    assert set(results[:-1]) <= {"article", "bad-json"} and results.count("bad-json") <= 1


def test_read_inputs_gzip_bomb_is_bounded(tmp_path):
    import gzip

    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    assert kinds(read_inputs([path], max_bytes=100_000)) == ["too-large"]
