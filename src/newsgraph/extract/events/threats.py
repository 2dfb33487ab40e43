"""Conditional threats: a harm announced for the case that someone else does (or fails to do) something.

"Said they would kill the hostages unless the government freed their leader", "would block the
highways if the government does not withdraw the tax", "warned that more attacks would follow if
troops did not withdraw": no word says "threaten", the shape does. A hostile act the speaker will
carry out, hung on a condition another party can meet, is a threat made to that party (CAMEO 13:
threats of force, repression, sanctions or protest; PLOVER THREATEN). The threat is what happened;
the act itself may never come. A condition on a friendly act ("will lift the curfew if the violence
subsides") is an offer or a plan, not a threat, and stays as it was.
"""

from __future__ import annotations

from ..linking import MentionIndex
from ..modal_words import FUTURE_AUX
from .candidate import _Cand
from .linking import _looks_actor, _noun_type
from .modality import _HOSTILE  # the harms a threat can hold over a party: force, repression, sanctions, protest
from .syntax import _PASS_SUBJ, _SUBJ

_CONDITION_MARKS = frozenset({"if", "unless"})
# a warning's content that is harm without an act word ("there will be consequences", "war would follow")
_HARM_WORDS = frozenset({"consequence", "war", "violence", "bloodshed", "retaliation", "reprisal", "response",
                         "attack", "attacks", "strike", "strikes", "sanction", "sanctions"})


def condition(tok):
    """The "if"/"unless" clause hung on ``tok`` ("... unless the government frees him"), or None; "as if"
    and "even if" set no condition on the act."""
    for c in tok.children:
        if c.dep_ != "advcl":
            continue
        marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "advmod")}
        if marks & _CONDITION_MARKS and not marks & {"as", "even"}:
            return c
    return None


# verbs of paying back harm: announced, they threaten ("will retaliate", "would avenge")
_PAYBACK = frozenset({"retaliate", "avenge"})
_FUTURE_AUX = FUTURE_AUX | {"would"}
# what a response must answer to be force ("will respond firmly to any aggression")
_HOSTILITIES = frozenset({"attack", "aggression", "provocation", "violation", "threat", "incursion", "invasion",
                          "hostility", "strike", "assault", "intrusion", "escalation"})


def announced_payback(tok, index: MentionIndex) -> _Cand | None:
    """A THREATEN when a party announces paying back harm: "said it would retaliate", "our forces will respond
    firmly to any aggression", "would respond in kind", "will hit back if attacked". A past "retaliated
    with air strikes" reports the act itself; a response to anything but hostility ("will respond to
    the complaints", "to rising inflation") and a team's "will hit back next season" threaten no one."""
    lemma = tok.lemma_.lower()
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children) \
            or any(c.dep_ == "neg" for c in tok.children):
        return None
    doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if doer is None or not (_looks_actor(doer, index) or doer.pos_ == "PRON"):
        return None  # "the new rules would punish small businesses": no party pays anyone back
    preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
    answered = [o for p in ("to", "at", "against") if p in preps for o in preps[p].children if o.dep_ == "pobj"]
    if lemma == "respond":
        forceful = any(o.lemma_.lower() in _HOSTILITIES for o in answered) or any(
            p == "with" and any(o.lemma_.lower() == "force" for o in c.children)
            or p == "in" and any(o.lower_ == "kind" for o in c.children) for p, c in preps.items())
    elif lemma == "hit":
        forceful = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children) and (
            condition(tok) is not None or any(_looks_actor(o, index) for o in answered))
    else:
        forceful = lemma in _PAYBACK
    return _Cand("THREATEN", "verb", tok, [tok]) if forceful else None


def conditional_threat(cand: _Cand, index: MentionIndex) -> None:
    """Make ``cand`` the threat it is when it announces a harm on a condition (see the module note);
    its target becomes the party the condition is on when the condition names one."""
    if cand.negated or cand.kind == "must":
        return
    payback = cand.type == "THREATEN" and cand.head.lemma_.lower() in _PAYBACK | {"respond", "hit"} \
        and cand.kind == "verb"
    if payback:
        cand.mode = "asserted"  # the announcement is the threat; its target is whom the condition is on
    if payback or cand.type in _HOSTILE and cand.mode in ("future", "conditional", "intended"):
        cond = next((c for t in [cand.head, *cand.chain] if (c := condition(t)) is not None), None)
    elif cand.type == "ACCUSE" and cand.head.lemma_ == "warn":
        cond = _warned_harm(cand.head, index)
    else:
        return
    if cond is None:
        return
    party = next((s for s in cond.children if s.dep_ in _SUBJ + _PASS_SUBJ), None)
    on_party = party is not None and _looks_actor(party, index) and not any(party.i == s.i for s in cand.sources)
    if cand.type != "THREATEN" and (cand.passive or not on_party):
        return  # "a curfew if the cyclone makes landfall", "they will be attacked if the troops leave": a plan
        # for what may come, or a fear, not a threat to a party who could comply
    cand.type, cand.mode = "THREATEN", "asserted"
    if on_party:
        cand.targets = [party]


def _warned_harm(warn, index: MentionIndex):
    """The condition of a warning that harm will come ("warned that more attacks would follow if troops
    stayed"), or None for a warning of no harm or on no condition ("warned that prices would rise")."""
    for clause in warn.children:
        if clause.dep_ != "ccomp":
            continue
        cond = condition(clause)
        if cond is None:
            continue
        inside = {t.i for t in cond.subtree}
        if any(t.i not in inside and (t.lemma_.lower() in _HARM_WORDS or t.pos_ == "NOUN"
                                      and _noun_type(t, index, as_object=False) in _HOSTILE)
               for t in clause.subtree):
            return cond
    return None
