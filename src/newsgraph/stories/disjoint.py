"""Disjoint sets (union-find) over string ids.

Both story merging and syndication groups join items pairwise and then need the
groups; one small structure serves both.
"""

from __future__ import annotations

from typing import Iterator


class DisjointSets:
    """Union-find with path halving; ids are added on first sight, in that order."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """The representative of ``x``'s set (``x`` itself when it is alone)."""
        parent = self._parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, keep: str, other: str) -> None:
        """Join ``other``'s set into ``keep``'s; ``keep``'s representative stays."""
        root, joined = self.find(keep), self.find(other)
        if root != joined:
            self._parent[joined] = root

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._parent))
