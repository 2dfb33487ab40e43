"""Memoising a question asked of a sentence many times while one article is read.

Why: rules ask the same thing of a sentence for every token or phrase in it
(``dateline_end`` for every actor phrase and every subject); the answer depends
on the sentence alone, so it is worked out once. The cache keeps the ``Doc`` it
belongs to (so that object's identity cannot be reused by another article) and is
dropped when a sentence of another ``Doc`` is asked about: memory stays one article's
worth. The ``Doc`` itself is never touched (extractors leave it as the parser made it).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import Any, Callable, Iterator, TypeVar

from spacy.attrs import DEP, IDX, LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id

T = TypeVar("T")


def per_sentence(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """``fn(sent)`` answered once per sentence (``Span``) of the ``Doc`` being read."""
    state: list[tuple[Any, dict[tuple[int, int], T]]] = [(None, {})]

    @functools.wraps(fn)
    def memo(sent) -> T:
        doc, answers = state[0]
        if doc is not sent.doc:  # a new article: forget the last one's answers
            doc, answers = sent.doc, {}
            state[0] = (doc, answers)  # one tuple swap: a thread never sees another Doc's answers
        key = (sent.start, sent.end)
        if key not in answers:
            answers[key] = fn(sent)
        return answers[key]

    return memo


def per_token(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """``fn(tok)`` answered once per token of the ``Doc`` being read, for an answer that depends on the
    parse alone (asked of the same token by several rules). Kept with ``token_column``'s tables, so for the
    last two Docs (an article's parse and ``events.syntax.repaired``'s copy of it). The answer is shared:
    ``fn`` should return something no caller changes (a tuple, a token, a string)."""
    @functools.wraps(fn)
    def memo(tok) -> T:
        tables = _columns_of(tok.doc)
        answers = tables.get(memo)
        if answers is None:
            answers = tables[memo] = {}
        i = tok.i
        if i not in answers:
            answers[i] = fn(tok)
        return answers[i]

    return memo


_SENTENCES: list[tuple[Any, list]] = [(None, [])]


def sentence_of(tok):
    """``tok.sent``, looked up in a table of the ``Doc``'s sentences built once per article.

    Why: ``Token.sent`` walks the token array out to both sentence boundaries on every call,
    and rules ask it for most subjects, actors and nouns; the table answers each in one index.
    Same sentence ``Span`` as ``tok.sent`` (both split at ``is_sent_start``); like
    ``per_sentence``, only the last ``Doc`` asked about is kept.
    """
    doc, table = _SENTENCES[0]
    if doc is not tok.doc:
        doc, table = tok.doc, []
        for sent in doc.sents:
            table.extend([sent] * (sent.end - sent.start))
        _SENTENCES[0] = (doc, table)  # one tuple swap: a thread never sees another Doc's table
    return table[tok.i]


_ATTRS = {"idx": IDX, "lemma": LEMMA, "lower": LOWER, "orth": ORTH, "pos": POS, "tag": TAG, "dep": DEP}
_COLUMNS: list[tuple[tuple[Any, dict[Any, Any]], ...]] = [()]


def token_column(doc, name: str) -> list[int]:
    """One attribute of every token of ``doc`` as a list of ids, indexed by ``tok.i``: "lemma", "lower",
    "tag", "dep" (string ids: compare with ``string_id("nsubj")``), "pos" (``tok.pos``), "idx" (``tok.idx``).

    Why: rules scan every token of an article for the few that can matter (verbs, "be", cue verbs);
    each ``Token`` made and each string attribute read costs about a microsecond, a column read off
    the parse a twentieth of that, so a scan that tests ids and makes only the tokens that pass is
    cheaper. Each column is read once per ``Doc``, for the last two asked about (an article's parse
    and the copy ``events.syntax.repaired`` may make of it). Docs are never changed after parsing
    (``repaired`` changes only its own fresh copy, before any column of it is read), so a column stays
    right for its ``Doc``.
    """
    cols = _columns_of(doc)
    col = cols.get(name)
    if col is None:
        col = cols[name] = doc.to_array(_ATTRS[name]).tolist() if len(doc) else []
    return col


def entity_spans(doc) -> tuple:
    """``doc.ents``, made once per Doc: each read of ``Doc.ents`` walks every token and makes a new ``Span``
    for every entity, and the entities, dates and places stages each read them."""
    tables = _columns_of(doc)
    ents = tables.get(entity_spans)
    if ents is None:
        ents = tables[entity_spans] = doc.ents
    return ents


def doc_tables(doc) -> dict[Any, Any]:
    """The tables kept for ``doc`` (its columns, ``per_token`` answers): a rule that works something out
    once per Doc keeps it here under a key of its own, and it is dropped with the Doc's columns."""
    return _columns_of(doc)


def _columns_of(doc) -> dict[Any, Any]:
    recent = _COLUMNS[0]
    for d, cols in recent:
        if d is doc:
            return cols
    cols = {}
    _COLUMNS[0] = ((doc, cols),) + recent[:1]  # one tuple swap: a thread never sees another Doc's columns
    return cols


_DECODED: dict[int, str] = {}  # string id -> its text, across articles (bounded below)


def token_strings(doc, name: str) -> list[str]:
    """One string attribute of every token of ``doc``, indexed by ``tok.i``: "orth" (``tok.text``),
    "lower" (``tok.lower_``), "lemma" (``tok.lemma_``).

    Why: reading ``tok.text`` or ``tok.lower_`` decodes the string from the vocabulary on every read
    (about half a microsecond); a whole-article scan reads each distinct word once and then looks it up.
    Kept per ``Doc`` like ``token_column``.
    """
    cols = _columns_of(doc)
    key = name + "_"
    col = cols.get(key)
    if col is None:
        if len(_DECODED) > 200_000:  # a long stream's vocabulary: start again rather than grow
            _DECODED.clear()
        decoded, strings = _DECODED, doc.vocab.strings
        col = []
        for sid in token_column(doc, name):
            text = decoded.get(sid)
            if text is None:
                text = decoded[sid] = strings[sid]
            col.append(text)
        cols[key] = col
    return col


@functools.lru_cache(maxsize=None)
def string_id(text: str) -> int:
    """The id spaCy gives the string ``text`` in every vocabulary (a hash of the text)."""
    return get_string_id(text)


def tokens_where(span, column: str, ids: frozenset[int] | set[int]) -> Iterator:
    """The tokens of ``span`` (a ``Doc`` or a sentence) whose ``token_column`` ``column`` is in ``ids``,
    in text order: the same tokens as ``(t for t in span if t.<column> in ids)``, made only when they pass.

    Rules ask this of every sentence with the same few ``ids`` (verbs, nouns, "be"): the positions that
    pass are found once per Doc, in one pass over the column, and each sentence takes its stretch."""
    doc = span.doc if hasattr(span, "doc") else span
    ids = frozenset(ids)
    tables = _columns_of(doc)
    hits = tables.get((tokens_where, column, ids))
    if hits is None:
        hits = tables[(tokens_where, column, ids)] = [i for i, v in enumerate(token_column(doc, column)) if v in ids]
    return tokens_at(span, hits)


def tokens_at(span, positions: list[int]) -> Iterator:
    """The tokens of ``span`` (a ``Doc`` or a sentence) at ``positions`` (sorted positions in its ``Doc``, found
    once per Doc), in text order: each sentence takes its stretch by bisection."""
    doc = span.doc if hasattr(span, "doc") else span
    start, end = (span.start, span.end) if hasattr(span, "start") else (0, len(span))
    for i in positions[bisect_left(positions, start):bisect_left(positions, end)]:
        yield doc[i]


def positions_passing(doc, columns: tuple[str, ...], known: Callable[[tuple], Any], test: Callable[[Any], Any]) \
        -> list[int]:
    """The positions of the tokens of ``doc`` that pass ``test``, in text order. ``known(ids)`` gives the answer
    already found for a token with those ids in ``columns`` (None when not asked yet): a ``Token`` is made only
    for a word whose ids were not asked about before (``test`` keeps its answers where ``known`` reads them)."""
    cols = [token_column(doc, name) for name in columns]
    out = []
    for i, ids in enumerate(zip(*cols)):
        hit = known(ids)
        if hit is None:
            hit = test(doc[i])
        if hit:
            out.append(i)
    return out


def tokens_starting_in(doc, start: int, end: int):
    """The tokens of ``doc`` that start at a character offset in ``[start, end)``, in text order: the same
    tokens as ``[t for t in doc if start <= t.idx < end]``, found by bisection instead of a walk over the Doc."""
    starts = token_column(doc, "idx")
    return doc[bisect_left(starts, start):max(bisect_left(starts, start), bisect_left(starts, end))]


__all__ = ["per_sentence", "per_token", "doc_tables", "entity_spans", "sentence_of", "token_column", "token_strings",
           "string_id", "tokens_where", "tokens_at", "positions_passing", "tokens_starting_in"]
