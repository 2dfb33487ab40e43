"""Where a wire dateline ends on the parse ("WASHINGTON, Sept 17 -", "HARARE Zimbabwe's army said").

The parser hangs a dateline on the first clause ("SANAA" as a subject, "Sept 22"
as a modifier of "ministers"); actors, speakers and event arguments never
include it, so each stage asks here where it stops.
"""

from __future__ import annotations

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
    return _bare_dateline(sent)


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
