"""The tense of the clause governing a date expression, read from the dependency parse.

"Kerry said on Wednesday" (past) and "the ministers will meet on Friday" (future)
resolve a bare weekday in opposite directions; the governing verb's tag and its
auxiliaries decide which.
"""

from __future__ import annotations

from .modal_words import CONDITIONAL_AUX, FUTURE_AUX, OBLIGATION_AUX, POSSIBILITY_AUX

_FUTURE_AUX = FUTURE_AUX | CONDITIONAL_AUX | {"going", "gon"}
_MODAL_FUTURE = POSSIBILITY_AUX | OBLIGATION_AUX
_FUTURE_HEADS = frozenset("plan expect schedule set due hope intend aim go prepare want seek try "
                          "likely able poised slate".split())
_PUT_OFF = frozenset("postpone delay adjourn defer reschedule schedule slate expect plan".split())
_REPORTING = frozenset("say tell report announce claim add state insist argue warn note confirm deny".split())
_BE_PRESENT = frozenset("is are 's 're am".split())
_PAST_AUX = frozenset("did had was were has have 've 'd".split())
# verbs whose past is spelt as the present: "when shells hit a market on Sunday" is tagged present
_SAME_PAST = frozenset("hit put set cut shut cast hurt let spread burst split upset quit bid beat broadcast "
                       "cost forecast thrust".split())
# verbs whose object lies ahead of the subject: "faces a vote on Thursday", "awaits a ruling on Monday"
_AHEAD_OF = frozenset("face await anticipate brace prepare".split())
# a participle naming when a planned or running thing starts or ends ("a truce starting on Wednesday")
_ONSET = frozenset("start begin commence end expire run last".split())
# slots only a noun fills: "strikes" tagged VBZ as the subject of "Air strikes late on Thursday destroyed"
_NOMINAL_DEPS = frozenset("nsubj nsubjpass dobj pobj compound".split())


def _governor(doc, start: int, end: int):
    """The verb governing the span ``start:end``, whether the way up passed a noun, and the span's first
    token; None without such a verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    via_noun = False
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and tok.dep_ not in _NOMINAL_DEPS:
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
        via_noun = via_noun or (tok.pos_ in ("NOUN", "PROPN") and not (span.start <= tok.i < span.end))
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return tok, via_noun, span.start


def clause_tense(doc, start: int, end: int) -> str | None:
    """"past", "future", "present", "present_simple", "near" or None for the clause governing ``start:end``."""
    found = _governor(doc, start, end)
    if found is None:
        return None
    tok, via_noun, at = found
    subject = min((c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), default=-1)
    if tok.dep_ in ("ccomp", "advcl") and tok.head.lemma_.lower() in _REPORTING and tok.head.i < at < subject:
        # "Nordtech said on Monday it would buy ...": a date between the reporting verb and the
        # reported clause's subject is when it was said
        tok, via_noun = tok.head, False
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and at > 0 and doc[at - 1].lower_ == "from":
        # "will impose tariffs on cars imported from China from Friday": a start told by the clause the
        # participle's noun is in, however the parse attached it
        head = clause_verb(tok.head)
        if head is not None:
            tok, via_noun = head, False
    until = _until_verb(doc, at)
    if until is not None:
        tok, via_noun = until, False
    tense = verb_tense(tok)
    # "the vote is on Friday" states a timetable; "Tuesday could be the hottest day" (a modal) looks ahead
    timetable = tok.lemma_ == "be" and tense == "future" and not _has_future_aux(tok) and not any(
        c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE for c in tok.children)
    if via_noun and tense in ("present", "present_simple") and tok.lemma_.lower() in _AHEAD_OF \
            and _on_object_of(doc, start, end, tok):
        return "future"  # "the prime minister, who faces a confidence vote on Thursday": what is faced lies ahead
    if via_noun and (tense in ("present", "present_simple") or timetable):
        return None  # "the attack on Tuesday shows ...": the verb says nothing about the date
    if via_noun and tense == "future":
        return "near"  # "Thursday's referendum could ...": the event the noun names may lie on either side
    if timetable and any(c.dep_ == "attr" and not c.left_edge.i <= at <= c.right_edge.i for c in tok.children):
        return "present"  # "the offer is a premium to the price on Friday": a state, not "the vote is on Friday"
    return tense


def _until_verb(doc, at: int):
    """The verb an end point "until (at least) <date>" bounds: the last verb before "until", whatever the
    parser hung the date on ("will continue until at least Friday, union leaders said": the continuing)."""
    k = at - 1
    while k >= 0 and doc[k].lower_ in ("at", "least", "the", "latest", "earliest") and at - k <= 3:
        k -= 1
    if k < 0 or doc[k].lower_ not in ("until", "till", "through"):
        return None
    sent_start = doc[k].sent.start
    return next((t for t in reversed(doc[sent_start:k]) if t.pos_ in ("VERB", "AUX")
                 and t.dep_ not in ("aux", "auxpass")), None)


def _on_object_of(doc, start: int, end: int, verb) -> bool:
    """Whether the date at ``start:end`` dates the object of ``verb`` ("faces a vote on Thursday"), not a
    noun inside it ("faces charges over Friday's spill")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is None or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    obj = root.head.head
    return obj.dep_ in ("dobj", "attr") and obj.head.i == verb.i


def clause_verb(tok):
    """The verb of the clause ``tok`` sits in (``tok`` itself when a verb), or None."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _has_future_aux(verb) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in verb.children)


def reported_backshift(doc, start: int, end: int) -> bool:
    """Whether the clause governing ``start:end`` is reported speech put in the past by its reporting verb.

    "The minister said that shops were closed until Monday" reports "shops are
    closed until Monday": the past tense follows "said", not the calendar, so
    the state runs from the day of the statement on. A past perfect ("said the
    border had been shut until Monday") keeps its own past.
    """
    found = _governor(doc, start, end)
    if found is None:
        return False
    verb = found[0]
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    for _ in range(3):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING


def verb_tense(verb) -> str | None:
    """Tense of one verb token from its tag and auxiliaries."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX and not ("'d" in words and verb.tag_ == "VBN"):
        return "future"
    if verb.lemma_.lower() in _PUT_OFF:
        return "future"
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        # "the report is due on Friday" lies ahead; "the vote, which was due on Jan. 15, was postponed"
        # was planned from a past day, for a day before or after the report
        return "near" if verb.tag_ == "VBD" or words & _PAST_AUX else "future"
    if "to" in words:
        return _infinitive_tense(verb)
    if verb.tag_ == "VB" and words & _MODAL_FUTURE:
        return "future"
    if verb.tag_ in ("VBD",) or words & _PAST_AUX or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN":
        return "present" if words & _BE_PRESENT else "past"
    if verb.tag_ == "VBP" and not aux and verb.lower_ in _SAME_PAST:
        # past unless told otherwise: news tells what happened ("shells hit a market on Sunday"),
        # and a clause under a past verb ("were killed when shells hit") is past itself
        return "past" if verb.dep_ != "ROOT" and verb_tense(verb.head) == "past" else None
    if verb.tag_ == "VBG" and not aux and verb.dep_ == "acl" and verb.lemma_.lower() in _ONSET:
        return "near"  # "agreed to a truce starting on Wednesday": the closer of the two days
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):
        if any(c.dep_ == "acomp" for c in verb.children):
            return "present"  # "growth is softer than in April": a state, not a timetable
        return "future"  # "the vote is on Friday": the date is what the clause states
    if verb.tag_ in ("VBZ", "VBP"):
        # "the vote takes place on Monday": a timetable; "says" reports what was said
        return "present" if verb.lemma_.lower() in _REPORTING else "present_simple"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return None


def _infinitive_tense(verb) -> str | None:
    """An infinitive ("to meet on Friday") looks ahead of its governing verb.

    After "plans/expected/due to" it is future; after a past verb ("agreed to
    sell in October") the event may lie on either side of publication, so the
    tense is left open (the resolver then takes the nearest reading).
    """
    head = verb.head
    if head.i == verb.i:
        return "future"
    if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
        return "future"
    if head.pos_ in ("VERB", "AUX"):
        return "future" if verb_tense(head) in ("future", "present", "present_simple") else None
    return None
