"""Helpers that link character spans to the article's entities.

Quotes (speakers), events (actors) and figures (sources) all need to ask "which
entity is mentioned here?"; this is the one place that answers it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from ..model import Entity, Span


class MentionIndex:
    """Sorted mentions of all entities for fast span look-ups."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        pairs = sorted((m, e) for e in entities for m in e.mentions)
        self._spans: list[Span] = [m for m, _ in pairs]
        self._starts = [m[0] for m in self._spans]
        self._entities: list[Entity] = [e for _, e in pairs]
        self.by_id = {e.id: e for e in entities}
        self._person_parts: dict[str, Entity] | None = None
        # how far back a mention overlapping a span can start (``at`` stops looking beyond it)
        self._reach = max((e - s for s, e in self._spans), default=0)
        self._found: dict[tuple[int, int], Entity | None] = {}
        # answers of rules that depend only on a token and these entities (``actors.code_actor``), asked
        # again for the same token by several rules; kept with the index, so they last one article
        self.answers: dict[tuple, object] = {}

    def person_parts(self) -> dict[str, Entity]:
        """Capitalised parts (3+ letters) of multi-word person names, each to its person.

        Built once per article and shared by every pronoun that asks; when two people
        share a part ("Ali"), the longest full name wins it.
        """
        if self._person_parts is None:
            parts: dict[str, Entity] = {}
            for ent in sorted(self.by_id.values(), key=lambda e: len(e.name)):
                if ent.type == "PERSON" and ent.mentions and len(ent.name.split()) > 1:
                    for part in ent.name.split():
                        if len(part) >= 3 and part[:1].isupper():
                            parts[part] = ent
            self._person_parts = parts
        return self._person_parts

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` most (None when none does); of two that overlap
        as much, the tighter mention ("Niger" in "Niger's president" is the country, not the president).

        Asked again and again of the same words (every capitalised token, every candidate actor), so each
        answer is kept. A mention starting ``_reach`` or more characters before ``start`` ends before it and
        cannot overlap: the look-back stops there (or after 400 characters, should a mention be longer).
        """
        found = self._found.get((start, end), self)
        if found is not self:
            return found
        best, best_key = None, (0, 0)
        i = bisect_right(self._starts, end) - 1
        floor = start - self._reach if self._reach <= 400 else None  # at or before it, nothing overlaps
        while i >= 0:
            s, e = self._spans[i]
            if s <= floor if floor is not None else (e <= start and s < start - 400):
                break
            key = (min(e, end) - max(s, start), s - e)
            if key[0] > 0 and key > best_key:
                best, best_key = self._entities[i], key
            i -= 1
        self._found[(start, end)] = best
        return best

    def mentions_between(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """All (mention span, entity) pairs that lie inside ``[start, end)``, in text order."""
        lo = bisect_right(self._starts, start - 1)
        out = []
        for i in range(lo, len(self._spans)):
            s, e = self._spans[i]
            if s >= end:
                break
            if e <= end:
                out.append((self._spans[i], self._entities[i]))
        return out

    def before(self, pos: int, *, types: Sequence[str] = ("PERSON",)) -> tuple[Span, Entity] | None:
        """The last mention ending at or before ``pos`` of an entity of one of ``types``."""
        i = bisect_right(self._starts, pos) - 1
        while i >= 0:
            s, e = self._spans[i]
            ent = self._entities[i]
            if e <= pos and ent.type in types:
                return self._spans[i], ent
            i -= 1
        return None
