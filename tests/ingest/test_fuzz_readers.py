"""Property-based fuzzing of every reader (issue 10): whatever the bytes, a reader yields
``Article`` or ``Rejected`` records that keep the contract, and never raises.

The examples are few and derandomized so ``make test`` stays fast and repeatable; the long
randomized run is ``make fuzz`` (``benchmarks/fuzz.py``).
"""

from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import ReadStats, read_inputs, read_stream
from newsgraph.model import Article, Rejected

from .test_warc import MIXED, make_warc

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
KINDS = [None, "text", "html", "json", "jsonl", "feed", "warc"]


def check(results) -> list[Article | Rejected]:
    """The reader contract, for every result."""
    results = list(results)
    for r in results:
        assert isinstance(r, (Article, Rejected))
        if isinstance(r, Rejected):
            assert isinstance(r.reason, str) and r.reason
            continue
        assert isinstance(r.id, str) and r.id
        assert isinstance(r.text, str) and r.text.strip()
        for name in ("id", "text", "url", "source", "title", "published"):
            value = getattr(r, name)
            assert value is None or isinstance(value, str)
            if value is not None:
                value.encode("utf-8")  # no lone surrogates reach spaCy or the writer
    return results


def read(data: bytes, kind) -> list[Article | Rejected]:
    return check(read_stream(io.BytesIO(data), origin="fuzz", kind=kind, max_bytes=200_000,
                             stats=ReadStats()))


@FUZZ
@given(data=st.binary(max_size=3000), kind=st.sampled_from(KINDS))
def test_fuzz_readers_arbitrary_bytes(data, kind):
    read(data, kind)


# any Unicode, lone surrogates included
_chars = st.characters(codec=None, exclude_categories=())
_text = st.text(_chars, max_size=80)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=12)
_records = st.fixed_dictionaries(
    {}, optional={"id": _json_values, "title": _json_values, "url": _json_values,
                  "source": _json_values, "published": _json_values | st.sampled_from(
                      ["2015-09-17", "Sept. 17, 2015", "not a date", "2015-02-30T25:00"]),
                  "text": _text | st.just("Officials said the talks would resume on Monday."),
                  "html": _text, "extra": _json_values})


@FUZZ
@given(records=st.lists(_records | _json_values, min_size=1, max_size=6),
       junk=st.lists(st.binary(max_size=40), max_size=2), kind=st.sampled_from([None, "jsonl", "json"]),
       nested=st.sampled_from([0, 0, 1500]))
def test_fuzz_readers_jsonl_records(records, junk, kind, nested):
    lines = [json.dumps(r).encode() for r in records] + junk
    if nested:
        lines.insert(0, b"[" * nested + b"]" * nested)
    results = read(b"\n".join(lines) + b"\n", kind)
    if kind == "jsonl" and not junk:  # one result per line: no line takes another with it
        assert len(results) == len(lines)


_tags = st.sampled_from(["p", "div", "body", "html", "head", "title", "script", "b", "table", "tr",
                         "td", "li", "frameset", "br", "meta", "article", "main", "nav", "span"])


@st.composite
def tag_soup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        choice = draw(st.integers(0, 5))
        tag = draw(_tags)
        if choice == 0:
            parts.append(f"<{tag}>")
        elif choice == 1:
            parts.append(f"</{tag}>")
        elif choice == 2:
            parts.append(f"<{tag}/>")
        elif choice == 3:
            depth = draw(st.sampled_from([2, 50, 300]))
            parts.append(f"<{tag}>" * depth)
        else:
            parts.append(draw(_text) + " Police said the road was closed.")
    return "".join(parts)


@FUZZ
@given(page=tag_soup(), kind=st.sampled_from([None, "html"]))
def test_fuzz_readers_html_tag_soup(page, kind):
    read(page.encode("utf-8", "surrogatepass"), kind)


@FUZZ
@given(items=st.lists(st.tuples(_text, tag_soup(), st.sampled_from(["", "Thu, 17 Sep 2015 08:00:00 GMT",
                                                                     "yesterday", "\ud800"])),
                      max_size=4))
def test_fuzz_readers_feeds(items):
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;")

    body = "".join(f"<item><title>{esc(t)}</title><description>{esc(d)}</description>"
                   f"<pubDate>{esc(p)}</pubDate></item>" for t, d, p in items)
    feed = f"<?xml version='1.0'?><rss><channel><title>Wire</title>{body}</channel></rss>"
    read(feed.encode("utf-8", "surrogatepass"), "feed")


_WARC = make_warc(MIXED)


@FUZZ
@given(cut=st.integers(0, len(_WARC)), flips=st.lists(st.tuples(st.integers(0, len(_WARC) - 1),
                                                                 st.integers(0, 255)), max_size=6),
       packed=st.booleans())
def test_fuzz_readers_damaged_warc(cut, flips, packed):
    data = bytearray(_WARC[:cut] if cut else _WARC)
    for at, value in flips:
        if at < len(data):
            data[at] = value
    data = gzip.compress(bytes(data), mtime=0) if packed else bytes(data)
    read(data, "warc")
    read(data, None)


@settings(max_examples=15, deadline=None, derandomize=True, database=None)
@given(files=st.lists(st.tuples(st.sampled_from(["a.txt", "b.jsonl", "c.html", "d.rss", "e", "f.json.gz"]),
                                st.binary(max_size=400)), max_size=5))
def test_fuzz_readers_directories(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fuzzdir")
    for i, (name, data) in enumerate(files):
        sub = root / str(i)
        sub.mkdir()
        (sub / name).write_bytes(data)
    check(read_inputs([root]))


def test_fuzz_readers_seeds_are_readable():
    """The fixtures the fuzzers mutate are themselves read as articles (else the fuzz proves little)."""
    assert any(isinstance(r, Article) for r in read(_WARC, "warc"))
    page = "<html><body><p>Police said the road was closed on Monday after the floods.</p></body></html>"
    assert any(isinstance(r, Article) for r in read(page.encode(), "html"))


@pytest.mark.parametrize("kind", KINDS)
def test_fuzz_readers_empty_input_is_a_rejection(kind):
    assert [r.reason for r in read(b"", kind)] in (["empty"],)
