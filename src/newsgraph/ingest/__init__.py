"""Readers: one per input format, each yielding ``Article`` or ``Rejected``, never raising on bad data.

``read_inputs`` is the one entry point the CLI uses: it walks files, directories and stdin,
picks the reader by extension or by sniffing the first bytes, and streams the results.
Formats: plain text, HTML, JSON Lines / JSON (SCHEMA input records), RSS/Atom, WARC(.gz).
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import logging
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import MissingDependency, NewsgraphError
from ..model import Article, Rejected
from .feeds import read_feed
from .html import article_from_html
from .jsonl import read_json, read_jsonl
from .input_records import article_from_record
from .records import clean_text, make_article
from .sniff import HEAD_BYTES, Format, format_from_name, is_gzip, json_line_votes, sniff
from .stats import ReadStats
from .streams import Guarded, Prefixed
from .text import article_from_text_bytes
from .warc import read_warc

log = logging.getLogger(__name__)

MAX_BYTES = 50_000_000
"""Default size limit: a file (or JSONL line, or WARC record) above it is rejected unread."""

_STREAMED: frozenset[Format] = frozenset({"jsonl", "warc"})


def _read_limited(stream: IO[bytes], *, origin: str, max_bytes: int) -> bytes | Rejected:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejected(origin, "too-large", f"more than {max_bytes} bytes")
    return data


def _read_head(stream: IO[bytes]) -> bytes:
    """The first ``HEAD_BYTES`` (fewer only at EOF), even from streams that return short reads."""
    chunks: list[bytes] = []
    size = 0
    while size < HEAD_BYTES:
        chunk = stream.read(HEAD_BYTES - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_document(kind: Format, data: bytes, *, origin: str, title_heuristic: bool,
                   stats: ReadStats | None) -> Iterator[Article | Rejected]:
    if not data.strip():
        yield Rejected(origin, "empty", "the input is empty")
    elif kind == "html":
        yield article_from_html(data, origin=origin, stats=stats)
    elif kind == "feed":
        yield from read_feed(data, origin=origin, stats=stats)
    elif kind == "json":
        yield from read_json(data, origin=origin, stats=stats)
    elif kind == "binary":
        yield Rejected(origin, "binary", "not text (NUL bytes or compressed data)")
    else:
        yield article_from_text_bytes(data, origin=origin, title_heuristic=title_heuristic,
                                      stats=stats)


def _json_or_lines(kind: Format, head: bytes) -> Format:
    """JSON or JSON Lines for a file whose extension named one and whose bytes sniff as the other.

    The extension decides unless the lines plainly disagree: a ``.jsonl`` none of whose
    lines is a JSON object is one pretty-printed document; a ``.json`` most of whose (several)
    lines are JSON objects is JSON Lines. A bad first line never decides for the file.
    """
    good, total = json_line_votes(head.lstrip(b"\xef\xbb\xbf \t\r\n"),
                                  complete=len(head) < HEAD_BYTES)
    if kind == "jsonl":
        return "json" if good == 0 and total > 1 else "jsonl"
    return "jsonl" if total > 1 and 2 * good > total else "json"


def guarded(results: Iterator[Article | Rejected], *, origin: str) -> Iterator[Article | Rejected]:
    """The reader's results, with any exception it raises turned into one last ``Rejected``.

    Readers handle the failures they know; this is the net under third-party code (parsers
    raise ``AssertionError``, ``RecursionError``, ``OSError``...): the input is rejected
    with the exception as its reason and the run goes on with the next input.
    """
    try:
        yield from results
    except NewsgraphError:  # a set-up problem (a missing dependency), not this input's
        raise
    except ImportError as exc:  # every input of this format would fail alike: stop, say what
        raise MissingDependency(f"reading {origin} needs {exc.name or exc}, which is not installed: "
                                f"reinstall newsgraph to get its dependencies") from exc
    except Exception as exc:  # noqa: BLE001 - the boundary around third-party parsers
        log.warning("%s: reader failed: %s: %s", origin, type(exc).__name__, exc,
                    exc_info=log.isEnabledFor(logging.DEBUG))
        yield Rejected(origin, "reader-error", f"{type(exc).__name__}: {str(exc)[:200]}")


def read_stream(stream: IO[bytes], *, origin: str, kind: Format | None = None,
                max_bytes: int = MAX_BYTES, title_heuristic: bool = True,
                stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from one binary stream, its format given or sniffed from its first bytes.

    Args:
        stream: the input; JSONL and WARC are streamed, other formats read up to ``max_bytes``.
        origin: a name for the input, used in every ``Article.origin`` and ``Rejected``.
        kind: the format, when the caller knows it (from a file extension).
        max_bytes: the size limit of a document (a whole file, a JSONL line, a WARC record).
        title_heuristic: plain text only: take a headline-like first line as ``title``.
        stats: counts what was skipped on purpose.
    """
    head = _read_head(stream)
    buffered = io.BufferedReader(Prefixed(head, stream), buffer_size=HEAD_BYTES)
    sniffed = sniff(head)
    if is_gzip(head) and sniffed != "warc":
        yield from _read_gzip(buffered, origin=origin, kind=kind, max_bytes=max_bytes,
                              title_heuristic=title_heuristic, stats=stats)
        return
    # The extension decides, except when the bytes plainly say otherwise.
    if kind in ("json", "jsonl") and sniffed in ("json", "jsonl", "text"):
        kind = _json_or_lines(kind, head)
    elif (kind is None or sniffed in ("binary", "empty")
            or (kind == "warc") != (sniffed == "warc")):
        kind = sniffed
    if kind == "jsonl":
        yield from read_jsonl(buffered, origin=origin, max_bytes=max_bytes, stats=stats)
    elif kind == "warc":
        yield from read_warc(buffered, origin=origin, max_bytes=max_bytes,
                             compressed=head[:2] == b"\x1f\x8b", stats=stats)
    else:
        data = _read_limited(buffered, origin=origin, max_bytes=max_bytes)
        if isinstance(data, Rejected):
            yield data
        else:
            yield from _read_document(kind, data, origin=origin, title_heuristic=title_heuristic,
                                      stats=stats)


def _read_gzip(stream: IO[bytes], *, origin: str, kind: Format | None, max_bytes: int,
               title_heuristic: bool, stats: ReadStats | None) -> Iterator[Article | Rejected]:
    """A gzip-compressed input (``batch.jsonl.gz``): read through, the size limit applying
    to the decompressed documents, so a small bomb cannot fill memory."""
    inner = Guarded(gzip.GzipFile(fileobj=stream, mode="rb"))
    for result in read_stream(inner, origin=origin, kind=kind, max_bytes=max_bytes,
                              title_heuristic=title_heuristic, stats=stats):
        if not (inner.error and isinstance(result, Rejected) and result.reason == "empty"):
            yield result
    if inner.error:
        yield Rejected(origin, "bad-gzip", inner.error)


def read_file(path: str | Path, *, max_bytes: int = MAX_BYTES, title_heuristic: bool = True,
              stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from one file, by its extension, checked against its first bytes.

    A single-document file (text, HTML, JSON, feed) above ``max_bytes`` is rejected as
    "too-large" from its size alone, without reading it.
    """
    path = Path(path)
    origin = str(path)
    kind = format_from_name(path)
    try:
        size = path.stat().st_size
        if kind is not None and kind not in _STREAMED and size > max_bytes:
            yield Rejected(origin, "too-large", f"{size} bytes > {max_bytes}")
            return
        with path.open("rb") as handle:
            if stats is not None:
                stats.files += 1
            yield from guarded(read_stream(handle, origin=origin, kind=kind, max_bytes=max_bytes,
                                           title_heuristic=title_heuristic, stats=stats),
                               origin=origin)
    except FileNotFoundError:
        yield Rejected(origin, "missing", "no such file")
    except (PermissionError, IsADirectoryError, OSError) as exc:
        yield Rejected(origin, "unreadable", f"{type(exc).__name__}: {exc}")


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


def walk(directory: str | Path, *, stats: ReadStats | None = None) -> Iterator[Path | Rejected]:
    """The article files under a directory, recursively, in path order (a/x before b/ before c.txt).

    Hidden entries (".git", ".DS_Store") and editor backups ("notes.txt~") are skipped. A file whose extension
    names no article format is kept only when its first bytes sniff as HTML, a feed, JSON
    or a WARC, so scripts and notes next to the articles (a README, ``make_warc.py``) are
    not analysed as news; they are counted in ``stats`` as "not-an-article-file".
    Symbolic links to directories are not followed (so a link loop cannot recurse). A
    directory that cannot be listed yields ``Rejected("unreadable")``; an entry that cannot
    even be examined (a link loop, a vanished file) is yielded as a path, so that
    ``read_file`` reports why it cannot be read.
    """
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s: %s", directory, exc)
        yield Rejected(str(directory), "unreadable", f"cannot list the directory: "
                                                      f"{exc.strerror or type(exc).__name__}")
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError as exc:  # a symlink loop (ELOOP), a name too long, a file gone meanwhile
            log.warning("cannot examine %s: %s", path, exc)
            yield path
            continue
        if is_dir:
            yield from walk(path, stats=stats)
        elif not is_file:
            if entry.is_symlink():
                log.info("skipping %s: a link to a directory, a broken link or a link loop", path)
            continue
        elif format_from_name(path) is None and not _sniffs_as_article(path):
            if stats is not None:
                stats.skip("not-an-article-file")
            log.debug("skipping %s: not an article format", path)
        else:
            yield path


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # read_file reports why the path cannot be read
        return False


def _sniffs_as_article(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return sniff(handle.read(HEAD_BYTES)) in ("html", "feed", "json", "jsonl", "warc")
    except OSError:
        return True  # let read_file report why it cannot be read


def _writable(result: Article | Rejected) -> Article | Rejected:
    """A rejection whose origin or detail carries a file name that is not UTF-8 (or NUL),
    cleaned like article text, so the database and the summary can take it."""
    if isinstance(result, Rejected):
        origin, detail = clean_text(result.origin), clean_text(result.detail)
        if origin != result.origin or detail != result.detail:
            return dataclasses.replace(result, origin=origin, detail=detail)
    return result


def read_inputs(inputs: Iterable[str | Path], *, stdin: IO[bytes] | None = None,
                max_bytes: int = MAX_BYTES, title_heuristic: bool = True,
                stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from files, directories and ``-`` (stdin), in order, streamed.

    Args:
        inputs: paths (or a single path); a directory is walked recursively in sorted order;
            ``-`` reads stdin and sniffs its format (JSONL, JSON, HTML, feed, WARC, else text).
        stdin: the binary stream ``-`` reads (default: ``sys.stdin.buffer``).
        max_bytes: size limit of one document (a file, a JSONL line, a WARC record);
            larger ones are rejected as "too-large" without being read whole.
        title_heuristic: plain text only: take a headline-like first line as ``title``.
        stats: counts files opened and inputs skipped on purpose.

    Yields:
        ``Article`` or ``Rejected`` (reasons include "missing", "empty", "binary",
        "too-large", "bad-json", "link-only", "malformed-feed", "truncated-warc").
    """
    for result in _read_inputs(inputs, stdin=stdin, max_bytes=max_bytes,
                               title_heuristic=title_heuristic, stats=stats):
        yield _writable(result)


def _read_inputs(inputs: Iterable[str | Path], *, stdin: IO[bytes] | None, max_bytes: int,
                 title_heuristic: bool, stats: ReadStats | None) -> Iterator[Article | Rejected]:
    if isinstance(inputs, (str, Path)):  # one path, not an iterable of its characters
        inputs = [inputs]
    options = dict(max_bytes=max_bytes, title_heuristic=title_heuristic, stats=stats)
    for item in inputs:
        if str(item) == "-":
            if stats is not None:
                stats.files += 1
            yield from guarded(read_stream(stdin if stdin is not None else sys.stdin.buffer,
                                           origin="<stdin>", **options), origin="<stdin>")
            continue
        path = Path(item)
        if _is_dir(path):
            found = False
            for file in walk(path, stats=stats):
                found = True
                if isinstance(file, Rejected):
                    yield file
                else:
                    yield from read_file(file, **options)
            if not found:
                yield Rejected(str(path), "empty", "no article files in this directory")
        else:
            yield from read_file(path, **options)


__all__ = [
    "MAX_BYTES", "ReadStats", "article_from_html", "article_from_record", "make_article",
    "read_feed", "read_file", "read_inputs", "read_json", "read_jsonl", "read_stream", "read_warc",
    "walk",
]
