"""Entities with canonical names, within one article.

spaCy's named entities are the starting point; cheap rules over the already
parsed ``Doc`` then fix what the small model gets wrong and canonicalise:

1. One left-to-right scan of the tokens against the gazetteer (countries,
   demonyms, organisations, capitals and seats of power, titles) finds the
   lexicon phrases. Named entities inside a title are dropped ("Secretary of
   State" is a title, not the ORG "State"); a lexicon phrase that covers a
   named entity replaces it ("the Islamic State", not NORP "Islamic").
2. Person spans lose their titles, which become attributes: "Russian Foreign
   Minister Sergei Lavrov" gives the name "Sergei Lavrov", title "foreign
   minister", country RUS and role GOV (also from appositions: "Lavrov,
   Russia's foreign minister,"). Hyphenated surnames stay whole.
3. Short forms resolve to the full name in the same article ("Kerry" ->
   "John Kerry"); countries, aliases and demonyms become one GPE entity per
   country with its ISO alpha-3 code; known organisations get their canonical
   name and role ("UN", "the United Nations" -> "United Nations", IGO).
4. Definite role nouns ("the secretary of state", "the Russian foreign
   minister") become mentions of the one person in the article holding that
   title, when exactly one does.

Nothing here re-tokenises or re-parses the article: the work is dictionary
look-ups over tokens and entity spans.
"""

from __future__ import annotations

import functools
import logging

from spacy.parts_of_speech import NOUN, PROPN

from ..model import Article, Entity, Found, stable_id
from . import gazetteer as gz
from .doc_memo import entity_spans
from .entity_lexicon import (_DASHES, _DETERMINERS, _HYPHENS, _LOCATIVE, _MODIFIERS, _NER_TYPES,
                             _POSSESSIVE, _Group, _Match, _Mention, _Tokens, _capitalise, _patterns,
                             _scan, split_words)
from .entity_persons import _name_tokens, _persons, _role_nouns, _untagged_surnames, role_titles
from .figure_kinds import person_nouns

__all__ = ["extract", "split_words", "_capitalise", "_patterns"]

log = logging.getLogger(__name__)


def _capitalised(tv: _Tokens, i: int) -> bool:
    text = tv.word(i)
    return bool(text) and text[0].isupper()


def _strip_edges(tv: _Tokens, s: int, e: int) -> tuple[int, int]:
    """Drop a leading "the" or possessive and trailing possessives from a token range.

    A capitalised "The" inside a sentence belongs to the name ("The Hague",
    "The Rocket Record Company"); at a sentence start, or after a dateline's dash, it does not. A leading
    possessive is the owner's clitic the tagger took into the name ("the
    nation's Supreme Court" tagged "'s Supreme Court").
    """
    while s < e and tv.low[s] in _POSSESSIVE:
        s += 1
    while s < e and tv.low[s] in _DETERMINERS and (tv.word(s)[0] == "t" or tv.sent[s] == 1 or s == 0
                                                     or tv.word(s - 1) in _DASHES):  # "(AP) — The United States"
        s += 1
    while e > s and tv.low[e - 1] in _POSSESSIVE:
        e -= 1
    return s, e


def _extend_hyphen(tv: _Tokens, e: int) -> int:
    """Extend a name over "-Mashabane": a hyphen glued to the name and to a capitalised word."""
    n = tv.n
    while (e + 1 < n and tv.word(e) in _HYPHENS and not tv.space[e - 1]
           and not tv.space[e] and tv.word(e + 1)[:1].isupper()):
        e += 2
    return e


def _ner_pieces(ents, tv: _Tokens) -> list[tuple[int, int, str]]:
    """spaCy's entities of the types we keep, split where they run across a line break."""
    out = []
    text = tv.text
    for ent in ents:
        label = _NER_TYPES.get(ent.label_)
        if label is None:
            continue
        s = ent.start
        for j in range(ent.start, ent.end):
            end_j = tv.idx[j] + tv.length[j]
            gap = text[end_j:tv.idx[j + 1]] if j + 1 < tv.n else ""
            if tv.word(j).isspace():
                if s < j:
                    out.append((s, j, label))
                s = j + 1
            elif "\n" in gap and j + 1 < ent.end:
                out.append((s, j + 1, label))
                s = j + 1
        if s < ent.end:
            out.append((s, ent.end, label))
    return out


def _after_person_title(tv: _Tokens, s: int, e: int, by_end: dict[int, _Match],
                        at: list[_Match | None]) -> bool:
    """True when ``[s, e)`` is one to three capitalised words, no lexicon entry, right after a
    title that only persons hold ("President", "Gen.", "Mr") or a noun for a person ("farmer")."""
    if e - s > 3 or any(at[j] is not None for j in range(s, e)):
        return False
    if not all(tv.title[j] for j in range(s, e)):
        return False
    if s > 0 and tv.pos[s - 1] == NOUN and tv.word(s - 1).lower() in _person_nouns():
        return True  # "farmer Juan Quispe" tagged ORG
    m = by_end.get(s)
    if m is None or m.kind != "title" or not tv.word(m.start)[:1].isupper():
        return False
    return m.value.kind in ("honorific", "rank") or m.value.role in ("GOV", "MIL", "LEG", "JUD")


def _glued(tv: _Tokens, s: int, e: int) -> bool:
    """True when tokens ``[s, e)`` are joined by a hyphen to a neighbouring word."""
    if s > 0 and not tv.space[s - 1] and tv.word(s - 1) in _HYPHENS:
        return True
    return e < tv.n and not tv.space[e - 1] and tv.word(e) in _HYPHENS


def _mentions(doc, tv: _Tokens, matches: list[_Match]) -> list[_Mention]:
    """spaCy entities after the title and lexicon fixes, plus lexicon-only mentions."""
    n = tv.n
    at: list[_Match | None] = [None] * n
    for m in matches:
        for j in range(m.start, m.end):
            at[j] = m
    by_end = {m.end: m for m in matches}
    out: list[_Mention] = []
    taken = [False] * n
    ents = entity_spans(doc)
    ent_bounds = [(ent.start, ent.end) for ent in ents]
    # words of multi-word person names: "Paris" stays a person when "Paris Hilton" is named
    person_words = {tv.low[j] for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
                    for j in range(ent.start, ent.end)}
    for s0, e0, label in _ner_pieces(ents, tv):
        s, e = _strip_edges(tv, s0, e0)
        if s >= e:
            continue
        m = at[s]
        if m is not None and m.kind == "title" and m.start <= s and e <= m.end:
            continue  # "Secretary of State": a title, not the ORG "State"
        kind = value = None
        m = at[s]
        if (m is not None and m.kind == "title" and m.start == s and m.value.kind == "honorific"
                and m.end < e and tv.title[m.end]):
            label = "PERSON"  # "Ms Pugh" tagged GPE: an honorific starts a person's name
        elif label in ("ORG", "GPE", "NORP") and _after_person_title(tv, s, e, by_end, at):
            label = "PERSON"  # "President Obama" with "Obama" tagged ORG
        if label == "PERSON":
            # a name has no digits or spaced dashes: "Oct 1 - Ukrainian" keeps "Ukrainian"
            for j in range(e - 1, s - 1, -1):
                w = tv.word(j)
                if any(ch.isdigit() for ch in w) or (w in _DASHES and (tv.space[j] or (
                        j > 0 and tv.space[j - 1]))):
                    s = j + 1
                    break
            if s >= e:
                continue
            # "Foreign Minister Sergei Lavrov", "Russian President Vladimir Putin" as one span
            while s < e - 1:
                m = at[s]
                # (a title the span cuts in two counts too: "Chief| Constable Ana Ruiz" tagged from "Constable")
                if m is not None and m.start <= s and m.end < e and (m.kind == "title" or m.start == s and (
                        m.kind in ("demonym", "country", "org", "metonym")
                        and _title_at(at, m.end + (tv.low[m.end] in _POSSESSIVE), e))):
                    s = m.end  # a qualifier is stripped only before a title: not "Paris Hilton"
                elif tv.low[s] in _MODIFIERS or tv.low[s] in _POSSESSIVE:
                    s += 1
                else:
                    break
            m = at[s]
            if m is not None and (m.start, m.end) == (s, e) and (
                    m.kind in ("demonym", "org") or (m.kind in ("country", "metonym") and (
                        (s > 0 and tv.low[s - 1] in _LOCATIVE)
                        or (e - s == 1 and tv.low[s] not in person_words)))):
                label, kind, value = _gaz_label(m), m.kind, m.value  # "Slovak", "in Sanaa"
            else:
                e = _extend_hyphen(tv, e)
        else:
            m = at[s]
            if (m is not None and m.kind != "title" and m.start <= s and e <= m.end
                    and (m.start, m.end) != (s, e)):
                s, e = m.start, m.end  # the lexicon phrase covers the entity: "Islamic State"
            if m is not None and m.kind != "title" and (m.start, m.end) == (s, e):
                kind, value = m.kind, m.value
            if label in ("ORG", "LOC") and tv.word(e - 1)[-1:].isalnum():
                e = _extend_hyphen(tv, e) if label == "ORG" else e
        if any(taken[j] for j in range(s, e)):
            continue
        for j in range(s, e):
            taken[j] = True
        out.append(_Mention(s, e, label, kind, value))
    _untagged_names(tv, at, taken, out)  # before the dropped types claim their words ("Mayor Ines Alves")
    _untagged_companies(tv, at, taken, out)
    for s0, e0 in ent_bounds:  # lexicon-only mentions never cut into another entity ("Kigali Amendment")
        for j in range(s0, e0):
            taken[j] = True
    for m in matches:
        if m.kind == "title" or any(taken[j] for j in range(m.start, m.end)):
            continue
        if not _capitalised(tv, m.start) or _glued(tv, m.start, m.end):
            continue  # lowercase, or part of a hyphenated word ("pro-Beijing")
        if m.kind == "demonym" and not tv.title[m.start]:
            continue
        for j in range(m.start, m.end):
            taken[j] = True
        out.append(_Mention(m.start, m.end, _gaz_label(m), m.kind, m.value))
    out.sort(key=lambda x: x.start)
    merged: list[_Mention] = []
    for m in out:  # "President Abd-Rabbu Mansour Hadi" tagged as two adjacent persons
        prev = merged[-1] if merged else None
        if (prev is not None and prev.label == m.label == "PERSON" and prev.end == m.start
                and prev.kind is None and m.kind is None):
            prev.end = m.end
        else:
            merged.append(m)
    return merged


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for a person ("farmer", "neighbour", "lawyer"): the figure lexicon's people and the role nouns."""
    return frozenset(person_nouns() | role_titles().keys())


def _untagged_names(tv: _Tokens, at: list[_Match | None], taken: list[bool], out: list[_Mention]) -> None:
    """Names the tagger missed right after a title or a person noun: "Mayor Ines Alves", "her
    neighbour, Omid Rahimi," and "farmer Julio Mamani" name people whatever the model knows."""
    n = tv.n
    i = 0
    while i < n:
        j = i
        while j < n and j - i < 4 and not taken[j] and tv.pos[j] == PROPN and tv.title[j] and at[j] is None:
            j += 1
        if j - i < 2:
            i = max(j, i + 1)
            continue
        k = i - 1
        comma = k >= 0 and tv.word(k) == ","
        if comma:
            k -= 1
        title = k >= 0 and at[k] is not None and at[k].kind == "title" and at[k].end == k + 1 and not comma
        noun = k >= 0 and tv.pos[k] == NOUN and tv.word(k).lower() in _person_nouns() and (
            not comma or j == n or tv.word(j) == ",")
        if title or noun:
            for t in range(i, j):
                taken[t] = True
            out.append(_Mention(i, j, "PERSON"))
        i = j


# the legal-form words that close a company's name ("Acme Holdings", "Nordia Bank GmbH", "Widget Corp.")
# ("SA", "AG", "NV", "SE" are left out: as often South Australia, an attorney general, Nevada, south-east)
_COMPANY_FORMS = frozenset({"Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "Plc", "PLC", "plc", "S.A.", "N.V.",
                            "GmbH", "Holdings", "Co.", "LLP"})


def _untagged_companies(tv: _Tokens, at: list[_Match | None], taken: list[bool], out: list[_Mention]) -> None:
    """Company names the tagger missed (often beside a wire dateline, "NEW YORK (Reuters) - Harlow
    Pharmaceuticals Inc said"): capitalised words closed by a legal form are an organisation."""
    for j in range(1, tv.n):
        if taken[j] or tv.word(j) not in _COMPANY_FORMS:
            continue
        i = j
        while i > 0 and j - i < 4 and not taken[i - 1] and at[i - 1] is None and tv.pos[i - 1] == PROPN \
                and tv.title[i - 1] and not tv.sent[i]:
            i -= 1
        if i < j:
            for t in range(i, j + 1):
                taken[t] = True
            out.append(_Mention(i, j + 1, "ORG"))


def _title_at(at: list[_Match | None], i: int, e: int) -> bool:
    """True when a title match starts at token ``i`` (before ``e``)."""
    if i >= e:
        return False
    m = at[i]
    return m is not None and m.kind == "title" and m.start == i


def _gaz_label(m: _Match) -> str:
    """Our entity type for a lexicon hit: capitals are places, seats of power act as organisations."""
    if m.kind == "metonym":
        return "GPE" if m.value.capital else "ORG"
    return {"country": "GPE", "demonym": "NORP", "org": "ORG"}.get(m.kind, "OTHER")


# --------------------------------------------------------------------------- the extractor


def extract(doc, article: Article, found: Found) -> list[Entity]:
    """Canonical entities of one article, each with all its mention spans.

    Args:
        doc: the article's parsed spaCy ``Doc`` (its text is ``article.text``).
        article: the article (its id seeds the entity ids).
        found: facts from earlier extractors (unused: entities come first).

    Returns:
        Entities sorted by their first mention; each mention is a ``[start, end)``
        character span of ``article.text``.
    """
    if len(doc) == 0:
        return []
    tv = _Tokens(doc, text=article.text)
    matches = _scan(doc, tv)
    by_end = {m.end: m for m in matches}
    by_start = {m.start: m for m in matches}
    mentions = _mentions(doc, tv, matches)
    persons, owner = _persons(tv, mentions, by_end, by_start)
    surnames: dict[str, int] = {}
    for g, p in enumerate(persons):
        toks = _name_tokens(p.name)
        if len(toks) >= 2:
            surnames.setdefault(toks[-1], g)
            for part in toks[-1].split("-"):
                surnames.setdefault(part, g)

    groups: dict[tuple[str, str], _Group] = {}
    order: list[_Group] = list(persons)
    text = tv.text

    def span(s: int, e: int) -> tuple[int, int]:
        return tv.idx[s], tv.idx[e - 1] + tv.length[e - 1]

    long_forms = _long_forms(text, [(m, span(m.start, m.end)) for i, m in enumerate(mentions) if i not in owner])
    for idx, m in enumerate(mentions):
        sp = span(m.start, m.end)
        if idx in owner:
            persons[owner[idx]].mentions.append(sp)
            continue
        surface = text[sp[0]:sp[1]]
        full = long_forms.get(surface)
        if full is not None and full[0] is not m:
            # "RSF" in a report naming the Rapid Support Forces is that force, whatever
            # else the letters stand for in the lexicon
            key, name, etype, country, role = _classify(full[0], full[1])
        else:
            key, name, etype, country, role = _classify(m, surface)
        if etype is None:
            continue
        if key[0] == "OTHER" and m.end - m.start == 1 and m.kind is None:
            g = surnames.get(_name_tokens(surface)[0] if _name_tokens(surface) else "")
            if g is not None:  # "Lavrov" tagged ORG: the person named in this article
                persons[g].mentions.append(sp)
                continue
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(name=name, type=etype, country=country, role=role)
            order.append(group)
        elif key[0] == "OTHER" and group.name.isupper() and not name.isupper():
            group.name = name
        group.mentions.append(sp)

    _untagged_surnames(tv, mentions, persons)
    _role_nouns(tv, matches, mentions, persons)
    _short_bodies(order, text)

    out = []
    for g in order:
        if not g.mentions:
            continue
        spans = tuple(sorted(set(g.mentions)))
        out.append(Entity(id=stable_id(article.id, g.name, g.type, prefix="e"), name=g.name,
                          type=g.type, mentions=spans, country=g.country, role=g.role,
                          titles=tuple(g.titles)))
    # two groups can end with the same canonical name (e.g. a short form that was also a lexicon
    # hit): merge them so ids stay unique
    merged: dict[str, Entity] = {}
    for e in out:
        old = merged.get(e.id)
        if old is None:
            merged[e.id] = e
        else:
            merged[e.id] = Entity(id=e.id, name=e.name, type=e.type,
                                  mentions=tuple(sorted(set(old.mentions + e.mentions))),
                                  country=old.country or e.country, role=old.role or e.role,
                                  titles=tuple(dict.fromkeys(old.titles + e.titles)))
    return sorted(merged.values(), key=lambda e: (e.mentions[0], e.name))


# the kind of body a report shortens a name to once it has given it in full ("the Commission")
_BODY_WORDS = frozenset({"commission", "court", "council", "parliament", "assembly", "ministry", "agency",
                         "committee", "tribunal", "bank", "fund", "board", "authority", "senate"})


def _short_bodies(groups: list[_Group], text: str) -> None:
    """"The Commission" after "the European Commission" is that commission: a one-word organisation
    whose word closes exactly one longer organisation named before it joins that one (its mentions
    move; with two such bodies named, which one is meant is left open)."""
    for short in groups:
        if short.type != "ORG" or " " in short.name or short.name.lower() not in _BODY_WORDS or not short.mentions:
            continue
        if any(not text[max(0, s - 4):s].lower().endswith("the ") or text[e:e + 4] in (" in ", " of ")
               for s, e in short.mentions):
            continue  # "Parliament in Budapest voted": another body of that kind, not the one named in full
        first = min(short.mentions)
        fulls = [g for g in groups if g is not short and g.type == "ORG" and len(g.name.split()) > 1
                 and g.name.split()[-1].lower() == short.name.lower() and g.mentions and min(g.mentions) < first]
        if len(fulls) == 1:
            fulls[0].mentions.extend(short.mentions)
            short.mentions.clear()


_ACRONYM_SKIP = frozenset("of the and for de du la al el".split())


def _initials(surface: str) -> str:
    words = [w for w in surface.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _long_forms(text: str, mentions: list[tuple[_Mention, tuple[int, int]]]) -> dict[str, tuple[_Mention, str]]:
    """Acronyms spelt out in this article: initials of a multi-word name -> its first mention and surface."""
    out: dict[str, tuple[_Mention, str]] = {}
    for m, (s, e) in mentions:
        if m.label in ("ORG", "NORP", "GPE", "LOC"):
            surface = text[s:e]
            if surface.lower().startswith("the "):
                surface = surface[4:]
            letters = _initials(surface)
            if len(letters) >= 2:
                out.setdefault(letters, (m, surface))
    return out


def _classify(m: _Mention, surface: str) -> tuple[tuple[str, str], str, str | None, str | None,
                                                   str | None]:
    """(group key, canonical name, type, country, role) for a non-person mention."""
    kind, value = m.kind, m.value
    if kind is None and m.label in ("GPE", "NORP", "LOC", "ORG"):
        org = gz.organisation_info(surface)
        if org is not None:
            kind, value = "org", org
        else:
            code = gz.country_code(surface, demonyms=m.label in ("NORP", "GPE", "ORG"))
            if code is not None:
                kind, value = "country", code
            else:
                met = gz.metonym_info(surface)
                if met is not None:
                    kind, value = "metonym", met
    if kind in ("country", "demonym"):
        return ("GPE", value), gz.country_name(value) or surface, "GPE", value, None
    if kind == "org":
        return ("ORG", value.name), value.name, "ORG", value.country, value.role
    if kind == "metonym":
        etype = "GPE" if value.capital else ("LOC" if m.label == "LOC" else "ORG")
        return ((etype, value.name), value.name, etype, value.country,
                None if value.capital else value.sector)
    name = " ".join(surface.split())
    return ("OTHER", f"{m.label}:{gz.normalise(name)}"), name, m.label, None, None
