"""Demands told as obligations: "X said Y must/should Z" is a DEMAND by X on Y (CAMEO 10).

No demand verb says it; the modal does. Its own module because the reported clause is read whole
(the demanded act is its content, not an event of its own) before any trigger in it is.
"""

from __future__ import annotations

from ..actors import noun_kind, sector_of_noun
from ..linking import MentionIndex
from ..modal_words import OBLIGATION_AUX
from .candidate import _Cand
from .linking import _looks_actor
from .syntax import _conjuncts, _indefinite, _subject

# verbs of knowing: "Y must know/understand that ..." tells Y what to expect, it asks no act of Y
_KNOWING = frozenset({"know", "understand", "realize", "realise", "recognize", "recognise", "remember", "expect",
                      "be aware"})


def _must_demand(sent, report_verb, clause, index: MentionIndex) -> _Cand | None:
    """"X said Y must/should Z": a DEMAND by X on Y (CAMEO 10)."""
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children):
        return None
    if clause.lemma_.lower() in _KNOWING:
        return None  # "they should know that we will respond": a warning about what they face, no demand
    subj, _ = _subject(clause)
    if subj is None or not _looks_actor(subj, index) or _indefinite(subj):
        return None  # "said a new coach should be hired": a post to fill, no party to demand of
    speaker, _ = _subject(report_verb)
    if speaker is None:
        return None
    words = [report_verb] + [c for c in clause.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX]
    if subj.pos_ == "NOUN" and index.at(subj.idx, subj.idx + len(subj)) is None \
            and sector_of_noun(subj.lemma_.lower(), subj.text) is None and noun_kind(subj.text) != "people":
        # "said the habits of the governing bloc have to stop": a demand about a body's ways criticises it
        owners = [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" and _looks_actor(o, index)]
        if not owners:
            return None
        return _Cand("ACCUSE", "must", report_verb, words, sources=_conjuncts(speaker), targets=owners[:1])
    return _Cand("DEMAND", "must", report_verb, words, sources=_conjuncts(speaker),
                 targets=_conjuncts(subj))
