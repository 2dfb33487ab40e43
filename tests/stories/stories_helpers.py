"""Hand-built analysed articles for the stories tests (no spaCy needed)."""

from __future__ import annotations

from newsgraph.extract import AnalysedArticle
from newsgraph.model import Figure


def article(id: str, text: str, *, published: str | None = "2015-09-17", title: str | None = None,
            source: str | None = None, **facts) -> AnalysedArticle:
    """An ``AnalysedArticle`` with only the fields a test needs."""
    return AnalysedArticle(id=id, url=None, source=source, title=title, published=published, text=text,
                           language="en", **facts)


def figure_in(text: str, words: str, kind: str, value: float, *, hedge: str | None = None) -> Figure:
    """A figure whose evidence is the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    return Figure(kind=kind, value=value, unit="people", approximate=hedge is not None, text=words,
                  span=(start, start + len(words)), hedge=hedge)
