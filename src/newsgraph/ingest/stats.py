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
    """

    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, count: int = 1) -> None:
        """Count ``count`` inputs skipped for ``reason``."""
        self.skipped[reason] += count


__all__ = ["ReadStats"]
