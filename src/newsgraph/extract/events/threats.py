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
from .candidate import _Cand
from .linking import _looks_actor, _noun_type
from .syntax import _PASS_SUBJ, _SUBJ

# acts that harm the party they are held over: force, repression, sanctions, protest (CAMEO 13's kinds)
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
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


# verbs of paying back harm: announced, they threaten ("will retaliate", "would hit back")
_PAYBACK = frozenset({"retaliate", "avenge", "punish"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
# how a response is announced when it is force ("will respond firmly", "would respond in kind")
_FORCEFUL = frozenset({"firmly", "forcefully", "decisively", "harshly", "strongly", "robustly", "militarily",
                       "resolutely", "severely", "mercilessly", "appropriately"})


def announced_payback(tok) -> _Cand | None:
    """A THREATEN when ``tok`` announces paying back harm: "said it would retaliate", "our forces will respond
    firmly to any aggression", "will hit back"; a past "retaliated with air strikes" reports the act
    itself, and a plain "will respond to the letter" is no threat."""
    lemma = tok.lemma_.lower()
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
        return None
    forceful = lemma in _PAYBACK or lemma == "hit" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
    if lemma == "respond":
        forceful = any(c.dep_ == "advmod" and c.lower_ in _FORCEFUL for c in tok.children) or any(
            c.dep_ == "prep" and (c.lower_ == "with" and any(o.lemma_.lower() == "force" for o in c.children)
                                  or c.lower_ == "in" and any(o.lower_ == "kind" for o in c.children))
            for c in tok.children)
    if not forceful or any(c.dep_ == "neg" for c in tok.children):
        return None
    return _Cand("THREATEN", "verb", tok, [tok])


def conditional_threat(cand: _Cand, index: MentionIndex) -> None:
    """Make ``cand`` the threat it is when it announces a harm on a condition (see the module note);
    its target becomes the party the condition is on when the condition names one."""
    if cand.negated or cand.kind == "must":
        return
    if cand.type == "THREATEN" and cand.head.lemma_.lower() in _PAYBACK | {"respond", "hit"}:
        cand.mode = "asserted"  # the announcement is the threat; its target is whom the condition is on
        cond = next((c for t in [cand.head, *cand.chain] if (c := condition(t)) is not None), None)
        if cond is None:
            return
    elif cand.type in _HOSTILE and cand.mode in ("future", "conditional", "intended"):
        cond = next((c for t in [cand.head, *cand.chain] if (c := condition(t)) is not None), None)
    elif cand.type == "ACCUSE" and cand.head.lemma_ == "warn":
        cond = _warned_harm(cand.head, index)
    else:
        return
    if cond is None:
        return
    cand.type, cand.mode = "THREATEN", "asserted"
    party = next((s for s in cond.children if s.dep_ in _SUBJ + _PASS_SUBJ), None)
    if party is not None and _looks_actor(party, index) and not any(party.i == s.i for s in cand.sources):
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
