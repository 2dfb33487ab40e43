"""Figures extraction (placeholder until its issue lands: returns no facts)."""

from __future__ import annotations

from ..model import Article
from . import Found


def extract(doc, article: Article, found: Found) -> list:
    """No figures are extracted yet; the field stays present and empty."""
    return []
