"""Places: the article's toponyms, each resolved offline to a gazetteer record with coordinates.

Toponyms come from three sources, in this order of trust:
1. the entities stage's GPE and LOC mentions (spaCy's entities after the team's fixes: country
   aliases folded, titles removed); demonyms ("Russian") are not places and are left out;
2. spaCy's FAC entities (airports, bridges, squares): kept, resolved when the gazetteer knows them;
3. gazetteer names the NER missed: a capitalised proper-noun run that the gazetteer knows and that
   the text marks as a place, by a locative preposition before it ("in Dolakha") or a division or
   country after it ("Kelleyland, Louisiana").
Resolution (``place_resolve``) uses the whole article: other places, dateline, entity countries.
Metonyms ("Moscow said") stay places with coordinates; events decide they also act as actors.
"""

from __future__ import annotations

import logging

from ..model import Article, Found, Place
from . import gazetteer
from .place_index import place_index
from .place_resolve import Mention, resolve

log = logging.getLogger(__name__)

_PLACE_TYPES = frozenset({"GPE", "LOC"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "to", "across", "into", "around", "of",
                       "toward", "towards", "through", "throughout", "inside", "between", "via"})
_STRONG = frozenset({"in", "near", "at", "outside", "across", "throughout", "inside", "into", "around"})
_PLACE_NOUNS = frozenset({"district", "province", "county", "region", "city", "town", "village", "state",
                          "governorate", "parish", "area", "camp", "valley", "island", "islands", "prefecture"})
_MAX_RUN = 4


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


def _marked_as_place(doc, span: tuple[int, int]) -> bool:
    """True when the words around a span say it is a place: "killed in Aleppo", "Dolakha district",
    "in Dolakha and Sindhupalchowk" (a conjunct of such a place), never "in Obama's speech"."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return False
    after = doc[sp.end] if sp.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "\u2019s"):
        return False
    if after is not None and after.lemma_.lower() in _PLACE_NOUNS:
        return True
    tok = sp.root
    for _ in range(4):
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.lemma_.lower() in _PLACE_NOUNS:
            return True
        break
    if tok.dep_ == "pobj" and tok.head.lower_ in _STRONG:
        return True
    before = doc[sp.start - 1] if sp.start > 0 else None
    return before is not None and before.lower_ in _STRONG


def _from_entities(doc, text: str, found: Found) -> tuple[list[Mention], list[tuple[int, int]]]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    index = place_index()
    for ent in found.entities:
        for sp in ent.mentions:
            taken.append(tuple(sp))
            surface = text[sp[0]:sp[1]]
            if ent.type not in _PLACE_TYPES:
                # the small model calls some unfamiliar places persons or groups ("in Dolakha", "in Aleppo")
                if ent.type in ("PERSON", "NORP", "ORG", "OTHER") and len(surface.split()) <= 3 \
                        and index.known(surface) and _marked_as_place(doc, tuple(sp)):
                    mentions.append(Mention(name=surface, span=(sp[0], sp[1])))
                continue
            if not surface.strip() or gazetteer.is_demonym(surface):
                continue
            mentions.append(Mention(name=surface, span=(sp[0], sp[1]), country_hint=ent.country))
    return mentions, taken


def _proper_runs(doc):
    """Maximal runs of capitalised proper nouns (at most ``_MAX_RUN`` tokens) as (start, end) token ids."""
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if t.pos_ == "PROPN" and t.text[:1].isupper():
            j = i
            while j + 1 < n and j + 1 - i < _MAX_RUN and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
                j += 1
            yield i, j + 1
            i = j + 1
        else:
            i += 1


def _gazetteer_only(doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """Known place names the NER missed, when the text marks them as places."""
    index = place_index()
    out = []
    for s, e in _proper_runs(doc):
        span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        if _overlaps(span, taken):
            continue
        prev = doc[s - 1].lower_ if s > 0 else ""
        nxt = doc[e].text if e < len(doc) else ""
        after = doc[e + 1] if e + 1 < len(doc) else None
        cues = prev in _LOCATIVE or _marked_as_place(doc, span)
        if not cues and nxt == "," and after is not None and after.text[:1].isupper():
            cues = any(c.feature.startswith("A.") for c in index.candidates(after.text))
        if not cues:
            continue
        name = doc[s:e].text
        if index.known(name):
            out.append(Mention(name=name, span=span))
    return out


def extract(doc, article: Article, found: Found) -> list[Place]:
    """The article's places, in text order, each with its gazetteer record or null coordinates."""
    text = article.text
    mentions, taken = _from_entities(doc, text, found)
    taken += [tuple(d.span) for d in found.dates]  # "in March" is a month, not March in Cambridgeshire
    taken += [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in ("GPE", "LOC", "FAC")]
    for ent in doc.ents:
        if ent.label_ == "FAC":
            span = (ent.start_char, ent.end_char)
            if not _overlaps(span, taken):
                mentions.append(Mention(name=ent.text, span=span))
                taken.append(span)
    mentions += _gazetteer_only(doc, taken)
    mentions.sort(key=lambda m: m.span)
    context = [e.country for e in found.entities if e.country and e.type in ("GPE", "NORP")]
    return resolve(text, mentions, context_countries=context)
