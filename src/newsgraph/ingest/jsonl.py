"""JSON Lines (one SCHEMA input record per line) and JSON files (one record or a list).

JSONL is streamed line by line, so a file of a million articles never sits in memory; a
bad line becomes ``Rejected`` with origin ``path:LINENO`` and the other lines go on.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Iterator

from ..model import Article, Rejected
from .decode import BinaryData, decode_bytes
from .input_records import article_from_record

if TYPE_CHECKING:
    from .stats import ReadStats

# RecursionError: a value nested thousands deep ([[[[...]]]]) exhausts the parser's stack.
_BAD_JSON = (json.JSONDecodeError, BinaryData, RecursionError)


def _bad_json_detail(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply to read"
    return str(exc)


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_bytes(raw)[0]


def read_jsonl(stream: IO[bytes], *, origin: str, max_bytes: int,
               stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from a JSON Lines stream, one per non-blank line.

    Args:
        stream: the binary stream, read line by line.
        origin: the file's name; each record's origin is ``origin:LINENO``.
        max_bytes: a longer line is rejected as "too-large" without being read whole.
        stats: counts malformed fields dropped from records.
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
        except _BAD_JSON as exc:
            yield Rejected(where, "bad-json", _bad_json_detail(exc))
            continue
        yield article_from_record(record, origin=where, stats=stats)
    if lineno == 0:
        yield Rejected(origin, "empty", "the file is empty")


def read_json(data: bytes, *, origin: str,
              stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from a JSON document holding one record or a list of records.

    A list item's origin is ``origin[INDEX]`` (0-based).
    """
    if not data.strip():
        yield Rejected(origin, "empty", "the file is empty")
        return
    try:
        value = json.loads(decode_bytes(data)[0])
    except _BAD_JSON as exc:
        yield Rejected(origin, "bad-json", _bad_json_detail(exc))
        return
    if isinstance(value, list):
        if not value:
            yield Rejected(origin, "empty", "an empty list")
        for i, record in enumerate(value):
            yield article_from_record(record, origin=f"{origin}[{i}]", stats=stats)
    else:
        yield article_from_record(value, origin=origin, stats=stats)


__all__ = ["read_json", "read_jsonl"]
