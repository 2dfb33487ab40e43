"""Word-level tests on argument tokens: who "he", "it" or "they" can stand for, a means after "by", a
state's own envoy, a reciprocal act, a people's name. Small predicates the argument coder asks."""

from __future__ import annotations

from .. import gazetteer
from ...model import Actor
from ..actor_context import is_demonym, token_country
from ..actors import noun_kind, org_code, sector_of_noun
from ..doc_memo import entity_spans
from ..linking import MentionIndex


def _reciprocal(verb) -> bool:
    """"A and B accused each other", "blamed one another": the act goes both ways, coded once A -> B."""
    pairs = [{o.lower_} | {d.lower_ for d in o.children} for o in verb.children if o.dep_ == "dobj"]
    return any({"each", "other"} <= p or {"one", "another"} <= p for p in pairs)

_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "consul", "emissary", "representative", "attache"})


_SENDING = frozenset({"send", "dispatch", "deploy"})


def _sent(obj) -> bool:
    """Is ``obj`` what the actor sends ("offered to send rescue teams", "will dispatch doctors")? Teams and
    experts sent go to the party in need; they are never that party."""
    return obj.dep_ == "dobj" and obj.head.lemma_ in _SENDING


def _own_envoy(obj, subj) -> bool:
    """Is ``obj`` the acting state's own diplomat ("recalled its ambassador to X", "Peru withdrew Peru's
    envoy")? The act concerns the state the envoy is posted to, named in the envoy's or the verb's
    phrases ("to/in/from X"), never the envoy: the target comes from there or stays unknown."""
    if obj.lemma_.lower() not in _ENVOYS:
        return False
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    return owner.lower_ in ("its", "their", "his", "her", "our") or (
        subj is not None and owner.lower_ == subj.lower_)


_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
# "everyone", "everybody": an appeal to all people, addressed to the public
_EVERYONE = frozenset({"everyone", "everybody"})
# bodies named by a common noun: never "he" or "she"
_BODIES = frozenset({"party", "ministry", "government", "company", "police", "army", "military", "court", "union",
                     "group", "embassy", "agency", "office", "council", "parliament", "committee", "commission",
                     "administration", "state", "country", "organisation", "organization", "network", "movement",
                     "firm", "bank", "board", "authority", "team", "newspaper", "website", "statement", "report",
                     "coalition", "alliance", "opposition", "junta", "regime", "department", "force", "family",
                     "association", "federation", "institute", "foundation", "league", "assembly", "body"})


def _personal(tok) -> bool:
    """Can "he"/"she" stand for ``tok``: a person's name, a title ("the minister") or a person noun, not
    a body ("the party", "the United States")?"""
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    name = next((e.text for e in entity_spans(tok.doc) if e.start <= tok.i < e.end), tok.text)
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC") or tok.ent_type_ == "ORG" and (
            org_code(name) or gazetteer.country_code(name)):
        return False  # (a name the tagger calls ORG but no list knows may well be a person's: "Moreno")
    return tok.ent_type_ == "PERSON" or tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() not in _BODIES


def _means(tok, index: MentionIndex) -> bool:
    """A bare singular common noun after "by" ("by sea", "by road", "by force") names a means, not an agent."""
    return tok.tag_ == "NN" and index.at(tok.idx, tok.idx + len(tok)) is None and not sector_of_noun(tok.lemma_) \
        and noun_kind(tok.text) != "people" and not any(
            c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in tok.children)


def _agrees(pron, noun) -> bool:
    """Can "it" or "they" stand for ``noun`` ("the association", "officials", "the Interior Ministry")?"""
    if pron.lower_ in ("it", "its"):
        return noun.tag_ == "NN" and noun.lemma_.lower() in _BODIES or noun.tag_ == "NNP" and noun.ent_type_ in (
            "ORG", "GPE")
    return pron.lower_ in ("they", "them", "their") and (noun.tag_ in ("NNS", "NNPS") or noun.lemma_.lower() == "police")


# a threat's clause verbs done by the threatener's side ("warned that Israel would respond"): who would be hit is
# their object, not their subject ("warned that Vardania would pay a price" names the one threatened)
_PUNISHING = frozenset({"respond", "retaliate", "react", "answer", "crush", "punish", "strike", "hit", "avenge"})

# what a body decides (not what it says): such a subject acts for the one who last acted, not the last speaker
_DECIDED = frozenset({"decision", "ruling", "verdict", "law", "bill", "order", "measure", "plan"})


def _plural_group(actor: Actor) -> bool:
    """"farmers", "the unions": a plural description named by no entity, which an "it" never takes up (its
    head noun decides: "the union of farmworkers" is one body)."""
    head = actor.name.split(" of ")[0].split()
    last = head[-1] if head else ""
    return actor.entity is None and last.islower() and last.endswith("s") and not last.endswith("ss")


def _demonym(tok) -> bool:
    """Is this plural a people's name, alone or with its compound ("Koreans", "South Koreans")?"""
    comp = [c for c in tok.lefts if c.dep_ == "compound" and c.i == tok.i - 1]
    return is_demonym(tok.text) or bool(comp) and is_demonym(f"{comp[0].text} {tok.text}")


_GOODS_PREPS = frozenset({"on", "against"})


def _goods_origin(verbs) -> list:
    """"imposed duties on brandy imported from the EU", "tariffs on Chinese-made cars": a levy on goods
    acts on the state they come from, which only the goods' own words name (the "from" phrase, or a
    demonym before "-made" or before the goods)."""
    levies = [x for v in verbs for x in (v, *(c for c in v.children if c.dep_ == "dobj"))]  # "duties on wine"
    for v in levies:
        for p in v.children:
            if p.dep_ != "prep" or p.lower_ not in _GOODS_PREPS:
                continue
            for goods in (o for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
                for t in goods.subtree:
                    if t.dep_ == "pobj" and t.head.lower_ == "from" and t.pos_ == "PROPN":
                        return [t]
                    if t.i < goods.i and is_demonym(t.text) and t.dep_ in ("amod", "npadvmod", "compound"):
                        return [t]
    return []


_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _bare_spokesperson(tok) -> bool:
    """"A spokesman urged Manila to stop": a spokesperson named for no body, the voice of the one that
    spoke just before (not of the country the sentence names)."""
    return tok.lemma_.lower() in _SPOKESPEOPLE and tok.ent_type_ == "" and not any(
        c.dep_ in ("poss", "compound", "amod", "prep", "appos") for c in tok.children)


_WEAPONS = frozenset({"missile", "rocket", "shell", "bomb", "bullet", "grenade", "projectile"})


def _weapon_owner(tok, index: MentionIndex):
    """"Russian missiles struck Kyiv", "Israeli shells hit a position": a weapon no one is named firing,
    marked with a state's adjective, is that state's forces acting (as "Israeli drones" are)."""
    if tok.lemma_.lower() not in _WEAPONS or tok.dep_ != "nsubj" or any(
            a.dep_ == "agent" for c in tok.children if c.dep_ == "acl" for a in c.children):
        return None  # (not "American missiles fired by Ukrainian forces": the firer is named)
    for c in tok.children:
        country = token_country(c, index) if c.dep_ in ("amod", "compound") else None
        if country:
            words = tok.doc[c.i:tok.i + 1]
            return Actor(name=words.text, entity=None, code=f"{country} MIL", text=words.text,
                         span=(words.start_char, words.end_char))
    return None


_PACTS = frozenset({"deal", "agreement", "treaty", "pact", "accord"})  # two parties' (not "the plan")


def _pact(tok) -> bool:
    """"The deal, brokered by Qatar, also freed 20 prisoners": a pact acts for its parties, never for
    whoever spoke last (unlike a statement, which is its speaker's text)."""
    return tok.lemma_.lower() in _PACTS
