"""The speaker phrase of a reporting verb: its subject, the words around it, and unnamed people.

A cue verb's subject is found through the parse (:func:`subject_of`), cut to a
name-like phrase (:func:`phrase_span`); a subject that names nobody but describes
a person ("a woman who sells fabric", "one of the freed men", "a witness") is an
unnamed speaker a later "she said" or "he said" points back at, so
:func:`unnamed_person` and :func:`person_gender` tell the resolver who it is.
"""

from __future__ import annotations

import functools
import re

from ..lexicons import load_rows
from ..model import Span
from .actors import noun_kind
from .dateline_tokens import dateline_end
from .doc_memo import sentence_of
from .event_lexicon import conj_host

_SUBJ = {"nsubj", "nsubjpass"}
_NOT_SPEAKER = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_CLIMB = {"conj", "xcomp", "pcomp", "prep", "advcl", "acl"}
_NAME_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "flat", "punct"}
# words opening a fronted place or time phrase ("Outside parliament, ...") the parse may take for a subject
_FRONTED = frozenset("outside inside at in near across after before during behind beyond along around amid "
                     "among on from within throughout".split())
# nouns that say which sex a person has, for a later "he" or "she"
_FEMALE_NOUNS = frozenset("woman girl mother wife daughter sister aunt niece grandmother granddaughter widow "
                          "lady mum mom businesswoman chairwoman congresswoman policewoman schoolgirl "
                          "girlfriend fiancee".split())
_MALE_NOUNS = frozenset("man boy father husband son brother uncle nephew grandfather grandson widower "
                        "gentleman dad businessman chairman congressman policeman fisherman schoolboy "
                        "boyfriend fiance".split())


def subject_of(verb, *, skip=None) -> object | None:
    """The grammatical subject of a cue verb, climbing through ``conj``/``xcomp``/``as saying``:
    "was quoted as saying" puts the speaker in the subject of "quoted" ("quoted X as
    saying" in its object), and
    "reiterated ... and said" shares its subject between the two verbs; a ``by``
    agent is never the speaker.
    """
    tok = verb
    for _ in range(4):
        if tok is not verb and tok.lemma_.lower() in ("quote", "cite"):
            # "State media quoted the minister as saying": the one quoted speaks, not the outlet
            quoted = [c for c in tok.children if c.dep_ == "dobj" and not (skip and skip(c.idx))]
            if quoted:
                return quoted[0]
        subjects = [child for child in tok.children
                    if child.dep_ in _SUBJ and not (skip and skip(child.idx)) and child.ent_type_ not in _NOT_SPEAKER
                    and any(ch.isalnum() for ch in child.text)]  # a dash the parser took for a noun
        if subjects:
            first = subjects[0]
            for c in subjects[1:]:
                if c.pos_ == "PROPN" and c.left_edge.i == first.i + 1:
                    return c  # "the engineer Paula Reyes said" parsed as two subjects: the name
            edge, cut = first.right_edge.i + 1, dateline_end(sentence_of(tok))
            later = [c for c in subjects[1:] if edge < c.i < tok.i]
            if later and tok.doc[edge].text == "," and first.i >= cut and first.left_edge.lower_ in _FRONTED:
                # "Outside parliament, about 2,000 protesters chanted": a fronted phrase the parse made a
                # second subject; the one next to the verb is who speaks
                return later[-1]
            if (len(subjects) > 1 and (edge < len(tok.doc) and tok.doc[edge].text == ":"
                                       or first.right_edge.text == ":")) or first.i < cut:
                # "New Delhi: ..., officials said", "OSLO (Wire) - The bank held rates but said", "SAN JOSE (Wire)
                # - Acme Inc said" (Acme an apposition): the parse made the dateline a subject too ("Ana Ruiz,
                # the party chair said:" keeps the name)
                # "TALLINN, Estonia — The union said": the parse may hang the subject deeper in the dateline
                edge = max(cut, first.i)
                deeper = [c for c in first.subtree if c.head.i <= edge < c.i]
                return next((c for c in [*subjects[1:], *first.children, *deeper] if c.i > edge
                             and c.dep_ in (*_SUBJ, "appos")), first)
            return first
        if tok is verb and _inverted_after_quote(verb):
            # '"Is this the end?" asked a protester': the parse takes the asker for the one asked
            objs = [c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1]
            if objs:
                return objs[0]
        if tok is verb and _acl_after_quote(verb):
            # '"How long must we wait?" a protester asked': the parse made the asker the root and the cue a
            # reduced relative clause on it ("a protester (who was) asked")
            return verb.head
        if tok.dep_ in _CLIMB and tok.head is not tok:
            tok = conj_host(tok)
            continue
        break
    return None


_CLOSING_MARKS = frozenset({'"', "\u201d", "\u2019", "'", "\u00bb"})


def _inverted_after_quote(verb) -> bool:
    """Does the cue verb come right after a closing quotation mark ('"...?" asked X', '"...," said X')?"""
    doc, i = verb.doc, verb.i
    if i > 0 and doc[i - 1].text == ",":
        i -= 1
    return i > 0 and doc[i - 1].text in _CLOSING_MARKS


def _acl_after_quote(verb) -> bool:
    """Is the cue verb a reduced relative on a root noun phrase right after a closing quotation mark
    ('"...?" a protester asked')?"""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i >= verb.i:
        return False
    if max((c.right_edge.i for c in head.rights if c.i < verb.i), default=head.i) != verb.i - 1:
        return False  # the cue must come right after the whole noun phrase
    doc, i = verb.doc, head.left_edge.i
    if i > 0 and doc[i - 1].text == ",":
        i -= 1
    return i > 0 and doc[i - 1].text in _CLOSING_MARKS


def _main_clause(verb) -> bool:
    """Is this verb its sentence's main predicate (or conjoined with it)?"""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "ROOT" or tok.head is tok:
            return True
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    return False


def phrase_span(head) -> Span:
    """The speaker noun phrase around its head token (relative clauses and appositions cut off)."""
    left = head
    for child in head.lefts:
        if child.dep_ in _NAME_DEPS or child.dep_ == "prep":
            left = child.left_edge if child.left_edge.i < left.i else left
    right = head
    for child in head.rights:
        if child.i != right.i + 1 and child.left_edge.i != right.i + 1:
            break
        if child.dep_ in ("prep", "compound", "flat", "nummod") or (
                child.dep_ == "pobj" and head.dep_ == "prep"):
            right = child.right_edge
        else:
            break
    doc, cut = head.doc, dateline_end(sentence_of(head))  # "OSLO, May 3 - Norwegian workers": no dateline in the name
    for t in doc[left.i:head.i]:  # "14:05 - Police say": a live-blog stamp is no part of the name
        if t.text == ":" or t.text in ("-", "\u2013", "\u2014") and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_:
            left = doc[t.i + 1]
    while left.i < head.i and (left.is_punct or left.dep_ == "cc" or left.i <= cut):
        left = doc[left.i + 1]
    return left.idx, right.idx + len(right)


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for a person the figure cues count as people ("woman", "witness", "trader")."""
    return frozenset(r.cue.lower() for r in load_rows("figure_cues.tsv")
                     if r.pos == "noun" and r.kind in ("person", "people_other"))


def _is_person_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and not tok.ent_type_ and (
        lemma in _person_nouns() or lemma in _MALE_NOUNS | _FEMALE_NOUNS or noun_kind(tok.text) == "people")


def _of_people(tok):
    """The people noun of "one of the survivors", or None."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and _is_person_noun(obj) and obj.tag_ == "NNS":
                    return obj
    return None


def unnamed_person(tok) -> bool:
    """Does this subject describe one person without naming them ("a woman who sells fabric",
    "one of the freed men", "a witness")? Such a speaker is who a later "she said" means."""
    if tok.tag_ == "NN":
        return _is_person_noun(tok)
    return tok.lower_ == "one" and _of_people(tok) is not None


def person_gender(tok) -> str | None:
    """"m", "f" or None for an unnamed person subject: from its noun ("woman", "men"), else
    from a "his"/"her" in its own phrase ("a trader who gave his name")."""
    noun = _of_people(tok) if tok.lower_ == "one" else tok
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in _FEMALE_NOUNS:
        return "f"
    if lemma in _MALE_NOUNS:
        return "m"
    owners = {t.lower_ for t in tok.subtree if t.dep_ == "poss" and t.lower_ in ("his", "her")}
    return ("m" if "his" in owners else "f") if len(owners) == 1 else None


_NAME = r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})"
# "a trader, who gave his name only as Kofi", "who gave only her first name, Ines", "a resident identified
# only as Paulo", "who asked to be identified only by his first name, Omar": a nameless speaker named after all
_GIVEN_NAME = re.compile(
    r"\s*,?\s*(?:who\s+)?(?:"
    r"(?:gave|gives|giving|offered|provided)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|last\s+|family\s+|full\s+)?"
    r"name\s+(?:only\s+)?(?:as\s+)?"
    r"|(?:gave|gives|giving)\s+only\s+(?:his|her|their)\s+(?:first\s+|last\s+|family\s+)?name\s*,\s*"
    r"|(?:(?:asked|wanted|agreed)\s+to\s+be\s+)?identified\s+(?:himself\s+|herself\s+)?(?:only\s+)?"
    r"(?:as\s+|by\s+(?:his|her|their)\s+(?:first\s+|last\s+|family\s+)?name\s*,?\s*(?:as\s+)?)"
    r")" + _NAME)


def given_name(text: str, head) -> tuple[int, int] | None:
    """The span of the name a nameless speaker is given right after its noun ("One trader, who gave
    his name only as Kofi, said"), or None."""
    end = head.idx + len(head.text)
    stop = sentence_of(head).end_char
    hit = _GIVEN_NAME.match(text, end, min(stop, end + 90))
    return (hit.start(1), hit.end(1)) if hit else None
