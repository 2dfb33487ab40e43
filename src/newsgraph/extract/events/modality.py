"""Mode and negation of an event, and the PLOVER reading of intentions and refusals.

``mode``: "future" (will/shall, or "would" in reported speech), "intended"
(plan/decide/seek to, ready/willing to), "attempted" (try to), "continuing"
(continue/keep), "hypothetical" (may/might/could/would outside reported speech),
"conditional" (an act announced "unless" something happens) or "asserted".
The auxiliaries come from ``modal_words.py``, shared with the dates stage.
"""

from __future__ import annotations

from ...model import Event
from ..modal_words import FUTURE_AUX, POSSIBILITY_AUX
from .candidate import _Cand
from .linking import _EMPTY, _first
from .syntax import _negated, _subject

_HYPOTHETICAL_AUX = (POSSIBILITY_AUX - {"can", "ca"}) | {"would"}  # "could meet": not a reported act
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})

# verbs that would make others act: what they would lead to is feared or hoped, not done or planned
_CAUSING = frozenset({"encourage", "embolden", "allow", "enable", "prompt", "push", "lead", "tempt", "drive",
                      "invite", "provoke", "force"})

_POLITE = frozenset({"like", "love", "wish"})  # "would like to", "would love to", "would wish to"

_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def _aux_mode(tok, *, reported: bool) -> str | None:
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in FUTURE_AUX:
                return "future"
            if c.lower_ == "would" and reported:
                return "future"
            if c.lower_ in _HYPOTHETICAL_AUX:
                return "hypothetical"
    return None

def _apply_chain(cand: _Cand, *, reported: bool) -> None:
    """Mode and negation from the event verb and the transparent verbs above it."""
    tok = cand.head
    mode = _aux_mode(tok, reported=reported)
    negated = _negated(tok) or any(o.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "no" for c in o.children)
                                   for o in tok.children)  # "made no arrests", "offered no aid"
    while tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        up = tok.head
        entry = (_first(up, "transparent", _EMPTY) if up.pos_ != "ADJ" else None) or \
            (_first(up, "adj", _EMPTY) if up.pos_ == "ADJ" else None)
        if entry is None:
            break
        cand.chain.append(up)
        negated = negated or _negated(up) or entry.type == "negated"  # "failed to reach a deal"
        up_mode = _aux_mode(up, reported=reported)
        if up_mode == "future" or mode == "future":
            mode = "future"
        elif entry.type == "negated":
            pass
        elif entry.type in ("intended", "continuing", "attempted") and mode is None:
            mode = entry.type
        elif up.pos_ == "ADJ" and mode is None:
            mode = "intended"  # "ready/willing to X": an offer of X
        elif up_mode and mode is None:
            mode = up_mode
        tok = up
    if mode is None and tok.dep_ == "xcomp" and tok.head.lemma_ in _CAUSING and any(
            c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in tok.head.children):
        mode = "hypothetical"  # "said it would encourage others to take hostages": a feared act, not a plan
    if tok.dep_ == "advcl" and tok.head.lemma_ == "be" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        mode = "hypothetical"  # "it would be for his successor to negotiate": a task assigned, not done
    if mode is None and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ == "plan":
        mode = "intended"
    # "is going to", be + adjective ("is ready to") climb one more level
    if tok.head.i != tok.i and tok.dep_ == "xcomp" and tok.head.lemma_ == "go":
        mode = "future"
    subj, _ = _subject(cand.head)
    if subj is not None and any(c.lower_ in ("no", "neither", "none") for c in subj.children if c.dep_ == "det") \
            or subj is not None and subj.lower_ in ("neither", "none", "nobody"):
        negated = True  # "neither side has committed", "no country offered"
    if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
           for t in [cand.head] + cand.chain for c in t.children):
        mode = "conditional"  # "will withdraw unless X": a threat (PLOVER THREATEN) whatever the act
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children) \
            and not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "even") for c in tok.children):
        mode = "hypothetical"  # "will respect the truce if the army stops air strikes", "will kill them unless
        # the government frees their leader": a condition, not news
    if mode is None and not reported and _hypothetical_above(tok):
        mode = "hypothetical"
    cand.mode = mode or "asserted"
    cand.negated = negated


def _hypothetical_above(tok) -> bool:
    """"Leaving could cost X access and mean it would have to seek ...": a verb conjoined with, or the
    complement of, a hypothetical verb is as hypothetical as it (a report verb in between stops this)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("conj", "xcomp", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX") or _first(cur, "report", _EMPTY) is not None:
            return False
        if cur.lemma_ in _POLITE and tok.dep_ == "xcomp":
            return False  # "I would like to call on everyone": a polite way of doing it now, not a maybe
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _HYPOTHETICAL_AUX for c in cur.children):
            return True
    return False

def as_plover(event: Event) -> str:
    """The event's type under the PLOVER codebook's rules for intentions and refusals.

    Our records keep what was said about the act ("will provide aid": AID,
    mode future). PLOVER codes a *stated intention* to cooperate as AGREE
    ("announce intent/promise", CAMEO 03), a stated intention to harm as THREATEN
    (CAMEO 13) and a refusal of a cooperative act ("will not accept") as REJECT
    (CAMEO 12). Coders comparing with PLOVER-coded data use this view.
    """
    if event.negated and event.type in _COOPERATIVE:
        return "REJECT"
    if event.mode == "conditional":
        return "THREATEN"
    if event.mode in ("future", "intended", "hypothetical") and not event.negated:
        if event.type in _COOPERATIVE:
            return "AGREE"
        if event.type in _HOSTILE:
            return "THREATEN"
    return event.type
