"""Syndication: near-verbatim copies, found through MinHash LSH and confirmed by containment.

Outlets reprint wire copy with a paragraph added or cut, so copies are judged by
*containment* (how much of the shorter text the longer one holds) over word
shingles, not by Jaccard. MinHash LSH (datasketch) only proposes candidates, so
finding a copy costs the same however many articles were seen; the exact
containment of the few candidates then decides.

The original of a group of copies is the wire agency credited in their text
("(Reuters)", "(IANS/EFE)", "Kerry was quoted by IANS") when there is one, else
the earliest published copy.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import deque
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHashLSH

from ..lexicons import load_tsv
from ..model import Syndication
from .disjoint import DisjointSets
from .fingerprint import NUM_PERM, containment, minhash, shingles

log = logging.getLogger(__name__)

COPY_CONTAINMENT = 0.65
"""Containment at or above which two texts are one text: rewrites sharing a quote stay far below."""

MIN_SHINGLES = 12
"""Texts with fewer shingles (a line or two) are too short to call copies."""


_BEFORE = re.compile(r"(?:quoted by|told|reported by|cited by|speaking to|interview with)\s+(?:the\s+)?$")
_AFTER = re.compile(r"\s+(?:news agency\s+)?(?:reported|reports|said|quoted|learned|contributed)\b")
_LINE_ONLY = re.compile(r"^\s*[-—–]*\s*$")


@functools.lru_cache(maxsize=1)
def _agency_patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names = {r["alias"]: r["name"] for r in load_tsv("wire_agencies.tsv")}
    alt = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    # "(Reuters)", "(IANS/EFE)": only agency names and separators inside the brackets.
    paren = re.compile(rf"\((?:\s*(?:{alt})\s*[/,&-]?\s*)+\)")
    alias = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    return paren, alias, names


def agency_name(source: str | None) -> str | None:
    """The canonical agency name of an outlet name ("Associated Press" -> "AP"), or None."""
    if not source:
        return None
    names = _agency_patterns()[2]
    return names.get(source.strip()) or names.get(source.strip().removeprefix("The ").strip())


def credited_agency(text: str) -> str | None:
    """The wire agency an article credits, canonical name (``"Reuters"``, ``"IANS/EFE"``), or None.

    A credit in brackets near the top (the dateline) wins; otherwise the first
    phrase such as "quoted by IANS", "told Reuters", "AFP reported", or an
    agency name alone on the last line counts.
    """
    paren, alias, names = _agency_patterns()
    m = paren.search(text, 0, 600)
    if m:
        ordered: list[str] = []
        for hit in alias.finditer(m.group()):
            name = names[hit.group()]
            if name not in ordered:
                ordered.append(name)
        if ordered:
            return "/".join(ordered)
    for hit in alias.finditer(text):
        start, end = hit.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if (_BEFORE.search(text, max(0, start - 30), start) or _AFTER.match(text, end)
                or (_LINE_ONLY.match(text[line_start:start]) and not text[end:line_end].strip()
                    and line_end == len(text.rstrip()))):
            return names[hit.group()]
    return None


@dataclass
class _Entry:
    shingles: np.ndarray
    order: int


@dataclass
class SyndicationIndex:
    """An incremental index of article texts that finds copies of each new text.

    Args:
        threshold: containment at or above which two texts are copies.
        lsh_threshold: the Jaccard level at which LSH proposes candidates (low,
            so that a copy with half its text cut is still proposed).
        max_size: texts kept in the index; beyond it the oldest added are
            forgotten (copies follow their original within days), which bounds
            memory on an endless stream.
    """

    threshold: float = COPY_CONTAINMENT
    lsh_threshold: float = 0.2
    num_perm: int = NUM_PERM
    max_size: int = 20_000
    _lsh: MinHashLSH = field(init=False, repr=False)
    _entries: dict[str, _Entry] = field(default_factory=dict, init=False, repr=False)
    _fifo: deque = field(default_factory=deque, init=False, repr=False)
    links: list[tuple[str, str, float]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.lsh_threshold, num_perm=self.num_perm)

    def add(self, article_id: str, text: str) -> tuple[str, float] | None:
        """Index one text; returns the best earlier copy ``(id, containment)`` or None."""
        sh = shingles(text)
        if len(sh) < MIN_SHINGLES or article_id in self._entries:
            return None
        mh = minhash(sh, num_perm=self.num_perm)
        best: tuple[str, float] | None = None
        for cand in sorted(self._lsh.query(mh)):
            entry = self._entries.get(cand)
            if entry is None:
                continue
            c = containment(sh, entry.shingles)
            if c >= self.threshold:
                self.links.append((cand, article_id, round(c, 3)))
                if best is None or c > best[1]:
                    best = (cand, c)
        self._lsh.insert(article_id, mh)
        self._entries[article_id] = _Entry(sh, len(self._entries))
        self._fifo.append(article_id)
        while len(self._entries) > self.max_size and self._fifo:
            self.forget(self._fifo.popleft())
        return best

    def forget(self, article_id: str) -> None:
        """Drop a text from the index (it can no longer be found as a copy's original)."""
        if self._entries.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def __len__(self) -> int:
        return len(self._entries)


def resolve(links: list[tuple[str, str, float]], *, published: dict[str, str | None],
            order: dict[str, int], agencies: dict[str, str | None],
            sources: dict[str, str | None] | None = None) -> list[Syndication]:
    """Syndication records from pairwise copy links.

    Copies form groups (connected components). When a member credits a wire
    agency and the earliest published member is not that agency's own article,
    the agency is the original and every member a copy of it; otherwise the
    earliest published member (input order breaks ties) is the original and
    every other member a copy of it.

    Args:
        links: ``(earlier id, later id, containment)`` pairs.
        published: publication date (ISO) by article id.
        order: input position by article id.
        agencies: credited agency by article id.
        sources: outlet name by article id (an agency's own article is an original).
    """
    sets = DisjointSets()
    find = sets.find
    best: dict[str, float] = {}
    for a, b, c in links:
        sets.union(b, a)
        best[a] = max(best.get(a, 0.0), c)
        best[b] = max(best.get(b, 0.0), c)
    groups: dict[str, list[str]] = {}
    for x in sets:
        groups.setdefault(find(x), []).append(x)

    def when(x: str) -> tuple:
        p = published.get(x)
        return (p is None, p or "", order.get(x, 0), x)

    out: list[Syndication] = []
    for members in groups.values():
        members.sort(key=when)
        earliest = members[0]
        agency = next((agencies[m] for m in members if agencies.get(m)), None)
        own = agency is not None and agency_name((sources or {}).get(earliest)) in agency.split("/")
        original = earliest if agency is None or own else agency
        for m in members:
            if m == original:
                continue
            out.append(Syndication(copy=m, original=original, similarity=best[m],
                                   earliest=earliest, agency=agency))
    out.sort(key=lambda s: (order.get(s.copy, 0), s.copy))
    return out
