"""Curated data files the team writes (titles, countries, PLOVER verbs, figure cues...).

Each lexicon is a TSV or JSONL file in this folder whose first lines are ``#``
comments naming its source and licence. ``load_tsv``/``load_jsonl`` read a file
once per process (cached) and never touch the network; ``lexicon_hashes`` gives
the content hashes recorded with each run so outputs can be traced to the data
that made them.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from typing import Any

from ..errors import LexiconError


def _read(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name!r} is missing from the package") from exc


@functools.lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV lexicon as dicts keyed by its header (first non-comment line)."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Records of a JSONL lexicon (``#`` comment lines and blank lines skipped)."""
    out = []
    for lineno, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{name}:{lineno}: {exc.msg}") from exc
    return tuple(out)


@functools.lru_cache(maxsize=1)
def lexicon_hashes() -> dict[str, str]:
    """sha256 (first 12 hex digits) of every packaged lexicon file, by file name."""
    out = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".tsv", ".jsonl", ".txt")):
            out[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()[:12]
    return out
