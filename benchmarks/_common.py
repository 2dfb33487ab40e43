"""Shared helpers for benchmark scripts: where ../shared is, and how to print a figures table."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"


def shared_or_exit(*parts: str) -> Path:
    """A path under ../shared/benchmarks, or exit 0 with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        print(f"skipped: {path} is not present (the shared benchmark data is optional)")
        sys.exit(0)
    return path


def print_table(title: str, rows: list[tuple[str, ...]], header: tuple[str, ...] | None = None) -> None:
    """A plain aligned text table (benchmarks print figures, no colours, so logs stay greppable)."""
    all_rows = ([header] if header else []) + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(all_rows[0]))]
    print(f"\n{title}")
    for j, r in enumerate(all_rows):
        print("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if header and j == 0:
            print("  " + "  ".join("-" * w for w in widths))


def split_of(key: str, *, salt: str, dev_share: float = 0.5) -> str:
    """"dev" or "test" for an item of an external benchmark, fixed by a hash of its id.

    The split is part of the benchmark code (``salt`` names the benchmark, so two
    sets do not share one pattern) and never depends on the order or number of
    items, so it holds as the data or the code changes. Tune and read errors on
    dev; report test.
    """
    digest = hashlib.sha256(f"{salt}\x1f{key}".encode("utf-8")).digest()
    return "dev" if int.from_bytes(digest[:8], "big") / 2**64 < dev_share else "test"

