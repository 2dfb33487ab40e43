"""Bytes to text: BOMs, UTF-8, cp1252/latin-1, UTF-16, binary junk."""

from __future__ import annotations

import codecs

import pytest

from newsgraph.ingest.decode import BinaryData, decode_bytes, declared_encoding

TEXT = ("Le président a déclaré « nous ne céderons pas ». The café’s owner – a 54-year-old – "
        "was “shocked”, said Señor Muñoz, adding that the naïve plan would fail in Zürich.")


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("cp1252"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-le"),  # no BOM
    TEXT.encode("utf-16-be"),  # no BOM
])
def test_decode_bytes_recovers_the_text(data):
    text, _encoding = decode_bytes(data)
    assert text == TEXT


def test_decode_bytes_latin1_without_cp1252_punctuation():
    text = "Señor Muñoz said the naïve façade of the café in Zürich was déjà vu for everyone there."
    assert decode_bytes(text.encode("latin-1"))[0] == text


_SHORT = ["Price: 20€", "café", "Señor Muñoz", "The minister’s “plan” – he said…"]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("text,encoding", [(t, e) for e in ("cp1252", "latin-1") for t in _SHORT
                                           if _encodable(t, e)])
def test_decode_bytes_short_western_texts(text, encoding):
    assert decode_bytes(text.encode(encoding))[0] == text


def test_decode_bytes_prefers_a_declared_encoding():
    text = "Ça coûte 20 €, a dit le ministre à Genève."
    data = text.encode("iso8859_15")
    assert decode_bytes(data, declared="iso8859_15")[0] == text


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03" * 200,
    bytes(range(256)) * 20,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 100,
    b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12" * 50,
])
def test_decode_bytes_rejects_binary(data):
    with pytest.raises(BinaryData):
        decode_bytes(data)


@pytest.mark.parametrize("head, expected", [
    (b'<html><head><meta charset="windows-1252"></head>', "cp1252"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
    (b'<?xml version="1.0" encoding="utf-8"?><rss>', "utf-8"),
    (b"<html><head><title>x</title></head>", None),
    (b'<meta charset="no-such-codec">', None),
])
def test_decode_declared_encoding(head, expected):
    assert declared_encoding(head) == expected


def test_decode_bytes_keeps_cyrillic_code_pages():
    text = "Президент России Владимир Путин заявил во вторник, что Москва продолжит военную помощь."
    assert decode_bytes(text.encode("cp1251"))[0] == text
