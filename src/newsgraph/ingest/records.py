"""Building ``Article`` records: stable ids and SCHEMA input records (JSON objects)."""

from __future__ import annotations

from typing import Any, Mapping

from ..model import Article, Rejected, stable_id


def make_article(text: str, *, id: str | None = None, url: str | None = None,
                 source: str | None = None, title: str | None = None,
                 published: str | None = None, origin: str | None = None) -> Article | Rejected:
    """An ``Article`` with a stable id (the given one, else a hash of url, else of text).

    Text is normalised only in ways that keep it readable (``\\r\\n`` to ``\\n``); an
    empty text yields ``Rejected(reason="empty")``.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Rejected(origin or url or id or "<input>", "empty", "no text")
    if not id:
        id = stable_id(url) if url else stable_id(text)
    return Article(id=str(id), text=text, url=url, source=source, title=title,
                   published=published, origin=origin)


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
        from .html import article_from_html

        return article_from_html(html, origin=origin, **meta)
    return Rejected(origin, "no-text", "record has neither a non-empty 'text' nor 'html'")
