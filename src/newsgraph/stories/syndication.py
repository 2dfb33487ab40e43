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
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHashLSH

from ..lexicons import load_tsv
from ..model import Syndication
from .fingerprint import NUM_PERM, containment, minhash, shingles

log = logging.getLogger(__name__)

COPY_CONTAINMENT = 0.65
"""Containment at or above which two texts are one text: rewrites sharing a quote stay far below."""

MIN_SHINGLES = 12
"""Texts with fewer shingles (a line or two) are too short to call copies."""


@functools.lru_cache(maxsize=1)
def _agency_patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names = {r["alias"]: r["name"] for r in load_tsv("wire_agencies.tsv")}
    alt = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    # "(Reuters)", "(IANS/EFE)", "(AP Photo)" excluded by requiring only agencies and separators inside.
    paren = re.compile(rf"\((?:\s*(?:{alt})\s*[/,&-]?\s*)+\)")
    phrase = re.compile(
        rf"(?:\b(?:quoted by|told|reported by|cited by|speaking to|interview with)"
        rf"\s+(?:the\s+)?(?P<a>{alt})\b)"
        rf"|(?:\b(?P<b>{alt})\s+(?:news agency\s+)?(?:reported|reports|said|quoted|learned|contributed)\b)"
        rf"|(?:^|\n)\s*[-—–]*\s*(?P<c>{alt})\s*$"
        rf"|(?:©|\(c\)|copyright)\s*(?P<d>{alt})\b",
        re.MULTILINE)
    return paren, phrase, names


def agency_name(source: str | None) -> str | None:
    """The canonical agency name of an outlet name ("Associated Press" -> "AP"), or None."""
    if not source:
        return None
    names = _agency_patterns()[2]
    return names.get(source.strip()) or names.get(source.strip().removeprefix("The ").strip())


def credited_agency(text: str) -> str | None:
    """The wire agency an article credits, canonical name (``"Reuters"``, ``"IANS/EFE"``), or None.

    A credit in parentheses near the top (the dateline) wins; otherwise the first
    phrase such as "quoted by IANS", "told Reuters" or "AFP reported" counts.
    """
    paren, phrase, names = _agency_patterns()
    m = paren.search(text, 0, 600)
    if m:
        found = []
        inner = m.group()[1:-1]
        for alias in sorted(names, key=len, reverse=True):
            for hit in re.finditer(rf"(?<![\w]){re.escape(alias)}(?![\w])", inner):
                found.append((hit.start(), names[alias]))
                inner = inner[:hit.start()] + " " * len(alias) + inner[hit.end():]
        ordered = []
        for _, name in sorted(found):
            if name not in ordered:
                ordered.append(name)
        if ordered:
            return "/".join(ordered)
    m = phrase.search(text)
    if m:
        alias = next(g for g in m.groups() if g)
        return names[alias]
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
    """

    threshold: float = COPY_CONTAINMENT
    lsh_threshold: float = 0.2
    num_perm: int = NUM_PERM
    _lsh: MinHashLSH = field(init=False, repr=False)
    _entries: dict[str, _Entry] = field(default_factory=dict, init=False, repr=False)
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
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[str, float] = {}
    for a, b, c in links:
        parent[find(a)] = find(b)
        best[a] = max(best.get(a, 0.0), c)
        best[b] = max(best.get(b, 0.0), c)
    groups: dict[str, list[str]] = {}
    for x in parent:
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
