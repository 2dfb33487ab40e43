"""Which reader fits an input: by file extension first, else by its first bytes.

Sniffing only looks at a short head of the input, so that stdin and unknown files can be
routed without reading them whole.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from pathlib import Path
from typing import Literal

Format = Literal["text", "html", "jsonl", "json", "feed", "warc", "binary", "empty"]

HEAD_BYTES = 65536
"""How many leading bytes ``sniff`` needs."""

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
_JSON_LIST = re.compile(rb"\[\s*[\[{\"\]]")
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)


def format_from_name(path: str | Path) -> Format | None:
    """The format a file's extension names, else None; ``.gz`` is looked through (``x.jsonl.gz``)."""
    name = Path(path).name.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return _EXTENSIONS[suffix]
    if name.endswith(".gz"):
        name = name[:-3]
    return _EXTENSIONS.get(Path(name).suffix)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def sniff(head: bytes) -> Format:
    """The format of an input judged from its first bytes (``HEAD_BYTES`` are enough).

    Returns "binary" for gzip data that is not a WARC (readers then look inside it) and for
    bytes with NULs outside UTF-16 text; "text" is the fallback.
    """
    if head[:2] == b"\x1f\x8b":
        inner = _gunzip_head(head)
        return "warc" if inner.startswith((b"WARC/", b"filedesc://")) else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(codecs.BOM_UTF8):
        body = head[3:]
    elif head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        body = head[:4000].decode("utf-16", errors="ignore").encode("utf-8")
    elif b"\x00" in head[:4000]:
        encoding = utf16_encoding(head)
        if encoding is None:
            return "binary"
        body = head[:4000].decode(encoding, errors="ignore").encode("utf-8")
    else:
        body = head
    stripped = body.lstrip()
    if not stripped:
        return "empty"
    if stripped[:1] == b"{":
        return _json_kind(stripped, complete=len(head) < HEAD_BYTES)
    if _JSON_LIST.match(stripped):
        return "json"
    if stripped[:1] == b"<":
        window = stripped[:4096]
        if _FEED.search(window):
            return "feed"
        if _HTML.search(window) or stripped[:5].lower() == b"<?xml":
            return "html" if _HTML.search(window) else "feed"
    elif b"\n{" in stripped:  # JSON Lines after a bad first line
        good, total = json_line_votes(stripped, complete=len(head) < HEAD_BYTES)
        if total > 1 and 2 * good > total:
            return "jsonl"
    return "text"


def json_line_votes(body: bytes, *, complete: bool = True) -> tuple[int, int]:
    """``(lines that are whole JSON objects, non-blank lines)`` in a head of JSON-like input.

    When the head is cut (``complete=False``) its last line is left out, since it may be cut
    mid-value. A line that is bad in any way (cut off, Latin-1 bytes, nested too deeply to
    parse) counts as a non-JSON line, so one bad line cannot decide for a whole file.
    """
    lines = body.split(b"\n")
    if not complete and len(lines) > 1:
        lines = lines[:-1]
    good = total = 0
    for line in lines:
        if not line.strip():
            continue
        total += 1
        if not line.lstrip().startswith(b"{"):
            continue
        try:
            json.loads(line)
        except (ValueError, RecursionError):
            continue
        good += 1
    return good, total


def _json_kind(body: bytes, *, complete: bool = True) -> Format:
    """JSON Lines when at least half the lines are whole JSON values, else one (pretty-printed)
    JSON document.

    A single line (or a head that is one cut line) is JSON Lines: one record per line.
    """
    good, total = json_line_votes(body, complete=complete)
    if total <= 1 and b"\n" not in body.strip():
        return "jsonl"
    return "jsonl" if good and 2 * good >= total else "json"


def utf16_encoding(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII characters show a NUL in every other byte."""
    sample = data[:4000]
    even, odd = sample[0::2], sample[1::2]
    if not odd:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def is_gzip(head: bytes) -> bool:
    """True for gzip data (WARC.gz, by magic number)."""
    return head[:2] == b"\x1f\x8b"


__all__ = ["Format", "HEAD_BYTES", "format_from_name", "is_gzip", "json_line_votes", "sniff",
           "utf16_encoding"]
