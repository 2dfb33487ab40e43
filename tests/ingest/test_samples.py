"""The bundled samples: every file reads into articles, with the metadata the demo relies on."""

from __future__ import annotations

import socket
from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph.ingest import ReadStats, read_inputs
from newsgraph.ingest.sniff import format_from_name
from newsgraph.model import Article, Rejected

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def by_file():
    """Every sample read once (with the network refused), grouped by file name."""
    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to use the network")

    stats = ReadStats()
    found = defaultdict(list)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        for result in read_inputs([SAMPLES], stats=stats):
            path = result.origin.split("#")[0].split(":")[0]
            found[Path(path).name].append(result)
    return found, stats


def sample_files():
    return sorted(p.name for p in SAMPLES.iterdir() if format_from_name(p) is not None)


@pytest.mark.parametrize("name", sample_files())
def test_samples_every_file_gives_articles(by_file, name):
    found, _stats = by_file
    articles = [r for r in found[name] if isinstance(r, Article)]
    assert len(articles) >= 1
    for article in articles:
        assert 120 <= len(article.text.split()) <= 400, article.origin


def test_samples_cover_all_formats_and_counts(by_file):
    found, stats = by_file
    formats = {format_from_name(name) for name in found}
    assert formats == {"text", "html", "jsonl", "feed", "warc"}
    articles = [r for results in found.values() for r in results if isinstance(r, Article)]
    assert 8 <= len(articles) <= 12
    rejected = [r for results in found.values() for r in results if isinstance(r, Rejected)]
    assert [r.reason for r in rejected] == ["link-only"]
    assert stats.skipped["warc-non-html"] >= 1
    assert len({a.id for a in articles}) == len(articles)


def test_samples_structured_formats_carry_metadata(by_file):
    found, _stats = by_file
    for name, results in found.items():
        if format_from_name(name) == "text":
            continue
        for article in (r for r in results if isinstance(r, Article)):
            assert article.published and article.source and article.title and article.url, article.origin


def test_samples_text_files_with_front_matter_are_dated(by_file):
    found, _stats = by_file
    for name in ("syria-talks-reprint.txt", "burundi-bujumbura-clashes.txt"):
        [article] = found[name]
        assert article.published and article.source
        assert not article.text.startswith("---")


def test_samples_wire_reprint_is_near_verbatim(by_file):
    found, _stats = by_file
    [original] = found["syria-military-talks.txt"]
    [reprint] = found["syria-talks-reprint.txt"]
    original, reprint = original.text, reprint.text
    words = lambda t: set(zip(t.split(), t.split()[1:], t.split()[2:]))  # noqa: E731
    shared = len(words(original) & words(reprint)) / len(words(reprint))
    assert shared > 0.8
