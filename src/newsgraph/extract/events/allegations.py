"""Alleged wrongdoing: "the opposition said the government had rigged the vote" accuses the government.

A wrongdoing verb names no act between parties PLOVER codes (rigging, embezzling and bribing are
crimes, not political events), and told as news ("the court found he had embezzled") it is a
finding. Reported by a party, it is that party's accusation of the doer (PLOVER ACCUSE, CAMEO 11):
what the report is about is who blames whom. The accused is the wrongdoing verb's subject.
"""

from __future__ import annotations

from ..actors import sector_of_noun
from ..linking import MentionIndex
from .candidate import _Cand
from .linking import _looks_actor
from .syntax import _conjuncts, _indefinite, _subject

# verbs whose doer breaks the law or the rules by doing them (not violence: attacks are ASSAULT)
_WRONGDOING = frozenset({"rig", "embezzle", "steal", "loot", "defraud", "bribe", "launder", "plunder", "falsify",
                         "forge", "cheat", "misappropriate", "siphon", "extort", "smuggle", "sabotage", "plagiarize",
                         "plagiarise", "swindle", "pilfer"})
# what is "stolen" in praise: "stole the show", "stole the headlines"
_LIMELIGHT = frozenset({"show", "spotlight", "limelight", "headline", "headlines", "heart", "hearts", "scene"})
# report verbs that can carry an accusation ("said", "claimed", "alleged"); not "denied", "feared", "hoped"
_ASSERTING = frozenset({"say", "claim", "allege", "charge", "assert", "insist", "declare", "tell", "state", "add",
                        "contend", "maintain", "argue", "write"})


def alleged_wrongdoing(report_verb, clause, index: MentionIndex) -> _Cand | None:
    """An ACCUSE by the speaker of ``report_verb`` against the doer of the wrongdoing ``clause`` names, or None."""
    if report_verb.lemma_.lower() not in _ASSERTING or clause.lemma_.lower() not in _WRONGDOING:
        return None
    if any(c.dep_ == "neg" for c in clause.children) or any(c.dep_ == "neg" for c in report_verb.children):
        return None  # "said the vote was not rigged": a defence, not an accusation
    doer, passive = _subject(clause)
    speaker, _ = _subject(report_verb)
    if doer is None or passive or speaker is None or not _looks_actor(doer, index) or _indefinite(doer):
        return None  # "said the vote had been rigged": no one accused
    if doer.pos_ == "PRON" or doer.lemma_.lower() == speaker.lemma_.lower():
        return None  # "the army said it had smuggled food in", "told the court he had forged them": own acts
    if doer.pos_ == "NOUN" and index.at(doer.idx, doer.idx + len(doer)) is None \
            and sector_of_noun(doer.lemma_, doer.text) is None:
        return None  # "police said thieves had stolen cables": a crime reported, no party blamed
    if any(o.lemma_.lower() in _LIMELIGHT for o in clause.children if o.dep_ == "dobj"):
        return None  # "said Apple stole the show": praise
    if index.at(speaker.idx, speaker.idx + len(speaker)) is None and sector_of_noun(
            speaker.lemma_, speaker.text) in (None, "MED", "JRN"):
        return None  # "witnesses said soldiers looted shops", "the broadcaster said": the act is the news,
        # told by someone who is no party to it
    return _Cand("ACCUSE", "must", report_verb, [report_verb, clause], sources=_conjuncts(speaker),
                 targets=_conjuncts(doer))
