"""Deadlines set on a party: "gave the junta a week to reinstate the president or face intervention".

No trigger word says it: "give" is everywhere in news. The shape does: a party given a span of
time (a date-like object) to comply (leave, release, hand over, ...) is ordered to (PLOVER DEMAND), and
one told what it will "face" or "risk" otherwise is threatened (PLOVER THREATEN, CAMEO's ultimatum); a
span given for any other task ("six months to live", "an hour to finish the exam") orders nothing.
"""

from __future__ import annotations

from .candidate import _Cand
from .syntax import _infinitive

_TIME_ENTS = frozenset({"DATE", "TIME"})
# what a party is told to do by a deadline: leave, hand over, give in
_COMPLYING = frozenset({"leave", "withdraw", "release", "free", "surrender", "reinstate", "hand", "disarm", "quit",
                        "resign", "vacate", "disperse", "evacuate", "comply", "respond", "pay", "return", "step",
                        "restore", "stop", "end", "cease", "abandon", "accept", "pull", "lay", "clear", "submit"})
_SPANS = frozenset({"minute", "hour", "day", "week", "month", "deadline", "ultimatum"})


def _span(tok) -> bool:
    return tok.ent_type_ in _TIME_ENTS or tok.lemma_.lower() in _SPANS


def ultimatum(tok) -> _Cand | None:
    """A DEMAND (or THREATEN, with "or face ...") when ``tok`` is "give" with a party, a span and a task."""
    if tok.lemma_ != "give":
        return None
    spans = [c for c in tok.children if c.dep_ in ("npadvmod", "dobj") and _span(c)]
    spans += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("until", "till")
              and any(o.ent_type_ in _TIME_ENTS for o in c.children)]  # "gave X until Friday to respond"
    parties = [c for c in tok.children if c.dep_ in ("dative", "dobj") and not _span(c)
               and c.pos_ in ("NOUN", "PROPN", "PRON")]
    tasks = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and _infinitive(c)]
    tasks += [c for s in spans for c in s.children if c.dep_ in ("acl", "relcl") and _infinitive(c)]
    if not (spans and parties and tasks):
        return None
    # "... or face sanctions": the alternative joined to the task by "or" is the threat
    faces = any(c.dep_ == "conj" and c.lemma_ in ("face", "risk") and any(
        x.dep_ == "cc" and x.lower_ == "or" for x in t.children) for t in tasks for c in t.children)
    if not faces and not any(t.lemma_ in _COMPLYING for t in tasks):
        return None  # "gave the pupils an hour to finish", "gave him six months to live": no order
    return _Cand("THREATEN" if faces else "DEMAND", "verb", tok, [tok, spans[0]], targets=parties[:1])
