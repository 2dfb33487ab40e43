"""A compact MinHash LSH over a bounded set of texts: the banding of datasketch's ``MinHashLSH``, in arrays.

datasketch keeps, for each text and each of its bands, a bytes key in a dict of
sets plus a reverse list of keys (about 5.7 KB a text at 64 permutations), which
made the copy index's window of 3,000 texts its largest single cost. Here each
text owns a *slot*: one row of band keys (uint64), 0.2 KB a text at 28 bands.
A query compares the query's band keys with every live row at once (a few
thousand rows: faster than building the sets). Up to two values a band, the key
is the band itself; wider bands also keep their values (uint32) to confirm a
hit, so the candidates are exactly those ``MinHashLSH.query`` returns: the texts
that agree with the query on every value of at least one band. The number of bands and rows per band are
datasketch's own, for the same threshold and number of permutations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHashLSH

_MAX_HASH = (1 << 32) - 1
"""datasketch MinHash values are below 2**32, so they fit a uint32 and two of them a uint64 key."""


def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` that datasketch's ``MinHashLSH`` picks for ``threshold`` and ``num_perm``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@dataclass
class BandIndex:
    """Band keys and MinHash values of the indexed texts, one slot (array row) per text.

    Args:
        bands: number of bands.
        rows: MinHash values per band.
    """

    bands: int
    rows: int
    _keys: np.ndarray = field(init=False, repr=False)
    _values: np.ndarray = field(init=False, repr=False)
    _live: np.ndarray = field(init=False, repr=False)
    _names: list[str | None] = field(default_factory=list, init=False, repr=False)
    _slot: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _free: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._keys = np.zeros((0, self.bands), dtype=np.uint64)
        self._values = np.zeros((0, self._width), dtype=np.uint32)
        self._live = np.zeros(0, dtype=bool)

    @property
    def _width(self) -> int:
        """MinHash values kept a slot: none when the band keys are the bands themselves."""
        return self.bands * self.rows if self.rows > 2 else 0

    def _band_keys(self, values: np.ndarray) -> np.ndarray:
        """One uint64 key per band: exact for up to two rows a band, a mix of the values beyond
        (a shared key is then only a hint, confirmed on the values)."""
        bands = values.reshape(self.bands, self.rows).astype(np.uint64)
        keys = bands[:, 0].copy()
        for j in range(1, self.rows):
            keys = (keys << np.uint64(32)) ^ (keys >> np.uint64(32)) ^ bands[:, j]
        return keys

    def _values_of(self, hashvalues: np.ndarray) -> np.ndarray:
        values = np.asarray(hashvalues[:self.bands * self.rows])
        if values.size != self.bands * self.rows or (values.size and values.max() > _MAX_HASH):
            raise ValueError("MinHash values must be below 2**32, at least bands * rows of them")
        return values.astype(np.uint32)

    def insert(self, name: str, hashvalues: np.ndarray) -> None:
        """Index ``name`` with its MinHash values (``MinHash.hashvalues``)."""
        if name in self._slot:
            raise ValueError(f"{name!r} is already indexed")
        values = self._values_of(hashvalues)
        if not self._free:
            self._grow()
        slot = self._free.pop()
        if self._width:
            self._values[slot] = values
        self._keys[slot] = self._band_keys(values)
        self._live[slot] = True
        self._names[slot] = name
        self._slot[name] = slot

    def _grow(self) -> None:
        """Double the slots (from 256): the arrays follow the window's size, not a preset maximum."""
        old = len(self._live)
        new = max(256, 2 * old)
        self._keys = np.concatenate([self._keys, np.zeros((new - old, self.bands), dtype=np.uint64)])
        self._values = np.concatenate([self._values,
                                       np.zeros((new - old, self._width), dtype=np.uint32)])
        self._live = np.concatenate([self._live, np.zeros(new - old, dtype=bool)])
        self._names.extend([None] * (new - old))
        self._free.extend(range(new - 1, old - 1, -1))  # lowest slot first

    def remove(self, name: str) -> None:
        """Drop ``name`` from the index (its slot is reused)."""
        slot = self._slot.pop(name)
        self._live[slot] = False
        self._names[slot] = None
        self._free.append(slot)

    def query(self, hashvalues: np.ndarray) -> list[str]:
        """The indexed names that agree with ``hashvalues`` on all values of at least one band."""
        if not self._slot:
            return []
        values = self._values_of(hashvalues)
        hits = np.flatnonzero((self._keys == self._band_keys(values)).any(axis=1) & self._live)
        if not len(hits):
            return []
        if self.rows > 2:  # keys of wider bands can collide: confirm on the values
            same = (self._values[hits].reshape(len(hits), self.bands, self.rows)
                    == values.reshape(self.bands, self.rows)).all(axis=2).any(axis=1)
            hits = hits[same]
        return [self._names[s] for s in hits.tolist()]

    def __contains__(self, name: str) -> bool:
        return name in self._slot

    def __len__(self) -> int:
        return len(self._slot)
