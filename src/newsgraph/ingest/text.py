"""Plain-text articles: encoding detection, binary rejection, a first-line title.

The text is always kept whole: a headline on the first line becomes ``title`` but stays in
``text``, because every span indexes the full text and users expect to find it there.
"""

from __future__ import annotations

import re

from ..model import Article, Rejected
from .decode import BinaryData, decode_bytes
from .records import make_article

_SENTENCE_END = re.compile(r"[.,;:]\s*$")
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30


def title_line(text: str) -> str | None:
    """The first line when it reads like a headline, else None.

    A headline is a short first line (at most 200 characters and 30 words) that does not
    end like a sentence (".", ",", ";", ":"), followed by a blank line or by more lines of
    text. A one-line text has no title: the line is the article.
    """
    stripped = text.lstrip("\ufeff \t\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    if len(first) > _MAX_TITLE_CHARS or len(first.split()) > _MAX_TITLE_WORDS:
        return None
    if _SENTENCE_END.search(first):
        return None
    if not any(ch.isalpha() for ch in first):
        return None
    return first


def article_from_text_bytes(data: bytes, *, origin: str, title_heuristic: bool = True,
                            **meta: str | None) -> Article | Rejected:
    """An article from the raw bytes of a plain-text file.

    Args:
        data: the file's bytes, in any encoding ``decode_bytes`` can detect.
        origin: where they came from (a path, ``-``), for rejections and provenance.
        title_heuristic: take a headline-like first line as ``title``.
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
    if meta.get("title") is None and title_heuristic:
        meta["title"] = title_line(text)
    return make_article(text, origin=origin, **meta)


__all__ = ["article_from_text_bytes", "title_line"]
