"""Tokens to actors and event nouns: is this word an actor, an event noun, whose act is it?

``_noun_type`` types a noun through the trigger lexicon (with the lexicon entry's
conditions checked on the parse); the ``_*actor*`` helpers find the actor token in
a prepositional phrase or the agent of a nominal event ("Moscow's support",
"talks between A and B", "the deployment of NATO troops").
"""

from __future__ import annotations

from typing import Sequence

from .. import gazetteer
from ..actors import PRONOUNS, code_actor, is_non_actor, noun_kind, sector_of_noun
from ..event_lexicon import Entry, entries, is_event_noun
from ..linking import MentionIndex
from ..numbers import names_currency
from .argument_words import _SENDING
from .syntax import _counted, _for_marks, _indefinite, _infinitive, _mods, _objects, _preps, _subject
from ..doc_memo import sentence_of

_TARGET_PREPS = ("with", "to", "against", "on", "for", "between", "among", "toward", "towards", "at", "into",
                 "from", "over", "upon", "in", "of", "about")
_PREP_RANK = {p: i for i, p in enumerate(_TARGET_PREPS)}

_OWN_FORCES_TYPES = frozenset({"RETREAT", "MOBILIZE", "AID", "AGREE"})  # "withdrew its tanks": not a target
# machines of war or transport: what they do is done by those who run them
_HARDWARE = frozenset({"aircraft", "plane", "helicopter", "jet", "drone", "tank", "ship", "vessel", "boat", "truck",
                       "vehicle", "warplane", "warship"})
_MONEY_NOUNS = frozenset({"fund", "funds", "money", "cash", "loan", "grant", "tranche", "budget"})


def _satisfied(entry: Entry, tok, *, as_object: bool, index: MentionIndex) -> bool:
    for need in entry.needs:
        kind, _, arg = need.partition(":")
        opts = set(arg.split("|")) if arg else set()
        if kind == "objonly":
            if not as_object:
                return False
        elif kind == "xcomp":  # "warned X to leave" (the parser sometimes hangs the infinitive as advcl)
            if not any(c.dep_ == "xcomp" or c.dep_ == "advcl" and _infinitive(c)
                       and any(o.dep_ in ("dobj", "dative") for o in tok.children) for c in tok.children):
                return False
        elif kind == "prt":  # "called on X", not "called X a traitor on Monday"
            if not any(c.lower_ in opts and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
                       for c in _preps(tok)):
                return False
        elif kind == "compl":  # "swore to avenge", "swore that": a pledge; "was sworn in" takes an office
            if not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and _infinitive(c)
                       for c in tok.children):  # (the parser sometimes hangs the infinitive as advcl)
                return False
        elif kind == "under":  # "spoke on a call with reporters": a noun set in a phrase of time or channel,
            # with no "for"/"to" complement of its own, is a conversation, not "a call for calm"
            if tok.dep_ == "pobj" and tok.head.lower_ in opts and not any(
                    c.dep_ == "prep" and c.lower_ in ("for", "to", "on") or c.dep_ in ("acl", "relcl") and
                    _infinitive(c) for c in tok.children):
                return False
        elif kind == "clause":  # "warned that any attack would be met with a response": the clause's words
            if not any(w.lemma_.lower() in opts for c in tok.children if c.dep_ in ("ccomp", "xcomp", "advcl")
                       for w in c.subtree):
                return False
        elif kind == "pobj":  # "searched for survivors", "removed X from office": what the preposition governs
            if not any(o.lemma_.lower() in opts or o.lower_ in opts for p in _preps(tok)
                       for o in p.subtree if o.dep_ == "pobj"):
                return False
        elif kind == "noobj":  # "thousands demonstrated", not "the firms demonstrated a belief": no direct object
            if any(c.dep_ == "dobj" for c in tok.children):
                return False
        elif kind == "left":  # "withdrew from the talks", "pulled out of the deal": what is left, never a
            # phrase of the way it was done ("withdrew from the town under the agreement")
            left = [p for p in _preps(tok) if p.lower_ in ("from", "of")]
            left += [q for p in _preps(tok) if p.lower_ == "out" for q in p.children if q.lower_ == "of"]
            if not any(o.lemma_.lower() in opts or o.lower_ in opts for p in left
                       for o in p.children if o.dep_ == "pobj"):
                return False
        elif kind == "nopeople":  # "the minister arrived in Kyiv" is a visit; "the children arrived home" is not
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and noun_kind(subj.text) is not None:
                return False  # (nor "buses carrying the prisoners arrived": a thing visits no one)
        elif kind == "subj":  # "tanks rolled into the capital": what moves makes it a deployment
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or not ({subj.lemma_.lower(), subj.lower_} | {
                    f"{m.lower_} {subj.lemma_.lower()}" for m in subj.children if m.dep_ in ("amod", "compound")}) & opts:
                return False
        elif kind == "head":  # "issued an alert": the verb that governs the noun says what it is
            if tok.head.i == tok.i or tok.head.lemma_.lower() not in opts:
                return False
        elif kind == "alone":  # "said they would appeal": no object, clause or "for"/"to" complement
            if any(c.dep_ in ("dobj", "xcomp", "ccomp") or c.dep_ in ("prep", "mark") and c.lower_ in ("for", "to")
                   for c in tok.children) or _for_marks(tok):
                return False
        elif kind == "objdef":  # "the club requires a new coach": a need to fill, not a party asked
            if any(_indefinite(o) for o in _objects(tok)):
                return False
        elif kind == "civil":  # "nurses began a strike", "went on strike": workers' strikes, not air strikes
            if not _civil_act(tok, index):
                return False
        elif kind == "mod":
            if not (_mods(tok) & opts):
                return False
        elif kind == "nomod":
            if _mods(tok) & opts:
                return False
        elif kind == "obj":
            objs = _objects(tok)
            objs = objs + [g for o in objs if noun_kind(o.text) == "quantity"  # "took dozens of hostages"
                           and (g := _counted(o)) is not None]
            if tok.tag_ == "VBN":  # the object of a passive: "attacks claimed by X", "the minister was fired"
                objs = objs + ([tok.head] if tok.dep_ == "acl" else []) + \
                    [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not objs:
                return False
            if arg.startswith("*"):
                if arg in ("*any", "*people"):
                    continue
                if arg == "*sum":  # "released $2 million", "released emergency funds": money, not captives
                    if not any(o.ent_type_ == "MONEY" or o.lemma_.lower() in _MONEY_NOUNS or names_currency(o.text)
                               for o in objs):
                        return False
                    continue
                ok = False
                for o in objs:
                    ent = index.at(o.idx, o.idx + len(o))
                    if arg != "*place" and (ent is None and is_non_actor(o.text)
                                            or ent is not None and ent.type in ("FAC", "LOC")):
                        continue  # "received a letter", "visited the Acme school": no party met
                    if arg == "*place" and (ent is not None and ent.type in ("GPE", "LOC")
                                            or o.pos_ == "NOUN"):
                        ok = True
                    if arg in ("*person", "*actor") and ent is not None and ent.type in (
                            "PERSON", "GPE", "ORG", "NORP"):
                        ok = True
                    if arg == "*holder" and o.lemma_.lower() not in _HARDWARE and (
                            ent is not None and ent.type == "PERSON" or o.pos_ == "NOUN" and (
                            sector_of_noun(o.lemma_, o.text) or noun_kind(o.text) == "people" or any(
                                a.dep_ == "appos" and (e := index.at(a.idx, a.idx + len(a))) is not None
                                and e.type == "PERSON" for a in o.children))):
                        ok = True  # "fired his deputy", "fired the coach", "dismissed the defendant, X": a person
                    if arg == "*actor" and code_actor(o, index) is not None:
                        ok = True
                if not ok:
                    return False
            elif not any(o.lemma_.lower() in opts or o.lower_ in opts
                         or any(c.dep_ == "compound" and c.lemma_.lower() in opts for c in o.children)
                         for o in objs):  # "violated the ceasefire agreement": a compound says what it is
                return False
    return True

# sectors of people who stop work to press a demand; armed forces and states strike with weapons
_CIVIL_SECTORS = frozenset({"LAB", "EDU", "MED", "CVL", "JRN", "BUS", "AGR", "JUD", "REL", "OPP"})


# words that tell a labour strike before "the strike" takes it up
_LABOUR_WORDS = frozenset({"walkout", "walkouts", "strikers", "stoppage", "picket", "pickets"})


def _civil_act(noun, index: MentionIndex) -> bool:
    """Is the event noun done by civilians: "on strike" with no article, or the act of a subject (or a
    "by" agent) that is a common noun for civilians ("teachers began a strike", "a strike called by
    the union", "the strike by rail workers")? A named state or an armed group never is."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and not any(c.dep_ == "det" for c in noun.children):
        return True  # "went on strike", "remain on strike"
    if [c.lower_ for c in noun.children] in (["the"], ["this"], ["their"]) and any(
            t.lower_ in _LABOUR_WORDS and not t.ent_type_ for t in noun.doc[max(0, noun.i - 400):noun.i]):
        return True  # "encouraged the strike" after "doctors stayed off work ... walkout": that strike
    doers = [o for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
             for o in a.children if o.dep_ == "pobj"]
    doers += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"  # "the strike by rail workers"
              for o in c.children if o.dep_ == "pobj"]
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None:
        doers += [c for c in verb.children if c.dep_ == "nsubj"]
    for doer in doers:
        if doer.pos_ != "NOUN" or index.at(doer.idx, doer.idx + len(doer)) is not None:
            continue
        sector = sector_of_noun(doer.lemma_, doer.text)
        if sector in _CIVIL_SECTORS or sector is None and noun_kind(doer.text) == "people":
            return True
    return False


def _first(tok, kind: str, index: MentionIndex, *, as_object: bool = False) -> Entry | None:
    for entry in entries(tok, kind):
        if _satisfied(entry, tok, as_object=as_object, index=index):
            return entry
    return None

def _noun_type(tok, index: MentionIndex, *, as_object: bool) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and tok.tag_ == "VBG"):
        return None
    if tok.text[:1].isupper() and tok.i != sentence_of(tok).start and not tok.text.isupper():
        return None  # "March 2011", "Fight Club": capitalised mid-sentence words are names
    if any(p.dep_ == "prep" and p.lower_ == "for" and any(o.lemma_.lower() == "comment" for o in p.children)
           for p in tok.children):
        return None  # "ignored our requests for comment": the reporter asked, no party acted
    entry = _first(tok, "noun", index, as_object=as_object)
    return entry.type if entry else None

class _NoEntities:
    """A stand-in mention index for lexicon checks that never look at entities."""

    def at(self, *_args) -> None:
        return None

_EMPTY = _NoEntities()

def _is_scene(tok, index: MentionIndex) -> bool:
    """True for a place-name modifier that says where, not who ("the Paris attacks", "the Madrid bombings").

    A country or a demonym names the actor ("Russian aid", "US strikes"); a city or a
    region modifying an event noun is the scene, even a capital (its metonymic use
    needs a possessive or a subject: "Moscow's support", "Moscow offered").
    """
    ent = index.at(tok.idx, tok.idx + len(tok))
    name = ent.name if ent is not None else tok.text
    if ent is not None and ent.type not in ("GPE", "LOC", "FAC"):
        return False
    return tok.dep_ == "compound" and gazetteer.country_code(name) is None and not gazetteer.is_demonym(tok.text)


def _looks_actor(tok, index: MentionIndex, *, people: bool = False) -> bool:
    """Can ``tok`` be an event's participant? ``people`` also admits uncoded people nouns
    ("rescued survivors", "attacked concert-goers"), a weaker reading used as a last resort."""
    if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
        return tok.lower_ in PRONOUNS
    if people and tok.pos_ == "NOUN" and noun_kind(tok.text) == "people":
        return True
    if code_actor(tok, index) is not None:
        return True
    # "the decision to push Smith out": a bare surname the recognizer missed, of a person the article named
    # in full before (``_code_all`` codes it as that person)
    ent = index.person_parts().get(tok.text) if tok.pos_ == "PROPN" else None
    return ent is not None and bool(ent.mentions) and min(m[0] for m in ent.mentions) < tok.idx \
        and index.at(tok.idx, tok.idx + len(tok)) is None

def _pobj_actor(tok, index: MentionIndex, *, depth: int = 0):
    """The actor token inside a prepositional object; event nouns give their own agent ("over Moscow's support")."""
    thing = tok.pos_ == "NOUN" and is_non_actor(tok.text) and index.at(tok.idx, tok.idx + len(tok)) is None \
        or tok.ent_type_ in ("TIME", "DATE")  # "a curfew from 9 p.m. to 6 a.m.": a time is no party
    if _looks_actor(tok, index) and not thing:  # "from the ruins of a church": a site acts on no one
        return tok
    if depth < 2:
        for c in tok.children:
            if c.dep_ in ("poss",) and c.pos_ != "PRON" and _looks_actor(c, index):
                return c  # "over Moscow's support"; "its troops" names no other party
        if tok.pos_ == "NOUN" and is_event_noun(tok.lemma_.lower()):
            agents = _noun_agents(tok, index)  # "opposed to French mediation" -> France
            if agents:
                return agents[0]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from") and not (
                    c.lower_ == "of" and tok.lemma_.lower() == "death"):  # "over the death of X": X died
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = _pobj_actor(p, index, depth=depth + 1)
                        if found is not None:
                            return found
    return None

def _talks_venue(tok, index: MentionIndex) -> bool:
    """Is ``tok`` talks or a meeting, or a verb holding them ("hold talks in Geneva")? Its "in" place is the
    venue, no party to the talks."""
    return any(_noun_type(t, index, as_object=True) == "CONSULT"
               for t in [tok, *(o for o in tok.children if o.dep_ == "dobj")])


def names_event(tok) -> bool:
    """Is ``tok`` no noun, or a noun naming an act, itself or by its compound ("a mediation effort")?"""
    return tok.pos_ != "NOUN" or any(is_event_noun(t.lemma_.lower()) for t in (tok, *tok.children)
                                     if t is tok or t.dep_ == "compound")


_WATERS = frozenset({"gulf", "sea", "ocean", "strait", "straits", "bay", "channel", "river", "lake"})


# "at the request / invitation / behest of X": the one who asked for the act
_ASKING = frozenset({"request", "invitation", "behest", "urging", "initiative", "instruction", "order", "orders"})

# prepositions of a reason: "sanctions on Iran over its drone supply" names the party after "on"
_REASON_PREPS = frozenset({"over", "about"})


def first_prep_target(toks, index: MentionIndex, *, exclude: Sequence = (), in_ok: bool = False):
    """The first party a prepositional phrase of ``toks`` (the verb, then the trigger's nouns) names; a
    party named only as a reason ("over its supply of drones") yields to one a later token names."""
    reason = None
    for t in toks:
        found = _prep_targets(t, index, exclude=exclude, in_ok=in_ok)
        if found and found[0].head.lower_ in _REASON_PREPS:
            reason = reason or found[0]
        elif found:
            return found[0]
    return reason


def _prep_targets(tok, index: MentionIndex, *, exclude: Sequence = (), in_ok: bool = False) -> list:
    """Actor tokens in ``tok``'s prepositional phrases, best preposition first."""
    found = []
    for p in tok.children:
        if p.dep_ == "dative" and p.pos_ in ("NOUN", "PROPN", "PRON"):  # "gave Tanzania a grant"
            if _looks_actor(p, index) and p not in exclude:
                found.append((-1, p))
            continue
        if p.dep_ not in ("prep", "dative") or p.lower_ not in _PREP_RANK or p.lower_ == "by":
            continue
        if p.lower_ == "from" and (tok.lemma_.lower() in _SENDING or tok.lemma_.lower() == "fly"):
            continue  # "sent planes from Croatia and Italy": where they come from, not who gets them
        if p.lower_ == "between" and not names_event(tok):
            continue  # "to finance a rail line between Mumbai and Ahmedabad": a thing's two ends, no parties
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if p.lower_ == "in" and (not in_ok or o.lemma_.lower() == "court" and not any(
                    c.dep_ in ("det", "poss", "compound", "amod") for c in o.children) or _talks_venue(tok, index)):
                continue  # "in Baghdad": where, used as the affected party only as a last resort; "in court": how
            if p.lower_ in ("at", "on", "upon") and o.lemma_.lower() in _ASKING:
                continue  # "will meet at the request of Washington": who asked, not who is met
            if p.lower_ == "with" and o.lower_ == "force" and not any(
                    c.dep_ in ("det", "poss", "nummod") for c in o.children):
                continue  # "would respond with force": how, not against whom
            if o.lemma_.lower() in _WATERS and o.pos_ == "PROPN" or o.lower_ == "waters":
                continue  # "seized a tanker in the Gulf of Oman": a sea is where, never who
            actor = _pobj_actor(o, index)
            if actor is not None and actor not in exclude:
                found.append((_PREP_RANK[p.lower_], actor))
    found.sort(key=lambda x: (x[0], x[1].i))
    return [t for _, t in found]

def _noun_agents(noun, index: MentionIndex) -> list:
    """Who does a nominal event: its possessor, an actor-like modifier, or a "by" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and _looks_actor(c, index):
            return [c]
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (index.at(c.idx, c.idx + len(c)) is not None
                                                       or c.pos_ == "PROPN"):
            actor = code_actor(c, index)
            if actor is not None and actor.code and not _is_scene(c, index):
                return [c]  # "Russian aid", not "the Arusha accords", not "the Paris attacks"
    for c in noun.children:  # "US drone strikes": the owner modifies the modifier
        if c.dep_ == "compound" and c.pos_ == "NOUN":
            for g in c.children:
                if g.dep_ in ("compound", "amod") and (index.at(g.idx, g.idx + len(g)) is not None
                                                       or g.pos_ == "PROPN"):
                    actor = code_actor(g, index)
                    if actor is not None and actor.code:
                        return [g]
    if _noun_type(noun, index, as_object=False) in _OWN_FORCES_TYPES:
        for c in noun.children:  # "the deployment/withdrawal of NATO troops": the forces move themselves
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and sector_of_noun(o.lemma_) == "MIL" and _looks_actor(o, index):
                        return [o]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for o in c.children:
                if o.dep_ == "pobj" and _looks_actor(o, index):
                    return [o]
    return []


def military_targets(verb, obj) -> bool:
    """"Jets struck targets in the south", "Israel struck targets in Gaza": bare plural targets an armed
    party strikes are places attacked ("beat earnings targets", "hit targets set by the ministry": levels)."""
    if obj.lower_ != "targets" or any(c.dep_ in ("poss", "compound", "amod", "acl") or c.dep_ == "prep" and c.lower_
                                      not in ("in", "near", "across", "around", "inside") for c in obj.children):
        return False
    subj = _subject(verb)[0]
    return verb.lemma_ in ("strike", "bomb", "pound", "shell") and subj is not None and (
        subj.ent_type_ in ("GPE", "NORP") or subj.lemma_.lower() in _HARDWARE
        or sector_of_noun(subj.lemma_, subj.text) == "MIL")
