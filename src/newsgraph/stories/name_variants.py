"""Names two reports share though they spell them apart, for the shared-entity check.

A report may not join a story none of whose latest reports names an entity it names
(``Refiner._names_one_of``). Exact names miss the same entity told two ways:

* a transliterated name each outlet spells its own way ("Zelensky"/"Zelenskyy",
  "Mohammed"/"Muhammad", "Kharkiv"/"Kharkov", "Al-Rashid"/"al Rasheed"): the
  consonants stay, vowels, y, w and doubled letters move (``place_aliases.skeleton``);
* a surname alone where another report gives the whole name ("Raheem" and
  "Mohammed Abdur Rahim"), a place alone where another report names the
  hospital or road called after it ("Feni" and "Feni General Hospital", "Dhaka"
  or "Chittagong" and the "Dhaka-Chittagong" highway): a one-word name that is
  the last word of a person's name (a place is none: "Jordan" is not Michael
  Jordan), or a one-word place that is the first word of another name (any part
  of a hyphenated one). A one-word body is no part of a longer name ("Police" is
  not "National Police").

Two words are one spelling of a name only with the same consonants, first letter, last
letter and number of vowel runs and a rapidfuzz ratio of at least ``WORD_RATIO``:
"Maria"/"Mario" and "Kowalski"/"Kowalska" (two people), "Niger"/"Nigeria", "Iran"/"Oran",
"Mali"/"Malawi" and "Guinea"/"Guyana" (two places) are not. Two whole names of several words match word for word, so two people
sharing only a surname ("Marek Hudák", "Jana Hudák") share no name.

Names are looked up by key (``_key`` of each word), so a report is compared with a story's
names in a few dict look-ups, however many names the story has; only a key found is confirmed
by ratio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz

from ..extract.gazetteer import fold
from ..extract.place_aliases import skeleton
from ..model import Entity
from .fingerprint import entity_term

WORD_RATIO = 70.0
"""rapidfuzz ratio (0-100) two words spelled with the same consonants must reach to be one name
("Rahim"/"Raheem" 73, "Mohammed"/"Muhammad" 75; "Guinea"/"Guyana" 67)."""

MIN_LETTERS = 4
"""Letters a word needs to match another spelling of it, or to stand for a longer name it begins or
ends: shorter words ("Kim", "Ali", "Md") are too often other names."""

_PLACES = frozenset({"GPE", "LOC"})

_WORD = re.compile(r"[a-z]+")
_VOWELS = re.compile(r"[aeiouy]+")


def _words(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(name).lower()))


def _key(word: str) -> str:
    """A word's look-up key: its first letter, consonants, last letter and count of vowel runs (the whole
    word when short): "Mali" and "Malawi" share consonants (w counts as a vowel) but not syllables."""
    if len(word) < MIN_LETTERS:
        return word
    return f"{word[0]}{skeleton(word[1:])}|{word[-1]}{len(_VOWELS.findall(word))}"


def _alike(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two word sequences whose keys agree are one name: each pair of words is the same word
    or spelled nearly alike."""
    return all(a == b or fuzz.ratio(a, b) >= WORD_RATIO for a, b in zip(one, other))


@dataclass(frozen=True, slots=True)
class NameSet:
    """Every entity name a report tells (``exact``: ``fingerprint.entity_names``), with keys to find
    another spelling of each.

    ``index`` holds what another report's name may meet (a whole name; a one-word name as a surname
    or a place; the last word of a person's name, the first word of any name), ``probe`` what this
    report's names look up there; each key maps to the words it stands for, to confirm the match
    (``_alike``)."""

    exact: frozenset[str] = frozenset()
    index: dict[str, tuple[str, ...]] = field(default_factory=dict)
    probe: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.exact)

    def meets(self, other: NameSet) -> bool:
        """Whether the two reports share a name, spelled alike or not."""
        if self.exact & other.exact:
            return True
        index = other.index
        return any((found := index.get(k)) is not None and _alike(words, found) for k, words in self.probe.items())


def _note(index: dict, probe: dict, role: str, other_role: str, words: tuple[str, ...]) -> None:
    """File a name (or one word of it) under ``role`` and have it look up ``other_role``."""
    k = " ".join(_key(w) for w in words)
    index[f"{role}:{k}"] = words
    probe[f"{other_role}:{k}"] = words


def name_set(names: frozenset[str], entities: Iterable[Entity] = ()) -> NameSet:
    """The ``NameSet`` of a report's entity terms (``e:<name>``), typed by its ``entities``."""
    types = {entity_term(e.name): e.type for e in entities if e.name}
    index: dict[str, tuple[str, ...]] = {}
    probe: dict[str, tuple[str, ...]] = {}
    for term in names:
        words = _words(term[2:])
        if not words:
            continue
        _note(index, probe, "f", "f", words)
        kind = types.get(term)
        if len(words) == 1:
            if len(words[0]) >= MIN_LETTERS:
                if kind in _PLACES:  # "Jordan" the country is not Michael Jordan
                    _note(index, probe, "place", "named", words)
                else:
                    _note(index, probe, "surname", "person", words)
            continue
        if kind == "PERSON" and len(words[-1]) >= MIN_LETTERS:
            _note(index, probe, "person", "surname", words[-1:])
        for w in (words[0], words[-1]) if "-" in term else (words[0],):
            if len(w) >= MIN_LETTERS:
                _note(index, probe, "named", "place", (w,))
    return NameSet(names, index, probe)
