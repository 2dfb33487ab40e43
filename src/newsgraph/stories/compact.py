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

import pickle
import zlib
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Sequence

import numpy as np

from ..model import Event, Figure, Place, Quote
from .credits import Credit
from .story_time import StoryDays
from .term_counts import sorted_recent, term_hashes

_SEP = "\x00"

PackedIds = str | tuple[str, ...]
"""Ids packed by ``pack_ids``: one string, or the ids themselves when they cannot be joined."""

PackedContexts = tuple[()] | tuple[tuple[str, ...], tuple[int, ...]]
"""Figure contexts packed by ``pack_contexts``."""


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
        new, vals = sorted_recent(recent)
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
class ReportFacts:
    """What a story's record needs of one report's text and facts (kept packed in ``Kept.facts``)."""

    title: str | None
    lead: str
    figures: tuple[Figure, ...]
    contexts: tuple[frozenset[str], ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    places: tuple[Place, ...] = ()

    def pack(self) -> bytes:
        """These facts pickled and compressed: a report's figures, quotes and events as objects cost
        about 7 kB while its story is joinable, packed about 1.3 kB (they are read once, when the story's
        record is made)."""
        parts = (self.title, self.lead, self.figures, pack_contexts(self.contexts), self.quotes, self.events,
                 self.places)
        return zlib.compress(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), 1)

    @classmethod
    def unpack(cls, blob: bytes) -> "ReportFacts":
        """The facts ``pack`` packed (equal values; each context set rebuilt from its sorted terms)."""
        title, lead, figures, contexts, quotes, events, places = pickle.loads(zlib.decompress(blob))
        return cls(title, lead, figures, unpack_contexts(contexts), quotes, events, places)


@dataclass(frozen=True, slots=True)
class Kept:
    """What ``result()`` needs of an article after its text is gone."""

    id: str
    order: int
    published: str | None
    source: str | None
    credit: Credit | None
    facts: bytes = b""
    """``ReportFacts.pack``; empty once the story's record is made (``slim``)."""
    weekdays: tuple[int, ...] = ()
    own_anchor: str | None = None
    pins: tuple[tuple[int, int, int], ...] = ()
    """``story_time.pinned_days`` of an undated report: what dates a story no dated report dates."""
    url_day: str | None = None
    """The day an undated report's address names (``dates.url_day``): a story day (``story_time.told_days``)."""
    told: tuple[int, ...] = ()
    """The weekdays an undated report tells of in the past tense (``story_time.told_days``)."""
    day_before: bool = False
    """``story_time.told_day_before`` of an undated report (``StoryDays.inferred_day``)."""

    def report(self) -> ReportFacts:
        return ReportFacts.unpack(self.facts)

    def slim(self) -> "Kept":
        """This record without the facts and texts only a story's own record needs."""
        return replace(self, facts=b"")


def pack_contexts(contexts: Iterable[frozenset[str]]) -> PackedContexts:
    """The context terms of an article's figures: the article's terms once (sorted) and, per figure,
    a bitmask of the terms its context holds.

    The contexts of one report's figures overlap (a sentence or more around
    each figure), so a tuple of terms per figure held most words several
    times over: about 4 kB a report, most of what a report of a joinable
    story cost. The sets are rebuilt (``unpack_contexts``) when the story's
    discrepancies are made.
    """
    contexts = list(contexts)
    if not contexts:
        return ()
    vocab = sorted(set().union(*contexts))
    at = {t: i for i, t in enumerate(vocab)}
    return tuple(vocab), tuple(sum(1 << at[t] for t in c) for c in contexts)


def unpack_contexts(packed: PackedContexts) -> tuple[frozenset[str], ...]:
    """The contexts ``pack_contexts`` packed, each a set built from its terms in sorted order."""
    if not packed:
        return ()
    vocab, masks = packed
    return tuple(frozenset(t for i, t in enumerate(vocab) if mask >> i & 1) for mask in masks)


class Weights(Mapping):
    """A read-only term -> weight map in two flat arrays, in the order it was given.

    A report's vector (its 40 heaviest terms) is kept while its story is
    joinable so that ``result()`` can place the report again; as a dict it cost
    about 2.5 kB, as a tuple of terms and an array of doubles (the same values,
    bit for bit) about 0.8 kB.
    """

    __slots__ = ("_terms", "_values")

    def __init__(self, weights: dict[str, float]) -> None:
        self._terms = tuple(weights)
        self._values = array("d", weights.values())

    def __getitem__(self, term: str) -> float:
        try:
            return self._values[self._terms.index(term)]
        except ValueError:
            raise KeyError(term) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def items(self) -> Iterator[tuple[str, float]]:  # type: ignore[override]
        return zip(self._terms, self._values)

    def values(self) -> Iterator[float]:  # type: ignore[override]
        return iter(self._values)


__all__ = ["IdIndex", "Kept", "PackedIds", "PackedContexts", "ReportFacts", "RetiredStory", "Weights", "pack_contexts",
           "pack_ids", "unpack_contexts", "unpack_ids"]
