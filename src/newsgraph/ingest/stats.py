"""Counts of what the readers skipped on purpose (not errors, so not ``Rejected``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ReadStats:
    """What a ``read_inputs`` run looked at and skipped.

    A WARC holds requests, DNS records, images and scripts next to the pages; reporting
    each as ``Rejected`` would bury the real problems, so they are counted here instead
    (and logged at debug level). A caller passes one in and shows it in its summary.

    Attributes:
        files: files opened (stdin counts as one).
        skipped: why inputs were skipped ("warc-request", "warc-non-html", "not-an-article-file"...).
        dropped: input-record fields dropped from articles that were kept (a ``published``
            that is not ISO 8601, a ``title`` that is a list), by field name.
    """

    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, count: int = 1) -> None:
        """Count ``count`` inputs skipped for ``reason``."""
        self.skipped[reason] += count

    def drop(self, field_name: str) -> None:
        """Count one ``field_name`` value dropped from an article for being malformed."""
        self.dropped[field_name] += 1


__all__ = ["ReadStats"]
