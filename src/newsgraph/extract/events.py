"""PLOVER events: who did what to whom, when and where, read off the dependency parse.

How an event is found (every word list lives in ``lexicons/plover_triggers.tsv``,
each entry with the reason for its type):

- **verb triggers**: a verb lemma, optionally with a particle/preposition or a
  given object ("called for" DEMAND, "cut ties" SANCTION, "opened fire" ASSAULT);
- **light verbs** ("held talks", "launched strikes", "expressed disagreement"):
  the object noun names the event; some light verbs also have a type of their
  own used when the object is not an event noun ("provided weapons" AID);
- **nominal events** ("the attack killed 22", "Moscow's support for Assad",
  "talks between A and B") when they have an actor of their own;
- **control**: "agreed to buy", "threatened to impose", "refused to meet",
  "accused X of violating": the governing verb is the event, its complement
  supplies the target; a vow of a hostile act ("vowed to crush the rebels") is a
  THREATEN against its object; transparent verbs ("continue to", "plans to")
  pass the event through and set ``mode``; "ready/willing to X" is X with mode
  "intended" (an offer: AGREE in ``as_plover``), AGREE itself when X is no event;
- **reported speech**: the speaking is not an event; the clause it reports is
  coded ("Kerry said Russia proposed talks" -> Russia AGREE); "X said Y must Z"
  is a DEMAND by X on Y. Pronoun subjects of the reported clause ("Japan said it
  had halted aid") resolve to the speaker.

Arguments: the source is the agent (active subject, passive "by" phrase, the
head noun of a relative or participial clause, the subject inherited through
conjoined verbs; a wire dateline "KIEV, Oct 1 -" is never one); the target is
the direct object (of the event verb or of its controlled complement: "refused
to meet X"), else the first actor found in the event's prepositional phrases
(with/to/against/on/for/between..., "in X" last), else the subject of a
demanded clause. Conjoined actors give one event per source-target pair.

Countries for actors named without one (``actors.py`` codes what the phrase
says, ``actor_context.py`` guesses the rest): a sector-only source takes the
first country the sentence names outside the target's own words; a sector-only target takes the event's place, the only
country of the sentence, or the source's country (domestic default, not between
two governments, and only where the source's country is the scene); people
without any code ("prisoners") take the place or
sentence country; when the sentence names none, the article's dominant country
stands in. Each guess lowers ``confidence``. Pronouns: the speaker of the
reported clause ("Japan said it had halted aid"; in a direct quote only I/we),
"they/it" the source of an event at most two sentences before, he/she the last
person named. A protest with no stated target is against the government of
where it happens (PLOVER convention); an agentless arrest, probe or sanction
("a missionary was arrested in Lebanon") is the act of the state where it
happens (country only, lower confidence). People named inside the trigger of a
hostile act carry its target ("expelled two Russian diplomats" -> RUS). Negation (``not``,
``never``, ``no``) is kept in ``negated``; ``mode`` is "future" (will/shall, or
"would" in reported speech), "intended" (plan/decide/seek to, ready/willing
to...), "attempted" (try/attempt to: the act was tried), "continuing"
(continue/keep), "hypothetical" (may/might/could/would outside reported
speech), "conditional" (an act announced "unless" something happens) or
"asserted".

Date: the date expression (``found.dates``) attached to the event's clause
(``date_from="text"``), else one attached to the reporting verb that governs it
(``date_from="report"``: the day the event was reported, an upper bound for
when it happened), else the publication date (``date_from="published"``). An
offer, demand or criticism between two countries dated only by its report takes
the date of a dated call or meeting between the same two countries in the
article (``date_from="linked"``, never later than its own date).

Confidence: a rule-based score, the product of a base for the trigger kind
(verb or light verb 0.8, readiness adjective 0.7, "must" demand 0.6, nominal
event 0.55) and factors below 1 for each weaker link (reported clause 0.95,
embedded clause 0.85, pronoun resolved 0.85, uncoded source 0.85, no source
0.6, each guessed country 0.8-0.9), clipped to [0.05, 0.95]. It ranks the events
of a sentence (the benchmark keeps the most confident); ``benchmarks/events.py``
prints how often the kept event has the right type in each band on PLOVER-GSR
(0.92 above 0.8, 0.85-0.88 between 0.6 and 0.8). Below 0.6 the kept events are
not less often right (few, mostly nominal events standing alone): the score
ranks a sentence's events more than it predicts correctness there.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from ..lexicons import load_tsv
from ..model import PLOVER_TYPES, Actor, Article, Event, Found
from .actor_context import (
    actor_country, all_countries, country_from_places, country_of_place, domestic, dominant_country,
    fill_country, first_country, is_demonym, protest_target, same_actor, target_words, token_country,
)
from .actors import PRONOUNS, code_actor, dateline_end, phrase_tokens, sector_of_noun
from .linking import MentionIndex

log = logging.getLogger(__name__)

_SUBJ = ("nsubj", "csubj")
_PASS_SUBJ = ("nsubjpass", "csubjpass")
_OBJ = ("dobj", "obj", "attr", "dative")
_TARGET_PREPS = ("with", "to", "against", "on", "for", "between", "among", "toward", "towards", "at", "into",
                 "from", "over", "upon", "in", "of", "about")
_PREP_RANK = {p: i for i, p in enumerate(_TARGET_PREPS)}
_PROMISES = frozenset({"vow", "pledge", "promise", "swear"})
_HARM = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
_OWN_FORCES_TYPES = frozenset({"RETREAT", "MOBILIZE", "AID", "AGREE"})  # "withdrew its tanks": not a target
_JOIN_PREPS = frozenset({"for", "in", "at", "into", "on"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPO_AUX = frozenset({"may", "might", "could", "would", "should", "can"})
_OBLIGATION = frozenset({"must", "should"})
_NEG = frozenset({"not", "n't", "never", "no"})
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
_STATE_ACTS = frozenset({"COERCE", "ACCUSE", "SANCTION"})  # agentless passives done by the place's state
_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})

_STATIVE_PASSIVES = frozenset({"oppose", "commit", "prepare", "determine", "dedicate", "resolve", "bind",
                               "engage", "involve"})
_BASE = {"verb": 0.8, "light": 0.8, "adj": 0.7, "noun": 0.55, "must": 0.6}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class _Entry:
    lemma: str
    kind: str
    needs: tuple[str, ...]
    type: str

    @property
    def specific(self) -> bool:
        return any(n != "objonly" and not n.startswith("nomod:") for n in self.needs)


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, str], tuple[_Entry, ...]]:
    """Entries by (lemma, kind), most specific first (file order otherwise)."""
    out: dict[tuple[str, str], list[_Entry]] = {}
    for row in load_tsv("plover_triggers.tsv"):
        needs = tuple(n.strip() for n in row["needs"].split(",") if n.strip())
        entry = _Entry(row["lemma"].lower(), row["kind"], needs, row["type"])
        if entry.kind in ("verb", "noun") and entry.type not in PLOVER_TYPES:
            log.warning("plover_triggers.tsv: %s has unknown type %s", entry.lemma, entry.type)
            continue
        out.setdefault((entry.lemma, entry.kind), []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: not e.specific)) for k, v in out.items()}


def is_event_noun(lemma: str) -> bool:
    """True when ``lemma`` can name an event on its own ("talks", "aid", "attack"; not "troops")."""
    return any("objonly" not in e.needs for e in _lexicon().get((lemma, "noun"), ()))


def _lemma_keys(tok) -> tuple[str, ...]:
    """The lemma, then the word itself and naive de-inflections (the tagger's lemma is sometimes
    wrong: "staged" -> "stag")."""
    return _keys_of(tok.lemma_.lower(), tok.lower_, tok.pos_ in ("VERB", "AUX", "NOUN"))


@functools.lru_cache(maxsize=16384)
def _keys_of(lemma: str, low: str, inflected: bool) -> tuple[str, ...]:
    # asked for every token of every sentence: memoised on the strings it depends on
    keys = [lemma, low]
    if inflected:
        if low.endswith("ied"):
            keys.append(low[:-3] + "y")
        if low.endswith("ed"):
            keys += [low[:-1], low[:-2]]
        if low.endswith("ing"):
            keys += [low[:-3], low[:-3] + "e"]
        if low.endswith("ies"):
            keys.append(low[:-3] + "y")
        if low.endswith("s"):
            keys.append(low[:-1])
        if lemma.startswith("re") and len(lemma) > 5:
            keys.append(lemma[2:])  # "reimposed", "reopened": the act again
    return tuple(dict.fromkeys(keys))


def _entries(tok, kind: str) -> tuple[_Entry, ...]:
    lex = _lexicon()
    for key in _lemma_keys(tok):
        hit = lex.get((key, kind))
        if hit:
            return hit
    return ()


def _mods(tok) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")} | \
        {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}


def _preps(tok) -> list:
    return [c for c in tok.children if c.dep_ in ("prt", "prep", "agent", "dative")]


def _objects(tok) -> list:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    for p in tok.children:  # "carried out attacks": object hangs off the particle sometimes
        if p.dep_ == "prt":
            objs.extend(c for c in p.children if c.dep_ == "pobj")
    return objs


def _satisfied(entry: _Entry, tok, *, as_object: bool, index: MentionIndex) -> bool:
    for need in entry.needs:
        kind, _, arg = need.partition(":")
        opts = set(arg.split("|")) if arg else set()
        if kind == "objonly":
            if not as_object:
                return False
        elif kind == "prt":
            if not any(c.lower_ in opts for c in _preps(tok)):
                return False
        elif kind == "mod":
            if not (_mods(tok) & opts):
                return False
        elif kind == "nomod":
            if _mods(tok) & opts:
                return False
        elif kind == "obj":
            objs = _objects(tok)
            if not objs:
                return False
            if arg.startswith("*"):
                if arg in ("*any", "*people"):
                    continue
                ok = False
                for o in objs:
                    ent = index.at(o.idx, o.idx + len(o))
                    if arg == "*place" and (ent is not None and ent.type in ("GPE", "LOC")
                                            or o.pos_ == "NOUN"):
                        ok = True
                    if arg in ("*person", "*actor") and ent is not None and ent.type in (
                            "PERSON", "GPE", "ORG", "NORP"):
                        ok = True
                    if arg == "*actor" and code_actor(o, index) is not None:
                        ok = True
                if not ok:
                    return False
            elif not any(o.lemma_.lower() in opts or o.lower_ in opts
                         or any(c.dep_ == "compound" and c.lemma_.lower() in opts for c in o.children)
                         for o in objs):  # "violated the ceasefire agreement": a compound says what it is
                return False
    return True


def _first(tok, kind: str, index: MentionIndex, *, as_object: bool = False) -> _Entry | None:
    for entry in _entries(tok, kind):
        if _satisfied(entry, tok, as_object=as_object, index=index):
            return entry
    return None


def _noun_type(tok, index: MentionIndex, *, as_object: bool) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and tok.tag_ == "VBG"):
        return None
    if tok.text[:1].isupper() and tok.i != tok.sent.start and not tok.text.isupper():
        return None  # "March 2011", "Fight Club": capitalised mid-sentence words are names
    entry = _first(tok, "noun", index, as_object=as_object)
    return entry.type if entry else None


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    type: str
    kind: str
    head: object  # the token whose clause carries the event (verb, adjective or noun)
    words: list  # trigger tokens
    sources: list = field(default_factory=list)  # tokens
    targets: list = field(default_factory=list)
    source_actor: Actor | None = None  # pre-resolved (pronouns, "must" demands)
    target_actor: Actor | None = None
    mode: str = "asserted"
    negated: bool = False
    factor: float = 1.0
    chain: list = field(default_factory=list)  # transparent verbs between the head and the clause top
    inner: list = field(default_factory=list)  # complements it governs ("refused to MEET X"): targets only
    passive: bool = False


def _is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT", "xcomp"))


def _subject(verb):
    """(subject token, passive?) of a verb; a dateline parsed as the subject gives way to its apposition."""
    subj, passive = _raw_subject(verb)
    cut = dateline_end(subj.sent) if subj is not None else -1
    if subj is not None and subj.i <= cut:
        after = [c for c in subj.subtree if c.i > cut and c.pos_ in ("NOUN", "PROPN") and c.head.i <= cut]
        return (after[0], passive) if after else (None, passive)
    return subj, passive


def _raw_subject(verb):
    """(subject token, passive?) of a verb, following conjunction, relative and participle links."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        for c in tok.children:
            if c.dep_ in _SUBJ:
                return c, False
            if c.dep_ in _PASS_SUBJ:
                return c, True
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            tok = tok.head
            continue
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = tok.head  # "Boko Haram, the Islamist insurgency that has killed": the named one
            if head.dep_ == "appos" and head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head
            return head, tok.dep_ == "acl" and tok.tag_ == "VBN"
        if tok.dep_ in ("xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            # controlled subject: "X agreed to buy" -> X; object control "urged X to" handled by caller
            objs = [c for c in tok.head.children if c.dep_ in ("dobj",)]
            if objs and tok.dep_ == "xcomp" and tok.head.lemma_ not in ("promise",):
                return objs[0], False
            tok = tok.head
            continue
        if tok.dep_ == "acomp" or (tok.pos_ == "ADJ" and tok.dep_ != "ROOT"):
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "guilty of violating", "by arresting"
            tok = tok.head.head
            continue
        break
    return None, False


def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _conjuncts(tok) -> list:
    out = [tok]
    cut = dateline_end(tok.sent)
    for c in tok.conjuncts:
        if c.pos_ in ("NOUN", "PROPN", "PRON") and c not in out and c.i > cut:
            out.append(c)
    return sorted(out, key=lambda t: t.i)


def _looks_actor(tok, index: MentionIndex) -> bool:
    if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
        return tok.lower_ in PRONOUNS
    return code_actor(tok, index) is not None


def _pobj_actor(tok, index: MentionIndex, *, depth: int = 0):
    """The actor token inside a prepositional object; event nouns give their own agent ("over Moscow's support")."""
    if _looks_actor(tok, index):
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
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = _pobj_actor(p, index, depth=depth + 1)
                        if found is not None:
                            return found
    return None


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
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if p.lower_ == "in" and not in_ok:
                continue  # "in Baghdad": where; used as the affected party only as a last resort
            actor = _pobj_actor(o, index)
            if actor is not None and actor not in exclude:
                found.append((_PREP_RANK[p.lower_], actor))
    found.sort(key=lambda x: (x[0], x[1].i))
    return [t for _, t in found]


def _between(tok):
    """Both sides of "talks between A and B" (or None)."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "between":
            for o in p.children:
                if o.dep_ == "pobj":
                    conj = [c for c in o.conjuncts if c.i > o.i]
                    if conj:
                        return o, conj[0]
    return None


def _noun_agents(noun, index: MentionIndex) -> list:
    """Who does a nominal event: its possessor, an actor-like modifier, or a "by" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and _looks_actor(c, index):
            return [c]
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (index.at(c.idx, c.idx + len(c)) is not None
                                                       or c.pos_ == "PROPN"):
            actor = code_actor(c, index)
            if actor is not None and actor.code:  # "Russian aid", not "the Arusha accords"
                return [c]
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


def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    return False


def _aux_mode(tok, *, reported: bool) -> str | None:
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in _FUTURE_AUX:
                return "future"
            if c.lower_ == "would" and reported:
                return "future"
            if c.lower_ in ("may", "might", "could", "would"):
                return "hypothetical"
    return None


# --------------------------------------------------------------------------- triggers


def _verb_candidate(tok, index: MentionIndex) -> _Cand | None:
    """A candidate when a verb (or predicative adjective) is a trigger."""
    if tok.pos_ == "ADJ":
        entry = _first(tok, "adj", index)
        if entry is None or entry.type not in PLOVER_TYPES:
            return None
        if not any(c.dep_ == "xcomp" for c in tok.children):
            return None
        return _Cand(entry.type, "adj", tok, [tok])
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_ in ("be", "have"):
        return None
    objs = [o for o in _objects(tok) if o.pos_ in ("NOUN", "PROPN", "VERB")]
    objs += [c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]  # "sanctions were imposed"
    light = _first(tok, "light", index)
    if light is not None:
        for o in objs:
            ntype = _noun_type(o, index, as_object=True)
            if ntype:
                return _Cand(ntype, "light", tok, [tok, o])
            for c in o.lefts:  # "launched a mediation effort", "undertook a peace mission"
                if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN":
                    ntype = _noun_type(c, index, as_object=True)
                    if ntype:
                        return _Cand(ntype, "light", tok, [tok, c, o])
        # "launched a fresh wave of strikes", "took part in talks": one level of "of"/"in"
        for o in objs + [c for c in tok.children if c.dep_ == "prep"]:
            for p in o.children:
                for q in ([p] if p.dep_ == "pobj" else [x for x in p.children if x.dep_ == "pobj"]
                          if p.dep_ == "prep" and p.lower_ in ("of", "in", "under") else []):
                    ntype = _noun_type(q, index, as_object=True)
                    if ntype:
                        return _Cand(ntype, "light", tok, [tok, q])
    entry = _first(tok, "verb", index)
    if entry is not None and _entries(tok, "transparent") and \
            any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in tok.children):
        entry = None  # "will help us define", "seek to": the complement is the event
    if entry is not None and entry.type == "REQUEST" and any(
            c.dep_ == "xcomp" and c.lemma_ in ("name", "identify", "quote") for c in tok.children):
        return None  # "a witness who asked not to be named": a reporting convention, not an appeal
    if entry is not None:
        words = [tok] + [c for c in tok.children if c.dep_ == "prt"]
        for need in entry.needs:
            if need.startswith("prt:"):
                words += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in need[4:].split("|")]
            if need.startswith("obj:") and not need.startswith("obj:*"):
                words += [o for o in objs if o.lemma_.lower() in need[4:].split("|")]
        return _Cand(entry.type, "verb", tok, sorted(set(words), key=lambda t: t.i))
    if light is not None and light.type in PLOVER_TYPES and objs:
        return _Cand(light.type, "light", tok, [tok])
    if light is None and not _entries(tok, "report") and not _entries(tok, "transparent"):
        # any other verb whose object is an event noun: "speeded up the withdrawal", "tightened the blockade"
        for o in objs:
            ntype = _noun_type(o, index, as_object=False)
            if ntype and _between(o) is None:  # "followed a call between A and B": the noun's own event
                return _Cand(ntype, "light", tok, [tok, o], factor=0.9)
    return None


def _apply_chain(cand: _Cand, *, reported: bool) -> None:
    """Mode and negation from the event verb and the transparent verbs above it."""
    tok = cand.head
    mode = _aux_mode(tok, reported=reported)
    negated = _negated(tok)
    while tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        up = tok.head
        entry = (_first(up, "transparent", _EMPTY) if up.pos_ != "ADJ" else None) or \
            (_first(up, "adj", _EMPTY) if up.pos_ == "ADJ" else None)
        if entry is None:
            break
        cand.chain.append(up)
        negated = negated or _negated(up) or entry.type == "negated"  # "failed to reach a deal"
        up_mode = _aux_mode(up, reported=reported)
        if up_mode == "future" or mode == "future":
            mode = "future"
        elif entry.type == "negated":
            pass
        elif entry.type in ("intended", "continuing", "attempted") and mode is None:
            mode = entry.type
        elif up.pos_ == "ADJ" and mode is None:
            mode = "intended"  # "ready/willing to X": an offer of X
        elif up_mode and mode is None:
            mode = up_mode
        tok = up
    if mode is None and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ == "plan":
        mode = "intended"
    # "is going to", be + adjective ("is ready to") climb one more level
    if tok.head.i != tok.i and tok.dep_ == "xcomp" and tok.head.lemma_ == "go":
        mode = "future"
    subj, _ = _subject(cand.head)
    if subj is not None and any(c.lower_ in ("no", "neither", "none") for c in subj.children if c.dep_ == "det") \
            or subj is not None and subj.lower_ in ("neither", "none", "nobody"):
        negated = True  # "neither side has committed", "no country offered"
    if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
           for t in [cand.head] + cand.chain for c in t.children):
        mode = "conditional"  # "will withdraw unless X": a threat (PLOVER THREATEN) whatever the act
    cand.mode = mode or "asserted"
    cand.negated = negated


class _NoEntities:
    """A stand-in mention index for lexicon checks that never look at entities."""

    def at(self, *_args) -> None:
        return None


_EMPTY = _NoEntities()


def _report_parent(tok):
    """The speech verb whose reported clause contains ``tok`` (and that clause's top), or (None, None).

    Handles both "Kerry said (that) Russia proposed" and the inverted news order
    "Russia has proposed talks, Kerry said", where the parser hangs the speech verb
    under the reported verb.
    """
    cur = tok
    for _ in range(12):
        for c in cur.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and _entries(c, "report") and \
                    not any(x.dep_ in ("ccomp", "dobj") for x in c.children) and c.i > cur.i:
                return c, cur
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and cur.head.i != cur.i:
            head = cur.head
            if _entries(head, "report") and cur.dep_ in ("ccomp", "parataxis", "xcomp"):
                return head, cur
            if cur.dep_ in ("advcl",):
                return None, None
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("relcl", "acl"):
            return None, None
        cur = cur.head
    return None, None


def _quote_speaker(tok, found: Found, index: MentionIndex) -> Actor | None:
    """The speaker of the direct quote containing ``tok`` (from ``found.quotes``)."""
    for q in found.quotes:
        if q.span[0] <= tok.idx < q.span[1] and q.speaker is not None:
            ent = index.by_id.get(q.speaker.entity) if q.speaker.entity else None
            if ent is not None and ent.mentions:
                s, e = ent.mentions[0]
                return _actor_from_span(tok.doc, s, e, index)
            return Actor(name=q.speaker.name, entity=q.speaker.entity, code=None)
    return None


def _actor_from_span(doc, start: int, end: int, index: MentionIndex) -> Actor | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return code_actor(span.root, index)


def _resolve_pronoun(tok, speaker_tok, speaker_actor, index: MentionIndex, *,
                     prev: Actor | None = None, direct: bool = False) -> Actor | None:
    """A pronoun argument -> the speaker of the reported clause; "they"/"it" -> the source of the
    event just before (news keeps its agents in subject position); else the last fitting entity."""
    if speaker_actor is not None and (not direct or tok.lower_ in ("i", "we", "our", "my")):
        # in a direct quote "they" are others; only the first person is the speaker
        if tok.lower_ in ("we", "our") and speaker_actor.code:
            country = speaker_actor.code.split()[0]
            return Actor(name=speaker_actor.name, entity=speaker_actor.entity,
                         code=f"{country} GOV" if len(country) == 3 else speaker_actor.code)
        return speaker_actor
    if prev is not None and tok.lower_ in ("they", "it", "their", "its"):
        return prev
    types = ("PERSON",) if tok.lower_ in ("he", "she", "his", "her") else ("GPE", "ORG", "NORP")
    hit = index.before(tok.idx, types=types)
    if hit is None:
        return None
    (s, e), _ = hit
    if tok.idx - s > 400:
        return None
    return _actor_from_span(tok.doc, s, e, index)


# --------------------------------------------------------------------------- main


def _dominator(cand: _Cand, heads: dict) -> tuple[_Cand | None, str]:
    """The candidate whose complement ``cand`` is (and the clause edge that led there), or (None, "")."""
    up = cand.head
    through = ""
    for _ in range(8):
        dep = up.dep_
        if up.head.i == up.i or dep not in ("xcomp", "ccomp", "conj", "pcomp", "prep", "advcl", "acl"):
            return None, ""
        if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in up.children):
            return None, ""  # only purpose clauses ("to demand"), not "after"/"because" clauses
        if dep in ("xcomp", "ccomp", "pcomp", "advcl") or dep == "acl" and up.head.pos_ == "NOUN":
            through = through or dep
        parent = up.head
        if _entries(parent, "report") and dep in ("ccomp", "conj"):
            return None, ""
        gov = heads.get(parent.i)
        if gov is not None and gov is not cand:
            return (gov, through) if through else (None, "")
        up = parent
    return None, ""


def _candidates(sent, index: MentionIndex) -> list[_Cand]:
    cands: list[_Cand] = []
    used: set[int] = set()
    for tok in sent:
        cand = _verb_candidate(tok, index)
        if cand is not None:
            cands.append(cand)
            used.update(t.i for t in cand.words)
    # Control: "agreed to buy", "threatened to impose", "refused to meet", "accused X of violating":
    # the governing event wins and the complement only supplies its target. Two exceptions, where
    # the complement is the event: readiness adjectives ("ready to send aid": AID, intended) and
    # default-typed light verbs with a purpose clause ("sent experts to investigate": investigation).
    heads = {c.head.i: c for c in cands}
    for c in cands:  # "reiterated its demand that Israel ease ...": the clause hangs off the event noun
        for w in c.words:
            heads.setdefault(w.i, c)
    dropped: set[int] = set()
    dominated_ids: set[int] = set()
    for cand in cands:
        gov, edge = _dominator(cand, heads)
        if gov is None:
            continue
        if gov.kind == "adj" or (gov.kind == "light" and len(gov.words) == 1 and edge == "advcl"):
            dropped.add(gov.head.i)
            cand.chain.append(gov.head)
            continue
        gov.inner.append(cand.head)
        dominated_ids.add(cand.head.i)
        if gov.type == "AGREE" and gov.head.lemma_ in _PROMISES and cand.type in _HARM:
            gov.type = "THREATEN"  # "vowed that the military would defeat the insurgents":
            gov.targets = [o for o in _objects(cand.head) if _looks_actor(o, index)]  # the threatened
    kept = [c for c in cands if c.head.i not in dominated_ids and c.head.i not in dropped]
    # Nominal events with their own actor ("Moscow's support for Assad", "talks between A and B").
    for tok in sent:
        if tok.i in used or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        ntype = _noun_type(tok, index, as_object=False)
        if not ntype:
            continue
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.i in {c.head.i for c in cands}:
            continue  # "the attack killed 22", "offered talks": the verb's event already covers it
        between = _between(tok)
        agents = _noun_agents(tok, index)
        if not agents and not between and tok.dep_ == "pobj" and tok.head.lower_ in _JOIN_PREPS \
                and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.head.i not in used:
            subj, passive = _subject(tok.head.head)
            if subj is not None and (not passive or tok.head.head.lemma_ in _STATIVE_PASSIVES):
                agents = [subj]  # "negotiators return for talks", "forces engaged in ethnic cleansing"
        if between:
            cand = _Cand(ntype, "noun", tok, [tok], sources=[between[0]], targets=[between[1]])
        elif agents:
            cand = _Cand(ntype, "noun", tok, [tok], sources=agents)
        else:
            continue
        kept.append(cand)
    return kept


def _arguments(cand: _Cand, index: MentionIndex) -> None:
    """Fill sources and targets of a verb/adjective/light candidate."""
    if cand.kind == "noun":
        if not cand.targets:
            cand.targets = _prep_targets(cand.head, index, exclude=cand.sources)[:1]
        return
    head = cand.head
    subj, passive = _subject(head)
    if subj is not None and subj.pos_ in ("NOUN",) and _noun_type(subj, index, as_object=False):
        agents = _noun_agents(subj, index)  # "the Russian attack killed ..."
        subj = agents[0] if agents else subj
    agent = _agent(head)
    if passive and agent is None and head.lemma_ in _STATIVE_PASSIVES:
        passive = False  # "Israel is opposed to", "Vietnam is committed to": the subject holds the stance
    cand.passive = passive
    if passive:
        cand.sources = _conjuncts(agent) if agent is not None else []
        cand.targets = _conjuncts(subj) if subj is not None and subj not in cand.words else []
    else:
        cand.sources = _conjuncts(subj) if subj is not None else []
    word_ids = {w.i for w in cand.words}
    if not cand.targets:
        for o in _objects(head):
            if o.i not in word_ids and o.pos_ == "NOUN" and _noun_type(o, index, as_object=True):
                agents = [a for a in _noun_agents(o, index) if a.pos_ != "PRON"]
                if agents:  # "rejected Russia's proposal" -> Russia ("its troops" are its own)
                    cand.targets = agents
                    break
    verbs = [head] + [c for c in cand.chain + cand.inner if c.pos_ in ("VERB", "AUX") and c.dep_ == "xcomp"
                      and not any(x.dep_ in _SUBJ for x in c.children)]
    if not cand.targets:  # "refused to meet Jordan's king": the complement's object
        objs = [o for v in verbs for o in _objects(v) if o.i not in word_ids and _looks_actor(o, index)
                and not _noun_type(o, index, as_object=True)  # troops/arms offered are not the target
                and not (cand.type in _OWN_FORCES_TYPES and sector_of_noun(o.lemma_) == "MIL")]
        if not objs:
            for o in _objects(head):
                if o.i in word_ids:
                    continue  # "blocked roads": the object is part of the trigger
                actor = _pobj_actor(o, index)
                own = cand.type in _OWN_FORCES_TYPES and sector_of_noun(actor.lemma_) == "MIL" if actor else False
                if actor is not None and o.lemma_ not in ("fire",) and not own \
                        and not _noun_type(o, index, as_object=True):
                    objs = [actor]
                    break
        if objs:
            cand.targets = _conjuncts(objs[0])
    if not cand.targets:
        places = [cand.head] + [w for w in cand.words if w.i != cand.head.i] + cand.chain + cand.inner
        for t in list(places):
            for o in _objects(t):
                if o not in places:
                    places.append(o)
                    places.extend(x for x in _objects(o) if x not in places)
        for t in [w for w in places if w.pos_ == "NOUN"]:  # "a suspension of air links with Serbia"
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    places.extend(o for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                                  and o not in places)
        for t in places:
            found = _prep_targets(t, index, exclude=cand.sources, in_ok=True)
            if found:
                cand.targets = _conjuncts(found[0])
                break
        if not cand.targets:
            for t in places:
                between = _between(t)
                if between:
                    cand.targets = [between[1]]
                    break
    if not cand.targets and cand.type in ("SANCTION", "COERCE", "ASSAULT"):
        # "expelled two Russian diplomats": the people named in the trigger are its target
        for w in cand.words:
            if w.i != head.i and w.pos_ == "NOUN" and sector_of_noun(w.lemma_) and any(
                    c.dep_ in ("amod", "compound") and token_country(c, index) for c in w.children):
                cand.targets = [w]
                break
    if not cand.targets:
        # complement clauses: "demanded that X withdraw", "urged X to": the clause subject
        for c in [cand.head] + cand.chain + cand.inner:
            for cc in c.children:
                if cc.dep_ in ("ccomp", "xcomp"):
                    s = [x for x in cc.children if x.dep_ in _SUBJ + _PASS_SUBJ]
                    if s and _looks_actor(s[0], index):
                        cand.targets = _conjuncts(s[0])
                        break
                    objs = [o for o in _objects(cc) if _looks_actor(o, index)]
                    if objs:
                        cand.targets = _conjuncts(objs[0])
                        break
                    found = _prep_targets(cc, index, exclude=cand.sources)
                    if found:
                        cand.targets = [found[0]]
                        break
            if cand.targets:
                break


def _must_demand(sent, report_verb, clause, index: MentionIndex) -> _Cand | None:
    """"X said Y must/should Z": a DEMAND by X on Y (CAMEO 10)."""
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in clause.children):
        return None
    subj, _ = _subject(clause)
    if subj is None or not _looks_actor(subj, index):
        return None
    speaker, _ = _subject(report_verb)
    if speaker is None:
        return None
    words = [report_verb] + [c for c in clause.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION]
    return _Cand("DEMAND", "must", report_verb, words, sources=_conjuncts(speaker),
                 targets=_conjuncts(subj))


def _date_for(cand: _Cand, report_verb, dates_by_gov: dict[int, object]):
    gov_ids = [cand.head.i] + [t.i for t in cand.chain] + [w.i for w in cand.words]
    if cand.kind == "noun" and cand.head.head.i != cand.head.i:
        gov_ids.append(cand.head.head.i)
    if cand.head.dep_ in ("conj", "advcl"):  # "spoke on Tuesday ... and expressed", "tore through
        gov_ids.append(cand.head.head.i)     # ... on Sunday, killing 54": the clause's date is shared
    for i in gov_ids:
        if i in dates_by_gov:
            return dates_by_gov[i], "text"
    if report_verb is not None and report_verb.i in dates_by_gov:
        return dates_by_gov[report_verb.i], "report"
    return None, None


def _is_dateline(text: str, span) -> bool:
    """A dateline date ("WASHINGTON, Sept 17 - ...") dates the report, not the events after it."""
    after = text[span[1]:span[1] + 4].lstrip(" )")
    line_start = text.rfind("\n", 0, span[0]) + 1
    return after[:1] in ("-", "\u2013", "\u2014") and span[0] - line_start < 60


def _date_governors(doc, found: Found, *, text: str) -> dict[int, object]:
    """Map verb token index -> the date mention attached to that verb's clause."""
    out: dict[int, object] = {}
    for d in found.dates:
        span = doc.char_span(d.span[0], d.span[1], alignment_mode="expand")
        if span is None or d.value is None or _is_dateline(text, d.span):
            continue
        tok = span.root
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
        out.setdefault(tok.i, d)
    return out


def _place_for(cand: _Cand, index: MentionIndex, actor_tokens: set[int]):
    for t in [cand.head] + cand.chain + cand.inner:
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS:
                for o in p.children:
                    if o.dep_ != "pobj" or o.i in actor_tokens:
                        continue
                    ent = index.at(o.idx, o.idx + len(o))
                    if ent is not None and ent.type in ("GPE", "LOC"):
                        span = next((m for m in ent.mentions if m[0] <= o.idx < m[1]), None)
                        return ent.name, span
    return None, None


@dataclass
class _Context:
    """What one sentence needs from the ones before it (discourse, not parse)."""

    article_country: str | None = None
    last_source: Actor | None = None
    last_sentence: int = -9
    sentence: int = 0


def extract(doc, article: Article, found: Found) -> list[Event]:
    """PLOVER events of one article, one per source-target pair, sorted by sentence then trigger."""
    index = MentionIndex(found.entities)
    dates_by_gov = _date_governors(doc, found, text=article.text)
    ctx = _Context(article_country=dominant_country(doc, index))
    events: list[Event] = []
    for number, sent in enumerate(doc.sents):
        ctx.sentence = number
        try:
            new = _sentence_events(sent, article, found, index, dates_by_gov, ctx)
            events.extend(new)
            coded = [e.source for e in new if e.source is not None and e.source.code]
            if coded:
                ctx.last_source, ctx.last_sentence = coded[-1], number
        except (IndexError, KeyError, ValueError, AttributeError) as exc:  # skip the sentence, keep the article
            log.warning("events: skipped a sentence of %s at %d: %r", article.id, sent.start_char, exc)
    events = _link_dates(events)
    events.sort(key=lambda e: (e.span[0], e.trigger_span or (0, 0), e.type))
    return events


_LINKABLE = frozenset({"AGREE", "REQUEST", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})


def _pair(ev: Event) -> frozenset[str] | None:
    src = actor_country(ev.source) if ev.source else None
    tgt = actor_country(ev.target) if ev.target else None
    return frozenset((src, tgt)) if src and tgt and src != tgt else None


def _link_dates(events: list[Event]) -> list[Event]:
    """An undated statement between two countries takes the date of their dated contact.

    "Russia has proposed talks with the US, Kerry said on Wednesday" only dates the
    report; when the article dates a call or meeting between the same two parties
    ("spoke by telephone on Tuesday with Lavrov"), offers, demands and criticism
    between them were most likely made there. The event takes that date with
    ``date_from="linked"`` (never a later one), so users can tell it is inferred.
    """
    contacts = [e for e in events if e.type == "CONSULT" and e.date_from == "text" and e.date and _pair(e)]
    if not contacts:
        return events
    out = []
    for ev in events:
        pair = _pair(ev)
        if ev.type in _LINKABLE and ev.date_from in ("report", "published") and pair:
            hits = sorted(c.date for c in contacts if _pair(c) == pair and (not ev.date or c.date <= ev.date))
            if hits:
                ev = replace(ev, date=hits[-1], date_from="linked")
        out.append(ev)
    return out


def _sentence_events(sent, article: Article, found: Found, index: MentionIndex,
                     dates_by_gov: dict[int, object], ctx: _Context | None = None) -> list[Event]:
    ctx = ctx or _Context()
    prev = ctx.last_source if ctx.sentence - ctx.last_sentence <= 2 else None  # "they" two sentences on
    out: list[Event] = []
    cands = _candidates(sent, index)
    seen_must: set[int] = set()
    for tok in sent:
        if _entries(tok, "report"):
            for c in tok.children:
                if c.dep_ == "ccomp" and c.i not in seen_must:
                    must = _must_demand(sent, tok, c, index)
                    if must is not None:  # the demanded act is the content of the demand, not an event
                        seen_must.add(c.i)
                        inside = {t.i for t in c.subtree}
                        cands = [x for x in cands if x.head.i not in inside]
                        cands.append(must)
    for cand in cands:
        report_verb, _clause = _report_parent(cand.head) if cand.kind != "must" else (None, None)
        if cand.kind != "must":
            _apply_chain(cand, reported=report_verb is not None)
            _arguments(cand, index)
        speaker_tok = _subject(report_verb)[0] if report_verb is not None else None
        speaker_actor = None
        direct = False
        if speaker_tok is not None and speaker_tok.lower_ not in PRONOUNS:
            speaker_actor = code_actor(speaker_tok, index)
        elif report_verb is None:
            speaker_actor = _quote_speaker(cand.head, found, index)
            direct = speaker_actor is not None
        factor = cand.factor * (1.0 if report_verb is None else 0.95)
        if cand.head.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") and cand.kind != "must" \
                and report_verb is None:
            factor *= 0.85  # embedded (relative, adverbial) clauses are less often the reported news
        sources = _code_all(cand.sources, speaker_tok, speaker_actor, index, loose=True, prev=prev,
                            direct=direct)
        # the affected party of a passive ("a missionary was arrested") is kept even when uncoded
        targets = _code_all(cand.targets, speaker_tok, speaker_actor, index, prev=prev, direct=direct,
                            loose=cand.passive)
        actor_toks = {t.i for t in cand.sources + cand.targets}
        place, place_span = _place_for(cand, index, actor_toks)
        place_country = country_from_places(found, place_span) or country_of_place(place)
        # a guessed source country never comes from the target's own words, unless it is the
        # target's nationality word of a domestic act ("President X banned Ugandan candidates")
        tgt_skip = target_words(cand.targets)
        own = frozenset(ss.i for ss in cand.sources)  # an ethnic label does not place its own group
        sources = [fill_country(a, f, sent, index, place_country=place_country, skip=tgt_skip, own=own,
                                 article_country=ctx.article_country) for a, f in sources]
        # a government met or agreed with is as often foreign as not: no one-country guess for it
        diplomatic = cand.type in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT")
        targets = [fill_country(a, f, sent, index, place_country=place_country, prefer_place=True,
                                diplomatic=diplomatic, article_country=ctx.article_country)
                   for a, f in targets]
        if sources and sources[0][0] is not None and (
                actor_country(sources[0][0]) == ctx.article_country or len(all_countries(sent, index)) <= 1):
            # domestic default only where the source's country is the scene (article or sentence)
            targets = [domestic(sources[0][0], a, f) for a, f in targets]
        if not sources and not targets:
            continue  # an event with no participant says nothing about who did what to whom
        if cand.type == "PROTEST" and not targets and sources:
            default = protest_target(sources[0][0], place_country)
            if default is not None:
                targets = [(default, 0.8)]
        if not sources and cand.passive and cand.type in _STATE_ACTS and place_country and place:
            # "a missionary was arrested in Lebanon": arrests, probes and expulsions with no agent are
            # the acts of the authorities where they happen (CAMEO/PLOVER coders' convention)
            sources = [(Actor(name=place, entity=None, code=place_country), 0.6 * 0.8)]
        if not sources:
            sources = [(None, 0.6)]
        if not targets:
            targets = [(None, 1.0)]
        trigger_toks = sorted(cand.words, key=lambda t: t.i)
        t_start = trigger_toks[0].idx
        t_end = trigger_toks[-1].idx + len(trigger_toks[-1])
        trigger = " ".join(t.text for t in trigger_toks)
        date_m, date_from = _date_for(cand, report_verb, dates_by_gov)
        if date_m is not None:
            date = date_m.value
        else:
            date, date_from = article.published, "published" if article.published else None
        pairs = [(src, sf, tgt, tf) for src, sf in sources for tgt, tf in targets
                 if not (src is not None and tgt is not None and same_actor(src, tgt))]
        if not pairs:  # the only target was the source itself ("Syria offered its troops", "US-Washington")
            pairs = [(src, sf, None, 1.0) for src, sf in sources]
        for src, sf, tgt, tf in pairs:
            conf = _BASE.get(cand.kind, 0.5) * factor * sf * tf
            if src is not None and not src.code:
                conf *= 0.85
            conf = round(min(0.95, max(0.05, conf)), 3)
            out.append(Event(type=cand.type, source=src, target=tgt, date=date, place=place,
                             span=(sent.start_char, sent.end_char), trigger=trigger,
                             negated=cand.negated, confidence=conf, mode=cand.mode,
                             date_from=date_from, trigger_span=(t_start, t_end),
                             place_span=place_span))
    return out


def _clause_subject(tok):
    """The non-pronoun subject of the clause a token sits in (for "its"/"their" inside it)."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj, passive = _subject(anc)
            if subj is not None and subj.pos_ != "PRON" and not passive and subj.i != tok.i:
                return subj
            return None
    return None


def _code_all(toks: Iterable, speaker_tok, speaker_actor, index: MentionIndex, *,
              loose: bool = False, prev: Actor | None = None,
              direct: bool = False) -> list[tuple[Actor, float]]:
    """Coded actors for argument tokens; ``loose`` keeps an uncoded noun phrase (subjects)."""
    out: list[tuple[Actor, float]] = []
    for t in toks:
        if t.dep_ == "poss" and t.lower_ in ("its", "their", "his", "her"):
            owner = _clause_subject(t)  # "Moscow has asked ... over its deployment": its = Moscow
            if owner is not None:
                actor = code_actor(owner, index)
                if actor is not None:
                    out.append((actor, 0.85))
                    continue
        if t.lower_ in PRONOUNS or t.pos_ == "PRON":
            actor = _resolve_pronoun(t, speaker_tok, speaker_actor, index, prev=prev, direct=direct)
            if actor is not None:
                out.append((actor, 0.85))
            continue
        actor = code_actor(t, index)
        factor = 1.0
        if actor is not None and not loose and actor.code and actor.code.endswith(" GOV") \
                and t.text.endswith("s") and is_demonym(t.text):
            # "aid for Syrians": a people on the receiving end are its civilians, not its state
            actor = Actor(name=actor.name, entity=actor.entity, code=actor.code[:-3] + "CVL")
        if actor is None and loose and t.pos_ in ("NOUN", "PROPN") and not t.like_num \
                and not is_event_noun(t.lemma_.lower()):
            toks_ = phrase_tokens(t)
            text = t.doc[toks_[0].i:toks_[-1].i + 1].text
            actor = Actor(name=text.split("\n")[-1].strip() or t.text, entity=None, code=None)
            factor = 0.8
        if actor is not None and all(a != actor for a, _ in out):
            out.append((actor, factor))
    return out


def as_plover(event: Event) -> str:
    """The event's type under the PLOVER codebook's rules for intentions and refusals.

    Our records keep what was said about the act ("will provide aid": AID,
    mode future). PLOVER codes a *stated intention* to cooperate as AGREE
    ("announce intent/promise", CAMEO 03), a stated intention to harm as THREATEN
    (CAMEO 13) and a refusal of a cooperative act ("will not accept") as REJECT
    (CAMEO 12). Coders comparing with PLOVER-coded data use this view.
    """
    if event.negated and event.type in _COOPERATIVE:
        return "REJECT"
    if event.mode == "conditional":
        return "THREATEN"
    if event.mode in ("future", "intended", "hypothetical") and not event.negated:
        if event.type in _COOPERATIVE:
            return "AGREE"
        if event.type in _HOSTILE:
            return "THREATEN"
    return event.type
