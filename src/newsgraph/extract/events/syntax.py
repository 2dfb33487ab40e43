"""Parse helpers of the events stage: subjects, agents, objects, conjuncts, negation.

Pure reading of the dependency parse (no lexicon, no entities), shared by the
trigger finder and the argument filler.
"""

from __future__ import annotations

from ..actors import dateline_end

_SUBJ = ("nsubj", "csubj")

_PASS_SUBJ = ("nsubjpass", "csubjpass")


def _mods(tok) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")} | \
        {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}

def _preps(tok) -> list:
    return [c for c in tok.children if c.dep_ in ("prt", "prep", "agent", "dative")]

def _objects(tok) -> list:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    for p in tok.children:  # "carried out attacks": object hangs off the particle sometimes
        if p.dep_ == "prt":
            objs.extend(c for c in p.children if c.dep_ == "pobj")
    return objs

def _subject(verb):
    """(subject token, passive?) of a verb; a dateline parsed as the subject gives way to its apposition."""
    subj, passive = _raw_subject(verb)
    cut = dateline_end(subj.sent) if subj is not None else -1
    if subj is not None and subj.i <= cut:
        after = [c for c in subj.subtree if c.i > cut and c.pos_ in ("NOUN", "PROPN") and c.head.i <= cut]
        return (after[0], passive) if after else (None, passive)
    return subj, passive

def _raw_subject(verb):
    """(subject token, passive?) of a verb, following conjunction, relative and participle links."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        for c in tok.children:
            if c.dep_ in _SUBJ:
                return c, False
            if c.dep_ in _PASS_SUBJ:
                return c, True
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            tok = tok.head
            continue
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = tok.head  # "Boko Haram, the Islamist insurgency that has killed": the named one
            if head.dep_ == "appos" and head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head
            return head, tok.dep_ == "acl" and tok.tag_ == "VBN"
        if tok.dep_ in ("xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            # controlled subject: "X agreed to buy" -> X; object control "urged X to" handled by caller
            objs = [c for c in tok.head.children if c.dep_ in ("dobj",)]
            if objs and tok.dep_ == "xcomp" and tok.head.lemma_ not in ("promise",):
                return objs[0], False
            tok = tok.head
            continue
        if tok.dep_ == "acomp" or (tok.pos_ == "ADJ" and tok.dep_ != "ROOT"):
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "guilty of violating", "by arresting"
            tok = tok.head.head
            continue
        break
    return None, False

def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None

def _conjuncts(tok) -> list:
    out = [tok]
    cut = dateline_end(tok.sent)
    for c in tok.conjuncts:
        if c.pos_ in ("NOUN", "PROPN", "PRON") and c not in out and c.i > cut:
            out.append(c)
    return sorted(out, key=lambda t: t.i)

def _between(tok):
    """Both sides of "talks between A and B" (or None)."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "between":
            for o in p.children:
                if o.dep_ == "pobj":
                    conj = [c for c in o.conjuncts if c.i > o.i]
                    if conj:
                        return o, conj[0]
    return None

def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    return False
