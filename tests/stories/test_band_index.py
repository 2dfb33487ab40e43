from __future__ import annotations

import pickle

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from newsgraph.stories.band_index import BandIndex, lsh_shape


def _signature(rng: np.random.Generator, num_perm: int) -> MinHash:
    """A MinHash near one of a few base signatures (a few values changed, from a tiny range), so that
    bands of different texts agree, wide bands included, and some only nearly."""
    bases = np.random.default_rng(0).integers(0, 1 << 32, size=(3, num_perm), dtype=np.uint64)
    values = bases[rng.integers(3)].copy()
    changed = rng.random(num_perm) < rng.choice([0.02, 0.3])
    values[changed] = rng.choice([0, 7, (1 << 32) - 1], size=int(changed.sum()))
    m = MinHash(num_perm=num_perm, seed=1)
    m.hashvalues = values
    return m


@pytest.mark.parametrize("threshold,num_perm", [(0.2, 64), (0.5, 32), (0.9, 64)])
def test_band_index_proposes_what_datasketch_proposes(threshold, num_perm):
    bands, rows = lsh_shape(threshold, num_perm)
    index = BandIndex(bands, rows)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    rng = np.random.default_rng(3)
    window: list[str] = []
    found = partial = 0
    for i in range(700):  # beyond the first 256 slots, with removals freeing slots for reuse
        m = _signature(rng, num_perm)
        expected = sorted(lsh.query(m))
        assert sorted(index.query(m.hashvalues)) == expected
        found += len(expected)
        partial += len(index) - len(expected)
        name = f"t{i}"
        lsh.insert(name, m)
        index.insert(name, m.hashvalues)
        window.append(name)
        if len(window) > 300 or rng.random() < 0.1:
            gone = window.pop(int(rng.integers(len(window))))
            lsh.remove(gone)
            index.remove(gone)
        if i % 250 == 0:
            index = pickle.loads(pickle.dumps(index))
    assert found > 0 and partial > 0 and len(index) == len(window)


def test_band_index_rejects_values_datasketch_would_not_make():
    index = BandIndex(*lsh_shape(0.2, 64))
    with pytest.raises(ValueError):
        index.insert("a", np.full(64, 1 << 33, dtype=np.uint64))
    index.insert("a", np.zeros(64, dtype=np.uint64))
    with pytest.raises(ValueError):
        index.insert("a", np.zeros(64, dtype=np.uint64))
