"""Object pronouns whose antecedent sits earlier in their own sentence.

"Supporters gathered near the palace, but soldiers fired warning shots to disperse
them, witnesses said": news tells an act and its reaction in one sentence, and an
object "them" or "it" there takes up what the sentence has just named, not the
speaker of a trailing "witnesses said" and not an actor of earlier sentences.
"""

from __future__ import annotations

from ...model import Actor
from ..actors import code_actor, noun_kind, phrase_tokens
from ..date_tense import clause_verb
from ..doc_memo import sentence_of
from ..linking import MentionIndex
from .syntax import _subject

# clause links that keep one stretch of action: "beat X and detained them", "fired shots to disperse them"
_SAME_STRETCH = frozenset({"conj", "xcomp"})


def thing_before(tok):
    """"Varda called the vote a coup and vowed to challenge it": an object "it" takes up the nearest
    thing its sentence already acted on (a vote, a town, a company), which may be no actor at all,
    rather than an actor named sentences earlier."""
    if tok.lower_ != "it":
        return None
    if tok.dep_ in ("dobj", "pobj"):
        verb = tok.head if tok.dep_ == "dobj" else clause_verb(tok)
    elif tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and tok.head.lemma_ == "be" \
            and tok.head.head.tag_ == "VBG" and tok.head.head.dep_ == "advcl":
        # "rejected the plan, saying it was illegal": the subject of the verdict the act gives its reason in
        verb = tok.head.head.head
    else:
        return None
    if verb is None:
        return None
    subj, _ = _subject(verb)
    for t in reversed(tok.doc[sentence_of(tok).start:tok.i]):
        if subj is not None and subj.left_edge.i <= t.i <= subj.right_edge.i:
            break
        if t.dep_ in ("dobj", "pobj", "nsubjpass") and t.tag_ in ("NN", "NNP") and t.ent_type_ not in ("DATE", "TIME"):
            return t
    return None


def people_before(tok, index: MentionIndex) -> Actor | None:
    """The people an object "them" takes up: the nearest plural actor of the same stretch of action
    (clauses joined by "and", "but" or a purpose "to"; not across "after", "when" or "because": in
    "police arrested the men after protesters attacked them" the men are not who was attacked)."""
    if tok.lower_ != "them" or tok.dep_ not in ("dobj", "pobj"):
        return None
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    stretch = _stretch(verb)
    doers = set()  # the doer is never its own object ("themselves"): the subject the pronoun's verb has or shares
    for v in [verb, *verb.ancestors]:
        subjects = [s for s in v.children if s.dep_ in ("nsubj", "nsubjpass")]
        if subjects or v.i not in stretch:
            doers.update(t.i for s in subjects for t in s.subtree)
            break
    subj, _ = _subject(verb)
    if subj is not None:
        doers.update(t.i for t in subj.subtree)
    for t in reversed(tok.doc[sentence_of(tok).start:tok.i]):
        if t.pos_ not in ("NOUN", "PROPN") or t.tag_ not in ("NNS", "NNPS") or t.dep_ in ("compound", "poss", "amod"):
            continue
        if t.i in doers or t.ent_type_ in ("DATE", "TIME"):
            continue
        if clause_verb(t) is None or clause_verb(t).i not in stretch:
            continue
        actor = code_actor(t, index)
        if actor is not None:
            return actor
        if noun_kind(t.text) == "people":  # "Bazam's supporters"
            toks = phrase_tokens(t)
            return Actor(name=t.doc[toks[0].i:toks[-1].i + 1].text, entity=None, code=None)
    return None


def _stretch(verb) -> set[int]:
    """The verbs of one stretch of action around ``verb`` (token ids)."""
    top = verb
    for _ in range(6):
        purpose = top.dep_ == "advcl" and not any(c.dep_ == "mark" for c in top.children)
        if top.head.i == top.i or not (top.dep_ in _SAME_STRETCH or purpose):
            break
        top = top.head
    out = {top.i}
    todo = [top]
    if top.dep_ == "ccomp":  # "X gathered, but soldiers fired ..., witnesses said": two clauses of one report
        todo += [c for c in top.head.children if c.dep_ == "ccomp" and c.i != top.i and c.pos_ in ("VERB", "AUX")]
        out.update(c.i for c in todo)
    while todo:
        v = todo.pop()
        for c in v.children:
            purpose = c.dep_ == "advcl" and not any(m.dep_ == "mark" for m in c.children)
            if (c.dep_ in _SAME_STRETCH or purpose) and c.i not in out and c.pos_ in ("VERB", "AUX"):
                out.add(c.i)
                todo.append(c)
    return out


_TIME_MARKS = frozenset({"when", "after", "before", "while", "once", "until", "because"})


def host_subject(tok):
    """"EU ministers will discuss X when they meet next week": the subject "they"/"it" of a clause of time
    or cause takes up the subject of the clause it hangs on when the two agree in number (the subject
    keeps its place in news prose), not the last country named before it."""
    if tok.lower_ not in ("they", "it") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    if verb.dep_ == "relcl" and tok.lower_ == "they":
        return _contact_host(tok, verb)
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS and c.i < tok.i
                                       for c in verb.children):
        return None
    host = _named_subject_before(verb.head, tok)
    if host is None:
        return None
    if any(_agrees_in_number(o, tok) for o in verb.head.children if o.dep_ == "dobj"):
        return None  # "soldiers shot the protesters when they refused to disperse": either may be meant
    return host if _agrees_in_number(host, tok) else None


def _contact_host(tok, verb):
    """"The US and Britain imposed sanctions on two men they accused of hacking": "they" in a relative
    clause with no relative word is not the noun the clause describes but, agreeing in number, the
    subject of the clause that names that noun."""
    if any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in verb.children):
        return None
    up = verb.head
    for _ in range(6):
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            break
        up = up.head
    host = _named_subject_before(up, tok)
    if host is None or host.i == verb.head.i:
        return None
    return host if _agrees_in_number(host, tok) else None


def _named_subject_before(verb, tok):
    """The subject of ``verb`` when a noun before ``tok`` (the pronoun's candidate antecedent), else None."""
    host, _ = _subject(verb)
    return host if host is not None and host.pos_ in ("NOUN", "PROPN") and host.i <= tok.i else None


def _agrees_in_number(noun, pronoun) -> bool:
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    return plural == (pronoun.lower_ == "they")
