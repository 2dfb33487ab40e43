"""The tense of the clause governing a date expression, read from the dependency parse.

"Kerry said on Wednesday" (past) and "the ministers will meet on Friday" (future)
resolve a bare weekday in opposite directions; the governing verb's tag and its
auxiliaries decide which.
"""

from __future__ import annotations

_FUTURE_AUX = frozenset("will 'll wo shall would 'd going gon".split())
_MODAL_FUTURE = frozenset("could may might should must can ca".split())
_FUTURE_HEADS = frozenset("plan expect schedule set due hope intend aim go prepare agree promise "
                          "vow pledge threaten decide want seek".split())
_PAST_AUX = frozenset("did had was were has have 've 'd".split())


def clause_tense(doc, start: int, end: int) -> str | None:
    """"past", "future", "present" or None for the clause governing characters ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(tok)


def verb_tense(verb) -> str | None:
    """Tense of one verb token from its tag and auxiliaries."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX and not ("'d" in words and verb.tag_ == "VBN"):
        return "future"
    if "going" in words or (verb.tag_ == "VB" and any(a.lower_ == "to" for a in aux)
                            and verb.head is not verb and verb.head.lemma_.lower() in _FUTURE_HEADS):
        return "future"
    if verb.tag_ == "VB" and words & _MODAL_FUTURE:
        return "future"
    if verb.tag_ in ("VBD",) or words & _PAST_AUX or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN":
        return "past"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
        head = verb.head
        if head is not verb and head.pos_ in ("VERB", "AUX"):
            return verb_tense(head) if head is not verb else None
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}):
        return "present"
    return None
