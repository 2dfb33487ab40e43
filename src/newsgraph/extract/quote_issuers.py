"""Who speaks through a document, and how an unnamed speaker is written.

A statement, report or posting speaks for the body that issued it: "a statement
from the embassy" (the embassy), "the ministry's figures" (the ministry), "X
issued a statement praising ..." (X), and a bare "the statement said" for the
body that spoke or issued something just before. A speaker the article does not
name stays a description, written as a name is: without its article and with
the head noun last ("a spokesman for the crisis centre" -> "crisis centre
spokesman"), so that it reads like the labels people give such sources.
"""

from __future__ import annotations

import functools

from ..lexicons import load_rows
from ..model import Span

# Nouns for what a body publishes; when one is the cue's subject or object
# ("United Nations calculations"), the body that owns it is the speaker.
DOCUMENT_NOUNS = frozenset(
    "calculation figure estimate data statistic statement report count tally record survey census "
    "assessment announcement release tweet post posting communique document analysis study "
    "memorandum memo protocol letter notice bulletin advisory alert declaration message "
    "website site tip information".split())
# verbs by which a body puts a document out ("issued a statement", "released figures")
ISSUE_VERBS = frozenset("issue release publish post put send circulate distribute sign".split())
_OWNER_PREPS = frozenset({"from", "by", "of"})
_DETERMINERS = ("the ", "a ", "an ", "this ", "that ", "these ", "those ")
_BACK_SENTS = 3
_CROWD_NOUNS = frozenset({"crowd", "protester", "protestor", "demonstrator", "marcher", "rally", "mob"})


@functools.lru_cache(maxsize=1)
def role_titles() -> dict[str, tuple[str, ...]]:
    """Role nouns a person holds ("spokesman", "minister") -> the titles that fill them."""
    return {r.role: r.titles for r in load_rows("quote_roles.tsv")}


def owner_token(head) -> object | None:
    """Who the document ``head`` belongs to by its own words: "from/by/of X", "X's statement", "IOM figures"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() not in DOCUMENT_NOUNS:
                    return obj
        if child.dep_ == "poss" and child.lower_ not in ("its", "their"):
            return child
    for child in head.children:  # "according to IOM figures", "a UNICEF report": a named body's own text
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ in ("ORG", "GPE", "NORP")):
            return child
    return None


def issuer_in_context(head, *, in_quote, cue_like, is_body) -> object | None:
    """Who issued the document ``head`` when its phrase does not say.

    "its statement": the body last named as a subject; "X issued a statement ...":
    the subject of the verb the noun is the object of; a bare "the statement said":
    the subject of the nearest reporting or issuing verb in the sentences before
    ("The government said ... A statement said ...").
    """
    if any(c.dep_ == "poss" for c in head.children):
        return _last_body_subject(head, in_quote=in_quote, cue_like=cue_like, is_body=is_body, bodies_only=True)
    verb = head.head
    if head.dep_ in ("dobj", "pobj") and verb is not head:
        if head.dep_ == "pobj":
            verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not in_quote(child.idx) \
                    and child.lemma_.lower() not in DOCUMENT_NOUNS and child.lower_ not in ("it", "this"):
                return child
    earlier = _earlier_owner(head)
    if earlier is not None:
        return earlier
    return _last_body_subject(head, in_quote=in_quote, cue_like=cue_like, is_body=is_body, bodies_only=False)


def _earlier_owner(head) -> object | None:
    """The owner of the same document named a few sentences before ("a statement from X ... The
    statement called it ...")."""
    doc = head.doc
    sents = 0
    for i in range(head.i - 1, -1, -1):
        tok = doc[i]
        if tok.is_sent_start:
            sents += 1
            if sents > _BACK_SENTS:
                break
        if tok.lemma_.lower() == head.lemma_.lower():
            owner = owner_token(tok)
            if owner is not None:
                return owner
    return None


def _last_body_subject(head, *, in_quote, cue_like, is_body, bodies_only: bool):
    """The subject of the nearest reporting or issuing verb before ``head`` (a few sentences back)."""
    doc = head.doc
    sents = 0
    i = head.i - 1
    found = None
    while i >= 0 and sents <= _BACK_SENTS:
        tok = doc[i]
        if tok.is_sent_start:
            sents += 1
        i -= 1
        if tok.dep_ not in ("nsubj", "nsubjpass") or in_quote(tok.idx):
            continue
        verb = tok.head
        if not (cue_like(verb) or verb.lemma_.lower() in ISSUE_VERBS):
            continue
        if tok.lemma_.lower() in DOCUMENT_NOUNS or tok.pos_ == "PRON":
            continue
        if bodies_only and not is_body(tok):
            continue
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            # "Its propaganda arm released statements": the body it belongs to
            owner = _last_body_subject(tok, in_quote=in_quote, cue_like=cue_like, is_body=is_body,
                                        bodies_only=True)
            if owner is not None:
                return owner
        found = tok
        break
    return found


def _strip_article(phrase: str) -> str:
    low = phrase.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            return phrase[len(det):]
    return phrase


def describe(text: str, head, span: Span) -> str:
    """A description speaker written like a label: no leading article, head noun last.

    "a spokesman for the government's crisis centre" -> "government's crisis centre
    spokesman"; "The army" -> "army". Relative clauses and appositions are already
    cut off by the phrase span.
    """
    if head.lemma_.lower() in _CROWD_NOUNS:
        return "protesters"  # a crowd's chant or banner speaks for the protesters
    phrase = _strip_article(text[span[0]:span[1]])
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with")
             and c.i == head.i + 1 and c.right_edge.idx + len(c.right_edge) <= span[1]]
    if preps and head.pos_ == "NOUN" and head.lemma_.lower() in role_titles():
        # a person's role is written before its head ("crisis centre spokesman"); a body
        # keeps its own name ("coordination headquarters for prisoners")
        prep = preps[0]
        tail = _strip_article(text[prep.idx + len(prep.text):span[1]].strip())
        front = _strip_article(text[span[0]:head.idx + len(head.text)].strip())
        if tail and front:
            phrase = f"{tail} {front}"
    return " ".join(phrase.split())
