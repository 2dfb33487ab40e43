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
from typing import Any, Callable, TypeVar

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


__all__ = ["per_sentence", "sentence_of"]
