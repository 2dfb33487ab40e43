"""Syndication: near-verbatim copies, found through MinHash LSH and confirmed by containment or by
their sentences.

Outlets reprint wire copy with a paragraph added or cut, so copies are judged by
*containment* (how much of the shorter text the longer one holds) over word
shingles, not by Jaccard. MinHash LSH (datasketch's banding, kept compact in
``band_index``) only proposes candidates, so finding a copy costs the same
however many articles were seen; the exact containment of the few candidates
then decides. A close paraphrase (a few words changed in every sentence) keeps too few
shingles for containment, so a pair is also a copy when most narrative sentences of one
reappear lightly edited in the other (``_Entry.paraphrases``).

A copy's original is the earlier article of the set it copies (a copy of a copy
points at its parent); the first of a group of copies, or an article that copies
nothing in the set, is a copy of the wire agency its credit line names
("(Reuters)", "Source: AFP", "- AP"; see ``credits``).
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from ..extract.dates import published_time
from ..model import Syndication
from .band_index import BandIndex, lsh_shape
from .credits import Credit, agency_name, find_credit
from .disjoint import DisjointSets
from .fingerprint import (NUM_PERM, containment, extends, jaccard, minhash, narrative_pairs, near_sentences,
                          shared_passage, shingles, trims_lead)

log = logging.getLogger(__name__)

COPY_CONTAINMENT = 0.5
"""Containment at or above which two texts are one text: "wholly or largely the same wording" is at
least half of the shorter text; rewrites that share a quote or a statement stay far below."""

MIN_SHINGLES = 12
"""Texts with fewer shingles (a line or two) are too short to call copies."""

CUT_COVERAGE = 0.9
"""Share of a text's shingles another text must hold for the first to be a *cut* of the second."""

CUT_MARGIN = 0.25
"""How much less of the longer text the cut holds (its own coverage at most ``1 - CUT_MARGIN``):
a text that holds nearly all of another and adds a quarter of its own again is the fuller version."""

PARAPHRASE_COVERAGE = 0.4
"""Share of a narrative sentence's word pairs (bigrams and skip-bigrams, ``narrative_pairs``)
the other text must hold for the sentence to reappear there edited: with a word in three dropped, swapped
or replaced it keeps about half of them (and few of its 4-word shingles, which is why containment misses
such a copy), while a sentence of an independent report on the same event, built around the same names,
keeps a quarter at most; that most of a text's sentences must do so (``PARAPHRASE_SHARE``) does the rest."""

PARAPHRASE_SHARE = 0.6
"""Share of a text's narrative sentences that must reappear lightly edited in another text for the first
to be a close paraphrase of the second (a copy with a few words changed per sentence). Independent
reports of one event, even two versions of one wire story, share a third of their narration at most."""

PARAPHRASE_MIN = 3
"""Narrative sentences that must reappear, at least, for a paraphrase (one or two are a shared fact)."""

NARRATION_CONTAINMENT = 0.25
"""Containment, on the words outside quotation marks, at or above which two texts that meet
``COPY_CONTAINMENT`` are one text: outlets quoting the same statement at length share most of their
shingles inside the quotes and almost none of their narration (a tenth at most), where a copy, even one
with a paragraph added and another cut, keeps most of the narration it carries."""

SIBLING_SENTENCES = 2
"""Narrative sentences each of two texts must share near-verbatim with the other to be versions of one
text. Independent reports of one event share quotes and facts, not two sentences of narration; two
versions of one wire story (an early and a late one, each edited by its outlet) do."""


_QUOTED = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)
"""A span in double quotation marks (to the end of its paragraph when the closing mark is missing)."""


def narration_shared(text: str, other: str) -> bool:
    """Whether two texts share their narration, the words outside quotation marks: at least
    ``NARRATION_CONTAINMENT`` of the shorter narration's shingles are in the other's. Two reports quoting one
    statement or one press conference share the quotes and not the sentences around them; a text that is
    all quotes has no narration to share with one that has some (two texts that are both all quotes, a
    statement carried whole, are left to plain containment).

    Example:
        >>> said = '"We will close the border for two weeks to protect our people and our hospitals,"'
        >>> narration_shared(said + " the minister told reporters in the capital on Monday.",
        ...                  said + " she said, as queues formed at the busiest crossing.")
        False
    """
    mine, theirs = shingles(_QUOTED.sub(" ", text)), shingles(_QUOTED.sub(" ", other))
    if not len(mine) and not len(theirs):
        return True
    return bool(len(mine) and len(theirs)) and containment(mine, theirs) >= NARRATION_CONTAINMENT


def credited_agency(text: str) -> str | None:
    """The wire agency an article credits, canonical name (``"Reuters"``, ``"APP/AFP"``), or None.

    See ``credits.find_credit`` for the credit shapes recognised.
    """
    credit = find_credit(text)
    return credit.agency if credit else None


@dataclass(slots=True)
class _Entry:
    shingles: np.ndarray
    order: int
    narrative: np.ndarray
    starts: np.ndarray
    pairs: np.ndarray
    """Bigrams and skip-bigrams of the narrative sentences, which begin where ``pair_starts`` says."""
    pair_starts: np.ndarray
    packed: bytes = b""
    """The text, zlib-packed: a later fuller text can make this one the copy, whose evidence is then a
    passage located in this text."""

    def paraphrases(self, other: "_Entry") -> bool:
        """Whether this text or ``other`` is a close paraphrase of the other: at least ``PARAPHRASE_SHARE``
        (and ``PARAPHRASE_MIN``) of one's narrative sentences reappear lightly edited in the other. Either
        way round, so that a cut and edited copy (its every sentence in the fuller text, few of the
        fuller text's in it) is one."""
        for a, b in ((self, other), (other, self)):
            n = len(a.pair_starts)
            if n < PARAPHRASE_MIN:
                continue
            k = near_sentences(a.pairs, a.pair_starts, np.unique(b.pairs), coverage=PARAPHRASE_COVERAGE)
            if k >= PARAPHRASE_MIN and k >= PARAPHRASE_SHARE * n:
                return True
        return False


@dataclass
class SyndicationIndex:
    """An incremental index of article texts that finds copies of each new text.

    Args:
        threshold: containment at or above which two texts are copies.
        lsh_threshold: the Jaccard level at which LSH proposes candidates (low,
            so that a copy with half its text cut is still proposed).
        max_size: texts kept in the index (a sliding window of the latest
            added); beyond it the oldest are forgotten (copies follow their
            original within days), which keeps memory flat on an endless stream.
    """

    threshold: float = COPY_CONTAINMENT
    lsh_threshold: float = 0.2
    num_perm: int = NUM_PERM
    max_size: int = 3_000
    _lsh: BandIndex = field(init=False, repr=False)
    _entries: dict[str, _Entry] = field(default_factory=dict, init=False, repr=False)
    _fifo: deque = field(default_factory=deque, init=False, repr=False)
    links: list[tuple[str, str, float]] = field(default_factory=list, init=False)
    passages: dict[str, tuple[int, int]] = field(default_factory=dict, init=False)
    pair_passages: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict, init=False)
    jaccards: dict[tuple[str, str], float] = field(default_factory=dict, init=False)
    covers: dict[tuple[str, str], tuple[float, float, str | None]] = field(default_factory=dict, init=False)
    siblings: list[tuple[str, str, float]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._lsh = BandIndex(*lsh_shape(self.lsh_threshold, self.num_perm))

    def add(self, article_id: str, text: str) -> tuple[str, float] | None:
        """Index one text; returns the best earlier copy ``(id, containment)`` or None."""
        sh = shingles(text)
        if len(sh) < MIN_SHINGLES or article_id in self._entries:
            return None
        mh = minhash(sh, num_perm=self.num_perm)
        plain, pairs = narrative_pairs(text)
        new = _Entry(sh, len(self._entries), *plain, *pairs)
        best: tuple[str, float] | None = None
        for cand in sorted(self._lsh.query(mh.hashvalues)):
            entry = self._entries.get(cand)
            if entry is None:
                continue
            c = containment(sh, entry.shingles)
            if (c >= self.threshold and narration_shared(text, _unpacked(entry))) or new.paraphrases(entry):
                self._link(cand, article_id, c, entry, sh, text)
                if best is None or c > best[1]:
                    best = (cand, c)
        if best is not None and (span := self.pair_passages.get((article_id, best[0]))):
            self.passages[article_id] = span  # located by _link
        self._lsh.insert(article_id, mh.hashvalues)
        new.packed = zlib.compress(text.encode("utf-8"), 1)
        self._entries[article_id] = new
        self._fifo.append(article_id)
        while len(self._entries) > self.max_size and self._fifo:
            self.forget(self._fifo.popleft())
        if len(self._fifo) > 2 * len(self._entries) + 64:
            # ids forgotten by the caller (``forget``) would pile up here: keep those still indexed, in
            # order (forgetting a forgotten id does nothing, so the window drops the same texts)
            self._fifo = deque(a for a in self._fifo if a in self._entries)
        return best

    def relate(self, article_id: str, text: str | None, others: list[str]) -> None:
        """Compare an indexed text with ``others`` (its story's recent reports) beyond what LSH proposed.

        Two relations LSH cannot see: a short cut of a long text (containment
        high, Jaccard too low to be proposed) or a close paraphrase, recorded
        as a copy link; and two
        versions of one wire text, each edited and cut differently, that share
        at least ``SIBLING_SENTENCES`` narrative sentences each way, recorded
        in ``siblings`` (they copy a common source, not each other). Without
        ``text`` (a report re-assigned after its text is gone) no passage is
        recorded, and pairs already related are skipped.
        """
        entry = self._entries.get(article_id)
        if entry is None:
            return
        linked = {a for a, b, _ in self.links[-64:] if b == article_id}
        mine = np.unique(entry.narrative)
        for other in others:
            old = self._entries.get(other)
            if old is None or other == article_id or other in linked:
                continue
            c = containment(entry.shingles, old.shingles)
            if (c >= self.threshold and narration_shared(_unpacked(entry), _unpacked(old))) or entry.paraphrases(old):
                self._link(other, article_id, c, old, entry.shingles, text)
                if article_id not in self.passages and (span := self.pair_passages.get((article_id, other))):
                    self.passages[article_id] = span  # located by _link
                continue
            if (near_sentences(entry.narrative, entry.starts, np.unique(old.narrative)) >= SIBLING_SENTENCES
                    and near_sentences(old.narrative, old.starts, mine) >= SIBLING_SENTENCES):
                self.siblings.append((other, article_id, round(c, 3)))

    def _link(self, a: str, b: str, c: float, old: _Entry, sb: np.ndarray, text: str | None) -> None:
        """Record that the indexed ``a`` (entry ``old``) and the new ``b`` (shingles ``sb``, ``text``) are
        copies: containment, Jaccard, the share of each text the other holds (which one is a cut of the
        other), and the passage each shares with the other, located in its own text (``pair_passages``),
        so that whichever of the two ``resolve`` makes the copy, its evidence is a span of its own text."""
        sa = old.shingles
        self.links.append((a, b, round(c, 3)))
        self.jaccards[(a, b)] = round(jaccard(sa, sb), 3)
        inter = c * min(len(sa), len(sb))
        in_a, in_b = round(inter / len(sa), 3), round(inter / len(sb), 3)
        old_text = _unpacked(old) if old.packed else None
        self.covers[(a, b)] = (in_a, in_b, *_reworked((a, old_text, in_a), (b, text, in_b)))
        if text is not None and (span := shared_passage(text, sa)):
            self.pair_passages[(b, a)] = span
        if old_text is not None and (span := shared_passage(old_text, sb)):
            self.pair_passages[(a, b)] = span

    def forget(self, article_id: str) -> None:
        """Drop a text from the index (it can no longer be found as a copy's original)."""
        if self._entries.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def __len__(self) -> int:
        return len(self._entries)


def _unpacked(entry: _Entry) -> str:
    """An indexed text, unpacked ("" when it is not packed yet)."""
    return zlib.decompress(entry.packed).decode("utf-8") if entry.packed else ""


def synd_key(day: str | None, *, published: str | None = None, article_id: str) -> tuple[str, int, str, str]:
    """The sort key that decides which of two copies came first: the day, then a known date before an
    inferred day, then the publication time, then the article id.

    ``day`` is the day the article counts from (its publication day, or the day inferred from its
    story); ``published`` its own publication date or time, when known. An undated article's day is
    inferred from the days its text names, which are on or before its publication, so the inferred
    day is the earliest it can have appeared: of two copies of one day, the one whose date is known is
    the earlier. Past the time nothing in the texts orders them, and the id decides rather than arrival
    order, so that the same articles fed in another order give the same links. Articles of unknown day
    (``day`` None) sort after every dated one.

    Example:
        >>> synd_key("2016-05-02", published="2016-05-02", article_id="b") < synd_key("2016-05-02", article_id="a")
        True
    """
    return (day or "~", 0 if published and day else 1, _utc(published) if published else "", article_id)


def _utc(published: str) -> str:
    """A publication time with a UTC offset as UTC ISO text, so that times of one day compare; other
    strings (a bare date, a local time) as they are."""
    when = published_time(published)
    return published if when is None or when.tzinfo is None else when.isoformat()


def resolve(links: list[tuple[str, str, float]], *, key: dict[str, tuple],
            credits: dict[str, Credit | None], sources: dict[str, str | None] | None = None,
            passages: dict[str, tuple[int, int]] | None = None,
            jaccards: dict[tuple[str, str], float] | None = None,
            siblings: list[tuple[str, str, float]] | None = None,
            covers: dict[tuple[str, str], tuple] | None = None,
            pair_passages: dict[tuple[str, str], tuple[int, int]] | None = None) -> list[Syndication]:
    """Syndication records from pairwise copy links, sibling links and credit lines.

    Each copy points at its *parent*: the earlier article (by ``key``) that holds
    most of the copy's wording (the share of the copy's shingles, ``_held``; then
    Jaccard when two hold it alike), so a copy of a copy points at the copy it was
    made from, and a copy holding paragraphs a shorter earlier copy cut points past
    that cut to the fuller text. Of two texts of one
    day (or both of unknown day) where one is a *cut* of the other (the other
    holds nearly all of it and much more; two days one apart of which one at least is
    inferred from the story count as one day), the fuller text is the original
    whichever arrived first: outlets cut wire copy to fit, so the shorter
    text is the copy, and arrival order says nothing about which came first;
    but when both carry a publication time and the times differ, the earlier
    is the original (a later fuller text is a copy its outlet extended). A fuller
    text whose extra words stand on top of the other (a new lead) or past the
    credit closing the other is that text extended, so the copy whatever the
    order; and of one day, a text keeping the wire's dateline credit is the
    original of the same text carried without any credit.
    An article with no parent in the set (the first of its copies, or a version
    of a wire text that other articles carry in other versions: a *sibling*) is
    a copy of the wire agency credited by the nearest article linked to it
    (itself first), unless it is that agency's own article. An article that
    credits an agency and is linked to nothing is a copy of the agency. Siblings
    without any credit among them get no record: they copy a common source the
    set does not name.

    Args:
        links: ``(id, id, containment)`` pairs of texts that are copies of each other.
        key: sort key by article id (``synd_key``: publication or inferred day, a known date first, then time, then id).
        credits: the credit line found in each article, if any.
        sources: outlet name by article id (an agency's own article is an original).
        passages: span of the passage a copy shares with its best earlier match.
        jaccards: Jaccard similarity of each linked pair (breaks containment ties).
        siblings: ``(id, id, containment)`` pairs of versions of one text.
        covers: for each linked pair, the share of each text's shingles the other holds, and the id of
            the one that extends the other (a lead of its own on top, paragraphs past its closing credit).
        pair_passages: ``(x, y)`` -> span of the passage ``x`` shares with ``y``, in ``x``'s text; a
            copy's evidence is the one it shares with its parent (``passages`` when there is none).

    Returns:
        Syndication records in ``key`` order of the copies; ``similarity`` is the
        containment with the parent (or with the sibling the credit came through),
        1.0 when the only evidence is the article's own credit line.
    """
    sources = sources or {}
    passages = passages or {}
    jaccards = jaccards or {}
    covers = covers or {}
    pair_passages = pair_passages or {}
    parent: dict[str, tuple[str, float]] = {}
    rank: dict[str, tuple] = {}
    for a, b, c in links:
        if a not in key or b not in key:
            continue
        early, late = (a, b) if key[a] <= key[b] else (b, a)
        if _one_day(key[a], key[b]) and not _timed_apart(key[a], key[b]):
            if _extends(early, late, covers):
                early, late = late, early  # of one day, a text extended with a lead of its own is the copy
            elif _trims(early, covers, late):
                early, late = late, early  # of one day, a text with the other's lead sentence trimmed is the copy
            elif _cut_of(early, late, covers):
                early, late = late, early  # of one day, the fuller text is the original of a cut of it
            elif (_day(key[a]) == _day(key[b]) and not _cut_of(late, early, covers)
                  and _keeps_dateline(late, early, credits)):
                early, late = late, early  # the wire's dateline kept: the text as the agency issued it
        if _own_article(late, early, credits, sources):
            early, late = late, early  # the agency's own article is the original of a copy crediting it
        r = (round(_held(late, early, covers, c), 2), jaccards.get((a, b), 0.0), key[early])
        if late not in rank or r > rank[late]:
            parent[late], rank[late] = (early, c), r
    _break_cycles(parent, key)

    near: dict[str, list[tuple[str, float]]] = {}
    for a, b, c in [(a, b, c) for a, b, c in links] + list(siblings or ()):
        if a in key and b in key:
            near.setdefault(a, []).append((b, c))
            near.setdefault(b, []).append((a, c))
    sets = DisjointSets()
    for a, edges in near.items():
        for b, _ in edges:
            sets.union(a, b)

    out: list[Syndication] = []
    ids = sorted(set(near) | {k for k, v in credits.items() if v and k in key}, key=lambda i: key[i])
    earliest: dict[str, str] = {}
    for m in ids:  # in key order: the first member seen of each group is its earliest
        earliest.setdefault(sets.find(m), m)
    for m in ids:
        root = earliest[sets.find(m)]
        if m in parent:
            p, c = parent[m]
            span = pair_passages.get((m, p)) or passages.get(m)
            holder = _nearest_credit(m, near, credits)
            out.append(Syndication(copy=m, original=p, similarity=c, earliest=root,
                                   agency=credits[holder[0]].agency if holder else None,
                                   evidence=(m, span) if span else None))
            continue
        holder = _nearest_credit(m, near, credits)
        if holder is None:
            continue
        credit = credits[holder[0]]
        if agency_name(sources.get(m)) in credit.agency.split("/"):
            continue  # the agency's own article
        # "(APP/AFP)": the last agency named is the one whose text the others relay
        out.append(Syndication(copy=m, original=credit.agency.split("/")[-1], similarity=holder[1],
                               earliest=root, agency=credit.agency,
                               evidence=(holder[0], credit.span) if credit.field is None else None))
    out.sort(key=lambda s: (key.get(s.copy, ()), s.copy))
    return out


def _nearest_credit(start: str, near: dict[str, list[tuple[str, float]]],
                    credits: dict[str, Credit | None]) -> tuple[str, float] | None:
    """The nearest article (breadth first over copy and sibling links) with a credit, and the
    similarity of the first link on the way (1.0 for the article's own credit)."""
    if credits.get(start):
        return start, 1.0
    seen = {start}
    frontier = [(n, c) for n, c in sorted(near.get(start, ()), key=lambda e: -e[1])]
    while frontier:
        nxt: list[tuple[str, float]] = []
        for node, first in frontier:
            if node in seen:
                continue
            seen.add(node)
            if credits.get(node):
                return node, first
            nxt.extend((n, first) for n, _ in sorted(near.get(node, ()), key=lambda e: -e[1]))
        frontier = nxt
    return None


def _day(k: tuple | str) -> object:
    """The day part of a sort key (its first item; the key itself when it is not a tuple)."""
    return k[0] if isinstance(k, tuple) and k else k


def _one_day(ka: tuple | str, kb: tuple | str) -> bool:
    """Whether two sort keys (``synd_key``) may be of one day: the same day, or two days one apart of which
    one at least is inferred from the story (an inferred day is an estimate: "said Wednesday" is read on
    Wednesday or on Thursday, and a cut that keeps fewer of the text's day words may be put a day apart
    from it), so that what the texts show (a cut, an extension, a dateline kept) decides."""
    da, db = _day(ka), _day(kb)
    if da == db:
        return True
    if not (isinstance(ka, tuple) and isinstance(kb, tuple) and len(ka) > 1 and len(kb) > 1):
        return False
    if ka[1] == kb[1] == 0 or "~" in (da, db):
        return False  # both known: their days differ
    try:
        return abs(date.fromisoformat(str(da)[:10]) - date.fromisoformat(str(db)[:10])) <= timedelta(days=1)
    except ValueError:
        return False


def _timed_apart(ka: tuple | str, kb: tuple | str) -> bool:
    """Whether two sort keys (``synd_key``) both carry a publication time, and different ones: then the
    times say which text came first, and a fuller text published later is a copy extended by its outlet."""
    if not (isinstance(ka, tuple) and isinstance(kb, tuple) and len(ka) > 2 and len(kb) > 2):
        return False
    return "T" in ka[2] and "T" in kb[2] and ka[2] != kb[2]


def _break_cycles(parent: dict[str, tuple[str, float]], key: dict[str, tuple]) -> None:
    """Make the parent links a forest: a cut pointing at its fuller text against arrival order can
    close a loop with order-based links; the loop's earliest member (by ``key``) then has no parent."""
    done: set[str] = set()
    for start in sorted(parent, key=lambda i: key[i]):
        path: list[str] = []
        on_path: set[str] = set()
        node = start
        while node in parent and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parent[node][0]
        if node in on_path:  # a loop: from node back to node
            loop = path[path.index(node):]
            del parent[min(loop, key=lambda i: key[i])]
        done.update(path)


def _reworked(one: tuple[str, str | None, float], two: tuple[str, str | None, float]) -> tuple[str | None, str | None]:
    """Of two linked texts (``(id, text, share of it the other holds)`` each), the id of the one that holds
    the other with paragraphs of its own on top of it, or past the credit line closing the other (that one
    is the other extended by whoever carried it: ``fingerprint.extends``), and the id of the one that is the
    other with its lead sentence trimmed (``fingerprint.trims_lead``). Each None when neither text is, or a
    text is gone."""
    (ia, ta, ca), (ib, tb, cb) = one, two
    if ta is None or tb is None:
        return None, None
    extended = trimmed = None
    for (fid, full), (sid, short, c_short) in (((ia, ta), two), ((ib, tb), one)):
        if c_short < CUT_COVERAGE or len(full) <= len(short):
            continue
        if extended is None and extends(full, short, past_end=_closing_credit(short)):
            extended = fid
        if trimmed is None and trims_lead(full, short):
            trimmed = sid
    return extended, trimmed


def _closing_credit(text: str) -> bool:
    """Whether ``text`` ends with a credit ("— AFP", "(Reporting by Jane Roe; Editing by John Doe)"),
    read in its last paragraph alone, so that a wire dateline opening the text does not hide it."""
    body = text.rstrip()
    last = body[body.rfind("\n") + 1:]
    credit = find_credit(last)
    return credit is not None and not last[credit.span[1]:].strip(" .)]")


def _cover(x: str, y: str, covers: dict[tuple[str, str], tuple]) -> tuple[float, float, str | None, str | None] | None:
    """The share of ``x`` that ``y`` holds, of ``y`` that ``x`` holds, which extends the other, and which is
    the other with its lead sentence trimmed."""
    if (x, y) in covers:
        in_y, in_x, *ext = covers[(x, y)]
    elif (y, x) in covers:
        in_x, in_y, *ext = covers[(y, x)]
    else:
        return None
    return in_y, in_x, ext[0] if ext else None, ext[1] if len(ext) > 1 else None


def _held(copy: str, source: str, covers: dict[tuple[str, str], tuple], default: float) -> float:
    """The share of ``copy``'s shingles that ``source`` holds (``default``, the pair's containment, when
    the pair has no cover): what ranks the earlier texts a copy is linked to. Containment, measured on
    the shorter text, gives 1.0 to a short cut *inside* the copy as to the fuller text the copy was made
    from; only the text that holds the copy's own paragraphs can be the one it was copied from."""
    cover = _cover(copy, source, covers)
    return default if cover is None else cover[0]


def _cut_of(x: str, y: str, covers: dict[tuple[str, str], tuple]) -> bool:
    """Whether text ``x`` is a cut of text ``y``: ``y`` holds at least ``CUT_COVERAGE`` of ``x``,
    while ``x`` holds at most ``1 - CUT_MARGIN`` of ``y`` (``y`` goes on well beyond it), and ``y`` did
    not get its extra words as a new lead on top of ``x`` or past the credit closing ``x``."""
    cover = _cover(x, y, covers)
    if cover is None:
        return False
    in_y, in_x, ext, _ = cover
    return in_y >= CUT_COVERAGE and in_x <= 1 - CUT_MARGIN and ext != y


def _extends(x: str, y: str, covers: dict[tuple[str, str], tuple]) -> bool:
    """Whether text ``x`` is ``y`` extended: a new lead on top of it, or paragraphs past its closing credit."""
    cover = _cover(x, y, covers)
    return cover is not None and cover[2] == x


def _trims(x: str, covers: dict[tuple[str, str], tuple], y: str) -> bool:
    """Whether text ``x`` is ``y`` with its lead sentence trimmed."""
    cover = _cover(x, y, covers)
    return cover is not None and cover[3] == x


def _keeps_dateline(x: str, y: str, credits: dict[str, Credit | None]) -> bool:
    """Whether ``x`` opens with the wire's dateline credit ("LIMA (AP) —") and ``y``, the same text,
    credits no one: an outlet re-editing wire copy in its house style drops the agency's dateline, so of
    one day the text that keeps it is the nearer the agency's and the original of the other."""
    cx = credits.get(x)
    return cx is not None and cx.dateline and credits.get(y) is None


def _own_article(a: str, b: str, credits: dict[str, Credit | None], sources: dict[str, str | None]) -> bool:
    """Whether ``a`` is published by the agency that ``b`` credits."""
    credit = credits.get(b)
    return credit is not None and agency_name(sources.get(a)) in credit.agency.split("/")
