from __future__ import annotations

import pickle
import random
from collections import Counter

from newsgraph.stories.term_counts import TermCounts, term_hashes


def _stream(seed: int, n: int) -> list[list[str]]:
    """Articles as lists of distinct terms: a Zipf-like head that recurs and a tail of new words."""
    rng = random.Random(seed)
    head = [f"w{i}" for i in range(300)]
    out = []
    for k in range(n):
        terms = {rng.choice(head[:rng.randint(1, 300)]) for _ in range(rng.randint(0, 25))}
        terms |= {f"new{k}-{j}" for j in range(rng.randint(0, 4))}
        terms |= {"e:" + rng.choice(("ana lópez", "żółw", "東京", "\ud800x"))} if rng.random() < 0.2 else set()
        out.append(sorted(terms, key=lambda t: rng.random()))
    return out


def test_term_counts_match_a_counter_across_folds_and_pickling():
    plain: Counter = Counter()
    df = TermCounts(fold_at=64)  # small, so the stream folds many times, into arrays with hits and misses
    seen: list[str] = []
    for i, terms in enumerate(_stream(7, 600)):
        if i % 3 == 0:
            df.add(terms)
        else:
            assert df.add_and_count(terms) == [plain[t] + 1 for t in terms]
        plain.update(terms)
        seen.extend(terms)
        if i % 97 == 0:
            df = pickle.loads(pickle.dumps(df))
        if i % 50 == 0:
            probe = random.Random(i).sample(seen, min(40, len(seen))) + ["never-seen"]
            assert df.counts(probe) == [plain[t] for t in probe]
    assert df._keys.size > 0 and df._recent  # both parts hold counts at the end
    assert all(df[t] == c for t, c in plain.items())
    restored = pickle.loads(pickle.dumps(df))
    assert restored.counts(list(plain)) == list(plain.values())
    assert len(restored) == len(plain)
    assert list(restored._keys) == sorted(restored._keys)


def test_term_counts_a_repeated_term_counts_twice_and_empty_input_is_fine():
    df = TermCounts(fold_at=2)
    df.add(["a", "a", "b"])
    df.add([])
    assert df.counts([]) == [] and df.add_and_count([]) == []
    assert df.counts(["a", "b", "c"]) == [2, 1, 0]


def test_term_hashes_are_stable_across_processes():
    # a fixed BLAKE2b value (Python's hash() of a str changes per process): a resumed clusterer
    # must find the counts a pickled one folded
    assert term_hashes(["flood"]).tolist() == [15917830426268473413]
    assert term_hashes(["flood", "dam"]).tolist()[::-1] == term_hashes(["dam", "flood"]).tolist()
