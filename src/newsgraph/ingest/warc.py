"""WARC and WARC.gz web archives through warcio: HTML responses become articles.

Records are streamed one at a time. Only successful HTML ``response`` (and ``resource``)
records are read, through the HTML reader with the record's target URI as url and its
WARC-Date as the fallback publication date; requests, DNS, metadata, images and scripts
are skipped and counted in ``ReadStats`` (logged at debug), not reported one by one.

warcio stops silently at a truncated gzip member or record header, so the gzip layer is
decompressed here (``gzip`` raises on a cut-off stream) and record bodies are checked
against their Content-Length: a damaged archive yields every record it holds whole, then one
``Rejected("truncated-warc")`` (naming the record the archive ends in, never read as a page) or
``Rejected("malformed-warc")``.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from typing import IO, Iterator

from ..model import Article, Rejected
from .decode import BinaryData, decode_bytes, declared_encoding
from .html import article_from_html
from .sniff import sniff
from .stats import ReadStats
from .streams import Guarded

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTENT_RECORDS = ("response", "resource")


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").lower()


def _status_ok(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return True
    code = record.http_headers.get_statuscode() or ""
    return code.startswith("2")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value:
            return value.strip().strip("\"'")
    return None


def _warc_date(value: str | None) -> str | None:
    """WARC-Date as ISO 8601; ARC files give 14 digits (``20150917120000``)."""
    if value and len(value) == 14 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:8]}T{value[8:10]}:{value[10:12]}:{value[12:]}Z"
    return value


def _record_article(record, payload: bytes, *, origin: str, content_type: str,
                    stats: ReadStats) -> Article | Rejected:
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    date = _warc_date(record.rec_headers.get_header("WARC-Date") or None)
    try:
        page, _encoding = decode_bytes(payload, declared=_charset(content_type) or declared_encoding(payload))
    except (BinaryData, LookupError, UnicodeError) as exc:
        return Rejected(origin, "binary", str(exc))
    return article_from_html(page, origin=origin, url=uri, fallback_published=date, stats=stats)


def read_warc(stream: IO[bytes], *, origin: str, max_bytes: int, compressed: bool,
              stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from the HTML responses of a WARC stream.

    Args:
        stream: the binary stream (read sequentially, never seeked).
        origin: the file's name; record ``N`` (1-based) has origin ``origin#N``.
        max_bytes: an HTML payload above this size is rejected as "too-large".
        compressed: the stream is gzip (``.warc.gz``).
        stats: counts the records skipped on purpose.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    stats = stats if stats is not None else ReadStats()
    guarded = Guarded(gzip.GzipFile(fileobj=stream, mode="rb") if compressed else stream)
    n = 0
    yielded = 0
    damaged: Rejected | None = None
    # warcio reports malformed input with many exception types, AttributeError and
    # TypeError among them (a header it could not parse is None).
    failures = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError,
                ValueError, zlib.error, AttributeError, TypeError)
    try:
        for record in ArchiveIterator(guarded):
            n += 1
            where = f"{origin}#{n}"
            if not record.rec_type:
                damaged = Rejected(where, "malformed-warc", "a record without WARC-Type")
                break
            if record.rec_type not in _CONTENT_RECORDS:
                stats.skip(f"warc-{record.rec_type}")
                log.debug("%s: skipping a %s record", where, record.rec_type)
                continue
            content_type = _content_type(record)
            if not _status_ok(record):
                stats.skip("warc-not-2xx")
                log.debug("%s: skipping a response with status %s", where,
                          record.http_headers.get_statuscode())
                continue
            payload = record.content_stream().read(max_bytes + 1)
            while record.raw_stream.read(65536):  # the rest, so the length check below holds
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:
                # the archive ends inside this record: a page cut short is no page (its cut HTML would
                # be read as whatever text survived), so the record is reported as the damage
                damaged = Rejected(where, "truncated-warc", "the archive ends inside this record")
                break
            if content_type and not any(t in content_type for t in _HTML_TYPES):
                stats.skip("warc-non-html")
                log.debug("%s: skipping a %s record", where, content_type)
            elif len(payload) > max_bytes:
                yielded += 1
                yield Rejected(where, "too-large", f"record payload over {max_bytes} bytes")
            elif not content_type and sniff(payload[:65536]) != "html":
                stats.skip("warc-non-html")
                log.debug("%s: skipping a record without Content-Type that is not HTML", where)
            else:
                yielded += 1
                yield _record_article(record, payload, origin=where, content_type=content_type,
                                      stats=stats)
    except failures as exc:
        damaged = Rejected(f"{origin}#{n + 1}", "malformed-warc", f"{type(exc).__name__}: {exc}")
    if damaged is None and guarded.error:
        damaged = Rejected(f"{origin}#{n + 1}", "truncated-warc", guarded.error)
    if damaged is not None:
        yield damaged
    elif n == 0:
        yield Rejected(origin, "empty", "no WARC records")
    elif yielded == 0:  # so that every input file shows up in the results
        yield Rejected(origin, "no-html", f"none of the {n} WARC records is an HTML page")


__all__ = ["read_warc"]
