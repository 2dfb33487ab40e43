"""Actor coding for events: a noun phrase on the parse -> ``Actor(name, entity, code)``.

Codes follow the CAMEO/PLOVER habit "COUNTRY SECTOR" ("RUS GOV", "USA MIL",
"SYR REB"). Where the pieces come from, in order of trust:

1. the entity the phrase mentions (``found.entities`` through ``MentionIndex``):
   its ``country`` and ``role`` from the entities stage;
2. the shared gazetteer (``extract/gazetteer.py``): country names, demonyms,
   capitals and seats of power as metonyms ("Moscow", "the Kremlin" -> RUS GOV,
   "the Pentagon" -> USA MIL), titles ("Foreign Minister" -> GOV) and known
   organisations;
3. our own ``lexicons/plover_actors.tsv``: group nouns -> sector ("police" COP,
   "rebels" REB, "protesters" OPP) and the full codes of international and
   transnational bodies ("United Nations" -> "IGO UNO", "Islamic State" ->
   "IMG REB");
4. ``lexicons/plover_places.tsv``: sub-national regions and cities -> their
   country ("the Gaza Strip" -> PSE, "Chechnya" -> RUS); a place is coded by
   country only (it is no government);
5. last, when the sentence says nothing: a bare surname of a listed actor
   (``people.tsv``) whose listed bearers share one country ("Putin" -> RUS GOV);
   common given names are never surname keys.

People "from" a coded body take its country ("doctors from American aid
groups"); "pro-X"/"anti-X" words name a stance, not a nationality.

Conventions (documented in the lexicon header too):

- A bare country acting ("Russia proposed...") is its government: "RUS GOV".
  This is the PLOVER/CAMEO coders' convention: states act through governments.
- A sector without a known country is coded by the sector alone ("GOV", "REB").
- Bodies outside any country use a CAMEO-style group in the first slot: IGO
  (intergovernmental; second slot names it: UNO, EUR, NAT...), NGO, IMG
  (transnational armed group such as Islamic State, second slot REB).
"""

from __future__ import annotations

import functools
from typing import Iterable

from ..lexicons import load_rows
from ..model import Actor, Entity
from . import gazetteer
from .actor_context import region_country
from .event_lexicon import CHARGING_VERBS, CLAUSE_SUMMARIES, is_event_noun, sums_up_clause
from .dateline_tokens import dateline_end
from .doc_memo import sentence_of
from .linking import MentionIndex
from .noun_kinds import is_non_actor, noun_kind  # noqa: F401 (re-exported: callers import them from here)

# Modifier dependencies that carry an actor's nationality or title ("Russian", "Iran's", "Foreign Minister").
_MOD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_NAME_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "flat",
                        "case", "punct", "cc", "conj_name"})
_BACKERS = frozenset({"backed", "sponsored", "supported", "funded", "armed", "allied", "aligned"})
_GROUP_MEMBER = frozenset({"leader", "member", "head", "chief", "group", "faction", "wing", "supporter"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "its", "their", "his", "her", "our", "him", "them"})


@functools.lru_cache(maxsize=2)
def group_sectors(*, modifiers: bool = False) -> dict[str, str]:
    """Sector by head noun; with ``modifiers``, also words that give one only before a head ("intelligence")."""
    kinds = ("sector", "modifier") if modifiers else ("sector",)
    return {r.term: r.code for r in load_rows("plover_actors.tsv") if r.kind in kinds}


@functools.lru_cache(maxsize=1)
def _orgs() -> dict[str, str]:
    return {r.term: r.code for r in load_rows("plover_actors.tsv") if r.kind == "org"}


@functools.lru_cache(maxsize=8192)
def org_code(text: str) -> str | None:
    """Full code of a named international or non-state body ("the U.N." -> "IGO UNO"; memoised)."""
    key = gazetteer.normalise(text)
    hit = _orgs().get(key) or _orgs().get(text.strip().lower())
    if hit:
        return hit
    info = gazetteer.organisation_info(text)
    if info is None:
        return None
    if info.country:
        return f"{info.country} {info.role}" if info.role else info.country
    if info.role in ("IGO", "NGO"):
        return info.role
    if info.role == "REB":
        return "IMG REB"
    return info.role or None


# nouns for states at large: "the two countries signed", "both nations agreed" act through their governments
STATE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "government", "regime",
                         "countries", "nations", "states", "governments"})


def is_agent_name(actor: Actor) -> bool:
    """True when an actor can act: a coded or linked actor, states named as such ("the two countries"), or
    a description of people ("rescue workers")."""
    if actor.code or actor.entity:
        return True
    words = [w for w in actor.name.replace("-", " ").split() if w.isalpha()]
    if not words:
        return False
    head = words[-1]
    return noun_kind(head) == "people" or head.lower() in STATE_NOUNS \
        or sector_of_noun(head.lower().rstrip("s"), head) is not None


def sector_of_noun(lemma: str, text: str = "") -> str | None:
    """Sector for a group or title noun ("police" -> COP, "minister" -> GOV), None when unknown."""
    lemma = lemma.lower()
    low = text.lower()
    hit = group_sectors().get(lemma) or group_sectors().get(low) or (
        group_sectors().get(low[:-1]) if low.endswith("s") else None) or (  # "Rebels" tagged as a name
        group_sectors().get(lemma[:-3] + "y") if lemma.endswith("ies") else None)  # "authorities" unlemmatised
    if hit:
        return hit
    return gazetteer.title_role(text or lemma)


@functools.lru_cache(maxsize=8192)
def _country_of_text(text: str) -> tuple[str, str | None] | None:
    """(country, sector or None) for a country name, demonym or metonym (memoised: words recur)."""
    code = gazetteer.country_code(text)
    if code:
        return code, None
    met = gazetteer.metonym(text)
    if met:
        return met[0], met[1]
    return None


def join_codes(country: str | None, sector: str | None) -> str | None:
    if country and " " in country:  # already a full code (IGO UNO)
        return country
    if country and sector:
        return f"{country} {sector}"
    return country or sector


def phrase_tokens(tok) -> list:
    """The tokens naming the actor headed by ``tok``: its left modifiers plus an "of" complement."""
    left = [t for t in tok.lefts if t.dep_ in _NAME_DEPS and not (  # "a charge Kigali denies": no part of it
        t.dep_ == "compound" and t.lemma_.lower() in CLAUSE_SUMMARIES and any(d.dep_ == "det" for d in t.children))
        and t.lower_ not in ("outside", "inside", "near", "opposite")]  # "gathered outside parliament": where
    toks = [x for t in left for x in t.subtree] + [tok]
    charged = tok.dep_ == "dobj" and tok.head.lemma_ in CHARGING_VERBS
    for child in tok.rights:
        if charged and child.dep_ == "prep" and child.lower_ == "of" and not any(t.ent_type_ for t in child.subtree):
            continue  # "accused the opposition of fraud": the charge, not the party ("the mayor of Lima" is)
        if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "from" and tok.pos_ == "NOUN") \
                and any(c.dep_ == "pobj" for c in child.children):  # not "of organising an insurrection"
            clauses = [d for d in child.subtree if d.dep_ == "relcl" or d.dep_ == "acl" and d.tag_ != "VBN"]
            toks.extend(t for t in child.subtree if (child.lower_ == "of" or not any(  # "peacekeepers from Chad
                a.dep_ == "prep" and a.i != child.i and child.is_ancestor(a) for a in [t, *t.ancestors]))  # in Mali"
                and not any(c.left_edge.i <= t.i <= c.right_edge.i for c in clauses))  # "the city of X, where ..."
        elif child.dep_ in ("compound", "flat"):
            toks.extend(child.subtree)
    for child in tok.rights:
        if child.dep_ == "appos" and not sums_up_clause(child) and all(  # a phrase runs unbroken: not
                tok.is_ancestor(t) for t in tok.doc[tok.i + 1:child.left_edge.i]):  # "X went on strike, halting Y"
            toks.extend(child.subtree)
    cut = dateline_end(sentence_of(tok))
    toks = sorted((t for t in set(toks) if t.i > cut or t.i == tok.i), key=lambda t: t.i)
    while toks and toks[0].dep_ in ("det", "punct", "cc", "case") and toks[0].i != tok.i:
        toks = toks[1:]
    while toks and toks[-1].dep_ == "punct" and toks[-1].i != tok.i:
        toks = toks[:-1]
    return toks


_PARTICLES = frozenset({"al", "el", "de", "da", "van", "von", "der", "le", "la", "bin", "ibn", "du", "dos"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "vi"})


def _surname_key(name: str) -> str | None:
    """The look-up key of a name's last word, Arabic article dropped ("Bashar al-Assad" -> "assad")."""
    words = gazetteer.normalise(name).split()
    if len(words) < 2 or words[-1] in _SUFFIXES:
        return None
    last = words[-1]
    return last if len(last) >= 4 else None


@functools.lru_cache(maxsize=1)
def _surnames() -> dict[str, tuple[str | None, str | None]]:
    """Surname -> (country, role) for the actor list's surnames whose bearers all share one country.

    News names leaders by surname alone ("Putin offered...", "President Bush said") when the
    reader is expected to know them; CAMEO-style actor dictionaries list such surnames too. A
    surname borne by listed actors of different countries ("Kim", "Lee") stays unknown.
    """
    seen: dict[str, set[tuple[str | None, str | None]]] = {}
    # "Hassan", "Abdullah", "Ryan": a given name (of anyone listed, or a common one) is no surname key
    given: set[str] = {r.name.lower() for r in load_rows("first_names.tsv")}
    for row in load_rows("people.tsv"):
        words = gazetteer.normalise(row.name).split()
        given.update(words[:-1])
        key = _surname_key(row.name)
        if key:
            seen.setdefault(key, set()).add((row.country, row.role or None))
    out: dict[str, tuple[str | None, str | None]] = {}
    for key, codes in seen.items():
        if key in given:
            continue
        countries = {c for c, _ in codes}
        if len(countries) == 1:
            roles = {r for _, r in codes}
            out[key] = (next(iter(countries)), next(iter(roles)) if len(roles) == 1 else None)
    return out


def known_surname(name: str) -> tuple[str | None, str | None] | None:
    """(country, role) of a bare surname of a listed actor ("Putin" -> RUS, GOV), else None."""
    words = gazetteer.normalise(name).split()
    while len(words) > 1 and words[0] in _PARTICLES:
        words = words[1:]
    if len(words) != 1 or len(words[0]) < 4 or not name[:1].isupper():
        return None
    return _surnames().get(words[0])


def ent_is_state(ent: Entity) -> bool:
    """True when an entity's name is a country or a seat of its government, not a place inside it."""
    return bool(gazetteer.country_code(ent.name) or gazetteer.metonym(ent.name))


def _sided(t) -> bool:
    """True for the country word of "pro-X" / "anti-X" (tokenised "pro", "-", "X" or "pro-X")."""
    low = t.lower_
    if low.startswith(("pro-", "anti-")):
        return True
    i = t.i
    return i >= 2 and t.doc[i - 1].text == "-" and t.doc[i - 2].lower_ in ("pro", "anti")


def _phrase_text(toks: list) -> str:
    """The article text of a run of tokens (``Doc.text`` is rebuilt from every token on each access)."""
    return toks[0].doc[toks[0].i:toks[-1].i + 1].text


def _person_codes(ent: Entity) -> tuple[str | None, str | None]:
    """(country, role) of a person: what the entities stage found, else the gazetteer's actor list.
    Bare surnames ("Putin") are looked up later (``known_surname``), after the sentence's own words."""
    if ent.country:
        return ent.country, ent.role
    known = gazetteer.person_info(ent.name)
    if known is not None:
        return known.country, ent.role or known.role
    return None, ent.role


def entity_codes(ent: Entity, text: str) -> tuple[str | None, str | None]:
    """(country, sector) the entity itself says, with gazetteer look-ups on its name."""
    country, sector = ent.country, ent.role
    named = gazetteer.country_code(ent.name)
    if named and ent.type not in ("GPE", "LOC", "NORP") and not country:
        return named, None  # a country the tagger typed PERSON/ORG ("Sri Lanka")
    if ent.type in ("GPE", "LOC", "NORP"):
        hit = _country_of_text(ent.name) or _country_of_text(text)
        if hit:
            country = country or hit[0]
            sector = sector or hit[1]
        elif not country and ent.type != "NORP":
            country = region_country(ent.name)  # "the Gaza Strip": a place in a country, not its state
    if not country and ent.type in ("NORP", "PERSON") and len(ent.name.split()) > 1 and not ent.role:
        for w in ent.name.split()[:-1]:  # "Bosnian Serbs": a national adjective inside the name
            hit = _country_of_text(w)
            if hit:
                country = hit[0]
                break
    elif ent.type == "ORG":
        full = org_code(ent.name) or org_code(text)
        if full:
            return full, None
        met = gazetteer.metonym(ent.name) or gazetteer.metonym(text)
        if met:
            country, sector = country or met[0], sector or met[1]
        else:  # "Latvian Constitutional Court", "Serbian Workers' Union": nationality + body
            words = ent.name.replace("'s", "").split()
            for w in words[:-1]:
                hit = _country_of_text(w)
                if hit:
                    country = country or hit[0]
                    break
            if words:
                sector = sector or sector_of_noun(words[-1].lower().rstrip("s"), words[-1])
    elif ent.type == "PERSON":
        known = _person_codes(ent)
        country, sector = country or known[0], sector or known[1]
        for title in ent.titles if not sector else ():
            sector = gazetteer.title_role(title)
            if sector:
                break
    if sector in ("IGO", "NGO") and not country:
        return sector, None
    if not country and not sector and ent.type != "ORG":
        full = org_code(ent.name)  # "M23 has been holding talks": a known armed group the tagger typed a place
        if full:
            return full, None
    return country, sector


def code_actor(tok, index: MentionIndex, *, _depth: int = 0) -> Actor | None:
    """The coded actor a noun (or proper noun) token stands for, or None when it names no actor.

    Args:
        tok: the head token of the argument (subject, object or oblique).
        index: the article's entity mentions.

    Returns:
        ``Actor(name, entity, code)``; ``code`` may be None when nothing is known
        beyond the name of an entity.

    The answer depends on the parse and the entities alone, and rules ask it of the same token
    several times (subject tests, argument coding, antecedents): it is kept in ``index.answers``.
    """
    answers = getattr(index, "answers", None)
    if answers is None:
        return _code_actor(tok, index, _depth)
    key = (code_actor, tok.doc, tok.i, _depth)
    if key not in answers:
        answers[key] = _code_actor(tok, index, _depth)
    return answers[key]


def _sides(tok) -> bool:
    """"All parties", "both parties", "the warring parties": the sides of a conflict, not political parties."""
    return tok.lemma_.lower() == "party" and tok.tag_ == "NNS" and any(
        c.lower_ in ("all", "both", "two", "warring", "rival", "opposing", "conflicting") for c in tok.children) \
        and not any(c.dep_ == "prep" for c in tok.children)  # ("all parties in parliament" are political)


def _code_actor(tok, index: MentionIndex, _depth: int) -> Actor | None:
    if tok.pos_ == "PRON" or tok.lower_ in PRONOUNS:
        return None
    toks = phrase_tokens(tok)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    head_ent = index.at(tok.idx, tok.idx + len(tok))
    via_poss = False
    head_country = False  # the head itself names the country ("Russia"), not a modifier ("British sailors")
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None
    name = _phrase_text(toks)
    if head_ent is not None:
        entity_id = head_ent.id
        country, sector = entity_codes(head_ent, tok.text)
        head_country = bool(country) and (head_ent.type in ("GPE", "NORP", "LOC")
                                          or gazetteer.country_code(head_ent.name) is not None)
        if head_country and not ent_is_state(head_ent) and region_country(head_ent.name):
            head_country = False  # "the West Bank": a place in a country acts through no government
        if head_ent.type == "ORG" and country and not head_country:
            # "the Ivory Coast's Supreme Court": an explicit owner beats the metonym's default country
            owner = _owner_country(tok, index)
            if owner:
                country = owner
        # a common noun the NER took for a body ("Karsistan's navy") keeps its owner in the name
        name = head_ent.name if not head_ent.name.islower() else _phrase_text(toks).split("\n")[-1].strip()
        if country and " " in country:
            return Actor(name=name, entity=entity_id, code=country)
    else:
        compounds = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        prefix = tok.doc[compounds[0].i:tok.i].text if compounds else ""
        full = org_code(name) or org_code(tok.text) or (org_code(prefix) if prefix else None)
        if full and prefix and tok.pos_ == "NOUN" and " " in full:  # "Red Cross officials"
            return Actor(name=name, entity=None, code=full, text=name, span=(start, end))
        if full and tok.pos_ == "PROPN":
            return Actor(name=name, entity=None, code=full)
        hit = _country_of_text(name) if tok.pos_ == "PROPN" else None
        hit = hit or (_country_of_text(tok.text) if tok.pos_ in ("PROPN", "NOUN", "ADJ") else None)
        if hit:
            country, sector = hit
            head_country = True
        if not sector and not _sides(tok):  # "urged all parties to show restraint": the sides, no political party
            sector = sector_of_noun(tok.lemma_, tok.text)
        if not hit and not sector and _is_event_noun(tok):
            return None  # an event noun is no actor ("the talks", "US disagreement", "its build-up")
    # Modifiers: nationality ("Russian", "Iran's", "of Syria") and titles ("Foreign Minister ...").
    for t in toks:
        if t.i == tok.i or (head_ent is not None and t.idx >= head_ent.mentions[0][0]
                        and _inside(t, head_ent)):
            continue
        if t.dep_ in ("det", "punct", "cc", "case", "prep"):
            continue
        if t.head.lower_ in _BACKERS and t.head.i != tok.i:
            continue  # "Russian-backed separatists" are not Russian: the adjective names their backer
        if _sided(t):
            continue  # "pro-Iranian", "anti-Syrian": a stance towards a country, not its nationality
        ent = index.at(t.idx, t.idx + len(t))
        text = ent.name if ent is not None else t.text
        if not country and ent is not None and ent.type == "PERSON":
            known = _person_codes(ent)
            if known[0]:  # "the government of President Bashar al-Assad" -> SYR
                country = known[0]
                continue
        if (ent is None or ent.type in ("NORP", "LOC")) and gazetteer.names_many_countries(
                text if ent is not None or t.i == 0 else f"{t.nbor(-1).text} {t.text}"):
            continue  # "South American countries", "European leaders": no one state's, not the USA
        if not country:
            hit = _country_of_text(text) or _country_of_text(t.text)
            if hit:
                country = hit[0]
                sector = sector or hit[1]
                via_poss = t.dep_ == "poss" or any(a.dep_ == "poss" for a in t.ancestors if a.i != tok.i)
                continue
            if ent is not None:  # (a known armed group the tagger typed a place: "the M23 rebel group")
                full = org_code(ent.name) or (_org_prefix(ent.name) if ent.type == "ORG" else None)
                if full and " " in full:
                    country = full.split()[0]
                    sector = sector or full.split()[1]
                    continue
                if full in ("IGO", "NGO"):  # "the APEC forum": a body of no one country
                    country = full
                    continue
        if not sector and t.pos_ in ("NOUN", "PROPN"):
            sector = sector_of_noun(t.lemma_, t.text) or group_sectors(modifiers=True).get(t.lemma_.lower())
            if sector and (t.dep_ == "poss" or any(a.dep_ == "poss" for a in t.ancestors if a.i != tok.i)):
                via_poss = True  # "President Reagan's statement": the title belongs to the owner
    if tok.lemma_.lower() in _GROUP_MEMBER:
        group = _of_group_sector(tok) or next(
            (group_sectors()[c.lemma_.lower()] for c in tok.lefts
             if c.dep_ in ("compound", "amod") and c.lemma_.lower() in group_sectors()), None)
        if group:  # "leaders of the opposition coalition", "opposition leaders", "rebel leader"
            sector = group
    if not sector and head_ent is not None and head_ent.type == "PERSON":
        sector = _title_sector(toks)
    if head_ent is not None and head_ent.type == "PERSON" and not (country and sector) and _depth < 1:
        fuller = _fuller_mention(tok, head_ent, index)
        if fuller is not None:
            more = code_actor(fuller, index, _depth=_depth + 1)
            if more is not None and more.code:
                parts = more.code.split()
                if len(parts) == 2:
                    country, sector = country or parts[0], sector or parts[1]
                elif gazetteer.country_name(parts[0]):
                    country = country or parts[0]
                else:
                    sector = sector or parts[0]
    if any(c.lower_ == "ethnic" for c in tok.lefts) and gazetteer.is_demonym(tok.text) \
            and not _located_in(tok, index, of=True):
        # "ethnic Albanians": a people, not a state; the events stage places them by the sentence
        return Actor(name=_phrase_text(toks), entity=None, code=None)
    located = _located_in(tok, index, of=True) if gazetteer.is_demonym(tok.text) else None
    if located and located != country:
        # "ethnic Albanians in south Serbia": an ethnic label is no state; where they live is
        country = located
        sector = None if head_country else sector
        head_country = False
    if not country:
        country = _located_in(tok, index, depth=_depth)
    if not country and head_ent is not None and head_ent.type == "PERSON":
        hit = known_surname(head_ent.name)  # last: the sentence's own words come first ("Hassan of Morocco")
        if hit is not None:
            country, sector = hit[0], sector or hit[1]
    if country is None and sector is None and head_ent is None:
        return None
    head_known = head_country or group_sectors().get(tok.lemma_.lower()) or any(  # "Iran's army", "Iran's
        group_sectors(modifiers=True).get(c.lemma_.lower())  # intelligence service": the body is named
        for c in tok.lefts if c.dep_ == "compound")
    if via_poss and head_ent is None and not head_known:
        return None  # "Colombia's bid": the possessor is the actor, not the thing possessed
    if country and not sector and head_country:
        sector = "GOV"  # a bare country acts through its government (PLOVER/CAMEO convention)
    code = join_codes(country, sector)
    if head_ent is None:
        name = _phrase_text(toks).split("\n")[-1].strip() or tok.text  # never across lines
    if country and sector == "GOV" and _names_state(tok, head_ent):
        # "Washington", "the Kremlin", "Moscow" acting: the state is the canonical actor (PLOVER/CAMEO)
        name = gazetteer.country_name(country) or name
    text = _phrase_text(toks).split("\n")[-1].strip() or tok.text
    return Actor(name=name, entity=entity_id, code=code, text=text, span=(start, end))


def _names_state(tok, ent: Entity | None) -> bool:
    """True when the head word itself names a country or its seat of power, not a body or place in it."""
    if group_sectors().get(tok.lemma_.lower()) or gazetteer.is_demonym(tok.text):
        return False  # "the government", "the army", "Americans": the body or people the sentence names
    name = ent.name if ent is not None else tok.text
    if ent is not None and ent.type not in ("GPE", "ORG", "FAC", "LOC", "NORP"):
        return False
    return bool(gazetteer.country_code(name, demonyms=False) or gazetteer.metonym(name)
                or gazetteer.country_code(tok.text, demonyms=False) or gazetteer.metonym(tok.text))


def _fuller_mention(tok, ent: Entity, index: MentionIndex):
    """Another mention of the same person with more context ("U.S. Secretary of State John Kerry" for "Kerry").

    The entities stage links "Kerry" to "John Kerry" when it can; until then the
    first mention of a person whose name ends with this one stands in.
    """
    doc = tok.doc
    surname = ent.name.split()[-1]
    candidates = [ent] + [e for e in index.by_id.values()
                          if e is not ent and e.type == "PERSON" and e.name.split()[-1] == surname]
    for cand in candidates:
        for s, e in cand.mentions:
            if s == tok.idx or (s <= tok.idx < e):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and any(t.dep_ in _MOD_DEPS for t in span.root.lefts):
                return span.root
    return None


def _org_prefix(name: str) -> str | None:
    """Code of a known organisation that starts a longer name ("United Nations Emergency Relief Coordinator")."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        hit = org_code(" ".join(words[:n]))
        if hit and " " in hit:
            return hit
    return None


def _of_group_sector(tok) -> str | None:
    """Sector of the group in "leaders of the opposition coalition", "members of the rebel group"."""
    for p in tok.rights:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj":
                    for t in [o] + [c for c in o.lefts if c.dep_ in ("compound", "amod")]:
                        sector = group_sectors().get(t.lemma_.lower())
                        if sector:
                            return sector
    return None


def _owner_country(tok, index: MentionIndex) -> str | None:
    for c in tok.lefts:
        if c.dep_ in ("poss", "amod", "compound"):
            ent = index.at(c.idx, c.idx + len(c))
            hit = _country_of_text(ent.name if ent is not None else c.text)
            if hit:
                return hit[0]
    return None


def _located_in(tok, index: MentionIndex, *, of: bool = False, depth: int = 1) -> str | None:
    """Country of a group placed by "in/from X" ("opposition groups in Zimbabwe", "rebels from Darfur").

    People "from" a coded body belong to its country ("doctors from two American aid groups",
    "activists from the Fatah party"): the body is coded as an actor of its own (one level deep).
    """
    for p in tok.rights:
        if p.dep_ == "prep" and (p.lower_ in ("in", "from") or of and p.lower_ == "of"):
            for o in p.children:
                if o.dep_ == "pobj":
                    ent = index.at(o.idx, o.idx + len(o))
                    hit = _country_of_text(ent.name if ent is not None else o.text) or _country_of_text(o.text)
                    if hit:
                        return hit[0]
                    if p.lower_ == "from" and depth < 1:
                        body = code_actor(o, index, _depth=1)
                        first = body.code.split()[0] if body is not None and body.code else None
                        if first and gazetteer.country_name(first):
                            return first
    return None


def _is_event_noun(tok) -> bool:
    return tok.pos_ != "PROPN" and is_event_noun(tok.lemma_.lower())


def _inside(t, ent: Entity) -> bool:
    return any(s <= t.idx < e for s, e in ent.mentions)


def _title_sector(toks: Iterable) -> str | None:
    words = [t.text for t in toks if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            role = gazetteer.title_role(" ".join(words[i:i + n]))
            if role:
                return role
    return None
