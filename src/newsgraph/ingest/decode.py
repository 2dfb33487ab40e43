"""Bytes to text: byte-order marks, UTF-8, then charset detection with a Western default.

News files arrive in every encoding: UTF-8 with or without a BOM, UTF-16 from Windows
tools, cp1252 from older newsroom systems. ``charset-normalizer`` alone often names a
sibling code page (cp1250 for a cp1252 file), which silently turns "ñ" into "ń"; since
newsgraph analyses English news, a single-byte Latin guess is decoded as cp1252 (or
latin-1 when cp1252 cannot decode it). Binary junk is told apart from text so readers can
reject it instead of analysing garbage.
"""

from __future__ import annotations

import codecs
import re

from .sniff import utf16_encoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte code pages charset-normalizer confuses with cp1252 on Western text.
_LATIN_GUESSES = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9",
    "iso8859_13", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp858",
    "cp437", "cp775", "cp852", "ascii",
})
# How much more "mess" than the best guess a cp1252 reading may show and still win.
_CHAOS_SLACK = 0.05
# Below this many non-ASCII bytes, detection is a coin toss: the Western code page is assumed.
_MIN_EVIDENCE = 8
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# C0/C1 controls other than whitespace, surrogates, private use, non-characters, U+FFFD.
_BINARYISH = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd\ufffe\uffff]")


class BinaryData(ValueError):
    """Raised by ``decode_bytes`` when the bytes are not text."""


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def looks_binary(text: str, *, sample: int = 20000) -> bool:
    """True when decoded text holds NULs or too many control or replacement characters."""
    head = text[:sample]
    if not head:
        return False
    if "\x00" in head:
        return True
    return len(_BINARYISH.findall(head)) > max(2, 0.01 * len(head))


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page or feed declares in its first bytes (meta charset, XML prolog)."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG): pages labelled latin-1 or ASCII are really cp1252.
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _western(data: bytes) -> str | None:
    for encoding in ("cp1252", "latin_1"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    # Bytes without NULs are not UTF-16/32 (their BOM-less forms were handled by the caller);
    # charset-normalizer proposes them for very short inputs ("café" in cp1252).
    if sum(b > 0x7F for b in data[:4000]) < _MIN_EVIDENCE:
        return _western(data) or None  # too few non-ASCII bytes for statistics to mean anything
    matches = [m for m in from_bytes(data[:200_000]) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return _western(data)
    best = matches[0]
    western = [m for m in matches if m.encoding in ("cp1252", "latin_1")
               and m.chaos <= best.chaos + _CHAOS_SLACK]
    if best.encoding in _LATIN_GUESSES or western:
        return _western(data) or best.encoding
    return best.encoding


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    Order: a BOM wins; then a declared encoding (HTML meta, XML prolog) when the bytes
    decode strictly with it; then strict UTF-8; then charset detection.

    Args:
        data: the raw bytes.
        declared: an encoding named by the document itself, tried after the BOM.

    Raises:
        BinaryData: the bytes are not text (NULs, undecodable, control characters).
    """
    bom = _bom(data)
    if bom:
        encoding, skip = bom
        text = data[skip:].decode(encoding, errors="replace")
    else:
        text = None
        encoding = ""
        if b"\x00" in data[:4000]:
            encoding = utf16_encoding(data) or ""
            if not encoding:
                raise BinaryData("NUL bytes in the first 4000 bytes")
            text = data.decode(encoding, errors="replace")
        for candidate in (declared, "utf-8"):
            if text is not None or not candidate:
                continue
            try:
                text = data.decode(candidate)
                encoding = candidate
            except (UnicodeDecodeError, LookupError):
                continue
        if text is None:
            guess = _guess(data)
            if guess is None:
                raise BinaryData("no text encoding fits these bytes")
            text = data.decode(guess, errors="replace")
            encoding = guess
    if looks_binary(text):
        raise BinaryData(f"control characters in text decoded as {encoding}")
    return text, encoding


__all__ = ["BinaryData", "decode_bytes", "declared_encoding", "looks_binary"]
