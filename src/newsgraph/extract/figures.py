"""Figures: numbers with what they count, their hedge and who says so.

"Some 220,000 people have been killed ... according to United Nations
calculations" becomes ``Figure(kind="killed", value=220000, approximate=True,
hedge="Some", source="United Nations")``. Numbers are read by ``numbers.py``;
this module decides what each one counts from the dependency parse and the cue
lexicon (``figure_cues.tsv``), drops numbers that are not counts (years, dates,
ages, times, phone numbers, scores, labels such as "Resolution 2254"), and finds
the source ("according to X", "X said").

Decisions (the dev set ``tests/data/figures_dev.jsonl`` pins each one):

- ``span`` covers the hedge, the currency and the number ("more than $3
  billion", "Some 220,000"), never the counted noun ("people").
- Percentages are kept as kind ``other`` with unit ``%``; shares ("a third of")
  as kind ``other`` with unit ``fraction`` and value 0.3333.
- Vague plurals take their order of magnitude as value ("hundreds" = 100,
  "tens of thousands" = 10000) and are approximate.
- Ranges give ``value`` (lower) and ``value_max`` and are approximate.
- Small numbers written as words ("two countries", "one of") are kept only
  when a cue says they count the killed, injured, displaced, refugees,
  arrested or missing, since elsewhere they are rarely figures a reader wants;
  "the two bodies" (a group counted before) is not a new figure.
- Kinds: a verb or adjective cue wins over the counted noun ("45 protesters
  were killed" is killed), except that people_other verbs never override a
  specific noun ("relocate 120,000 refugees" is refugees) and never turn a
  non-person noun into people ("sent 300 tanks" is other); fleeing to another
  country makes refugees, fleeing home makes displaced; a part shares the kind
  of its whole ("killing 22 people, including 11 foreigners").
- ``source``: "according to X" in the sentence, else the subject of a
  reporting verb governing the figure ("police said"), else the speaker of a
  quote holding it. Entity mentions give canonical names; other phrases are
  given as written without articles ("health ministry", "officials"); words
  standing for numbers are skipped ("United Nations calculations" -> United
  Nations, "a spokesman for the ministry" -> ministry). spaCy's DATE label on
  bare numbers is not trusted (it tags "58" and "150 last year").
"""

from __future__ import annotations

import logging
from functools import lru_cache

from ..lexicons import load_tsv
from ..model import Article, Figure, Found
from .linking import MentionIndex
from .numbers import NumberExpr, find_numbers, plain

log = logging.getLogger(__name__)

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
                           "put", "go", "edge", "number"})


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, tuple[str, str]]]:
    """Cue lexicon by part of speech: {pos: {cue: (kind, roles)}}."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for row in load_tsv("figure_cues.tsv"):
        out.setdefault(row["pos"], {})[row["cue"].lower()] = (row["kind"], row["roles"])
    return out


@lru_cache(maxsize=1)
def _sources() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in load_tsv("figure_sources.tsv"):
        out.setdefault(row["type"], set()).add(row["word"].lower())
    return out


# --------------------------------------------------------------------------- exclusions


def _not_a_count(doc, x: NumberExpr) -> str | None:
    """Why a number expression is not a figure (year, age, time...), or None."""
    cues = _cues()
    first, last = doc[x.num_start], doc[x.num_end - 1]
    sent = first.sent
    prev = doc[x.start - 1] if x.start > sent.start else None
    nxt_i = x.end
    if nxt_i < sent.end and doc[nxt_i].text in ("-", "–") and nxt_i + 1 < sent.end:
        nxt_i += 1
    nxt = doc[nxt_i] if nxt_i < sent.end else None
    if x.currency or x.percent:
        return None
    if any(":" in t.text or "/" in t.text for t in doc[x.num_start:x.num_end]):
        return "time"
    if nxt is not None:
        nlow = nxt.text.lower()
        if nlow in _CLOCK:
            return "time"
        if cues.get("noun", {}).get(nxt.lemma_.lower(), ("",))[0] == "time" or \
                cues.get("noun", {}).get(nlow, ("",))[0] == "time":
            return "duration"
        if nlow.rstrip(".") in _MONTHS:
            return "date"
        if nlow in ("st", "nd", "rd", "th"):
            return "ordinal"
    if prev is not None:
        plow = prev.text.lower()
        if plow.rstrip(".") in _MONTHS:
            return "date"
        label = cues.get("label", {}).get(plow)
        if label and (not x.hedge or label[0] == "age"):
            return label[0]
        if plow in ("+", "#", "no", "№") or (plow == "." and prev.i > sent.start and
                                              doc[prev.i - 1].lower_ in ("no", "nos")):
            return "label"  # "No. 2 Detention Centre"
        # "Resolution 2254", "MH17", "Covid-19", "Boeing 737": a name, not a count
        if (prev.pos_ == "PROPN" or (prev.text[:1].isupper() and prev.i != sent.start)) \
                and not x.hedge and prev.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY") \
                and not _counts_noun(doc, x):
            return "label"
        if plow in ("-", "–") and prev.i > sent.start and doc[prev.i - 1].is_alpha:
            return "label"
        if plow in ("-", "–", "/") and prev.i > sent.start and doc[prev.i - 1].text.isdigit() and \
                len(doc[prev.i - 1].text) == 4 and not prev.whitespace_:
            return "year"  # "1957-58", "2015/16"
        if plow in ("every", "per") or (plow == "of" and prev.i > sent.start and
                                        doc[prev.i - 1].lower_ == "out" and x.value >= 100):
            return "rate"  # "177 out of every 100,000", "per 1,000 births"
    # "aged between 18 and 25", "aged over 65": the hedge sits between the label and the number
    if x.hedge and x.start > sent.start and \
            cues.get("label", {}).get(doc[x.start - 1].lower_, ("",))[0] == "age":
        return "age"
    if x.value < 120 and x.value_max is None and (
            any(t.lower_ in ("age", "aged", "ages") for t in doc[max(sent.start, x.start - 5):x.start]) or
            (x.end + 1 < sent.end and doc[x.end].lower_ in ("and", "or") and
             doc[x.end + 1].lower_ in ("older", "over", "above", "under", "younger"))):
        return "age"  # "ranged in age from 1 to 9", "people 65 and older"
    if prev is not None and x.value < 120 and x.value_max is None and not x.hedge and \
            (prev.lemma_.lower() in ("turn",) or (prev.lemma_.lower() == "be" and prev.i > sent.start and
                                                  doc[prev.i - 1].lower_ in ("he", "she", "i", "you", "we", "they"))):
        return "age"  # "before he is 40", "she turned 60"
    if x.hedge and x.hedge.lower() in ("under", "over", "above") and x.value < 120 and \
            x.start > sent.start and _noun_kind(doc[x.start - 1]) in PEOPLE_KINDS | {"person"}:
        return "age"  # "people under 30", "adults over 65"
    if not x.words_only and any(t.lower_ in _STREET and t.text[:1].isupper()
                                for t in doc[x.end:min(x.end + 4, sent.end)]):
        return "address"  # "131 West 23rd Street", "2301 8th Ave."
    if not x.words_only and _looks_like_phone(doc, x):
        return "phone"
    if not x.words_only and len(first.text) >= 3 and first.text[0] == "0":
        return "phone"
    # phone numbers: digit groups one after another ("7946 0321")
    if x.num_end < sent.end and not x.words_only and doc[x.num_end].like_num and \
            doc[x.num_end].text[:1].isdigit():
        return "phone"
    if prev is not None and not x.words_only and prev.like_num and prev.text[:1].isdigit():
        return "phone"
    # scores "3-1", "2–0"
    if _is_score(doc, x):
        return "score"
    # years: a bare four-digit number from 1800 to 2099
    if not x.words_only and x.value_max is not None and _is_year(first) and _is_year(last):
        return "year"  # "between 2009 and 2012", "2015-2016"
    if not x.words_only and x.value_max is None and x.num_end - x.num_start == 1 and _is_year(first):
        if prev is None or prev.text.lower() in _YEAR_PREP or first.ent_type_ == "DATE" or \
                not _counts_noun(doc, x):
            return "year"
    # ages: "John Smith, 45, was arrested"
    after = doc[x.num_end] if x.num_end < len(doc) else None
    if prev is not None and prev.text == "," and x.value < 120 and prev.i > sent.start and \
            not x.words_only and not x.hedge and \
            (after is None or after.text in (",", ";", ".", ")", ":", "—", "–", "-") or after.lower_ == "and" or
             after.is_space) and \
            (doc[prev.i - 1].ent_type_ == "PERSON" or doc[prev.i - 1].pos_ == "PROPN" or
             _noun_kind(doc[prev.i - 1]) in PEOPLE_KINDS | {"person"}):
        return "age"  # "John Smith, 45, was", "Kenneth Bonilla, 23; Edwin Luciano, 18."
    if after is not None and after.lower_ == "block" and not x.words_only:
        return "address"  # "the 3200 block of North Monticello"
    # "the two bodies", "these three men": a group already counted earlier in the article
    if x.words_only and x.value < 10 and prev is not None and not x.hedge and \
            prev.lower_ in ("the", "these", "those", "both", "all", "its", "their", "his", "her", "our"):
        return "anaphora"
    # "one of", "the one", "no one"
    if first.text.lower() == "one" and x.num_end == x.num_start + 1:
        if (nxt is not None and nxt.text.lower() in ("of", "another", "day", "side", "way")) or \
                (prev is not None and prev.text.lower() in ("the", "no", "any", "every", "this",
                                                            "that", "which", "each", "someone")):
            return "pronoun"
    if first.ent_type_ in ("TIME", "ORDINAL") and last.ent_type_ == first.ent_type_ \
            and not x.hedge and not _counts_noun(doc, x) and _ent_has_words(doc, first):
        return first.ent_type_.lower()  # spaCy's DATE is not trusted: it tags "58", "150 last year"
    return None


def _ent_has_words(doc, tok) -> bool:
    """Whether the entity around ``tok`` holds words besides numbers ("58 days", "the 1990s")."""
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.is_alpha and not t.like_num and t.lower_ not in ("and", "to", "or", "between")
               for t in doc[start:end])


def _is_year(tok) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2099


def _looks_like_phone(doc, x: NumberExpr) -> bool:
    """Digit groups of a phone number: "(318) 619-3946", "1-888-234-1294", "call 0845 600 1234"."""
    sent = doc[x.num_start].sent
    toks = [t for t in doc[x.num_start:x.num_end] if t.text[:1].isdigit()]
    if any("," in t.text for t in toks):
        return False
    if x.value_max is not None and len(toks) == 2 and len(toks[-1].text) >= 4 and len(toks[0].text) <= 3:
        return True  # "619-3946" is not a range
    if x.num_start > sent.start and doc[x.num_start - 1].text == "(" and x.num_end < sent.end and \
            doc[x.num_end].text == ")" and len(toks[0].text) == 3:
        return True  # "(318)"
    if x.num_end + 1 < sent.end and doc[x.num_end].text in ("-", ")") and \
            doc[x.num_end + 1].text[:1].isdigit() and len(doc[x.num_end + 1].text) >= 3:
        return True
    if x.num_start - 2 >= sent.start and doc[x.num_start - 1].text in ("-", ")") and \
            doc[x.num_start - 2].text[:1].isdigit() and not doc[x.num_start - 1].whitespace_:
        return True
    phone = {k for k, v in _cues().get("label", {}).items() if v[0] == "phone"}
    return any(t.lower_ in phone for t in doc[max(sent.start, x.num_start - 5):x.num_start])


def _is_score(doc, x: NumberExpr) -> bool:
    """A sports score: two small numbers joined by a dash in a sentence about a game."""
    sent = doc[x.num_start].sent
    toks = doc[x.num_start:x.num_end]
    dashed = any(t.text in ("-", "–") for t in toks)
    before = x.num_start >= sent.start + 2 and doc[x.num_start - 1].text in ("-", "–") and \
        doc[x.num_start - 2].like_num
    after = x.num_end + 1 < sent.end and doc[x.num_end].text in ("-", "–") and \
        doc[x.num_end + 1].like_num and not doc[x.num_end].whitespace_
    if not (dashed or before or after) or x.value >= 30:
        return False
    if (before or after) and not dashed:
        return True  # "3-1" is never a range (the bound falls), so it is a score
    sport = _cues().get("sport", {})
    return any(t.text.lower() in sport for t in sent)


# --------------------------------------------------------------------------- kind


def _head(doc, x: NumberExpr):
    """The syntactic head of the number words (the token whose head lies outside them)."""
    toks = list(doc[x.num_start:x.num_end])
    for t in reversed(toks):
        if not (x.num_start <= t.head.i < x.num_end) or t.head.i == t.i:
            return t
    return toks[-1]


def _counted_noun(doc, x: NumberExpr):
    """The noun a number counts ("people" in "220,000 people"), or None when the number stands alone."""
    sent = doc[x.num_start].sent
    h = _head(doc, x)
    # "hundreds of people", "a third of residents", "tens of thousands of protesters"
    if x.end < sent.end and doc[x.end].text.lower() == "of":
        for t in doc[x.end + 1:min(x.end + 6, sent.end)]:
            if t.pos_ in ("ADJ", "VERB") and _adj_kind(t) and t.i > x.end + 1 and \
                    doc[t.i - 1].lower_ in ("the", "those"):
                return t  # "14 of the wounded", "among those missing"
            if t.pos_ in ("NOUN", "PROPN") and t.text.lower() not in ("the", "their"):
                if t.i + 1 < sent.end and doc[t.i + 1].pos_ in ("NOUN", "PROPN") and \
                        doc[t.i + 1].dep_ in ("compound", "ROOT", "pobj"):
                    continue  # "the city's residents", "United Nations staff": keep the last noun
                return t
            if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.text != "'s":
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
    for c in verb.children:  # "flown to hospital", "rushed to hospital", "admitted to hospital"
        if c.dep_ == "prep" and c.lower_ in ("to", "into") and \
                any(g.lemma_.lower() == "hospital" for g in c.children if g.dep_ == "pobj") and \
                (role == "obj" or any(a.dep_ == "auxpass" for a in verb.children)):
            return "injured"
    kids = {c.lemma_.lower() for c in verb.children} | \
           {g.lemma_.lower() for c in verb.children for g in c.children}
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
    if depth == 0 and nominal.dep_ == "pobj" and nominal.head.lower_ in ("including", "among") and \
            nominal.head.head.i != nominal.head.i and nominal.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        whole = nominal.head.head
        k = _kind_from_parse(doc, x, whole, depth=1) or _noun_kind(whole)
        if k in _SPECIFIC:
            return k
    # modifiers of the counted noun: "people killed in", "people who were killed", "injured people",
    # or of the number itself: "with another 200 injured"
    for owner in ([noun] if noun is not None else [nominal]):
        for c in owner.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "ADJ"):
                k = _verb_kind(c, role="obj" if c.dep_ == "acl" else "subj") or _adj_kind(c)
                if k:
                    return k
            if c.dep_ == "amod" and _adj_kind(c):
                return _adj_kind(c)
    while nominal.dep_ in ("conj", "appos") and nominal.head.i != nominal.i:
        nominal = nominal.head
    role, pred = nominal.dep_, nominal.head
    if role == "pobj" and pred.dep_ in ("agent",):
        return None
    if role == "pobj" and pred.pos_ == "ADP":  # "rose to 1,350", "death toll of 45"
        grand = pred.head
        if grand.pos_ == "NOUN" and _noun_kind(grand) in _SPECIFIC:
            return _noun_kind(grand)
        pred, role = grand, "obj"
    if pred.pos_ in ("VERB", "AUX", "ADJ"):
        if role in ("dobj", "nsubjpass", "oprd", "obj", "attr", "npadvmod"):
            k = _verb_kind(pred, role="obj")
            if k:
                return k
        if role in ("nsubj", "csubj"):
            k = _verb_kind(pred, role="subj")
            if k:
                return k
        if role in ("nsubj", "csubj", "nsubjpass"):
            for c in pred.children:  # "are dead", "remain missing", "were injured"
                if c.dep_ in ("acomp", "oprd", "attr") and (_adj_kind(c) or _verb_kind(c, role="obj")):
                    return _adj_kind(c) or _verb_kind(c, role="obj")
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):  # "are believed to have died"
                    k = _verb_kind(c, role="subj")
                    if k:
                        return k
        if role in ("dobj",):
            for c in pred.children:  # "left 12 people dead"
                if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.i > nominal.i and _adj_kind(c):
                    return _adj_kind(c)
        for c in pred.children:  # "were among the dead"
            if c.dep_ == "prep" and c.lower_ == "among":
                for g in c.children:
                    if g.dep_ == "pobj" and (_adj_kind(g) or _noun_kind(g)) in _SPECIFIC:
                        return _adj_kind(g) or _noun_kind(g)
        if role == "obj" and pred.lemma_.lower() in ("put", "estimate", "place", "number", "count"):
            for c in pred.children:  # "police put the crowd at 15,000"
                if c.dep_ == "dobj" and c.i != nominal.i and _noun_kind(c) in PEOPLE_KINDS | {"person"}:
                    return "people_other" if _noun_kind(c) == "person" else _noun_kind(c)
        if pred.lemma_.lower() in _CHANGE_VERBS or pred.pos_ == "AUX" or role == "obj":
            # "the death toll has risen to", "the number of injured stood at", "bringing the toll to"
            around = list(pred.children)
            if pred.dep_ in ("xcomp", "conj") and pred.head.i != pred.i:
                around += list(pred.head.children)  # "the number ... is expected to reach"
            for c in around:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != nominal.i:
                    words = {t.lemma_.lower() for t in c.subtree}
                    if words & _TOLL_HEADS:
                        for t in c.subtree:
                            k = _noun_kind(t) or _adj_kind(t)
                            if t.pos_ == "VERB" and k is None:
                                k = _verb_kind(t, role="subj")
                            if k in _SPECIFIC:
                                return k
                        if "toll" in words:
                            return "killed"
    return None


def _kind_from_window(doc, x: NumberExpr, noun) -> str | None:
    """Cues next to the number when the parse is unhelpful: "12 dead", "killing 45", "30 were hurt"."""
    sent = doc[x.num_start].sent
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


def _part_of_previous(doc, x: NumberExpr) -> str | None:
    """Kind of the figure this one is part of: "killed 41 civilians, among them 12 children"."""
    sent = doc[x.num_start].sent
    left = [t.lower_ for t in doc[max(sent.start, x.start - 3):x.start]]
    if not (left[-1:] == ["including"] or left[-2:] in (["among", "them"], ["of", "whom"], ["of", "them"])
            or left[-3:] == ["most", "of", "them"]):
        return None
    for prev in reversed([y for y in _numbers_in(doc, sent) if y.end <= x.start]):
        k = _kind_from_parse(doc, prev, _counted_noun(doc, prev), depth=1)
        if k in _SPECIFIC:
            return k
    return None


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
    noun = _counted_noun(doc, x)
    noun_kind = _noun_kind(noun) if noun is not None else None
    if noun is not None and noun.ent_type_ == "MONEY":
        return "other", None
    if noun_kind in ("time",):
        return None, None
    kind = _kind_from_parse(doc, x, noun) or _kind_from_window(doc, x, noun)
    if kind is None or kind == "people_other":
        kind = _part_of_previous(doc, x) or kind
    if kind == "people_other" and noun_kind in _SPECIFIC:
        kind = noun_kind  # "relocate 120,000 refugees": the noun says more than the verb
    if kind == "displaced" and _fled_abroad(doc, x, noun):
        kind = "refugees"
    if kind in PEOPLE_KINDS and noun_kind in ("measure", "animal"):
        kind = None  # "killed 5,000 head of cattle": unit "people" must count people
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
        return "other", noun.text.lower()
    return "other", None


# --------------------------------------------------------------------------- source


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
    text = " ".join(t.text if (t.pos_ == "PROPN" or t.text.isupper() or
                               (t.text[:1].isupper() and t.i != t.sent.start)) else t.text.lower()
                    for t in words)
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
    sent = doc[x.num_start].sent
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
    sent = head.sent
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
    sent = doc[x.num_start].sent
    if sent.end >= len(doc) or doc[sent.end - 1].is_punct and doc[sent.end - 1].text in ".!?\"”":
        return None
    nxt = doc[sent.end].sent
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


def _source(doc, x: NumberExpr, span, found: Found, index: MentionIndex) -> str | None:
    return (_according_to(doc, x, index) or _reported_by(doc, x, index) or
            _trailing_report(doc, x, index) or _quoted_by(span, found))


def _is_conversion(doc, x: NumberExpr, previous: NumberExpr | None) -> bool:
    """A currency conversion in brackets right after another money amount."""
    if previous is None or not (x.currency and previous.currency) or x.currency == previous.currency:
        return False
    return x.start - previous.end == 1 and doc[previous.end].text in ("(", "[", "—", "-", "–") \
        or (x.start - previous.end == 2 and doc[previous.end].text == "," and
            doc[previous.end + 1].lower_ in ("or", "about", "around"))


# --------------------------------------------------------------------------- extract


def extract(doc, article: Article, found: Found) -> list[Figure]:
    """Figures in one parsed article, sorted by span start.

    Args:
        doc: the article's spaCy Doc (read only).
        article: the article; spans index ``article.text``.
        found: earlier facts; entities name sources canonically, quotes attribute quoted figures.

    Returns:
        One ``Figure`` per number expression that counts something.
    """
    index = MentionIndex(found.entities)
    out: list[Figure] = []
    previous: NumberExpr | None = None
    for x in find_numbers(doc):
        if _is_conversion(doc, x, previous):
            continue  # "5.8 billion euros ($7.5 billion)": the same money in another currency
        previous = x
        try:
            reason = _not_a_count(doc, x)
            if reason:
                log.debug("skipped %r: %s", doc[x.start:x.end].text, reason)
                continue
            kind, unit = _kind(doc, x)
            if kind is None:
                continue
            if x.words_only and not x.vague and x.value < 10 and x.value_max is None and \
                    kind != "money" and unit not in ("%", "fraction"):
                noun = _counted_noun(doc, x)
                if kind not in _SPECIFIC or (noun is not None and _noun_kind(noun) is None):
                    continue  # "two countries", "one reason he's hurting": not figures a reader tracks
            start = doc[x.start].idx
            end = doc[x.end - 1].idx + len(doc[x.end - 1].text)
            source = _source(doc, x, (start, end), found, index)
        except (IndexError, ValueError, ArithmeticError, TypeError, AttributeError, KeyError) as exc:
            # one odd number never costs the article its other figures
            log.debug("figure candidate %r skipped: %r", doc[x.start:x.end].text, exc)
            continue
        out.append(Figure(
            kind=kind, value=plain(x.value), unit=unit,
            approximate=bool(x.hedge or x.vague or x.value_max is not None),
            text=article.text[start:end], span=(start, end), source=source,
            hedge=x.hedge, value_max=plain(x.value_max)))
    out.sort(key=lambda f: f.span)
    return out
