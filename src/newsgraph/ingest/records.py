"""Building ``Article`` records with stable ids (every reader ends here).

A leaf of ``ingest``: SCHEMA input records (JSON objects, ``text`` or ``html``)
are dispatched by ``jsonl.article_from_record``, so this module needs no reader.
"""

from __future__ import annotations

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
