"""Readers: one per input format, each yielding ``Article`` or ``Rejected``, never raising on bad data."""

from __future__ import annotations

from .records import article_from_record, make_article

__all__ = ["article_from_record", "make_article"]
