"""JSON Lines (one SCHEMA input record per line) and JSON files (one record or a list).

``article_from_record`` turns one SCHEMA input record (``text`` or ``html``) into
an ``Article``; the Python API uses it for dicts too.

JSONL is streamed line by line, so a file of a million articles never sits in memory; a
bad line becomes ``Rejected`` with origin ``path:LINENO`` and the other lines go on.
"""

from __future__ import annotations

import json
from typing import IO, Any, Iterator, Mapping

from ..model import Article, Rejected
from .decode import BinaryData, decode_bytes
from .html import article_from_html
from .records import make_article


def article_from_record(record: Mapping[str, Any], *, origin: str = "<record>") -> Article | Rejected:
    """An article from a SCHEMA input record (``text`` or ``html`` required)."""
    if not isinstance(record, Mapping):
        return Rejected(origin, "not-an-object", f"expected a JSON object, got {type(record).__name__}")
    meta = {k: (str(record[k]) if record.get(k) is not None else None)
            for k in ("id", "url", "source", "title", "published")}
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return make_article(text, origin=origin, **meta)
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return article_from_html(html, origin=origin, **meta)
    return Rejected(origin, "no-text", "record has neither a non-empty 'text' nor 'html'")


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_bytes(raw)[0]


def read_jsonl(stream: IO[bytes], *, origin: str,
               max_bytes: int) -> Iterator[Article | Rejected]:
    """Articles from a JSON Lines stream, one per non-blank line.

    Args:
        stream: the binary stream, read line by line.
        origin: the file's name; each record's origin is ``origin:LINENO``.
        max_bytes: a longer line is rejected as "too-large" without being read whole.
    """
    lineno = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            break
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, in bounded reads
                raw = stream.readline(max_bytes)
            yield Rejected(where, "too-large", f"line longer than {max_bytes} bytes")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(_decode_line(raw))
        except (json.JSONDecodeError, BinaryData) as exc:
            yield Rejected(where, "bad-json", str(exc))
            continue
        yield article_from_record(record, origin=where)
    if lineno == 0:
        yield Rejected(origin, "empty", "the file is empty")


def read_json(data: bytes, *, origin: str) -> Iterator[Article | Rejected]:
    """Articles from a JSON document holding one record or a list of records.

    A list item's origin is ``origin[INDEX]`` (0-based).
    """
    if not data.strip():
        yield Rejected(origin, "empty", "the file is empty")
        return
    try:
        value = json.loads(decode_bytes(data)[0])
    except (json.JSONDecodeError, BinaryData) as exc:
        yield Rejected(origin, "bad-json", str(exc))
        return
    if isinstance(value, list):
        if not value:
            yield Rejected(origin, "empty", "an empty list")
        for i, record in enumerate(value):
            yield article_from_record(record, origin=f"{origin}[{i}]")
    else:
        yield article_from_record(value, origin=origin)


__all__ = ["article_from_record", "read_json", "read_jsonl"]
