"""HTML pages through trafilatura (minimal first version)."""

from __future__ import annotations

from ..model import Article, Rejected
from .records import make_article


def article_from_html(html: str | bytes, *, origin: str = "<html>", id: str | None = None,
                      url: str | None = None, source: str | None = None,
                      title: str | None = None, published: str | None = None) -> Article | Rejected:
    """Main text and metadata of a news page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None or not getattr(doc, "text", None):
        return Rejected(origin, "no-main-text", "trafilatura found no main text")
    return make_article(doc.text, id=id, url=url or doc.url, source=source or doc.sitename,
                        title=title or doc.title, published=published or doc.date, origin=origin)
