"""Where a wire dateline ends on the parse ("WASHINGTON, Sept 17 -", "HARARE Zimbabwe's army said").

The parser hangs a dateline on the first clause ("SANAA" as a subject, "Sept 22"
as a modifier of "ministers"); actors, speakers and event arguments never
include it, so each stage asks here where it stops.
"""

from __future__ import annotations

import functools

from ..lexicons import load_rows
from . import gazetteer
from .doc_memo import per_sentence

_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


@per_sentence
def dateline_end(sent) -> int:
    """Token index of the dash closing a wire dateline ("WASHINGTON, Sept 17 -"), or -1.

    The parser hangs the dateline on the first clause ("SANAA" as the subject,
    "Sept 22" as a modifier of "ministers"); actors never include it.
    """
    if sent[0].i > 0 and "\n" not in sent.doc[sent[0].i - 1].text_with_ws:
        return -1  # a dateline opens a line ("Two officials - both from X - said" is none)
    for tok in sent[:12]:
        if tok.text in _DASHES and tok.whitespace_ and tok.i > sent.start and tok.nbor(-1).whitespace_:
            before = sent[:tok.i - sent.start]
            if any(t.is_upper and len(t) > 2 for t in before) or any(t.like_num for t in before):
                return tok.i
            return -1
    closed = _closed_dateline(sent)
    return closed if closed >= 0 else _bare_dateline(sent)


@functools.lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    return frozenset(r.alias.lower() for r in load_rows("wire_agencies.tsv"))


def _a_place(words) -> bool:
    """Do these tokens name a place ("DHAKA", "New Delhi", "Chittagong" tagged a place)?"""
    if words and all(t.ent_type_ in ("GPE", "LOC") for t in words):
        return True
    name = " ".join(t.text for t in words).title()
    return bool(name) and bool(gazetteer.country_code(name, demonyms=False) or gazetteer.metonym(name))


def _closed_dateline(sent) -> int:
    """Token index closing a dateline without a dash: a colon ("DHAKA: ", "Tallinn, March 3: ") or a
    wire agency's credit in brackets ("Dhaka, March 3 (IANS) Prime Minister ..."), or -1.

    The words before must be a place opening the line (a country, a capital, a place the tagger knows),
    then only a date, a country or a credit: "Kerry: Russia ..." or "PRESENTER: ..." name no place.
    """
    head = []
    for t in sent[:4]:
        if t.is_alpha and t.text[:1].isupper():
            head.append(t)
        else:
            break
    if not head or not _a_place(head):
        return -1
    for tok in sent[len(head):len(head) + 10]:
        if tok.text == ":" and tok.i + 1 < sent.end:
            nxt = tok.nbor(1)
            return tok.i if nxt.text[:1].isupper() or nxt.is_quote else -1
        if tok.text == ")" and tok.i + 1 < sent.end and tok.nbor(1).text[:1].isupper():
            opened = [t for t in sent[:tok.i - sent.start] if t.text == "("]
            credit = sent.doc[opened[-1].i + 1:tok.i].text.lower() if opened else ""
            return tok.i if credit in _agencies() else -1
        if not (tok.is_punct and tok.text in ",()" or tok.pos_ in ("PROPN", "NUM") or tok.like_num):
            return -1
    return -1


def _bare_dateline(sent) -> int:
    """Last token of a dateline without a dash ("HARARE Zimbabwe's army said"): a place in capitals
    (a country or capital the gazetteer knows) opening the first line, before a capitalised word."""
    caps = []  # (the caller checked that the sentence opens a line)
    for t in sent[:4]:
        if t.is_upper and t.is_alpha and len(t) > 2:
            caps.append(t)
        else:
            break
    if not caps or len(caps) == len(sent):
        return -1
    nxt = sent[len(caps)]
    place = " ".join(t.text for t in caps).title()
    if nxt.is_title and (gazetteer.country_code(place, demonyms=False) or gazetteer.metonym(place)):
        return caps[-1].i
    return -1
