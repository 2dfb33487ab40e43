"""Plain-text articles: encoding detection, binary rejection, a first-line title.

The text is kept whole: a headline on the first line becomes ``title`` but stays in
``text``, because every span indexes the full text and users expect to find it there.
The one exception is an optional metadata block at the very top, between two ``---``
lines, of ``key: value`` lines naming SCHEMA input fields (``published: 2015-09-17``,
``source``, ``url``, ``title``, ``id``): it is metadata, not article text, so it is taken
out and fills the record, which lets a plain file carry its publication date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Article, Rejected
from .decode import BinaryData, decode_bytes
from .records import make_article

if TYPE_CHECKING:
    from .stats import ReadStats

_FRONT_KEYS = frozenset({"id", "url", "source", "title", "published", "author"})
_FRONT_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_MAX_FRONT_LINES = 12
_SENTENCE_END = re.compile(r"[.,;:]\s*$")
_BYLINE = re.compile(r"^(by|from|posted|updated|published)\b", re.I)
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30


def title_line(text: str) -> str | None:
    """The first line when it reads like a headline, else None.

    A headline is a short first line (at most 200 characters and 30 words) that does not
    end like a sentence (".", ",", ";", ":") nor reads like a byline or a timestamp ("By ...",
    "Updated ..."), followed by more text. A one-line text has no title: it is the article.
    """
    stripped = text.lstrip("\ufeff \t\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    if len(first) > _MAX_TITLE_CHARS or len(first.split()) > _MAX_TITLE_WORDS:
        return None
    if _SENTENCE_END.search(first) or _BYLINE.match(first):
        return None
    if not any(ch.isalpha() for ch in first):
        return None
    return first


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` metadata block from the text: ``(fields, rest)``.

    Only a block of at most 12 ``key: value`` lines with SCHEMA input keys counts; anything
    else (a text that merely starts with a rule) is returned unchanged with no fields.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:_MAX_FRONT_LINES + 2], start=1):
        if line.strip() == "---":
            return fields, "\n".join(lines[i + 1:]).lstrip("\n")
        match = _FRONT_LINE.match(line)
        if not match or match.group(1).lower() not in _FRONT_KEYS:
            return {}, text
        if match.group(2):
            fields[match.group(1).lower()] = match.group(2)
    return {}, text


def article_from_text_bytes(data: bytes, *, origin: str, title_heuristic: bool = True,
                            stats: ReadStats | None = None, **meta: str | None) -> Article | Rejected:
    """An article from the raw bytes of a plain-text file.

    Args:
        data: the file's bytes, in any encoding ``decode_bytes`` can detect.
        origin: where they came from (a path, ``-``), for rejections and provenance.
        title_heuristic: take a headline-like first line as ``title``.
        stats: counts malformed metadata (a front-matter date that is not ISO) dropped.
        **meta: ``id``, ``url``, ``source``, ``title``, ``published`` when known.

    Returns:
        The article, or ``Rejected`` with reason "binary" or "empty".
    """
    if not data.strip():
        return Rejected(origin, "empty", "the file is empty")
    try:
        text, _encoding = decode_bytes(data)
    except BinaryData as exc:
        return Rejected(origin, "binary", str(exc))
    fields, text = front_matter(text.lstrip("\ufeff"))
    for key, value in fields.items():
        if meta.get(key) is None:
            meta[key] = value
    if meta.get("title") is None and title_heuristic:
        meta["title"] = title_line(text)
    return make_article(text, origin=origin, stats=stats, **meta)


__all__ = ["article_from_text_bytes", "front_matter", "title_line"]
