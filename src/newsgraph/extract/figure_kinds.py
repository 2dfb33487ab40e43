"""What a number counts: the kind of a figure from the parse and the cue lexicon.

"45 protesters were killed" is killed, "relocate 120,000 refugees" refugees,
"sent 300 tanks" other: a verb or adjective cue (``figure_cues.tsv``) wins over
the counted noun, except that people_other verbs never override a specific noun
and never turn a non-person noun into people; a part shares the kind of its
whole ("killing 22 people, including 11 foreigners").
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import load_rows
from .numbers import NumberExpr, find_numbers
from .doc_memo import sentence_of

PEOPLE_KINDS = frozenset({"killed", "injured", "displaced", "refugees", "arrested", "missing",
                          "people_other"})
_SPECIFIC = PEOPLE_KINDS - {"people_other"}
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_CLOCK = frozenset({"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "bst", "cet", "hrs", "h"})
_YEAR_PREP = frozenset({"in", "since", "until", "till", "by", "of", "from", "before", "after",
                        "during", "mid", "early", "late", "the", "'s", "between", "to", "through"})
_STREET = frozenset({"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "boulevard",
                     "blvd", "lane", "drive", "square", "place"})
_PASSIVE_AUX = frozenset({"be", "get", "have"})
_TOLL_HEADS = frozenset({"toll", "number", "count", "tally", "figure", "total", "death"})
_CHANGE_VERBS = frozenset({"rise", "climb", "reach", "stand", "hit", "jump", "increase", "be",
                           "total", "top", "exceed", "surpass", "pass", "grow", "soar", "mount",
                           "put", "go", "edge", "number", "revise", "lower", "raise", "fall", "drop",
                           "reduce", "cut", "decline"})


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, tuple[str, str]]]:
    """Cue lexicon by part of speech: {pos: {cue: (kind, roles)}}."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for row in load_rows("figure_cues.tsv"):
        out.setdefault(row.pos, {})[row.cue.lower()] = (row.kind, row.roles)
    return out


def person_nouns() -> frozenset[str]:
    """Nouns the cue lexicon counts as people ("farmer", "neighbour", "lawyer")."""
    return frozenset(cue for cue, (kind, _) in _cues().get("noun", {}).items() if kind == "person")


@lru_cache(maxsize=1)
def _sources() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in load_rows("figure_sources.tsv"):
        out.setdefault(row.type, set()).add(row.word.lower())
    return out

def _head(doc, x: NumberExpr):
    """The syntactic head of the number words (the token whose head lies outside them)."""
    toks = list(doc[x.num_start:x.num_end])
    for t in reversed(toks):
        if not (x.num_start <= t.head.i < x.num_end) or t.head.i == t.i:
            return t
    return toks[-1]


def _counted_noun(doc, x: NumberExpr):
    """The noun a number counts ("people" in "220,000 people"), or None when the number stands alone."""
    sent = sentence_of(doc[x.num_start])
    h = _head(doc, x)
    # "hundreds of people", "a third of residents", "tens of thousands of protesters"
    if x.end < sent.end and doc[x.end].text.lower() == "of":
        for t in doc[x.end + 1:min(x.end + 6, sent.end)]:
            if t.pos_ in ("ADJ", "VERB") and _adj_kind(t) and t.i > x.end + 1 and \
                    doc[t.i - 1].lower_ in ("the", "those"):
                return t  # "14 of the wounded", "among those missing"
            if t.pos_ in ("NOUN", "PROPN") and t.text.lower() not in ("the", "their"):
                if t.i + 1 < sent.end and (doc[t.i + 1].text in ("'s", "\u2019s") or (
                        doc[t.i + 1].pos_ in ("NOUN", "PROPN") and doc[t.i + 1].dep_ in ("compound", "ROOT", "pobj"))):
                    continue  # "the group's fighters", "United Nations staff": keep the last noun
                return t
            if t.pos_ == "VERB" and t.dep_ == "amod" and t.tag_ in ("VBN", "VBG") and t.head.i > t.i:
                continue  # "4.2 million of the 6.9 million registered voters": a participle before the noun
            if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.text not in ("'s", "\u2019s"):
                break
    if h.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod") and \
            h.head.i >= x.num_end and h.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return h.head
    # "a population of two million", "a crowd of 5,000", "a death toll of 45"
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "NOUN" and \
            _noun_kind(h.head.head) not in (None, "time", "measure", "label"):
        return h.head.head
    # parse slips: the next content word after the number
    j = x.end
    while j < sent.end and doc[j].pos_ == "ADJ" and doc[j].lemma_.lower() not in _cues().get("adj", {}) \
            and j < x.end + 2:
        if doc[j].lower_ in ("last", "next", "this", "previous", "past", "coming", "earlier"):
            return None  # "up from 150 last year": the year is when, not what
        j += 1
    if j < sent.end and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].tag_ != "NNP" or \
            (j < sent.end and doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "NORP"):
        return doc[j]
    return None


def _counts_noun(doc, x: NumberExpr) -> bool:
    n = _counted_noun(doc, x)
    if n is None:
        return False
    kind = _noun_kind(n)
    return kind is not None and kind not in ("time", "label")


def _noun_kind(tok) -> str | None:
    if tok.pos_ in ("ADJ", "VERB"):
        return _adj_kind(tok)
    nouns = _cues().get("noun", {})
    for key in (tok.lemma_.lower(), tok.text.lower()):
        if key in nouns:
            return nouns[key][0]
    if tok.ent_type_ == "NORP":
        return "person"
    return None


def _verb_kind(verb, *, role: str) -> str | None:
    """Kind named by a verb (or its multi-word form) for a phrase in ``role`` (subj/obj)."""
    verbs = _cues().get("verb", {})
    lemma = verb.lemma_.lower()
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NOT_DONE:
        return None  # "convicted of attempting to murder five others": the act was not done to them
    for c in verb.children:  # "flown to hospital", "rushed to hospital", "admitted to hospital"
        if c.dep_ == "prep" and c.lower_ in ("to", "into") and \
                any(g.lemma_.lower() == "hospital" for g in c.children if g.dep_ == "pobj") and \
                (role == "obj" or any(a.dep_ == "auxpass" for a in verb.children)):
            return "injured"
    kids = {c.lemma_.lower() for c in verb.children} | \
           {g.lemma_.lower() for c in verb.children for g in c.children} | \
           {w.lemma_.lower() for c in verb.children if c.dep_ == "dobj" for p in c.children
            if p.dep_ == "prep" and p.i > c.i for w in (p, *p.children)}
    # "forced 150,000 people from their homes": the parse may hang the verb's phrase on its object
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    best = None
    for cue, (kind, roles) in verbs.items():
        words = cue.split()
        if words[0] != lemma or not all(w in kids for w in words[1:]):
            continue
        if role == "obj" or passive or roles == "any":
            if best is None or len(words) > len(best[0]):
                best = (words, kind)
    return best[1] if best else None


def _adj_kind(tok) -> str | None:
    adjs = _cues().get("adj", {})
    for key in (tok.lemma_.lower(), tok.text.lower()):
        if key in adjs:
            return adjs[key][0]
    return None


def _kind_from_parse(doc, x: NumberExpr, noun, *, depth: int = 0):
    """What the counted phrase undergoes according to the parse, or None."""
    nominal = noun if noun is not None else _head(doc, x)
    head = _head(doc, x)
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.i == head.i:
        nominal = head  # "thousands of people were left homeless": the role belongs to "thousands"
    listed = nominal
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head  # "including seven women and three children": every item is part of the whole
    if depth == 0 and listed.dep_ == "pobj" and listed.head.lower_ in ("including", "among") and \
            listed.head.head.i != listed.head.i and listed.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        whole = listed.head.head
        k = _kind_from_parse(doc, x, whole, depth=1) or _noun_kind(whole)
        if k in _SPECIFIC:
            return k
    # modifiers of the counted noun: "people killed in", "people who were killed", "injured people",
    # or of the number itself: "with another 200 injured"
    modifier_kind = None  # "87 people attending a concert died": what befell them says more
    for owner in ([noun] if noun is not None else [nominal]):
        for c in owner.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "ADJ"):
                if any(g.dep_ in ("nsubj", "nsubjpass") and g.tag_ not in ("WP", "WDT") for g in c.children):
                    continue  # "7 officers, one of whom later died": the clause tells of a part
                k = _verb_kind(c, role="obj" if c.dep_ == "acl" else "subj") or _adj_kind(c)
                if k and k != "people_other":
                    return k
                modifier_kind = modifier_kind or k
            if c.dep_ == "amod" and _adj_kind(c):
                return _adj_kind(c)
    found = _kind_from_role(doc, x, noun, nominal)
    return found or modifier_kind


def _kind_from_role(doc, x: NumberExpr, noun, nominal):
    """The kind the counted phrase's grammatical role gives (its verb, a toll it sets)."""
    while nominal.dep_ in ("conj", "appos") and nominal.head.i != nominal.i:
        nominal = nominal.head
    role, pred = nominal.dep_, nominal.head
    via = pred.lower_ if role == "pobj" else None  # the preposition taking the number ("to" in "rose to 57")
    if role == "pobj" and pred.dep_ in ("agent",):
        return None
    if role == "pobj" and pred.pos_ == "ADP":  # "rose to 1,350", "death toll of 45"
        grand = pred.head
        while grand.pos_ == "ADV" and grand.head.i != grand.i:
            grand = grand.head  # "revised the toll downward from 248"
        if via == "as" and grand.pos_ == "ADJ" and grand.dep_ == "acomp" and grand.head.pos_ in ("AUX", "VERB"):
            grand = grand.head  # "the toll could be as high as 20": a bound the copula sets on its subject
        if grand.pos_ == "NOUN" and _noun_kind(grand) in _SPECIFIC:
            return _noun_kind(grand)
        if pred.lower_ == "of" and grand.lemma_.lower() in _TALLY_NOUNS and grand.head.i != grand.i:
            # "arrested a total of 43 people", "a group of 12 were detained": the tally takes the role
            return _kind_from_role(doc, x, grand, grand)
        pred, role = grand, "obj"
    if role == "nsubj" and pred.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in pred.children):
        role = "nsubjpass"  # "47 were arrested and 12 taken to hospital", "with 40 people wounded": a passive
        # participle that lost its "were"
    if pred.pos_ in ("VERB", "AUX", "ADJ"):
        if role in ("dobj", "nsubjpass", "oprd", "obj", "attr", "npadvmod"):
            k = _verb_kind(pred, role="obj")
            if k:
                return k
            for c in pred.children:  # "was shot and killed"; not "pulled 19 out and searched for 8 others"
                if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                        g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not any(
                        t.like_num for g in c.children if g.dep_ in ("dobj", "prep") for t in g.subtree):
                    k = _verb_kind(c, role="obj")
                    if k in _SPECIFIC:
                        return k
        if role == "dobj" and pred.lemma_.lower() in ("include", "comprise"):
            for c in pred.children:  # "the dead included 5 children": a part of the subject's count
                if c.dep_ == "nsubj" and (k := _adj_kind(c) or _noun_kind(c)) in _SPECIFIC:
                    return k
        if role in ("nsubj", "csubj"):
            k = _verb_kind(pred, role="subj")
            if k:
                return k
        if role in ("nsubj", "csubj", "nsubjpass"):
            for c in pred.children:  # "are in custody", "remain in detention"
                if c.dep_ == "prep" and c.lower_ == "in":
                    for g in c.children:
                        if g.dep_ == "pobj" and _noun_kind(g) == "arrested":
                            return "arrested"
            for c in pred.children:  # "are dead", "remain missing", "were injured"
                if c.dep_ in ("acomp", "oprd", "attr") and (_adj_kind(c) or _verb_kind(c, role="obj")):
                    return _adj_kind(c) or _verb_kind(c, role="obj")
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):  # "are believed to have died"
                    # a bare participle after a passive frame is itself passive: "were reported
                    # killed" counts the killed, as "were killed" does
                    bare = c.tag_ == "VBN" and not any(g.dep_.startswith("aux") for g in c.children)
                    k = _verb_kind(c, role="obj" if bare else "subj")
                    if k:
                        return k
        if role in ("dobj",):
            for c in pred.children:  # "left 12 people dead"
                if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.i > nominal.i and _adj_kind(c):
                    return _adj_kind(c)
        for c in pred.children:  # "were among the dead", "were among those detained"
            if c.dep_ == "prep" and c.lower_ == "among":
                for g in c.children:
                    k = _adj_kind(g) or _noun_kind(g)
                    for a in g.children:
                        if k not in _SPECIFIC and (a.dep_ == "acl" and a.tag_ == "VBN" or a.dep_ == "relcl"):
                            k = _verb_kind(a, role="obj" if a.dep_ == "acl" else "subj")
                    if g.dep_ == "pobj" and k in _SPECIFIC:
                        return k
        if role == "obj" and pred.lemma_.lower() in ("put", "estimate", "place", "number", "count"):
            for c in pred.children:  # "police put the crowd at 15,000"
                if c.dep_ == "dobj" and c.i != nominal.i and _noun_kind(c) in PEOPLE_KINDS | {"person"}:
                    return "people_other" if _noun_kind(c) == "person" else _noun_kind(c)
        if pred.lemma_.lower() in _CHANGE_VERBS or pred.pos_ == "AUX" or role == "obj":
            # "the death toll has risen to", "the number of injured stood at", "bringing the toll to"
            around = list(pred.children)
            if pred.dep_ in ("xcomp", "conj") and pred.head.i != pred.i:
                around += list(pred.head.children)  # "the number ... is expected to reach"
            if _clause_inside_toll(pred, via):
                around += list(pred.head.children)
            for c in around:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != nominal.i:
                    words = {t.lemma_.lower() for t in c.subtree}
                    if noun is None and c.dep_ == "nsubj" and c.tag_ == "NNS" and (via in ("to", "at") or (
                            via is None and role == "dobj")) and pred.lemma_.lower() in _CHANGE_VERBS - {"be", "put", "go"} \
                            and _noun_kind(c) in _SPECIFIC:
                        return _noun_kind(c)  # "fatalities climbed to 88", "arrests have reached 300"
                    if words & _TOLL_HEADS and not _road_charge(c):  # not "the toll on the new bridge"
                        for t in c.subtree:
                            k = _noun_kind(t) or _adj_kind(t)
                            if t.pos_ == "VERB" and k is None:
                                k = _verb_kind(t, role="subj")
                            if k in _SPECIFIC:
                                return k
                        if "toll" in words:
                            return "killed"
    return None


_ROAD_NOUNS = frozenset({"bridge", "road", "motorway", "highway", "tunnel", "expressway", "crossing", "route",
                         "freeway", "turnpike", "car", "lorry", "truck", "vehicle", "driver", "motorist", "trip"})


def _road_charge(subject) -> bool:
    """Is the toll in ``subject`` a charge for using a road, not a count of the dead: "the toll on the new
    bridge", "the toll for lorries", "tolls" (a death toll is one)?"""
    for t in subject.subtree:
        if t.lemma_.lower() != "toll":
            continue
        if t.tag_ == "NNS":
            return True
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in ("on", "for", "at", "across", "through"):
                if any(o.dep_ == "pobj" and o.lemma_.lower() in _ROAD_NOUNS for o in p.children):
                    return True
    return False


def _clause_inside_toll(verb, via: str | None) -> bool:
    """A clause the parse gave the toll's "to N" ("bringing the death toll since the unrest began to 57"):
    a subordinate verb ("since ... began") that sets no number of its own, so the "to N" belongs to the
    verb the clause hangs on."""
    return via in ("to", "at") and verb.dep_ == "advcl" and verb.head.i != verb.i and \
        verb.lemma_.lower() not in _CHANGE_VERBS and \
        any(c.dep_ == "mark" and c.lower_ in ("since", "after", "when", "as") for c in verb.children)


def _kind_from_window(doc, x: NumberExpr, noun) -> str | None:
    """Cues next to the number when the parse is unhelpful: "12 dead", "killing 45", "30 were hurt"."""
    sent = sentence_of(doc[x.num_start])
    j = (noun.i + 1) if noun is not None and noun.i >= x.end else x.end
    stop = min(j + 4, sent.end)
    while j < stop:
        t = doc[j]
        if t.pos_ in ("PUNCT", "CCONJ", "ADP", "SCONJ") and t.text != "-":
            break
        k = _adj_kind(t)
        if k and t.pos_ in ("ADJ", "VERB", "NOUN"):
            return k
        if t.pos_ == "VERB":
            k = _verb_kind(t, role="obj" if any(a.lemma_ in _PASSIVE_AUX and a.i < t.i for a in doc[x.end:t.i]) else "subj")
            return k
        j += 1
    # "killing at least 45", "wounded 30"
    k = x.start - 1
    if k >= sent.start and doc[k].pos_ == "VERB":
        return _verb_kind(doc[k], role="obj")
    return None


def _object_of_verb(doc, x: NumberExpr, noun) -> bool:
    """Does a verb act on the counted phrase itself? "released 9 of them" counts the released,
    whatever the earlier figure counted; "30 of them working in the market" stays a part of it."""
    nominal = noun if noun is not None else _head(doc, x)
    return nominal.dep_ in ("dobj", "nsubjpass") and nominal.head.pos_ == "VERB"


_PART_WORDS = frozenset({"none", "neither", "some", "several", "few", "many", "half", "most", "one"})


def _whole_of_part(doc, x: NumberExpr, noun) -> bool:
    """Is the number the whole a part (or none) is taken from ("two of the 40 passengers", "none of the 23 crew")?"""
    nominal = noun if noun is not None else _head(doc, x)
    part = nominal.head.head
    return nominal.dep_ == "pobj" and nominal.head.lower_ == "of" and part.i < x.start and (
        part.lower_ in _PART_WORDS or part.like_num)


def _set_free(doc, x: NumberExpr, noun) -> bool:
    """Were the counted captives set free ("freed 118 inmates", "40 prisoners escaped")? They are held no more."""
    nominal = noun if noun is not None else _head(doc, x)
    return nominal.head.lemma_.lower() in ("free", "release", "escape", "pardon")


def _part_of_previous(doc, x: NumberExpr) -> str | None:
    """Kind of the figure this one is part of: "killed 41 civilians, among them 12 children"."""
    sent = sentence_of(doc[x.num_start])
    left = [t.lower_ for t in doc[max(sent.start, x.start - 3):x.start]]
    right = [t.lower_ for t in doc[x.end:min(x.end + 2, sent.end)]]
    part = (left[-1:] == ["including"] or left[-2:] in (["among", "them"], ["of", "whom"], ["of", "them"])
            or left[-3:] == ["most", "of", "them"]
            or right in (["of", "them"], ["of", "whom"], ["of", "those"]))  # "23 deaths, 17 of them in"
    # an elliptical list after a toll: "the toll was 217 - more than 100 in the capital",
    # "72 died in one state, 43 in another"
    elliptic = (_counted_noun(doc, x) is None and right[:1] in (["in"], ["at"])
                and left[-1:] in (["—"], ["–"], ["-"], [","], [";"], ["and"]))
    # a gapped clause after a figure: "3 were killed on Monday and another four on Tuesday", "detained 14 on
    # Friday and 9 more on Saturday": a number conjoined to the verb itself shares the verb's count
    nominal = _counted_noun(doc, x) or _head(doc, x)
    gapped = nominal.dep_ == "conj" and nominal.head.pos_ == "VERB" and (
        doc[x.num_start - 1].lower_ in ("another", "further") or right[:1] in (["more"], ["others"])
        or nominal.lower_ in ("more", "others"))
    elliptic = elliptic or gapped
    if not (part or elliptic):
        return None
    earlier = [y for y in _numbers_in(doc, sent) if y.end <= x.start]
    if not earlier and x.start == sent.start and right in (["of", "them"], ["of", "those"]) and sent.start > 0:
        # "112 workers were underground. Eighty-five of them made it out": the whole is in the sentence before
        earlier = _numbers_in(doc, sentence_of(doc[sent.start - 1]))[:1]  # (the whole, not "killing three")
    people = None
    for prev in reversed(earlier):
        noun = _counted_noun(doc, prev)
        k = _kind_from_parse(doc, prev, noun, depth=1) or _kind_from_window(doc, prev, noun)
        if k not in _SPECIFIC and noun is not None:
            k = _noun_kind(noun)  # "23 deaths were registered, 17 of them in ..."
        if k in _SPECIFIC:
            return k
        if people is None:  # the nearest whole: a part of a count of people counts people
            people = k in ("person", "people_other")
    return "people_other" if people and not elliptic else None


def _fronted_whole(doc, x: NumberExpr) -> str | None:
    """Kind of the whole a fronted "of" phrase names ("Of those arrested, 19 have been charged", "Of the dead,
    12 were children"): the number that opens the clause after it counts a part of that whole."""
    sent = sentence_of(doc[x.num_start])
    first = doc[sent.start]
    if first.lower_ != "of" or first.dep_ != "prep":
        return None
    commas = [t.i for t in doc[sent.start:x.start] if t.text == ","]
    if len(commas) != 1 or x.start - commas[0] > 3:
        return None
    for g in first.children:
        if g.dep_ != "pobj":
            continue
        k = _adj_kind(g) or _noun_kind(g)
        for a in g.children:
            if k not in _SPECIFIC and a.dep_ in ("acl", "amod") and a.pos_ in ("VERB", "ADJ"):
                k = _verb_kind(a, role="obj") or _adj_kind(a)
        return k if k in _SPECIFIC else None
    return None


def _loose_part(doc, x: NumberExpr) -> bool:
    """A part named by "N of them" that no verb of its own governs ("32 were injured, five of them
    seriously"): the parse hangs it anywhere (here on "miners ... dead"); the figure it follows is the whole."""
    right = [t.lower_ for t in doc[x.end:x.end + 2]]
    return right in (["of", "them"], ["of", "whom"], ["of", "those"]) and \
        _head(doc, x).dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def _numbers_in(doc, sent) -> list[NumberExpr]:
    """Number expressions of one sentence (rarely needed: only to look back at an earlier figure)."""
    return [y for y in find_numbers(doc) if sent.start <= y.start < sent.end]


def _fled_abroad(doc, x: NumberExpr, noun) -> bool:
    """Whether the people fled to another country ("fled to neighbouring Rwanda", "fled abroad")."""
    nominal = noun if noun is not None else _head(doc, x)
    verb = nominal.head
    while verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.lemma_.lower() != "flee":
        verb = verb.head
    if verb.lemma_.lower() not in ("flee", "escape", "cross", "leave"):
        return False
    for c in verb.children:
        low = c.text.lower()
        if low in ("abroad", "overseas"):
            return True
        if c.dep_ == "prep" and low in ("to", "into", "across"):
            for t in c.subtree:
                if t.ent_type_ in ("GPE", "NORP") or t.text.lower() in (
                        "neighbouring", "neighboring", "border", "abroad", "europe", "countries"):
                    return True
        if c.dep_ == "dobj" and (c.lemma_.lower() in ("country", "border") or c.ent_type_ == "GPE"):
            return True  # "fled the country", "fled Ukraine"
    return False


def _kind(doc, x: NumberExpr) -> tuple[str | None, str | None]:
    """(kind, unit) for a number; kind None means "not a figure"."""
    if x.currency:
        return "money", x.currency
    if x.percent:
        return "other", "%"
    if x.fraction:
        return "other", "fraction"
    if x.end < len(doc) and doc[x.end].text in _TEMPERATURE_UNITS:
        return None, None  # "44 degrees Celsius (111 F)": a temperature is a measurement
    noun = _counted_noun(doc, x)
    if noun is not None and noun.i + 2 < len(doc) and doc[noun.i + 1].text in ("-", "\u2010") \
            and not noun.whitespace_ and not doc[noun.i + 1].whitespace_ and doc[noun.i + 2].pos_ == "NOUN":
        noun = doc[noun.i + 2]  # "two vice-presidents": the last part names what is counted
    noun_kind = _noun_kind(noun) if noun is not None else None
    if noun is not None and noun_kind is None and any(
            c.dep_ == "compound" and _noun_kind(c) == "person" for c in noun.children):
        noun_kind = "person"  # "1,500 army reinforcements", "police officers"
    if noun is not None and noun.ent_type_ == "MONEY":
        return "other", None
    if noun_kind in ("time",):
        return None, None
    # "none of the 23 crew were hurt", "two of the 40 passengers were hurt": what befell a part (or none) is
    # not what befell the whole; the noun still counts it
    kind = None if _whole_of_part(doc, x, noun) else _kind_from_parse(doc, x, noun) or _kind_from_window(doc, x, noun)
    if kind is None or (kind == "people_other" and not _object_of_verb(doc, x, noun)) or _loose_part(doc, x):
        kind = _part_of_previous(doc, x) or _fronted_whole(doc, x) or kind
    if kind == "people_other" and noun_kind in _SPECIFIC and not (noun_kind == "arrested" and _set_free(doc, x, noun)):
        kind = noun_kind  # "relocate 120,000 refugees": the noun says more than the verb
    if kind == "displaced" and _fled_abroad(doc, x, noun):
        kind = "refugees"
    if kind in PEOPLE_KINDS and (noun_kind in ("measure", "animal", "equipment") or (
            noun is not None and noun.lemma_.lower() in _PLACE_NOUNS)):
        # "killed 5,000 head of cattle", "captured two villages", "seized three tanks":
        # unit "people" must count people
        kind = None
    if kind == "people_other" and noun is not None and noun_kind not in ("person",) and \
            noun_kind not in PEOPLE_KINDS:
        kind = None  # "sent 300 tanks": the verb counts people only when the noun does
    if kind is None and noun_kind in PEOPLE_KINDS:
        kind = noun_kind
    if kind is None and noun_kind == "person":
        kind = "people_other"
    if kind in PEOPLE_KINDS:
        return kind, "people"
    if noun_kind == "measure" and noun is not None:
        if _points_of_a_text(doc, x, noun):
            return None, None  # "a 12-point peace plan": the points name a text's parts, no reported fact
        if noun.lemma_.lower() in _PERCENT_WORDS:
            return "other", noun.text.lower()  # "4 percentage points", "50 basis points"
        return None, None  # distances, magnitudes, weights: measurements, not counts
    if noun_kind == "equipment":
        return None, None  # "two helicopters", "300 tanks": equipment is not counted as news
    if noun is None and _population_of(doc, x):
        return "people_other", "people"  # "a city of more than 1 million"
    if noun is None and _aboard(doc, x):
        return "people_other", "people"  # "the plane, with 132 on board, crashed"
    return "other", None


_TALLY_NOUNS = frozenset({"total", "group", "maximum", "minimum", "handful", "batch"})
_NOT_DONE = frozenset({"attempt", "try", "plot", "conspire", "threaten"})
_PERCENT_WORDS = frozenset({"percent", "percentage", "point"})
_TEMPERATURE_UNITS = frozenset({"F", "C", "°", "°F", "°C", "ºF", "ºC"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "country", "nation", "capital", "region",
                          "state", "province", "island", "metropolis", "district",
                          "home", "house", "building", "apartment"})  # "left 40,000 homes without power"


def _aboard(doc, x: NumberExpr) -> bool:
    """A bare number followed by "on board" or "aboard" counts the people on a craft ("had more than 500
    on board"); a number with a noun of its own ("40 containers on board") is what the noun says."""
    words = [t.lower_ for t in doc[x.end:x.end + 2]]
    if words == ["on", "board"]:  # "board" naming a thing of its own: "on board games", "on board approval"
        nxt = doc[x.end + 2] if x.end + 2 < len(doc) else None
        return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") and doc[x.end + 1].dep_ != "compound"
    return words[:1] in (["aboard"], ["onboard"])


_TEXTS = frozenset({"plan", "programme", "program", "agenda", "proposal", "roadmap", "list", "charter",
                    "declaration", "strategy", "framework", "manifesto", "blueprint", "package", "formula",
                    "initiative", "document", "memorandum", "statement", "resolution", "platform", "code"})


def _points_of_a_text(doc, x: NumberExpr, noun) -> bool:
    """'A 12-point peace plan', 'a 10-point list of demands': "N-point" before a plan or list counts the
    text's items; a lead or cut measured in points ("a 5-point lead", "50 basis points") is a figure."""
    if noun.lower_ != "point" or x.num_end >= noun.i or doc[noun.i - 1].text not in ("-", "\u2010"):
        return False
    return noun.dep_ in ("compound", "amod") and noun.head.i > noun.i and noun.head.lemma_.lower() in _TEXTS


def _population_of(doc, x: NumberExpr) -> bool:
    """Whether the number is the population of a place: "a city of 1 million", "a nation of 50 million"."""
    h = _head(doc, x)
    return (h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lemma_.lower() in _PLACE_NOUNS
            and h.head.head.i < h.i)
