"""Places extraction (placeholder until its issue lands: returns no facts)."""

from __future__ import annotations

from ..model import Article, Found


def extract(doc, article: Article, found: Found) -> list:
    """No places are extracted yet; the field stays present and empty."""
    return []
