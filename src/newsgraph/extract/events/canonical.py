"""Canonical actor names: the actor an analyst would file an event under, not the sentence's words.

The sentence's words stay in ``Actor.text``; ``Actor.name`` becomes the canonical
actor (issue 11):

- **Role nouns name the person who holds the role.** "The prime minister", "the
  ageing leader", "the president" (with "the" or a possessive) resolve to the
  person of the article whose titles match the role (``lexicons/quote_roles.tsv``,
  shared with quote attribution), the most recently named one first; failing
  that, the one person an earlier sentence gives the role with "as" ("X
  resigned as president"). Nothing changes when no one in the article holds the role.
- **A noun with a named person in apposition is that person** ("the defendant,
  President X").
- **A country's armed forces are one actor.** "The military", "Zimbabwe's
  army", "soldiers", "generals" of a known country are its army: "<Demonym>
  army" (code ``XXX MIL``), so that one institution is not split over five
  spellings. Navies, air forces and police keep their own names.
- **Things are no actors.** A facility, natural force, document or quantity left
  in a slot without a code ("shut the metro") leaves the slot empty instead.
- **Places and counts name groups, not numbers.** "People in Lima" are "Lima
  residents"; "one attacker", "two or three gunmen" are "attackers", "gunmen" (a
  count differs from report to report, the group does not). A bare "parliament"
  of a coded country is "parliament of <country>".
- **A capital that runs its own city is the city.** "Lima shut its metro and urged
  residents to stay home" is "Lima authorities"; a capital acting for its state
  ("Lima recalled its ambassador") stays the state.
- **"The ruling party" is the party the article calls ruling** ("the ruling Unity
  Front party"), when it names exactly one.
- **"The council" after "the Security Council" is that council.** A bare definite
  noun that is the last word of an organisation the article named before is that
  organisation (its code too: a council is not coded with the country of the
  sentence it sits in).
- **"The North" after "North Korea" is North Korea**: "the" and the first word of a
  country named before.
- **A place asked to vote is its voters.** "Urged the country to vote No": the
  appeal is to the electorate.
- **A crowd that protests is "protesters".** "Crowds rallied", "thousands of
  students marched", "Koreans took to the streets": the group a protest makes of
  them (PLOVER's OPP sector), not the people of a country or a count.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ...model import Actor, Entity, Event
from .. import gazetteer
from ..actors import entity_codes, is_non_actor, join_codes, noun_kind, sector_of_noun
from ..quote_issuers import role_titles
from ..doc_memo import sentence_of

_ARMY_WORDS = frozenset({"army", "military", "soldier", "troop", "general", "armed forces", "tank"})
_CROWD_WORDS = frozenset({"crowd", "demonstrator", "protester", "protestor", "people", "resident", "citizen",
                          "thousand", "hundred", "dozen", "student", "worker", "crowds", "throng", "mob"})
_TRADES = frozenset({"worker", "student", "employee"})
_DESCRIPTIVE = frozenset({"ageing", "aging", "elderly", "nonagenarian", "octogenarian", "veteran", "embattled",
                          "beleaguered", "longtime", "long-time", "outgoing", "defiant", "new", "top", "ousted",
                          "deposed", "toppled", "impeached"})


def _head(doc, actor: Actor):
    if actor.span is None:
        return None
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _country(actor: Actor) -> str | None:
    first = (actor.code or "").split(" ")[0]
    return first if len(first) == 3 and gazetteer.country(first) is not None else None


def _army(actor: Actor, head) -> Actor | None:
    """"Zimbabwe's military", "the generals" -> "Zimbabwean army" when the country is known."""
    if actor.entity is not None or not (actor.code or "").endswith(" MIL"):
        return None
    lemma = head.lemma_.lower() if head is not None else actor.name.split()[-1].lower().rstrip("s")
    words = actor.name.lower()
    if lemma not in _ARMY_WORDS and "armed forces" not in words:
        return None
    if any(w in words for w in ("navy", "naval", "air force", "marine", "coast guard", "police")):
        return None
    if head is not None and _foreign_force(head):
        return None
    country = gazetteer.country(_country(actor) or "")
    if country is None or not country.demonyms:
        return None
    return replace(actor, name=f"{country.demonyms[0]} army", text=actor.text or actor.name)


def _foreign_force(head) -> bool:
    """"Soldiers from Chad" (serving in Mali), "U.N. troops", "peacekeeping soldiers", "NATO troops": a force
    sent from elsewhere or serving a body is no army of the country where it stands."""
    if any(p.dep_ == "prep" and p.lower_ == "from" for p in head.children) or head.dep_ == "dobj" and any(
            p.dep_ == "prep" and p.lower_ == "from" and p.i == head.i + 1 for p in head.head.children):
        return True  # (the parser often hangs "from Chad" on the verb: "killing three soldiers from Chad")
    return any(m.dep_ in ("compound", "amod", "nmod") and (m.ent_type_ == "ORG" or m.lemma_.lower().startswith(
        "peacekeep")) for m in head.lefts)


def _protesters(actor: Actor, head) -> Actor | None:
    """A crowd or a people as the source of a protest -> "protesters"."""
    people = head is not None and (gazetteer.is_demonym(head.text) or head.ent_type_ == "NORP")
    if actor.entity is not None and not people:
        return None
    sector = (actor.code or "").split(" ")[-1]
    if sector in ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "IGO", "NGO", "BUS", "MED"):
        return None
    last = actor.name.split()[-1] if actor.name.split() else ""
    lemma = head.lemma_.lower() if head is not None else last.lower().rstrip("s")
    if lemma in _TRADES and any(c.dep_ == "compound" for c in head.lefts):
        return None  # "dock workers struck", "medical students marched": a group named by its trade keeps it
    if lemma in _CROWD_WORDS or last.lower() in _CROWD_WORDS or people and head.text.endswith("s") \
            or gazetteer.is_demonym(last) and last.endswith("s"):
        return replace(actor, name="protesters", text=actor.text or actor.name)
    return None


def _victims(actor: Actor, head) -> Actor | None:
    """"killed 31 people": a count of people killed in a country is an attack on that country (PLOVER
    codes the target by the country hit, as CAMEO coders do); a named group keeps its name."""
    if head is None or head.lemma_.lower() not in ("people", "person", "civilian", "resident"):
        return None
    if not any(c.dep_ in ("nummod", "quantmod", "amod") and (c.like_num or c.pos_ == "NUM") for c in head.subtree):
        return None
    country = _country(actor)
    name = gazetteer.country_name(country) if country else None
    return replace(actor, name=name, text=actor.text or actor.name) if name else None


_DWELLERS = frozenset({"people", "resident", "citizen", "inhabitant"})


def _residents(actor: Actor, head) -> Actor | None:
    """"told people in Lima to stay home" -> "Lima residents": the people of a place, named by it."""
    if head is None or actor.entity is not None or head.lemma_.lower() not in _DWELLERS:
        return None
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "of"):
            for o in p.children:
                if o.dep_ == "pobj" and o.ent_type_ == "GPE":
                    place = " ".join(t.text for t in o.subtree if t.ent_type_ == "GPE")
                    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
                            and c.ent_type_ in ("GPE", "NORP")]
                    if mods:  # "French citizens in Mali": foreigners in a place are not its residents
                        first = min(t.i for m in mods for t in m.subtree)
                        words = head.doc[first:head.i + 1].text
                        return replace(actor, name=f"{words} {p.lower_} {place}", text=actor.text or actor.name)
                    return replace(actor, name=f"{place} residents", text=actor.text or actor.name)
    return None


def _counted_group(actor: Actor, head) -> Actor | None:
    """"one attacker", "two or three gunmen" -> "attackers", "gunmen": a count is no part of a group's
    name (reports count the same group differently); what the people are is."""
    if head is None or actor.entity is not None or head.pos_ != "NOUN" or head.lemma_.lower() in _DWELLERS:
        return None
    if not any(c.dep_ == "nummod" for c in head.children):
        return None
    if noun_kind(head.text) != "people" and not sector_of_noun(head.lemma_, head.text):
        return None
    if head.lemma_.lower() in ("man", "woman", "person", "child"):
        return None  # "a lone attacker fired": no group named
    mods = [c.text for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i and not c.like_num]
    lemma = head.lemma_.lower()
    plural = head.lower_ if head.tag_ == "NNS" else lemma[:-3] + "men" if lemma.endswith("man") else lemma + "s"
    return replace(actor, name=" ".join(mods + [plural]), text=actor.text or actor.name)


def _role_titles(head) -> tuple[str, ...] | None:
    """The titles a role noun refers to ("the prime minister" -> prime minister|premier), or None."""
    if head is None or head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    bare = head.dep_ == "nsubj" and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
    # a singular count noun with no determiner as a subject is headline style ("Ousted leader resigns"):
    # the role is as definite as "the leader"
    if not bare and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss"
                            for c in head.children):
        return None
    if any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.ent_type_ not in ("GPE", "NORP")
                                                         for o in p.children) for p in head.children):
        return None  # "the leader of the gang", "president of the club": another body's office
    roles = role_titles()
    lemma = head.lemma_.lower()
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
    if any(m.lower_ not in _DESCRIPTIVE and m.ent_type_ not in ("NORP", "GPE") for m in mods):
        key = " ".join([m.lower_ for m in mods] + [lemma])
        return roles.get(key)  # "the opposition leader", "the deputy minister": only a listed office
    return roles.get(lemma)


_LESSER = frozenset({"vice", "deputy", "former", "ex", "assistant", "under", "acting", "interim", "junior"})


def _holds(title: str, role: str) -> bool:
    """Does a person titled ``title`` hold ``role``? "prime minister" holds "minister"; "vice president"
    does not hold "president" (the role noun names the office itself, not its deputy)."""
    words, want = title.replace("-", " ").split(), role.replace("-", " ").split()
    if len(words) < len(want) or words[len(words) - len(want):] != want:
        return False
    return not (set(words[:len(words) - len(want)]) & _LESSER)


def _person(titles: Sequence[str], actor: Actor, entities: Sequence[Entity], before: int) -> Entity | None:
    country = _country(actor)
    fits = []
    for ent in entities:
        if ent.type != "PERSON" or not ent.mentions or len(ent.name.split()) < 2:
            continue
        if not any(_holds(title.lower(), t) for title in ent.titles for t in titles):
            continue
        if country and ent.country and ent.country != country:
            continue
        fits.append(ent)
    if not fits:
        return None
    earlier = [e for e in fits if e.mentions[0][0] < before]
    pool = earlier or fits
    return max(pool, key=lambda e: (max((m[0] for m in e.mentions if m[0] < before), default=-1), len(e.mentions)))


def _role(actor: Actor, head, entities: Sequence[Entity]) -> Actor | None:
    if actor.entity is not None:
        return None
    titles = _role_titles(head)
    if not titles:
        return None
    ent = _person(titles, actor, entities, head.idx) or _person_as(titles, head, entities)
    if ent is None:
        return None
    return replace(actor, name=ent.name, entity=ent.id, text=actor.text or actor.name)


def _apposed(actor: Actor, head, entities: Sequence[Entity]) -> Actor | None:
    """"the defendant, President X", "his deputy, X": a common noun with a named person in apposition is
    that person."""
    if actor.entity is not None or head is None or head.pos_ != "NOUN":
        return None
    for c in head.children:
        if c.dep_ != "appos":
            continue
        ent = next((e for e in entities if e.type == "PERSON" and any(s <= c.idx < e_ for s, e_ in e.mentions)),
                   None)
        if ent is not None:
            return replace(actor, name=ent.name, entity=ent.id, text=actor.text or actor.name)
    return None


def _person_as(titles: Sequence[str], head, entities: Sequence[Entity]) -> Entity | None:
    """The one person an earlier sentence gives the role with "as" ("X resigned as president", "Y served
    as prime minister"), when no person carries it as a title: "the president" later is that person."""
    spans = [(m, ent) for ent in entities if ent.type == "PERSON" for m in ent.mentions]
    found: set[str] = set()
    out = None
    for tok in head.doc[:sentence_of(head).start]:
        if tok.dep_ != "pobj" or tok.head.lower_ != "as" or tok.pos_ != "NOUN" or any(
                c.dep_ in ("amod", "compound", "poss") for c in tok.children):
            continue  # "as party leader", "as the country's leader": another or a qualified office
        if not any(_holds(tok.lemma_.lower(), t) for t in titles):
            continue
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        ent = next((e for (start, end), e in spans if start <= subj.idx < end), None)
        if ent is not None and len(ent.name.split()) >= 2:
            found.add(ent.id)
            out = ent
    return out if len(found) == 1 else None


_INSTITUTIONS = frozenset({"parliament", "assembly", "court", "senate", "congress", "cabinet", "government",
                           "ministry", "legislature", "prosecutor", "prosecutors", "council", "commission",
                           "judiciary", "presidency", "embassy", "regulator", "parliamentarians", "lawmakers"})


_BODIES = frozenset({"parliament", "assembly", "senate", "congress", "legislature"})  # one per country


def _institution(actor: Actor, head) -> Actor | None:
    """"Zimbabwe's parliament", "Peru's top court" -> "parliament of Zimbabwe", "top court of Peru":
    one name for a state's institution however the sentence words it. A bare "parliament" of an
    actor coded with its country is that country's parliament too (a state has one legislature)."""
    if head is None or head.lower_ not in _INSTITUTIONS or actor.entity is not None:
        return None
    poss = [c for c in head.children if c.dep_ == "poss"]
    if not poss and head.lower_ in _BODIES and head.tag_ == "NN" and _country(actor) and not any(
            c.dep_ in ("amod", "compound", "prep") for c in head.children):
        # "was impeached by parliament": the one parliament of the country the actor is coded with
        name = gazetteer.country_name(_country(actor))
        return replace(actor, name=f"{head.text.lower()} of {name}", text=actor.text or actor.name) if name else None
    if len(poss) != 1 or poss[0].ent_type_ != "GPE":
        return None
    country = gazetteer.country_code(poss[0].text)
    name = gazetteer.country_name(country) if country else None
    if not name:
        return None
    mods = [t.text for t in head.lefts if t.dep_ in ("amod", "compound") and t.i > poss[0].i]
    return replace(actor, name=" ".join(mods + [head.text]) + f" of {name}", text=actor.text or actor.name)


# what a state, not a city, owns: "Washington closed its embassy", "Lima sealed its borders"
_NATIONAL = frozenset({"border", "airspace", "embassy", "consulate", "territory", "water", "coast", "coastline",
                       "frontier", "port"})


def _city_authorities(actor: Actor, head) -> Actor | None:
    """"Lima shut its metro and urged residents to stay home" -> "Lima authorities": a capital that acts
    on its own streets, schools or transport is the city's government, not the state's (a capital standing
    for its state acts abroad or on the country: "Lima recalled its ambassador")."""
    met = gazetteer.metonym_info(actor.text or "") if head is not None else None
    if met is None or not met.capital or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    verbs = [verb, *verb.conjuncts]
    owned = [o for v in verbs for o in v.children if o.dep_ == "dobj"
             and any(c.dep_ == "poss" and c.lower_ == "its" for c in o.children)]
    names = [w for o in owned for w in (o, *(c for c in o.children if c.dep_ == "compound"))]  # "metro system"
    if not any(noun_kind(w.text) == "place" and w.lemma_.lower() not in _NATIONAL for w in names):
        return None
    # a description of the city's government, not the place entity the name links to
    return replace(actor, name=f"{met.name} authorities", entity=None, text=actor.text)


_POLITIES = frozenset({"country", "nation", "state", "province", "region", "city", "electorate", "public"})


def _electorate(actor: Actor, head) -> Actor | None:
    """"urged the country to vote No" -> "voters": a place asked to vote is its electorate."""
    if head is None or head.lemma_.lower() not in _POLITIES or head.dep_ != "dobj" or not any(
            c.dep_ == "xcomp" and c.lemma_ == "vote" for c in head.head.children):
        return None
    return replace(actor, name="voters", text=actor.text or actor.name)


def _ruling_party(actor: Actor, head, doc, entities: Sequence[Entity]) -> Actor | None:
    """"the ruling party" -> the one party the article calls ruling ("the ruling Unity Front party",
    "the ruling party, Unity Front"): a description of a body the report names elsewhere."""
    if head is None or actor.entity is not None or head.lemma_.lower() != "party" or not any(
            c.dep_ == "amod" and c.lower_ == "ruling" for c in head.children):
        return None
    found = []
    for ent in entities:
        if ent.type != "ORG":
            continue
        for s, e in ent.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            noun = span.root.head if span.root.dep_ in ("compound", "appos") else span.root
            if noun.lemma_.lower() == "party" and any(c.dep_ == "amod" and c.lower_ == "ruling"
                                                       for c in noun.children):
                found.append(ent)
                break
    if len(found) != 1:
        return None
    return replace(actor, name=found[0].name, entity=found[0].id, text=actor.text or actor.name)


# kinds of body a report shortens a name to ("the council", "the agency"); not "union", "bank" or "party",
# which as often name another body of that kind, nor "army" or "government", most often the state's own
_BODY_KINDS = frozenset({"council", "court", "commission", "committee", "agency", "tribunal", "assembly", "ministry",
                         "authority", "alliance", "organisation", "organization", "board", "bureau", "fund",
                         "association", "federation"})


def _named_body(actor: Actor, head, entities: Sequence[Entity]) -> Actor | None:
    """"failed to agree ... the council" after "the U.N. Security Council": a bare definite noun naming an
    organisation's kind is the organisation last named with that word closing its name."""
    if actor.entity is not None or head is None or head.tag_ != "NN" or head.lower_ not in _BODY_KINDS \
            or [c.lower_ for c in head.children if c.dep_ in ("det", "poss", "amod", "compound", "nmod", "prep")] \
            not in (["the"], ["the", "same"]):  # "the same court": the one named before
        return None
    noun = head.lemma_.lower()
    best = _last_named(entities, head, lambda ent: ent.type == "ORG" and len(ent.name.split()) >= 2
                       and ent.name.split()[-1].lower() == noun)
    if best is None:
        return None
    code = join_codes(*entity_codes(best, best.name))
    if actor.code and (not code or actor.code.split()[-1] == code):
        code = actor.code  # "the same court" placed in the article's country: the body named has no country word
    return replace(actor, name=best.name, entity=best.id, code=code, text=actor.text or actor.name)


def _bloc(actor: Actor, head, entities: Sequence[Entity]) -> Actor | None:
    """"the bloc", "the 27-nation bloc" after "the European Union": the union of states last named."""
    if actor.entity is not None or head is None or head.lower_ != "bloc" \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or not all(
                any(t.like_num or t.lower_ in ("nation", "member", "country") for t in c.subtree)
                for c in head.children if c.dep_ in ("amod", "compound", "nmod", "nummod")):
        return None  # (not "the opposition bloc", "the ruling bloc": a bloc of parties, not of states)
    best = _last_named(entities, head, lambda ent: ent.role == "IGO")
    if best is None:
        return None
    return replace(actor, name=best.name, entity=best.id, code=join_codes(*entity_codes(best, best.name)),
                   text=actor.text or actor.name)


def _short_country(actor: Actor, head, entities: Sequence[Entity]) -> Actor | None:
    """"the North threatened" after "North Korea": "the" and the first word of a country named before is
    that country (the Koreas, the Sudans), not an unknown party."""
    if actor.code or head is None or head.tag_ != "NNP" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    ent = _last_named(entities, head, lambda e: e.type == "GPE" and len(e.name.split()) == 2
                      and e.name.split()[0] == head.text and e.id != actor.entity
                      and gazetteer.country_code(e.name) is not None)
    if ent is None:
        return None
    return replace(actor, name=ent.name, entity=ent.id, code=f"{gazetteer.country_code(ent.name)} GOV",
                   text=actor.text or actor.name)


def _last_named(entities: Sequence[Entity], head, keep) -> Entity | None:
    """The entity ``keep`` accepts that the article names last before ``head`` (the first listed on a tie;
    None when none is named before it): what "the council", "the bloc", "the North" take up."""
    best, best_at = None, -1
    for ent in entities:
        if keep(ent):
            at = max((s for s, _ in ent.mentions if s < head.idx), default=-1)
            if at > best_at:
                best, best_at = ent, at
    return best


def canonical_actors(doc, events: Sequence[Event], entities: Sequence[Entity]) -> list[Event]:
    """``events`` with each source and target under its canonical name (see the module doc)."""
    out: list[Event] = []
    for ev in events:
        changes = {}
        for slot in ("source", "target"):
            actor = getattr(ev, slot)
            if actor is None:
                continue
            words = actor.name.split()
            if (actor.entity is None or actor.name[:1].islower() or len(words) == 1) and words \
                    and is_non_actor(words[-1].lower()) and not actor.code:  # ("Debris" opening a sentence)
                changes[slot] = None  # "shut the metro", "the quake": no participant rather than a thing
                continue
            head = _head(doc, actor)
            new = _apposed(actor, head, entities) or _role(actor, head, entities) or _army(actor, head) \
                or _institution(actor, head) or _city_authorities(actor, head) \
                or _ruling_party(actor, head, doc, entities) or _named_body(actor, head, entities) \
                or _short_country(actor, head, entities) or _bloc(actor, head, entities)
            if new is None and slot == "target" and ev.type == "ASSAULT":
                new = _victims(actor, head)
            if new is None and slot == "target" and ev.type in ("REQUEST", "DEMAND"):
                new = _electorate(actor, head)
            if new is None and slot == "source" and ev.type == "PROTEST":
                new = _protesters(actor, head)
            new = new or _residents(actor, head) or _counted_group(actor, head)
            if new is not None:
                changes[slot] = new
        out.append(replace(ev, **changes) if changes else ev)
    return out
