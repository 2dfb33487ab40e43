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
``RetiredStory`` is a finished story in that form, and ``Kept`` what the
output needs of an article once its text is gone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from ..model import Event, Figure, Place, Quote
from .credits import Credit
from .story_time import StoryDays
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


class RetiredStory:
    """A retired story, compactly: what the output still asks of it (its id, order, members and days).

    A retired story is never joined, compared or merged again, and its record
    is on disk (``StorySpill``); keeping the joinable form (a ``_Story`` with
    its tuple of id strings and its ``StoryDays``) cost about 1.3 kB a story,
    which grew with the corpus. Its members are one packed string and its days
    a tuple of ``(day, count)`` pairs; both are rebuilt when asked for.
    """

    __slots__ = ("id", "seq", "_members", "_days")
    active = False

    def __init__(self, sid: str, seq: int, articles: Iterable[str], days: StoryDays) -> None:
        self.id = sid
        self.seq = seq
        self._members: PackedIds = pack_ids(articles)
        self._days: tuple[tuple[str, int], ...] = tuple(days.counts.items())

    @property
    def articles(self) -> tuple[str, ...]:
        return unpack_ids(self._members)

    @property
    def days(self) -> StoryDays:
        return StoryDays(Counter(dict(self._days)))

    def has_days(self) -> bool:
        return bool(self._days)


@dataclass(frozen=True, slots=True)
class Kept:
    """What ``result()`` needs of an article after its text is gone."""

    id: str
    order: int
    published: str | None
    source: str | None
    title: str | None
    lead: str
    credit: Credit | None
    figures: tuple[Figure, ...]
    contexts: tuple[tuple[str, ...], ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    weekdays: tuple[int, ...] = ()
    own_anchor: str | None = None
    places: tuple[Place, ...] = ()

    def _slim(self) -> "Kept":
        """This record without the facts and texts only a story's own record needs."""
        return Kept(id=self.id, order=self.order, published=self.published, source=self.source, title=None,
                    lead="", credit=self.credit, figures=(), contexts=(), quotes=(), events=(),
                    weekdays=self.weekdays, own_anchor=self.own_anchor)


def context_terms(terms: frozenset[str]) -> tuple[str, ...]:
    """A figure's context terms as a sorted tuple.

    A frozenset per figure costs several times the memory of a tuple; the set
    is rebuilt only when the story's discrepancies are made. The terms are not
    interned (``sys.intern``): ``content_terms`` already hands out one string
    per recent word (its word cache), and the process-wide intern table would
    grow with the vocabulary of every report seen (a 4 MB table doubled to
    8 MB between 10,000 and 30,000 generated articles).
    """
    return tuple(sorted(terms))


__all__ = ["IdIndex", "Kept", "PackedIds", "RetiredStory", "context_terms", "pack_ids", "unpack_ids"]
