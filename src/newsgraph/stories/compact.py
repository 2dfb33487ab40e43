"""Compact storage for what the clusterer keeps of every article and story it has finished.

A stream's finished stories accumulate however flat the rest of the clusterer
is: each one's member ids, and the map from each article to its story. As
Python objects (a tuple of id strings per story, a dict entry and an id string
per article) that is several hundred bytes a story and about a hundred an
article. ``pack_ids`` keeps a story's member ids as one string, and
``IdIndex`` maps article ids to story numbers in about 12 bytes an article: the
id's stable 64-bit hash and the number, in sorted numpy arrays, as
``TermCounts`` keeps terms. A hash only proposes: the caller confirms a match
against the story's own ids, so two ids sharing a hash never mix.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from .term_counts import term_hashes

_SEP = "\x00"

PackedIds = str | tuple[str, ...]
"""Ids packed by ``pack_ids``: one string, or the ids themselves when they cannot be joined."""


def pack_ids(ids: Iterable[str]) -> PackedIds:
    """``ids`` as one string (NUL-separated); a tuple when there are none or one holds a NUL."""
    ids = tuple(ids)
    if not ids or any(_SEP in i for i in ids):
        return ids
    return _SEP.join(ids)


def unpack_ids(packed: PackedIds) -> tuple[str, ...]:
    """The ids ``pack_ids`` packed, in their order."""
    if isinstance(packed, tuple):
        return packed
    return tuple(packed.split(_SEP))


class IdIndex:
    """String ids mapped to small non-negative ints, about 12 bytes an id.

    ``get`` returns every value added under an id *or under another id with the
    same 64-bit hash* (about one chance in 10^10 per pair at a million ids), so
    the caller confirms which one it is.

    Example:
        >>> index = IdIndex()
        >>> index.add(["a1", "a2"], 7)
        >>> index.get("a2"), index.get("a3")
        ([7], [])
    """

    __slots__ = ("fold_at", "_recent", "_keys", "_values")

    def __init__(self, fold_at: int = 2048) -> None:
        self.fold_at = fold_at
        self._recent: dict[int, int] = {}
        self._keys = np.zeros(0, dtype=np.uint64)
        self._values = np.zeros(0, dtype=np.uint32)

    def add(self, ids: Sequence[str], value: int) -> None:
        """Map each of ``ids`` to ``value``."""
        if not ids:
            return
        for h in term_hashes(ids).tolist():
            if h in self._recent:
                self.fold()  # the sorted arrays keep both of two entries with one hash
            self._recent[h] = value
        if len(self._recent) >= self.fold_at:
            self.fold()

    def get(self, id_: str) -> list[int]:
        """The values of ``id_`` (and of any id sharing its hash), oldest first; empty when unknown."""
        h = int(term_hashes([id_])[0])
        keys = self._keys
        out: list[int] = []
        if keys.size:
            lo, hi = np.searchsorted(keys, np.uint64(h), "left"), np.searchsorted(keys, np.uint64(h), "right")
            out = self._values[lo:hi].tolist()
        if h in self._recent:
            out.append(self._recent[h])
        return out

    def __len__(self) -> int:
        return int(self._keys.size) + len(self._recent)

    def fold(self) -> None:
        """Merge the recent entries into the sorted arrays (after the older entries of equal hash)."""
        recent = self._recent
        if not recent:
            return
        new = np.fromiter(recent.keys(), dtype=np.uint64, count=len(recent))
        vals = np.fromiter(recent.values(), dtype=np.uint32, count=len(recent))
        order = np.argsort(new, kind="stable")
        new, vals = new[order], vals[order]
        pos = np.searchsorted(self._keys, new, "right")
        self._keys = np.insert(self._keys, pos, new)
        self._values = np.insert(self._values, pos, vals)
        self._recent = {}


__all__ = ["IdIndex", "PackedIds", "pack_ids", "unpack_ids"]
