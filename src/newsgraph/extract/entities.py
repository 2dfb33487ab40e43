"""Entities with canonical names, within one article.

spaCy's named entities are the starting point; cheap rules over the already
parsed ``Doc`` then fix what the small model gets wrong and canonicalise:

1. One left-to-right scan of the tokens against the gazetteer (countries,
   demonyms, organisations, capitals and seats of power, titles) finds the
   lexicon phrases. Named entities inside a title are dropped ("Secretary of
   State" is a title, not the ORG "State"); a lexicon phrase that covers a
   named entity replaces it ("the Islamic State", not NORP "Islamic").
2. Person spans lose their titles, which become attributes: "Russian Foreign
   Minister Sergei Lavrov" gives the name "Sergei Lavrov", title "foreign
   minister", country RUS and role GOV (also from appositions: "Lavrov,
   Russia's foreign minister,"). Hyphenated surnames stay whole.
3. Short forms resolve to the full name in the same article ("Kerry" ->
   "John Kerry"); countries, aliases and demonyms become one GPE entity per
   country with its ISO alpha-3 code; known organisations get their canonical
   name and role ("UN", "the United Nations" -> "United Nations", IGO).
4. Definite role nouns ("the secretary of state", "the Russian foreign
   minister") become mentions of the one person in the article holding that
   title, when exactly one does.

Nothing here re-tokenises or re-parses the article: the work is dictionary
look-ups over tokens and entity spans.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_TITLE, LENGTH, LOWER, POS, SENT_START, SPACY
from spacy.parts_of_speech import ADP, AUX, CCONJ, PROPN, VERB
from spacy.strings import get_string_id

from ..model import Article, Entity, Found, stable_id
from . import gazetteer as gz

log = logging.getLogger(__name__)

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
def _patterns() -> dict[int, tuple[_Pattern, ...]]:
    """Gazetteer phrases as token sequences, indexed by their first (lowercased) token."""
    kind_rank = {"org": 0, "country": 1, "demonym": 2, "metonym": 3, "title": 4}
    raw: dict[tuple[str, ...], _Pattern] = {}

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
                raw[variant] = _Pattern(variant, kind, value, caps)

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
    for row in gz.load_tsv("metonyms.tsv"):
        info = gz.metonym_info(row["text"])
        if info is not None:
            add(row["text"], "metonym", info)
    for row in gz.load_tsv("organisations.tsv"):
        org = gz.organisation_info(row["name"])
        if org is None:
            continue
        for surface in (row["name"], *gz._split(row["aliases"])):
            add(surface, "org", org)
    for row in gz.load_tsv("titles.tsv"):
        info = gz.title(row["title"])
        if info is not None:
            for form in {row["title"], _capitalise(row["title"])}:  # "gen." and "Gen." split apart
                add(form, "title", info)
                if "-" in form:
                    add(form.replace("-", " "), "title", info)
    index: dict[int, list[_Pattern]] = {}
    for pat in raw.values():
        index.setdefault(pat.tokens[0], []).append(pat)
    return {k: tuple(sorted(v, key=lambda p: -len(p.tokens))) for k, v in index.items()}


def _scan(tv: _Tokens) -> list[_Match]:
    """Greedy longest-first matches of gazetteer phrases over the tokens, left to right."""
    patterns = _patterns()
    n = tv.n
    low = tv.low
    out: list[_Match] = []
    i = 0
    while i < n:
        cands = patterns.get(low[i])
        hit = None
        if cands:
            for pat in cands:
                k = len(pat.tokens)
                if i + k > n or (k > 1 and tuple(low[i:i + k]) != pat.tokens):
                    continue
                if pat.caps and not all(_is_caps(tv.word(j)) for j in range(i, i + k)
                                        if any(ch.isalpha() for ch in tv.word(j))):
                    continue
                hit = _Match(i, i + k, pat.kind, pat.value)
                break
        if hit is not None:
            out.append(hit)
            i = hit.end
        else:
            i += 1
    return out


def _capitalised(tv: _Tokens, i: int) -> bool:
    text = tv.word(i)
    return bool(text) and text[0].isupper()


def _strip_edges(tv: _Tokens, s: int, e: int) -> tuple[int, int]:
    """Drop a leading "the" and trailing possessives from a token range.

    A capitalised "The" inside a sentence belongs to the name ("The Hague",
    "The Rocket Record Company"); at a sentence start it does not.
    """
    while s < e and tv.low[s] in _DETERMINERS and (tv.word(s)[0] == "t" or tv.sent[s] == 1
                                                     or s == 0):
        s += 1
    while e > s and tv.low[e - 1] in _POSSESSIVE:
        e -= 1
    return s, e


def _extend_hyphen(tv: _Tokens, e: int) -> int:
    """Extend a name over "-Mashabane": a hyphen glued to the name and to a capitalised word."""
    n = tv.n
    while (e + 1 < n and tv.word(e) in _HYPHENS and not tv.space[e - 1]
           and not tv.space[e] and tv.word(e + 1)[:1].isupper()):
        e += 2
    return e


def _ner_pieces(ents, tv: _Tokens) -> list[tuple[int, int, str]]:
    """spaCy's entities of the types we keep, split where they run across a line break."""
    out = []
    text = tv.text
    for ent in ents:
        label = _NER_TYPES.get(ent.label_)
        if label is None:
            continue
        s = ent.start
        for j in range(ent.start, ent.end):
            end_j = tv.idx[j] + tv.length[j]
            gap = text[end_j:tv.idx[j + 1]] if j + 1 < tv.n else ""
            if tv.word(j).isspace():
                if s < j:
                    out.append((s, j, label))
                s = j + 1
            elif "\n" in gap and j + 1 < ent.end:
                out.append((s, j + 1, label))
                s = j + 1
        if s < ent.end:
            out.append((s, ent.end, label))
    return out


def _after_person_title(tv: _Tokens, s: int, e: int, by_end: dict[int, _Match],
                        at: list[_Match | None]) -> bool:
    """True when ``[s, e)`` is one to three capitalised words, no lexicon entry, right after a
    title that only persons hold ("President", "Gen.", "Mr")."""
    if e - s > 3 or any(at[j] is not None for j in range(s, e)):
        return False
    if not all(tv.title[j] for j in range(s, e)):
        return False
    m = by_end.get(s)
    if m is None or m.kind != "title" or not tv.word(m.start)[:1].isupper():
        return False
    return m.value.kind in ("honorific", "rank") or m.value.role in ("GOV", "MIL", "LEG", "JUD")


def _glued(tv: _Tokens, s: int, e: int) -> bool:
    """True when tokens ``[s, e)`` are joined by a hyphen to a neighbouring word."""
    if s > 0 and not tv.space[s - 1] and tv.word(s - 1) in _HYPHENS:
        return True
    return e < tv.n and not tv.space[e - 1] and tv.word(e) in _HYPHENS


def _mentions(doc, tv: _Tokens, matches: list[_Match]) -> list[_Mention]:
    """spaCy entities after the title and lexicon fixes, plus lexicon-only mentions."""
    n = tv.n
    at: list[_Match | None] = [None] * n
    for m in matches:
        for j in range(m.start, m.end):
            at[j] = m
    by_end = {m.end: m for m in matches}
    out: list[_Mention] = []
    taken = [False] * n
    ents = doc.ents
    ent_bounds = [(ent.start, ent.end) for ent in ents]
    # words of multi-word person names: "Paris" stays a person when "Paris Hilton" is named
    person_words = {tv.low[j] for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
                    for j in range(ent.start, ent.end)}
    for s0, e0, label in _ner_pieces(ents, tv):
        s, e = _strip_edges(tv, s0, e0)
        if s >= e:
            continue
        m = at[s]
        if m is not None and m.kind == "title" and m.start <= s and e <= m.end:
            continue  # "Secretary of State": a title, not the ORG "State"
        kind = value = None
        m = at[s]
        if (m is not None and m.kind == "title" and m.start == s and m.value.kind == "honorific"
                and m.end < e and tv.title[m.end]):
            label = "PERSON"  # "Ms Pugh" tagged GPE: an honorific starts a person's name
        elif label in ("ORG", "GPE", "NORP") and _after_person_title(tv, s, e, by_end, at):
            label = "PERSON"  # "President Obama" with "Obama" tagged ORG
        if label == "PERSON":
            # a name has no digits or spaced dashes: "Oct 1 - Ukrainian" keeps "Ukrainian"
            for j in range(e - 1, s - 1, -1):
                w = tv.word(j)
                if any(ch.isdigit() for ch in w) or (w in _DASHES and (tv.space[j] or (
                        j > 0 and tv.space[j - 1]))):
                    s = j + 1
                    break
            if s >= e:
                continue
            # "Foreign Minister Sergei Lavrov", "Russian President Vladimir Putin" as one span
            while s < e - 1:
                m = at[s]
                if m is not None and m.start == s and m.end < e and (m.kind == "title" or (
                        m.kind in ("demonym", "country", "org", "metonym")
                        and _title_at(at, m.end + (tv.low[m.end] in _POSSESSIVE), e))):
                    s = m.end  # a qualifier is stripped only before a title: not "Paris Hilton"
                elif tv.low[s] in _MODIFIERS or tv.low[s] in _POSSESSIVE:
                    s += 1
                else:
                    break
            m = at[s]
            if m is not None and (m.start, m.end) == (s, e) and (
                    m.kind in ("demonym", "org") or (m.kind in ("country", "metonym") and (
                        (s > 0 and tv.low[s - 1] in _LOCATIVE)
                        or (e - s == 1 and tv.low[s] not in person_words)))):
                label, kind, value = _gaz_label(m), m.kind, m.value  # "Slovak", "in Sanaa"
            else:
                e = _extend_hyphen(tv, e)
        else:
            m = at[s]
            if (m is not None and m.kind != "title" and m.start <= s and e <= m.end
                    and (m.start, m.end) != (s, e)):
                s, e = m.start, m.end  # the lexicon phrase covers the entity: "Islamic State"
            if m is not None and m.kind != "title" and (m.start, m.end) == (s, e):
                kind, value = m.kind, m.value
            if label in ("ORG", "LOC") and tv.word(e - 1)[-1:].isalnum():
                e = _extend_hyphen(tv, e) if label == "ORG" else e
        if any(taken[j] for j in range(s, e)):
            continue
        for j in range(s, e):
            taken[j] = True
        out.append(_Mention(s, e, label, kind, value))
    for s0, e0 in ent_bounds:  # lexicon-only mentions never cut into another entity ("Kigali Amendment")
        for j in range(s0, e0):
            taken[j] = True
    for m in matches:
        if m.kind == "title" or any(taken[j] for j in range(m.start, m.end)):
            continue
        if not _capitalised(tv, m.start) or _glued(tv, m.start, m.end):
            continue  # lowercase, or part of a hyphenated word ("pro-Beijing")
        if m.kind == "demonym" and not tv.title[m.start]:
            continue
        for j in range(m.start, m.end):
            taken[j] = True
        out.append(_Mention(m.start, m.end, _gaz_label(m), m.kind, m.value))
    out.sort(key=lambda x: x.start)
    merged: list[_Mention] = []
    for m in out:  # "President Abd-Rabbu Mansour Hadi" tagged as two adjacent persons
        prev = merged[-1] if merged else None
        if (prev is not None and prev.label == m.label == "PERSON" and prev.end == m.start
                and prev.kind is None and m.kind is None):
            prev.end = m.end
        else:
            merged.append(m)
    return merged


def _title_at(at: list[_Match | None], i: int, e: int) -> bool:
    """True when a title match starts at token ``i`` (before ``e``)."""
    if i >= e:
        return False
    m = at[i]
    return m is not None and m.kind == "title" and m.start == i


def _gaz_label(m: _Match) -> str:
    """Our entity type for a lexicon hit: capitals are places, seats of power act as organisations."""
    if m.kind == "metonym":
        return "GPE" if m.value.capital else "ORG"
    return {"country": "GPE", "demonym": "NORP", "org": "ORG"}.get(m.kind, "OTHER")


# --------------------------------------------------------------------------- persons


def _name_tokens(name: str) -> tuple[str, ...]:
    """Comparable tokens of a person name: folded, lowercased, particles dropped ("al-Assad" -> "assad")."""
    out = []
    for word in _fold(name).lower().replace(".", " ").split():
        parts = [p for p in word.split("-") if p]
        while len(parts) > 1 and parts[0] in _NAME_PARTICLES:
            parts = parts[1:]
        word = "-".join(parts)
        if word and word not in _NAME_PARTICLES:
            out.append(word)
    return tuple(out)


def _context_before(tv: _Tokens, s: int, by_end: dict[int, _Match]) -> tuple[list[gz.Title], str | None,
                                                                       str | None, int]:
    """Titles, country and role named just before a person's name; and where that context starts.

    Titles may stack ("Supreme Leader Ayatollah Ali Khamenei", "Lt. Gen."), take a
    qualifier before them ("Iran's", "Russian", "Pentagon"), and may be set off
    by a comma ("the president, Hassan Rouhani").
    """
    titles: list[gz.Title] = []
    country = role = None
    i = s
    start = s
    if i > 1 and tv.low[i - 1] == _COMMA:
        m = by_end.get(i - 1)
        if m is not None and m.kind == "title" and m.value.kind != "honorific":
            i -= 1  # "the president, Hassan Rouhani"
    while True:
        while i > 0 and tv.low[i - 1] in _MODIFIERS:
            i -= 1
        m = by_end.get(i)
        if m is None or m.kind != "title":
            break
        if m.value.kind != "honorific":
            titles.insert(0, m.value)
        i = m.start
        start = i
    if titles:
        while i > 0 and tv.low[i - 1] in _MODIFIERS:
            i -= 1
        j = i - 1 if i > 0 and tv.low[i - 1] in _POSSESSIVE else i
        q = by_end.get(j)
        if q is not None:
            country, role = _qualifier(q)
            if country or role:
                start = q.start
    return titles, country, role, start


def _qualifier(m: _Match) -> tuple[str | None, str | None]:
    """(country, role) from a qualifier before a title: "Russian", "U.S.", "Pentagon", "UN"."""
    if m.kind in ("country", "demonym"):
        return m.value, None
    if m.kind == "org":
        return m.value.country, m.value.role
    if m.kind == "metonym":
        return m.value.country, None if m.value.capital else m.value.sector
    return None, None


def _context_after(tv: _Tokens, e: int, by_start: dict[int, _Match]) -> tuple[list[gz.Title], str | None,
                                                                     str | None]:
    """An apposition after the name: ", the Russian foreign minister," / ", Russia's foreign minister"."""
    n = tv.n
    if e >= n or tv.low[e] != _COMMA:
        return [], None, None
    i = e + 1
    if i < n and tv.low[i] in _DETERMINERS:
        i += 1
    country = role = None
    q = by_start.get(i)
    if q is not None and q.kind != "title":
        country, role = _qualifier(q)
        i = q.end
        if i < n and tv.low[i] in _POSSESSIVE:
            i += 1
    while i < n and tv.low[i] in _MODIFIERS:
        i += 1
    m = by_start.get(i)
    if m is None or m.kind != "title" or m.value.kind == "honorific":
        return [], None, None
    i = m.end
    if i + 1 < n and tv.low[i] == _OF:
        j = i + 1 + (tv.low[i + 1] in _DETERMINERS)
        q = by_start.get(j)
        if q is not None and q.kind in ("country", "org", "metonym"):
            c2, r2 = _qualifier(q)
            country, role = country or c2, role or r2
            i = q.end
    if i < n and not (tv.punct[i] or tv.pos[i] in _STOPPING_POS):  # "..., the U.S. commander of"
        return [], None, None
    return [m.value], country, role


def _persons(tv: _Tokens, mentions: list[_Mention], by_end: dict[int, _Match],
             by_start: dict[int, _Match]) -> tuple[list[_Group], dict[int, int]]:
    """Person groups (full names first, short forms attached), and mention index -> group index."""
    groups: list[_Group] = []
    keys: list[tuple[str, ...]] = []
    owner: dict[int, int] = {}
    pending: list[tuple[int, str, tuple[str, ...]]] = []
    text = tv.text
    for idx, m in enumerate(mentions):
        if m.label != "PERSON":
            continue
        name = " ".join(text[tv.idx[m.start]:tv.idx[m.end - 1] + tv.length[m.end - 1]].split())
        toks = _name_tokens(name)
        if not toks:
            continue
        pending.append((idx, name, toks))
    # full names (two tokens or more) make groups; a longer form absorbs a shorter one
    for idx, name, toks in sorted(pending, key=lambda p: (-len(p[2]), mentions[p[0]].start)):
        if len(toks) < 2:
            continue
        found = None
        for g, key in enumerate(keys):
            if toks == key or (len(toks) < len(key) and _is_subname(toks, key)):
                found = g
                break
        if found is None:
            keys.append(toks)
            groups.append(_Group(name=name, type="PERSON"))
            found = len(groups) - 1
        owner[idx] = found
    # short forms: the one full name ending with them (nearest earlier mention when several)
    for idx, name, toks in pending:
        if idx in owner:
            continue
        cands = [g for g, key in enumerate(keys) if _is_subname(toks, key)]
        if len(cands) > 1:
            here = mentions[idx].start
            before = [(max((mentions[i].start for i, o in owner.items() if o == g
                            and mentions[i].start < here), default=-1), g) for g in cands]
            best = max(before)
            cands = [best[1]] if best[0] >= 0 else cands[:1]
        if cands:
            owner[idx] = cands[0]
        else:
            keys.append(toks)
            groups.append(_Group(name=name, type="PERSON"))
            owner[idx] = len(groups) - 1
    # titles, country and role from the words around each mention
    for idx, g in owner.items():
        m = mentions[idx]
        group = groups[g]
        titles, country, role, _ = _context_before(tv, m.start, by_end)
        t2, c2, r2 = _context_after(tv, m.end, by_start)
        found_titles = (*titles, *t2)
        for t in found_titles:
            if t.title not in group.titles:
                group.titles.append(t.title)
        if group.role is None:  # an office says more than a rank ("Supreme Leader Ayatollah")
            ranked = sorted((t for t in found_titles if t.role), key=lambda t: t.kind != "office")
            group.role = ranked[0].role if ranked else None
        group.country = group.country or country or c2
        if group.role is None:
            group.role = role or r2
    for group in groups:
        info = gz.person_info(group.name)
        if info is not None:
            group.name = info.name if _name_tokens(info.name) == _name_tokens(group.name) \
                or len(info.name) >= len(group.name) else group.name
            group.country = group.country or info.country
            group.role = group.role or info.role
    return groups, owner


def _is_subname(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``short`` names the same person as ``full``: a suffix of it ("kerry" in "john kerry")."""
    if not short or len(short) >= len(full):
        return short == full
    if full[-len(short):] == short:
        return True
    last = full[-1]
    return len(short) == 1 and "-" in last and short[0] in last.split("-")


# --------------------------------------------------------------------------- the extractor


def extract(doc, article: Article, found: Found) -> list[Entity]:
    """Canonical entities of one article, each with all its mention spans.

    Args:
        doc: the article's parsed spaCy ``Doc`` (its text is ``article.text``).
        article: the article (its id seeds the entity ids).
        found: facts from earlier extractors (unused: entities come first).

    Returns:
        Entities sorted by their first mention; each mention is a ``[start, end)``
        character span of ``article.text``.
    """
    if len(doc) == 0:
        return []
    tv = _Tokens(doc, text=article.text)
    matches = _scan(tv)
    by_end = {m.end: m for m in matches}
    by_start = {m.start: m for m in matches}
    mentions = _mentions(doc, tv, matches)
    persons, owner = _persons(tv, mentions, by_end, by_start)
    surnames: dict[str, int] = {}
    for g, p in enumerate(persons):
        toks = _name_tokens(p.name)
        if len(toks) >= 2:
            surnames.setdefault(toks[-1], g)
            for part in toks[-1].split("-"):
                surnames.setdefault(part, g)

    groups: dict[tuple[str, str], _Group] = {}
    order: list[_Group] = list(persons)
    text = tv.text

    def span(s: int, e: int) -> tuple[int, int]:
        return tv.idx[s], tv.idx[e - 1] + tv.length[e - 1]

    for idx, m in enumerate(mentions):
        sp = span(m.start, m.end)
        if idx in owner:
            persons[owner[idx]].mentions.append(sp)
            continue
        surface = text[sp[0]:sp[1]]
        key, name, etype, country, role = _classify(m, surface)
        if etype is None:
            continue
        if key[0] == "OTHER" and m.end - m.start == 1 and m.kind is None:
            g = surnames.get(_name_tokens(surface)[0] if _name_tokens(surface) else "")
            if g is not None:  # "Lavrov" tagged ORG: the person named in this article
                persons[g].mentions.append(sp)
                continue
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(name=name, type=etype, country=country, role=role)
            order.append(group)
        elif key[0] == "OTHER" and group.name.isupper() and not name.isupper():
            group.name = name
        group.mentions.append(sp)

    _untagged_surnames(tv, mentions, persons)
    _role_nouns(tv, matches, mentions, persons)

    out = []
    for g in order:
        if not g.mentions:
            continue
        spans = tuple(sorted(set(g.mentions)))
        out.append(Entity(id=stable_id(article.id, g.name, g.type, prefix="e"), name=g.name,
                          type=g.type, mentions=spans, country=g.country, role=g.role,
                          titles=tuple(g.titles)))
    # two groups can end with the same canonical name (e.g. a short form that was also a lexicon
    # hit): merge them so ids stay unique
    merged: dict[str, Entity] = {}
    for e in out:
        old = merged.get(e.id)
        if old is None:
            merged[e.id] = e
        else:
            merged[e.id] = Entity(id=e.id, name=e.name, type=e.type,
                                  mentions=tuple(sorted(set(old.mentions + e.mentions))),
                                  country=old.country or e.country, role=old.role or e.role,
                                  titles=tuple(dict.fromkeys(old.titles + e.titles)))
    return sorted(merged.values(), key=lambda e: (e.mentions[0], e.name))


def _classify(m: _Mention, surface: str) -> tuple[tuple[str, str], str, str | None, str | None,
                                                   str | None]:
    """(group key, canonical name, type, country, role) for a non-person mention."""
    kind, value = m.kind, m.value
    if kind is None and m.label in ("GPE", "NORP", "LOC", "ORG"):
        org = gz.organisation_info(surface)
        if org is not None:
            kind, value = "org", org
        else:
            code = gz.country_code(surface, demonyms=m.label in ("NORP", "GPE", "ORG"))
            if code is not None:
                kind, value = "country", code
            else:
                met = gz.metonym_info(surface)
                if met is not None:
                    kind, value = "metonym", met
    if kind in ("country", "demonym"):
        return ("GPE", value), gz.country_name(value) or surface, "GPE", value, None
    if kind == "org":
        return ("ORG", value.name), value.name, "ORG", value.country, value.role
    if kind == "metonym":
        etype = "GPE" if value.capital else ("LOC" if m.label == "LOC" else "ORG")
        return ((etype, value.name), value.name, etype, value.country,
                None if value.capital else value.sector)
    name = " ".join(surface.split())
    return ("OTHER", f"{m.label}:{gz.normalise(name)}"), name, m.label, None, None


def _untagged_surnames(tv: _Tokens, mentions: list[_Mention], persons: list[_Group]) -> None:
    """A capitalised proper noun equal to the surname of a person named in full in this article
    ("Ban urged restraint" after "Ban Ki-moon") is a mention of that person even when NER missed it."""
    by_hash: dict[int, int | None] = {}
    for g, p in enumerate(persons):
        words = p.name.split()
        if len(words) < 2:
            continue
        h = get_string_id(words[-1].lower())
        by_hash[h] = None if h in by_hash and by_hash[h] != g else g
    if not by_hash:
        return
    taken = set()
    for m in mentions:
        taken.update(range(m.start, m.end))
    for i, low in enumerate(tv.low):
        g = by_hash.get(low)
        if g is None or i in taken or tv.pos[i] != PROPN or not tv.title[i]:
            continue
        if i + 1 < tv.n and tv.title[i + 1] and tv.pos[i + 1] == PROPN:
            continue  # part of a longer name the model did not tag
        persons[g].mentions.append(tv.span(i, i + 1))


def _role_nouns(tv: _Tokens, matches: list[_Match], mentions: list[_Mention], persons: list[_Group]) -> None:
    """Add "the secretary of state" to the one person holding that title in the article."""
    if not persons:
        return
    n = tv.n
    named_starts = {m.start for m in mentions if m.label == "PERSON"}
    for k, m in enumerate(matches):
        if m.kind != "title" or m.value.kind == "honorific":
            continue
        # a title directly before a name belongs to that name, not to a role noun
        j = m.end
        while j < n and tv.low[j] in _MODIFIERS:
            j += 1
        if j in named_starts:
            continue
        start = m.start
        country = None
        i = m.start
        while i > 0 and tv.low[i - 1] in _MODIFIERS:
            i -= 1
        prev = matches[k - 1] if k > 0 else None
        if i > 0 and tv.low[i - 1] in _POSSESSIVE and prev is not None and prev.end == i - 1:
            country, _ = _qualifier(prev)  # "Russia's foreign minister"
            if country is None:
                continue
            start = prev.start
        else:
            if prev is not None and prev.end == i and prev.kind in ("country", "demonym", "org",
                                                                   "metonym"):
                country, _ = _qualifier(prev)
                i = prev.start
            if i == 0 or tv.low[i - 1] not in _DETERMINERS:
                continue
            start = i - 1
        end = m.end
        if end + 1 < n and tv.low[end] == _OF:
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            j = end + 1 + (tv.low[end + 1] in _DETERMINERS)
            if nxt is not None and nxt.start == j and nxt.kind in ("country", "org", "metonym"):
                c2, _ = _qualifier(nxt)
                country = country or c2
                end = nxt.end
        here = tv.idx[start]
        holders = [p for p in persons if m.value.title in p.titles
                   and (country is None or p.country == country)
                   and p.mentions and min(p.mentions)[0] < here]  # named before, not after
        if len(holders) == 1:
            holders[0].mentions.append((tv.idx[start], tv.idx[end - 1] + tv.length[end - 1]))
