"""Document-frequency counts of terms in a compact, picklable form.

The story clusterer counts, for every term it has seen, how many articles
carried it (for IDF). A ``Counter`` of strings costs about 100 bytes a term,
and the vocabulary of a news stream keeps growing (names, typos, rare words),
so those counts grew with the corpus. ``TermCounts`` keeps each term as a
stable 64-bit hash (BLAKE2b, the same in every process, so a pickled clusterer
resumes with the same counts) and its count: the counts since the last fold in a
small dict, older ones folded into two sorted numpy arrays (12 bytes a term)
searched with ``np.searchsorted``. Counts are exact unless two terms share a
64-bit hash (about one chance in 10^7 for a million terms).
"""

from __future__ import annotations

import math
from hashlib import blake2b
from typing import Iterable, Sequence

import numpy as np

FOLD_AT = 1 << 12
"""Distinct recent terms that trigger a fold into the sorted arrays (bounds the dict's size)."""


def tfidf(count: float, df: int, n: int, power: float) -> float:
    """A term's weight in a report: sublinear term count times smoothed IDF over ``n`` articles, the IDF
    raised to ``power`` (above 1 favours rare terms more). One formula for a report weighed on arrival
    and weighed again with the whole run's counts, so the two stay comparable."""
    return (1.0 + math.log(count)) * (math.log((n + 1) / (df + 1)) + 1.0) ** power


def term_hashes(terms: Iterable[str]) -> np.ndarray:
    """Stable 64-bit hashes of ``terms`` (BLAKE2b, little-endian), as a uint64 array."""
    digest = b"".join(blake2b(t.encode("utf-8", "surrogatepass"), digest_size=8).digest() for t in terms)
    return np.frombuffer(digest, dtype="<u8").astype(np.uint64, copy=False)


def sorted_recent(recent: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A dict of 64-bit hash -> small count or value as two arrays sorted by hash (uint64, uint32),
    ready to merge into the sorted arrays of a ``TermCounts`` or an ``IdIndex``."""
    keys = np.fromiter(recent.keys(), dtype=np.uint64, count=len(recent))
    values = np.fromiter(recent.values(), dtype=np.uint32, count=len(recent))
    order = np.argsort(keys, kind="stable")
    return keys[order], values[order]


class TermCounts:
    """How many times each term was added, about 12 bytes a distinct term.

    Example:
        >>> df = TermCounts()
        >>> df.add(["flood", "river"])
        >>> df.add_and_count(["flood", "dam"])
        [2, 1]
        >>> df["river"], df["unknown"]
        (1, 0)
    """

    __slots__ = ("fold_at", "_recent", "_keys", "_counts")

    def __init__(self, fold_at: int = FOLD_AT) -> None:
        self.fold_at = fold_at
        self._recent: dict[int, int] = {}
        self._keys = np.zeros(0, dtype=np.uint64)
        self._counts = np.zeros(0, dtype=np.uint32)

    def add(self, terms: Iterable[str]) -> None:
        """Count each of ``terms`` once more (a term given twice counts twice)."""
        self._bump(term_hashes(terms).tolist())

    def add_and_count(self, terms: Sequence[str]) -> list[int]:
        """Count each of ``terms`` once more and return their counts after that, in order.

        One call hashes the terms once for both jobs (what the clusterer does for
        every article). ``terms`` should be distinct: a repeated term's earlier
        positions would not see its later increments.
        """
        hashes = term_hashes(terms)
        folded = self._folded(hashes)
        recent = self._recent
        out = []
        for h, f in zip(hashes.tolist(), folded):
            c = recent.get(h, 0) + 1
            recent[h] = c
            out.append(c + f)
        if len(recent) >= self.fold_at:
            self.fold()
        return out

    def counts(self, terms: Sequence[str]) -> list[int]:
        """Counts of ``terms`` (0 for a term never added), in order."""
        hashes = term_hashes(terms)
        recent = self._recent
        return [recent.get(h, 0) + f for h, f in zip(hashes.tolist(), self._folded(hashes))]

    def __getitem__(self, term: str) -> int:
        return self.counts([term])[0]

    def __len__(self) -> int:
        """Distinct terms counted (up to hash collisions)."""
        self.fold()
        return int(self._keys.size)

    def _bump(self, hashes: list[int]) -> None:
        recent = self._recent
        for h in hashes:
            recent[h] = recent.get(h, 0) + 1
        if len(recent) >= self.fold_at:
            self.fold()

    def _folded(self, hashes: np.ndarray) -> list[int]:
        """Folded counts of ``hashes`` (0 where absent)."""
        keys = self._keys
        if not keys.size or not hashes.size:
            return [0] * hashes.size
        pos = np.searchsorted(keys, hashes)
        np.minimum(pos, keys.size - 1, out=pos)
        return np.where(keys[pos] == hashes, self._counts[pos], 0).tolist()

    def fold(self) -> None:
        """Merge the recent counts into the sorted arrays and empty the dict.

        Merging costs one pass over the arrays plus a sort of the recent terms,
        so folding every ``fold_at`` new terms keeps the cost per term small.
        """
        recent = self._recent
        if not recent:
            return
        new, add = sorted_recent(recent)
        keys, counts = self._keys, self._counts
        if keys.size:
            pos = np.searchsorted(keys, new)
            at = np.minimum(pos, keys.size - 1)
            hit = keys[at] == new
            counts[pos[hit]] += add[hit]
            miss = ~hit
            keys = np.insert(keys, pos[miss], new[miss])
            counts = np.insert(counts, pos[miss], add[miss])
        else:
            keys, counts = new, add
        self._keys, self._counts = keys, counts
        self._recent = {}

    def __getstate__(self) -> dict:
        return {"fold_at": self.fold_at, "recent": self._recent, "keys": self._keys, "counts": self._counts}

    def __setstate__(self, state: dict) -> None:
        self.fold_at = state["fold_at"]
        self._recent = state["recent"]
        self._keys = state["keys"]
        self._counts = state["counts"]
