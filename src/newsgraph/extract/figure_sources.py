"""Who a figure is credited to: "according to X", "X said", a quote's speaker.

Entity mentions give canonical names; other phrases are given as written
without articles ("health ministry", "officials"); words standing for numbers
are skipped ("United Nations calculations" -> United Nations, "a spokesman for
the ministry" -> ministry).
"""

from __future__ import annotations

from ..model import Found
from .figure_kinds import _head, _sources
from .linking import MentionIndex
from .numbers import NumberExpr
from .doc_memo import sentence_of

def _np_name(doc, tok, index: MentionIndex) -> str | None:
    """The source named by the noun phrase headed by ``tok``: an entity's canonical name or the words."""
    generic = _sources().get("generic", set())
    pronouns = _sources().get("pronoun", set())
    seen = 0
    while tok.lemma_.lower() in generic or tok.text.lower() in generic:
        nxt = None
        for c in tok.children:
            if c.dep_ == "poss":
                nxt = c
                break
        if nxt is None:
            comps = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and
                     c.pos_ in ("PROPN", "NOUN") and c.i < tok.i]
            if comps:
                nxt = comps[-1]
        if nxt is None:
            # "figures from the ministry", "figures released by the ministry"
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "for")]
            for acl in (c for c in tok.children if c.dep_ in ("acl", "relcl")):
                preps += [g for g in acl.children if g.dep_ in ("agent", "prep") and g.lower_ in ("by", "from")]
            for c in preps:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    nxt = objs[0]
                    break
        if nxt is None or seen > 3:
            return None
        tok, seen = nxt, seen + 1
    if tok.text.lower() in pronouns or tok.pos_ == "PRON":
        return None
    left = min(t.i for t in tok.subtree if t.dep_ in ("compound", "amod", "nmod", "poss", "det", "case")
               and t.i <= tok.i or t.i == tok.i)
    left = min(left, tok.left_edge.i if tok.left_edge.dep_ in ("compound", "det", "amod", "poss") else tok.i)
    ent = index.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return _clean_name(ent.name)
    words = [t for t in doc[left:tok.i + 1] if t.dep_ not in ("det", "case", "punct") and
             t.pos_ not in ("DET",)]
    poss = {t.i for w in words if w.dep_ == "poss" and w.i != tok.i and
            (w.pos_ == "PRON" or (w.pos_ == "NOUN" and any(c.dep_ == "case" for c in w.children)))
            for t in w.subtree}
    words = [w for w in words if w.i not in poss]  # "the country's disaster agency" -> "disaster agency"
    if not words:
        return None
    text = "".join((t.text if (t.pos_ == "PROPN" or t.text.isupper() or
                               (t.text[:1].isupper() and t.i != sentence_of(t).start)) else t.text.lower())
                   # words written together stay together: "anti-corruption bureau", not "anti - corruption"
                   + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ")
                   for k, t in enumerate(words)).strip()
    return _clean_name(text.replace(" 's", "'s")) or None


def _same_paragraph(doc, i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` sit in one paragraph (spaCy may run a headline into the lead)."""
    lo, hi = min(i, j), max(i, j)
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in doc[lo:hi])


def _clean_name(name: str) -> str:
    """An entity name without a leading article ("the United Nations" -> "United Nations")."""
    name = name.strip(" \t\n\"'“”‘’-—–\x97,;:")
    for article in ("the ", "a ", "an "):
        if name[:len(article)].lower() == article:
            return name[len(article):]
    return name


def _according_to(doc, x: NumberExpr, index: MentionIndex) -> str | None:
    sent = sentence_of(doc[x.num_start])
    best = None
    for t in sent:
        if t.text.lower() == "according" and t.i + 1 < sent.end and doc[t.i + 1].text.lower() == "to" \
                and _same_paragraph(doc, t.i, x.num_start):
            objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if not objs:
                continue
            name = _np_name(doc, objs[0], index)
            if name is None:
                hits = index.mentions_between(doc[t.i + 1].idx, objs[0].idx + len(objs[0].text))
                name = _clean_name(hits[0][1].name) if hits else None
            if name:
                dist = abs(t.i - x.num_start)
                if best is None or dist < best[0]:
                    best = (dist, name)
    return best[1] if best else None


def _reported_by(doc, x: NumberExpr, index: MentionIndex) -> str | None:
    """The subject of a reporting verb governing the figure ("police said", "the UN estimates")."""
    verbs = _sources().get("verb", set())
    head = _head(doc, x)
    sent = sentence_of(head)
    candidates = []
    crossed = False
    for a in head.ancestors:  # a relative clause's content is not what the main verb reports
        if crossed:
            break
        candidates.append(a)
        crossed = a.dep_ in ("relcl", "acl")
    if sent.root not in candidates and not crossed:
        candidates.append(sent.root)
    # "..., officials said" often hangs off the root; "X said on Tuesday that" may be a conj
    for v in candidates:
        if v.lemma_.lower() not in verbs or v.i in range(x.num_start, x.num_end) or \
                not _same_paragraph(doc, v.i, x.num_start):
            continue
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if objs and v.lemma_.lower() == "claim":
            continue  # "claimed the lives of 70,000", "claimed responsibility": not a report
        via = _child_towards(v, head)
        if objs and not any(o.left_edge.i <= head.i <= o.right_edge.i for o in objs) and \
                (via is None or via.dep_ in ("conj", "cc", "parataxis")):
            continue  # "X reported new cases, but ...": a coordinated clause is not the report
        for c in v.children:
            if c.dep_ == "nsubj" and not (c.left_edge.i <= head.i <= c.right_edge.i):
                name = _np_name(doc, c, index)
                if name:
                    return name
    return None


def _child_towards(v, tok):
    """The child of ``v`` whose subtree holds ``tok`` (None when ``tok`` is not below ``v``)."""
    for a in [tok, *tok.ancestors]:
        if a.head.i == v.i and a.i != v.i:
            return a
    return None


def _trailing_report(doc, x: NumberExpr, index: MentionIndex) -> str | None:
    """", the UN migration agency said." when the sentence splitter cut it off the figure's sentence."""
    sent = sentence_of(doc[x.num_start])
    if sent.end >= len(doc) or doc[sent.end - 1].is_punct and doc[sent.end - 1].text in ".!?\"”":
        return None
    nxt = sentence_of(doc[sent.end])
    if len(nxt) > 10 or not _same_paragraph(doc, x.num_start, nxt.start):
        return None
    root = nxt.root
    if root.lemma_.lower() not in _sources().get("verb", set()):
        return None
    for c in root.children:
        if c.dep_ == "nsubj":
            return _np_name(doc, c, index)
    return None


def _quoted_by(span: tuple[int, int], found: Found) -> str | None:
    for q in found.quotes:
        if q.speaker is not None and q.span[0] <= span[0] and span[1] <= q.span[1]:
            return _clean_name(q.speaker.name)
    return None


def _own_clause_source(doc, x: NumberExpr, index: MentionIndex) -> str | None:
    """The subject of a subordinate reporting clause holding the figure when the sentence's "according to"
    lies outside it: "60 were killed, according to rights groups, while the government puts the toll at
    25" credits 25 to the government."""
    verbs = _sources().get("verb", set())
    head = _head(doc, x)
    for v in head.ancestors:
        if v.dep_ in ("relcl", "acl") or v.dep_ == "ROOT":
            return None
        if v.dep_ in ("advcl", "conj") and v.lemma_.lower() in verbs:
            if any(t.lower_ == "according" for t in v.subtree):
                return None
            subj = [c for c in v.children if c.dep_ == "nsubj"]
            return _np_name(doc, subj[0], index) if subj else None
    return None


def _source(doc, x: NumberExpr, span, found: Found, index: MentionIndex) -> str | None:
    according = _according_to(doc, x, index)
    if according is not None:
        return _own_clause_source(doc, x, index) or according
    return (_reported_by(doc, x, index) or
            _trailing_report(doc, x, index) or _quoted_by(span, found))
