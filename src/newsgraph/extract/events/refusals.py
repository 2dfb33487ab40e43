"""Refusals: a cooperative act a party says it will not do is a rejection (PLOVER REJECT, CAMEO 12).

"Would not negotiate with terrorists", "will not accept the demands", "said they would never
surrender": the act is never done, so it is no news as itself, but the refusal is (CAMEO's "refuse to
negotiate", "reject demands", "refuse to yield"). Only a stance counts. What did not happen ("did not
meet on Monday"), a hostile act ruled out ("will not send troops"), a schedule ("will not meet again
until after the election", "before May", "this week"), an inability or a reason given ("will not
attend because of illness"), a passive ("will not be taken") and a counterfactual ("would not have
allowed") refuse nothing; nor does a doer that is no party ("prices will not help").
"""

from __future__ import annotations

from ..actors import STATE_NOUNS
from ..linking import MentionIndex
from .candidate import _Cand
from .linking import _looks_actor
from .modality import _COOPERATIVE  # the acts whose refusal PLOVER codes REJECT (as_plover's reading)

# words that make a "will not" a matter of time or circumstance, not of will
_TIMING = frozenset({"again", "yet", "temporarily", "soon", "immediately", "today", "tomorrow", "now"})
_BOUNDS = frozenset({"until", "till", "before", "because", "due", "during"})
_TIME_ENTS = frozenset({"DATE", "TIME", "EVENT"})


def refusal(cand: _Cand, index: MentionIndex) -> None:
    """Make ``cand`` the REJECT it is when its doer says it will not do a cooperative act (module note)."""
    if not (cand.negated and cand.mode == "future" and cand.type in _COOPERATIVE and cand.kind != "must"):
        return
    if cand.passive or not cand.sources or not all(
            _looks_actor(s, index) or s.lemma_.lower() in STATE_NOUNS for s in cand.sources):
        return  # "waste will not be accepted", "prices will not help": no party refuses
    verbs = [cand.head, *cand.chain]
    for v in verbs:
        for c in v.children:
            if c.dep_ == "aux" and c.lemma_ == "have":
                return  # "would not have allowed it": what would have been, no stance
            if c.lower_ in _TIMING or c.dep_ in ("npadvmod", "pobj") and c.ent_type_ in _TIME_ENTS:
                return  # "will not meet again", "will not sign this week"
            marks = {c.lower_} if c.dep_ in ("prep", "mark") else {
                m.lower_ for m in c.children if m.dep_ == "mark"} if c.dep_ == "advcl" else set()
            if marks & _BOUNDS:
                if marks & {"until", "till"} and c.dep_ == "advcl" and _party_subject(c, index):
                    continue  # "will not meet them until they disarm": a condition set on a party, a refusal
                return  # "will not attend because of illness", "until after the election", "before May"
    cand.type, cand.mode, cand.negated = "REJECT", "asserted", False


def _party_subject(clause, index: MentionIndex) -> bool:
    """"until they disarm": the clause has a party as its subject."""
    return any(s.dep_ in ("nsubj", "nsubjpass") and _looks_actor(s, index) for s in clause.children)
