"""Text fingerprints for stories: content terms, word shingles and MinHash signatures.

Two different jobs need two different views of the text. Story clustering asks
"is this about the same thing?", so it compares *content terms* (lower-cased,
lightly stemmed words without stop words, plus entity names); syndication asks
"is this the same text?", so it compares *word shingles* (overlapping runs of
words) whose overlap survives an added or cut paragraph but not a rewrite.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from typing import Iterable

import numpy as np
from datasketch import MinHash

from ..lexicons import load_rows
from ..extract import AnalysedArticle
from .background import background_spans

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"})

SHINGLE_SIZE = 4
"""Words per shingle: long enough that rewrites share few, short enough that light edits keep most."""

NUM_PERM = 64
"""MinHash permutations: LSH candidate retrieval only; containment itself is computed exactly."""


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English and news function words (cached lexicon)."""
    return frozenset(r.word for r in load_rows("story_stopwords.tsv"))


def stem(word: str) -> str:
    """A deliberately light suffix stripper ("attacks", "attacked" -> "attack").

    Outlets word the same story differently; folding the commonest inflections
    lets "killed"/"killing" or "talks"/"talk" meet without a full stemmer.
    """
    n = len(word)
    if n > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 5 and word.endswith("ing"):
        return word[:-3]
    if n > 4 and word.endswith("ed"):
        return word[:-2]
    if n > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


WORD_CACHE = 1 << 12
"""Words whose term and hash are cached. The commonest words make most of a text, so 4,096 catch most
look-ups; 32,768 cost about 11 MB once a stream's vocabulary had filled them (about 30,000 reports),
for no measurable speed."""


@functools.lru_cache(maxsize=WORD_CACHE)
def _term(word: str) -> str | None:
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) < 3 or w in stopwords():
        return None
    return stem(w)


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` in order (stop words and short words dropped)."""
    terms = map(_term, _WORD.findall(text.lower()))
    return [t for t in terms if t is not None]


_CREDIT = re.compile(
    r"\(?\b(?:(?:additional )?reporting|writing|editing|compiled|edited|written|translated) by\b[^)\n]*\)?"
    r"|(?:©|\bcopyright\b)[^\n]*|\ball rights reserved\b[^\n]*",
    re.IGNORECASE)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of staff credits and copyright lines ("Reporting by ...; Editing by ...").

    Reporters' names are rare words shared by unrelated stories of one outlet,
    so they must not count as evidence that two articles tell one story.
    """
    return [m.span() for m in _CREDIT.finditer(text)]


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts, last = [], 0
    for start, end in sorted(spans):
        if end <= last:
            continue
        parts.append(text[last:max(start, last)])
        last = end
    parts.append(text[last:])
    return " ".join(parts)


BACKGROUND_WEIGHT = 0.25
"""How much a word of a passage recalling an earlier happening (``background_spans``) counts: it names
that happening's people and places, which are not the report's news, but it still says what the report
is about."""


def entity_term(name: str) -> str:
    """The term ``article_terms`` counts an entity under ("e:<name>", lower-cased, spaces folded)."""
    return "e:" + " ".join(name.lower().split())


def entity_names(counts: Counter) -> frozenset[str]:
    """The entity terms (``e:<name>``) among an article's term counts: every name it tells, where its
    vector keeps only its heaviest terms."""
    return frozenset(t for t in counts if t.startswith("e:"))


def article_terms(article: AnalysedArticle, *, title_weight: float = 2.0,
                  entity_weight: float = 0.5, background_weight: float = BACKGROUND_WEIGHT) -> Counter:
    """Term counts describing what an article is about.

    The title counts ``title_weight`` times (headlines name the story), and each
    named entity adds an ``e:<name>`` term weighted by its mentions, so that
    "Kerry", "John Kerry" and "the secretary of state" pull together once the
    entities extractor has resolved them. Words and entity mentions of passages that recall an earlier
    happening ("two weeks after a stronger quake killed 14") count ``background_weight`` of a word of
    the news, so a report of a second quake is not pulled into the first one's story by them.
    """
    credits = credit_spans(article.text)
    recalled = background_spans(article.text)
    counts: Counter = Counter(content_terms(_without(article.text, credits + recalled)))
    for start, end in recalled:
        for t in content_terms(article.text[start:end]):
            counts[t] += background_weight
    if article.title:
        for t in content_terms(article.title):
            counts[t] += title_weight
    for ent in article.entities:
        if ent.type in _ENTITY_TYPES and ent.name and not all(
                any(s <= m[0] < e for s, e in credits) for m in ent.mentions):
            key = entity_term(ent.name)
            told = [m for m in ent.mentions if not any(s <= m[0] < e for s, e in recalled)]
            weight = entity_weight if told or not ent.mentions else entity_weight * background_weight
            counts[key] += weight * min(len(told or ent.mentions) or 1, 5)
    return counts


def shingles(text: str, *, size: int = SHINGLE_SIZE) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``size``-grams of ``text``.

    Words are lower-cased alphanumeric tokens, so punctuation, quote styles and
    line breaks do not hide a copy. A text shorter than ``size`` words yields
    one shingle of all its words. Hashes are deterministic (CRC-based word
    hashes combined polynomially), never Python's salted ``hash``.
    """
    return np.unique(shingle_sequence(text, size=size)[0])


def shingle_sequence(text: str, *, size: int = SHINGLE_SIZE) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The shingle hash starting at each word of ``text``, in order, and each word's span.

    ``shingles`` is its unique sorted form; the sequence lets a caller find
    *where* two texts share wording (``shared_passage``).
    """
    spans = [m.span() for m in _TOKEN.finditer(text)]
    ids = np.fromiter((_word_hash(text[s:e].lower()) for s, e in spans), dtype=np.uint64, count=len(spans))
    if not len(ids):
        return ids, spans
    if len(ids) < size:
        ids = np.concatenate([ids, np.zeros(size - len(ids), dtype=np.uint64)])
    n = len(ids) - size + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):
            h = h * _PRIME + ids[k:k + n]
    return h, spans


def shared_passage(text: str, other: np.ndarray, *, size: int = SHINGLE_SIZE) -> tuple[int, int] | None:
    """The ``[start, end)`` span of the longest run of ``text`` whose shingles are all in ``other``.

    ``other`` is another text's ``shingles``; the span is the evidence that the
    two texts share a passage word for word.
    """
    seq, spans = shingle_sequence(text, size=size)
    if not len(seq) or not len(other) or not spans:
        return None
    hit = np.isin(seq, other)
    best, best_len, run_start = None, 0, None
    for i, h in enumerate(hit.tolist() + [False]):
        if h and run_start is None:
            run_start = i
        elif not h and run_start is not None:
            if i - run_start > best_len:
                best, best_len = (run_start, i - 1), i - run_start
            run_start = None
    if best is None:
        return None
    first, last = best
    end_word = min(last + size - 1, len(spans) - 1)
    return spans[first][0], spans[end_word][1]


def extends(full: str, short: str, *, past_end: bool = False, min_words: int = 20) -> bool:
    """Whether ``full``, a text that holds ``short``, has paragraphs of its own before it or past its end.

    Outlets cut wire copy from the bottom and add their own material on top (a new lead), so a fuller
    text whose shared part starts ``min_words`` words or more into it was extended, not cut, when the
    shared part opens a paragraph of it: an outlet's new lead is a paragraph of its own, where a shared
    part that starts inside a paragraph, after its first sentence, is ``short`` with its lead sentence
    trimmed. Past the end only counts with ``past_end`` (``short`` closes with a credit line, where the wire
    text ended): text that goes on after it was added by whoever carried it.
    """
    seq_f, spans = shingle_sequence(full)
    seq_s, _ = shingle_sequence(short)
    if len(seq_s) < 2 or len(seq_f) < 2:
        return False
    opening = np.flatnonzero(np.isin(seq_f, seq_s[:8]))
    if len(opening) and opening[0] >= min_words and (
            not _has_paragraphs(full) or _opens_paragraph(full, spans[opening[0]][0])):
        return True
    if past_end:
        closing = np.flatnonzero(seq_f == seq_s[-1])
        return bool(len(closing)) and len(seq_f) - 1 - closing[-1] >= min_words
    return False


def trims_lead(full: str, short: str, *, min_words: int = 20) -> bool:
    """Whether ``short``, a text ``full`` holds, is ``full`` with its lead sentence trimmed: ``short``'s
    opening words (three shingles in a row) stand ``min_words`` words or more into ``full``, inside a
    paragraph (after its first sentence), where an outlet's new lead on top of a text would be a paragraph
    of its own (``extends``). A phrase of ``short``'s first sentence told again further down ``full`` ("after
    37 years in power") is no trimmed lead: the whole opening must match."""
    seq_f, spans = shingle_sequence(full)
    seq_s, _ = shingle_sequence(short)
    k = _OPENING_SHINGLES
    if len(seq_s) < k or len(seq_f) < k:
        return False
    for at in np.flatnonzero(seq_f[:len(seq_f) - k + 1] == seq_s[0]):
        if np.array_equal(seq_f[at:at + k], seq_s[:k]):
            return at >= min_words and _has_paragraphs(full) and not _opens_paragraph(full, spans[at][0])
    return False


_OPENING_SHINGLES = 3
"""Shingles in a row (six words) that must open a text for ``trims_lead`` to place it in another."""


def _has_paragraphs(text: str) -> bool:
    """Whether ``text`` has line breaks inside it: one with none tells nothing of where an outlet's own lead
    would stand (``extends``, ``trims_lead``)."""
    return "\n" in text.strip()


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a paragraph of ``text`` (only a line break, quotation marks or
    brackets before it on its line)."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return not line.strip(" \t\"“‘'([")


_QUOTED = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|\x00")

NARRATIVE_MIN_WORDS = 8
"""Words a narrative sentence needs to count as evidence of shared wording (shorter ones are formulaic)."""


def narrative_bigrams(text: str, *, skip: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Word-bigram hashes of the narrative sentences of ``text``, and where each sentence starts.

    Two outlets that quote one statement share its words without sharing a text,
    so quotations are cut out first; what is left is the outlet's (or the
    wire's) own narration. Each sentence of at least ``NARRATIVE_MIN_WORDS``
    words contributes its word bigrams (32-bit hashes, in order); the second
    array gives each sentence's first index. Bigrams rather than longer
    shingles, because a lightly edited sentence ("rocked" for "stunned", a new
    toll) keeps most of its bigrams but few of its 4-grams.

    With ``skip`` each sentence also contributes its skip-bigrams (each word with the word after next),
    hashed like bigrams: a word replaced breaks the two bigrams around it but leaves the pair across it,
    and a word dropped turns that pair into a bigram of the copy, which then still meets the original's
    pair; two words swapped keep two pairs in three. So a sentence with every third word edited still
    shares a good part of its pairs with the sentence it was made from.
    """
    plain, pairs = narrative_pairs(text)
    return pairs if skip else plain


def narrative_pairs(text: str) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Both forms of ``narrative_bigrams`` (plain, and with skip-bigrams) from one reading of ``text``:
    the syndication index keeps both for every article it sees."""
    chunks = _SENTENCE_END.split(_QUOTED.sub("\x00", text))
    seqs, starts, pos = [], [], 0
    pseqs, pstarts, ppos = [], [], 0
    for chunk in chunks:
        toks = _TOKEN.findall(chunk.lower()) if chunk else ()
        if len(toks) < NARRATIVE_MIN_WORDS:
            continue
        ids = np.fromiter((_word_hash(t) for t in toks), dtype=np.uint64, count=len(toks))
        with np.errstate(over="ignore"):
            seq = ((ids[:-1] * _PRIME + ids[1:]) >> np.uint64(32)).astype(np.uint32)
            across = ((ids[:-2] * _PRIME + ids[2:]) >> np.uint64(32)).astype(np.uint32)
        starts.append(pos)
        seqs.append(seq)
        pos += len(seq)
        pstarts.append(ppos)
        pseqs.append(np.concatenate([seq, across]))
        ppos += len(seq) + len(across)
    return _packed(seqs, starts), _packed(pseqs, pstarts)


def _packed(seqs: list[np.ndarray], starts: list[int]) -> tuple[np.ndarray, np.ndarray]:
    if not seqs:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int32)
    return np.concatenate(seqs), np.asarray(starts, dtype=np.int32)


def near_sentences(seq: np.ndarray, starts: np.ndarray, other: np.ndarray, *, coverage: float = 0.6) -> int:
    """How many sentences of one text (``narrative_bigrams``) reappear nearly word for word in another.

    A sentence reappears when at least ``coverage`` of its bigrams are among
    ``other`` (the other text's unique narrative bigrams, sorted): a word or two
    changed in a twenty-word sentence keeps it, a rewrite of the same fact does not.
    """
    if not len(seq) or not len(other):
        return 0
    hit = np.isin(seq, other, assume_unique=False).astype(np.int32)
    found = np.add.reduceat(hit, starts)
    lengths = np.diff(np.append(starts, len(seq)))
    return int(np.count_nonzero(found >= coverage * lengths))


_PRIME = np.uint64(1099511628211)


@functools.lru_cache(maxsize=WORD_CACHE)
def _word_hash(word: str) -> int:
    b = word.encode("utf-8")
    return (zlib.crc32(b) << 32) | zlib.crc32(b, 0x9E3779B9)


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1)


def minhash(shingle_hashes: np.ndarray, *, num_perm: int = NUM_PERM) -> MinHash:
    """A datasketch MinHash of precomputed shingle hashes (for LSH candidate retrieval).

    The permutations are made once per ``num_perm`` and shared, since building
    them costs more than hashing a short article.
    """
    template = _permutations(num_perm)
    m = MinHash(num_perm=num_perm, seed=1, hashfunc=_identity, permutations=template.permutations,
                scheme=template.scheme)
    if len(shingle_hashes):
        m.update_batch(shingle_hashes.tolist())
    return m


def _identity(x: int) -> int:
    return x & 0xFFFFFFFF


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle set found in the larger one (exact).

    Containment rather than Jaccard: a reprint with an extra first paragraph
    (or a cut last one) still contains nearly all of the shorter text.
    """
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / min(len(a), len(b))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def top_terms(weights: dict[str, float], k: int) -> list[str]:
    """The ``k`` heaviest terms, ties broken by the term (deterministic)."""
    return [t for t, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def words(text: str) -> Iterable[str]:
    """Lower-cased alphanumeric tokens (shared by shingling and quote comparison)."""
    return (w.lower() for w in _TOKEN.findall(text))
