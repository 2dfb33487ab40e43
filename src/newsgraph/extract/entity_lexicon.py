"""Token view and gazetteer phrase scan shared by the entity rules.

The entities stage reads token attributes once into plain lists (:class:`Tokens`)
and matches the gazetteer's phrases (countries, demonyms, organisations, seats
of power, titles) with spaCy's PhraseMatcher, keeping the longest match left to right. Both are kept apart
from the rules that use them so each module stays small.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_TITLE, LENGTH, LOWER, POS, SENT_START, SPACY
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import ADP, AUX, CCONJ, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..lexicons import load_rows
from . import gazetteer as gz

_NER_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
              "NORP": "NORP", "EVENT": "EVENT"}
# Words that may stand between a title and the name, or before a title.
_MODIFIER_WORDS = ("former", "ex", "acting", "interim", "then", "outgoing", "incoming", "late", "new",
                   "current", "caretaker", "veteran", "top", "senior", "chief", "-")
_POSSESSIVE_WORDS = ("'s", "\u2019s", "'", "\u2019")
_MODIFIERS = frozenset(get_string_id(w) for w in _MODIFIER_WORDS)
_POSSESSIVE = frozenset(get_string_id(w) for w in _POSSESSIVE_WORDS)
_DETERMINERS = frozenset({get_string_id("the")})
_OF = get_string_id("of")
_COMMA = get_string_id(",")
_STOPPING_POS = frozenset({VERB, AUX, CCONJ, ADP})
_ATTRS = [LOWER, IDX, LENGTH, IS_PUNCT, IS_TITLE, SPACY, POS, SENT_START]
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "ben", "de", "da", "van", "von",
                             "der", "le", "la", "du", "del", "di"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_LOCATIVE = frozenset(get_string_id(w) for w in (
    "in", "at", "from", "to", "near", "into", "across", "outside", "inside", "around", "toward",
    "towards", "via", "through", "throughout", "between", "and"))
_MAX_PATTERN = 12


class _Tokens:
    """Plain-list view of the token attributes the rules read (one ``to_array`` call, no Token objects)."""

    __slots__ = ("text", "n", "low", "idx", "length", "punct", "title", "space", "pos", "sent")

    def __init__(self, doc, *, text: str) -> None:
        self.text: str = text  # the article's text: Doc.text is rebuilt from every token on each access
        self.n = len(doc)
        cols = doc.to_array(_ATTRS).T.tolist() if self.n else [[] for _ in _ATTRS]
        self.low, self.idx, self.length, self.punct, self.title, self.space, self.pos, sent = cols
        self.sent = [1 if v == 1 else 0 for v in sent]  # uint64 view of -1/0/1

    def word(self, i: int) -> str:
        return self.text[self.idx[i]:self.idx[i] + self.length[i]]

    def span(self, s: int, e: int) -> tuple[int, int]:
        return self.idx[s], self.idx[e - 1] + self.length[e - 1]


class _Pattern(NamedTuple):
    tokens: tuple[int, ...]    # lowercase token hashes
    words: tuple[str, ...]     # the same, as text (the PhraseMatcher's pattern)
    kind: str          # country | demonym | org | metonym | title
    value: Any
    caps: bool         # must be written in capitals (acronyms such as "US", "UN", "IS")


class _Match(NamedTuple):
    start: int         # token index
    end: int
    kind: str
    value: Any


@dataclass(slots=True)
class _Mention:
    start: int                 # token indices
    end: int
    label: str                 # our entity type
    kind: str | None = None    # gazetteer kind when the lexicon resolved it
    value: Any = None


@dataclass(slots=True)
class _Group:
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    titles: list[str] = field(default_factory=list)
    past_titles: list[str] = field(default_factory=list)  # held no longer ("former President X")
    surfaces: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


_PREFIX_CHARS = "([\"'\u201c\u2018\u00ab"
_SUFFIX_CHARS = ")]\"',;:!?\u201d\u2019\u00bb"
_INFIX = re.compile(r"(?<=[^\W\d_])([-\u2010\u2011\u2013\u2014/])(?=[^\W\d_])|(?<=\d)([-\u2013])(?=\d)")


@functools.lru_cache(maxsize=1)
def _exceptions() -> frozenset[str]:
    from spacy.lang.en import English

    return frozenset(English.Defaults.tokenizer_exceptions)


def split_words(text: str) -> list[str]:
    """Token texts of a lexicon phrase as spaCy's English tokenizer splits them.

    A small imitation (whitespace, outer punctuation, possessive "'s", a final
    full stop after a lowercase letter unless the word is a tokenizer exception
    such as "Gen.", hyphens between letters) so that building the patterns does
    not need a second ``Language`` object; a test checks it against spaCy on
    every lexicon entry.
    """
    exceptions = _exceptions()
    out: list[str] = []
    for chunk in text.split():
        pre: list[str] = []
        post: list[str] = []
        while chunk and chunk not in exceptions and chunk[0] in _PREFIX_CHARS:
            pre.append(chunk[0])
            chunk = chunk[1:]
        while chunk and chunk not in exceptions:
            if chunk[-2:].lower() in ("'s", "\u2019s") and len(chunk) > 2:
                post.insert(0, chunk[-2:])
                chunk = chunk[:-2]
            elif chunk[-1] in _SUFFIX_CHARS:
                post.insert(0, chunk[-1])
                chunk = chunk[:-1]
            elif chunk[-1] == "." and len(chunk) > 1 and (chunk[-2].islower() or chunk[-2].isdigit()):
                post.insert(0, ".")
                chunk = chunk[:-1]
            else:
                break
        parts = [chunk] if chunk in exceptions else [p for p in _INFIX.split(chunk) if p]
        out += pre + parts + post
    return out


def _capitalise(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] if w not in ("of", "the", "for", "and") else w
                    for w in text.split(" "))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[tuple[int, ...], _Pattern]:
    """Gazetteer phrases by their lowercase token hashes (plain and transliteration-folded)."""
    kind_rank = {"org": 0, "country": 1, "demonym": 2, "metonym": 3, "title": 4}
    raw: dict[tuple[int, ...], _Pattern] = {}

    def add(surface: str, kind: str, value: Any) -> None:
        surface = surface.strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        words = tuple(split_words(surface))
        if not words or len(words) > _MAX_PATTERN:
            return
        caps = gz._caps_only(surface)
        for words_ in {tuple(w.lower() for w in words), tuple(_fold(w).lower() for w in words)}:
            variant = tuple(get_string_id(w) for w in words_)
            old = raw.get(variant)
            if old is None or kind_rank[kind] < kind_rank[old.kind]:
                raw[variant] = _Pattern(variant, words_, kind, value, caps)

    for c in gz.countries().values():
        for surface in (c.name, *c.aliases):
            add(surface, "country", c.code)
        for dem in c.demonyms:
            add(dem, "demonym", c.code)
        if c.status == "state":
            for cap in c.capitals:
                info = gz.metonym_info(cap)
                if info is not None:
                    add(cap, "metonym", info)
    for met in load_rows("metonyms.tsv"):
        info = gz.metonym_info(met.text)
        if info is not None:
            add(met.text, "metonym", info)
    for org_row in load_rows("organisations.tsv"):
        org = gz.organisation_info(org_row.name)
        if org is None:
            continue
        for surface in (org_row.name, *org_row.aliases):
            add(surface, "org", org)
    for title_row in load_rows("titles.tsv"):
        info = gz.title(title_row.title)
        if info is not None:
            for form in {title_row.title, _capitalise(title_row.title)}:  # "gen." and "Gen." split apart
                add(form, "title", info)
                if "-" in form:
                    add(form.replace("-", " "), "title", info)
    return raw


@functools.lru_cache(maxsize=4)
def _matcher(vocab) -> PhraseMatcher:
    """spaCy's PhraseMatcher over the lowercase form of every gazetteer phrase (one per vocab)."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("GAZETTEER", [Doc(vocab, words=list(p.words)) for p in _patterns().values()])
    return matcher


def _scan(doc, tv: _Tokens) -> list[_Match]:
    """Gazetteer phrases in the article, longest first, left to right, never overlapping.

    spaCy's PhraseMatcher finds every occurrence; of those starting at one token
    the longest that respects its capitalisation (acronyms such as "US" must be
    written in capitals) wins, and the scan goes on after it.
    """
    patterns = _patterns()
    by_start: dict[int, list[tuple[int, int]]] = {}
    for _key, start, end in _matcher(doc.vocab)(doc):
        by_start.setdefault(start, []).append((start, end))
    out: list[_Match] = []
    next_free = 0
    for start in sorted(by_start):
        if start < next_free:
            continue
        for s, e in sorted(by_start[start], key=lambda se: se[0] - se[1]):
            pat = patterns.get(tuple(tv.low[s:e]))
            if pat is None:
                continue
            if pat.caps and not all(_is_caps(tv.word(j)) for j in range(s, e)
                                    if any(ch.isalpha() for ch in tv.word(j))):
                continue
            out.append(_Match(s, e, pat.kind, pat.value))
            next_free = e
            break
    return out
