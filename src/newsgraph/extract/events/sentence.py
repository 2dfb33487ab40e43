"""The events of one sentence: candidates -> arguments -> coded actors, date, place, confidence."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Actor, Article, Event
from ...model import Found
from ..actor_context import (
    actor_country, all_countries, code_tail, country_from_places, country_of_place, domestic, fill_country,
    protest_target, same_actor, state_actor, target_words,
)
from .. import gazetteer
from ..actors import PRONOUNS, code_actor, noun_kind, phrase_tokens, sector_of_noun
from ..doc_memo import string_id, tokens_where
from ..event_lexicon import tokens_with_entries
from ..linking import MentionIndex
from .argument_actors import _code_all, _issuer, _named_company, _quote_speaker, uncoded
from .arguments import _arguments
from .candidate import _Cand
from .dating import _PLACE_PREPS, _date_for, _place_for
from .linking import _looks_actor
from .allegations import alleged_wrongdoing
from .modality import _apply_chain
from .refusals import refusal
from .threats import conditional_threat
from .demands import _must_demand
from .triggers import _candidates, _report_parent
from .syntax import _SUBJ, _subject

_STATE_ACTS = frozenset({"COERCE", "ACCUSE", "SANCTION"})  # agentless passives done by the place's state
_SPEECH_ACTS = frozenset({"REQUEST", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "AGREE", "CONSULT"})

_BASE = {"verb": 0.8, "light": 0.8, "adj": 0.7, "noun": 0.55, "must": 0.6, "state": 0.6}

_LAUNCH = frozenset({"fire", "launch", "test", "test-fire"})
_MISSILES = frozenset({"missile", "rocket", "projectile"})
_HARM = frozenset({"kill", "wound", "injure", "hurt", "hit", "strike", "damage", "destroy", "dead", "death"})
_SYMPATHY = frozenset({"solidarity", "condolence", "condolences", "sympathy"})
_HELD = frozenset({"arrest", "custody", "detention"})  # "under house arrest", "in custody"
_COPULAS = frozenset({"be", "remain", "stay"})
_RESIGNING = frozenset({"resign", "resignation", "abdicate", "abdication", "quit"})
_CROWD_SIZES = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "crowds", "crowd"})


def _a_site(actor: Actor, found: Found) -> bool:
    """A street, square or building named as a party: a place (or an uncoded facility or location name)."""
    words = actor.name.split()
    kind = next((e.type for e in found.entities if e.id == actor.entity), None) if actor.entity else None
    return bool(words) and (noun_kind(words[-1]) == "place" or words[-1].lower() in ("avenue", "boulevard", "plaza")
                            or kind in ("FAC", "LOC") and not actor.code)


# what a crowd gathers for when it protests against no one
_GOODWILL = frozenset({"mourn", "celebrate", "cheer", "welcome", "pray", "honour", "honor", "remember", "commemorate",
                       "watch", "greet", "thank", "support", "back"})


def _no_protest(verb) -> bool:
    """"Hundreds gathered to mourn the victims", "thousands rallied in support of the law": a crowd that
    grieves, cheers or backs the government; only a march, rally or walkout of its own is a protest."""
    return verb.lemma_ == "gather" or any(w.lemma_ in _GOODWILL or w.lower_ == "support" and w.head.lower_ == "in"
                                          for w in verb.subtree if w.i > verb.i)


def _crowd_size(tok) -> bool:
    """"Thousands", "some 2,000", "tens of thousands": a subject that is only a count of people."""
    return tok.lower_ in _CROWD_SIZES or tok.ent_type_ == "CARDINAL" and tok.like_num
_FORCES = frozenset({"MIL", "COP"})


def _is_force(actor: Actor | None) -> bool:
    """Whether an actor is an armed force or police ("the army", "Peru's police": code sector MIL or COP)."""
    return actor is not None and code_tail(actor) in _FORCES


def _held_states(sent, index: MentionIndex) -> list[_Cand]:
    """COERCE candidates for a person said to be held ("X was under house arrest", "has been in custody
    since the army took charge") when the sentence names the armed force or police that acts in it.

    The state is the lasting effect of a detention; the force the same sentence shows acting is
    who holds the person (a report names the detainer in the clause next to the state, or nobody).
    """
    out: list[_Cand] = []
    for tok in tokens_where(sent, "dep", {string_id("pobj")}):  # the cheap test first, on ids
        if tok.lemma_.lower() not in _HELD or tok.head.lower_ not in ("under", "in"):
            continue
        cop = tok.head.head
        if cop.lemma_.lower() not in _COPULAS or tok.head.dep_ != "prep":
            continue
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        holders = [t for t in sent if t.dep_ in _SUBJ and t.i != subj.i and _is_force(code_actor(t, index))]
        if not holders:
            continue
        words = [tok.head] + [c for c in tok.children if c.dep_ == "compound"] + [tok]
        out.append(_Cand("COERCE", "state", cop, words, sources=[holders[0]], targets=[subj]))
    return out



def _people_speaker(tok) -> Actor | None:
    """"Organisers said they would challenge the ban": people no actor code names still speak for
    themselves, so "they" in their words are they (not the last coded actor)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or noun_kind(tok.text) != "people":
        return None
    return uncoded(phrase_tokens(tok))


@dataclass
class _Context:
    """What one sentence needs from the ones before it (discourse, not parse)."""

    article_country: str | None = None
    last_source: Actor | None = None
    last_sentence: int = -9
    sentence: int = 0
    last_speaker: Actor | None = None  # the last body that spoke ("the government said"): a text's owner
    last_speaker_sentence: int = -9

_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _state_agent(actor: Actor) -> bool:
    """Does the actor act for a state (government, forces, police, courts)? A bomber or gunman does not,
    whatever country the sentence gives him: his attack is on the country where it happens."""
    parts = (actor.code or "").split()
    return len(parts) > 1 and parts[-1] in _STATE_SECTORS


def _official_of(actor: Actor, country: str | None) -> bool:
    """Does the actor act for the state of ``country`` (its government, court, forces...)? An official
    coded by role alone ("the court", code "JUD") is taken to be of the country the report is about."""
    parts = (actor.code or "").split()
    if not parts or parts[-1] not in _STATE_SECTORS:
        return False
    return len(parts) == 1 or parts[0] == country


def _hardware_subject(verb) -> bool:
    """Is the verb's subject military equipment ("military vehicles", "armoured cars"), which no actor
    codes but only an army moves?"""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and noun_kind(subj.text) == "device" and any(
        c.dep_ in ("amod", "compound") and sector_of_noun(c.lemma_, c.text) == "MIL" or
        c.lower_ in ("armoured", "armored") for c in subj.children)


_CLAUSES = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis"})


def _in_other_clause(tok, top) -> bool:
    """Is ``tok`` inside a clause of its own below ``top`` (not one of ``top``'s phrases)?"""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in _CLAUSES:
            return True
        cur = cur.head
    return False


def _scene_country(cand: _Cand, found: Found, index: MentionIndex) -> str | None:
    """The country of a place named anywhere under the trigger ("claimed the bombings in Lagos")."""
    for w in [cand.head] + cand.words:
        for tok in w.subtree:
            if _in_other_clause(tok, w):
                continue  # "claimed the attacks, calling them revenge for X's role in Syria": not the scene
            if tok.dep_ != "pobj" or tok.head.lower_ not in _PLACE_PREPS | {"to", "into", "of"}:
                continue
            if country := _place_country(tok, found, index):
                return country
    head = cand.head
    if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        # "attacks claimed by the group left 30 dead in Paris": the scene of the act the participle describes,
        # in the noun's own phrases or in the clause it is the subject or object of
        noun = head.head
        for holder in (noun, noun.head) if noun.dep_ in _SUBJ + ("dobj", "nsubjpass") else (noun,):
            for p in holder.children:
                if p.dep_ != "prep" or p.lower_ not in _PLACE_PREPS or p.i == head.i:
                    continue
                for tok in p.children:
                    if tok.dep_ == "pobj" and (country := _place_country(tok, found, index)):
                        return country
    return None


def _party_place_country(cand: _Cand, found: Found, index: MentionIndex) -> str | None:
    """The country of a place named in the phrases of the party acted on ("a suspect arrested in Peru")."""
    for party in cand.targets:
        for tok in party.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS and not any(
                    w.i == tok.i for w in cand.words) and (country := _place_country(tok, found, index)):
                return country
    return None


def _place_country(tok, found: Found, index: MentionIndex) -> str | None:
    """The country of the place entity at ``tok`` (its resolved place, its name, or the state it
    stands for), or None when ``tok`` names no place."""
    ent = index.at(tok.idx, tok.idx + len(tok))
    if ent is None or ent.type not in ("GPE", "LOC", "FAC"):
        return None
    span = next((m for m in ent.mentions if m[0] <= tok.idx < m[1]), None)
    met = gazetteer.metonym(ent.name)
    return country_from_places(found, span) or country_of_place(ent.name) or (met[0] if met else None)


def _sentence_events(sent, article: Article, found: Found, index: MentionIndex,
                     dates_by_gov: dict[int, object], ctx: _Context | None = None) -> list[Event]:
    ctx = ctx or _Context()
    prev = ctx.last_source if ctx.sentence - ctx.last_sentence <= 2 else None  # "they" two sentences on
    reporter = ctx.last_speaker if ctx.sentence - ctx.last_speaker_sentence <= 3 else None
    out: list[Event] = []
    cands = _candidates(sent, index) + _held_states(sent, index)
    seen_must: set[int] = set()
    for tok in tokens_with_entries(sent, "report"):
            for c in tok.children:
                if c.dep_ == "ccomp" and c.i not in seen_must:
                    must = _must_demand(sent, tok, c, index) or alleged_wrongdoing(tok, c, index)
                    if must is not None:  # the demanded act is the content of the demand, not an event
                        seen_must.add(c.i)
                        inside = {t.i for t in c.subtree}
                        cands = [x for x in cands if x.head.i not in inside]
                        cands.append(must)
    for cand in cands:
        report_verb, _clause = _report_parent(cand.head) if cand.kind != "must" else (None, None)
        if cand.kind != "must":
            _apply_chain(cand, reported=report_verb is not None)
            if cand.kind != "state":  # a held state comes with its holder and the one held
                _arguments(cand, index)
            conditional_threat(cand, index)
            refusal(cand, index)
        speaker_tok = _subject(report_verb)[0] if report_verb is not None else None
        speaker_actor = None
        direct = False
        if speaker_tok is not None and speaker_tok.lower_ not in PRONOUNS:
            speaker_actor = _named_company(speaker_tok, index) or code_actor(speaker_tok, index) \
                or _issuer(speaker_tok, index) or _people_speaker(speaker_tok)
            if speaker_actor is None and any(c.dep_ == "appos" for c in speaker_tok.children):
                # '"I thank the army," said one mother, Jane Roe': the name the quote stage gave the speaker
                speaker_actor = _quote_speaker(cand.head, found, index, direct_only=True)
                direct = speaker_actor is not None
        else:  # no cue, or a pronoun cue ('"... I accept," he said') the quote stage has resolved
            speaker_actor = _quote_speaker(cand.head, found, index, direct_only=report_verb is not None)
            direct = speaker_actor is not None
        if speaker_actor is not None and speaker_actor.code and not direct:
            ctx.last_speaker, ctx.last_speaker_sentence = speaker_actor, ctx.sentence
        factor = cand.factor * (1.0 if report_verb is None else 0.95)
        if cand.head.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") and cand.kind != "must" \
                and report_verb is None:
            factor *= 0.85  # embedded (relative, adverbial) clauses are less often the reported news
        sources = _code_all(cand.sources, speaker_tok, speaker_actor, index, loose=True, prev=prev,
                            direct=direct, reporter=reporter)
        if speaker_actor is not None and cand.type in _SPEECH_ACTS and cand.head.dep_ == "conj" and cand.sources \
                and all(t.pos_ == "NOUN" and not _looks_actor(t, index, people=True) for t in cand.sources):
            # "X said climate change and poverty were driving the surge, and called on donors to": things
            # that name no party cannot call; the parse hung the speaker's second act on what the speaker said
            sources = [(speaker_actor, 0.8)]
        # the affected party of a passive ("a missionary was arrested") and the one asked ("urged its
        # members to") are kept even when uncoded
        targets = _code_all(cand.targets, speaker_tok, speaker_actor, index, prev=prev, direct=direct,
                            loose=cand.passive or cand.addressed)
        # a place read as the party acted on ("raided homes in X", GSR's metonymy) is still where it happened
        place, place_span = _place_for(cand, index, {t.i for t in cand.sources}, found.places)
        place_country = country_from_places(found, place_span) or country_of_place(place)
        # a guessed source country never comes from the target's own words, unless it is the
        # target's nationality word of a domestic act ("President X banned Ugandan candidates")
        tgt_skip = target_words(cand.targets)
        own = frozenset(ss.i for ss in cand.sources)  # an ethnic label does not place its own group
        # a government met or agreed with is as often foreign as not: no one-country guess for it
        diplomatic = cand.type in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT")
        sources = [fill_country(a, f, sent, index, place_country=place_country, skip=tgt_skip, own=own,
                                 diplomatic=diplomatic, article_country=ctx.article_country) for a, f in sources]
        targets = [fill_country(a, f, sent, index, place_country=place_country, prefer_place=True,
                                diplomatic=diplomatic, article_country=ctx.article_country)
                   for a, f in targets]
        if sources and sources[0][0] is not None and (
                actor_country(sources[0][0]) == ctx.article_country or len(all_countries(sent, index)) <= 1):
            # domestic default only where the source's country is the scene (article or sentence)
            targets = [domestic(sources[0][0], a, f) for a, f in targets]
        if not sources and cand.source_actor is not None:
            sources = [(cand.source_actor, 0.7)]
        if not sources and cand.type == "PROTEST" and cand.sources and all(map(_crowd_size, cand.sources)) \
                and not _no_protest(cand.head):
            # "thousands marched on parliament", "hundreds rallied": a crowd told only by its size protests
            crowd = Actor(name="protesters", entity=None, code="OPP",
                          text=" ".join(t.text for t in cand.sources[0].subtree))
            sources = [fill_country(crowd, 0.7, sent, index, place_country=place_country,
                                    article_country=ctx.article_country)]
        if cand.type == "RETREAT" and any(w.lemma_.lower() in _RESIGNING for w in cand.words):
            targets = []  # a resignation has no target (PLOVER), even "handed his resignation to the president"
        if not sources and cand.passive and cand.type == "MOBILIZE":
            # "1,500 soldiers were deployed to the streets of Lyon": a state moves its own forces
            country = place_country or _scene_country(cand, found, index)
            if country:
                sources = [(state_actor(country), 0.6 * 0.8)]
        if not sources and cand.type == "MOBILIZE" and cand.kind == "verb" and _hardware_subject(cand.head):
            # "military vehicles rolled into the capital": the army of the country where they move
            # (else the sentence's one country: "rolled into the capital, Lima," hangs the city loose)
            country = place_country or _scene_country(cand, found, index) or ctx.article_country or (
                countries[0] if len(countries := all_countries(sent, index)) == 1 else None)
            if country:
                subj = next(c for c in cand.head.children if c.dep_ == "nsubj")
                sources = [(Actor(name=f"{gazetteer.country_name(country) or country} military", entity=None,
                                  code=f"{country} MIL", text=" ".join(t.text for t in subj.subtree)), 0.6 * 0.8)]
        if not sources and cand.passive and cand.type in _STATE_ACTS and speaker_actor is not None \
                and _official_of(speaker_actor, place_country or ctx.article_country):
            # "the president said a curfew would be imposed": a state's official announcing an act of
            # their own state with no agent named announces their own act
            sources = [(speaker_actor, 0.8)]
        if not sources and not targets:
            continue  # an event with no participant says nothing about who did what to whom
        scene = place_country or (_scene_country(cand, found, index) or ctx.article_country
                                  if cand.type == "ASSAULT" else None)  # the report's country is the scene
        if cand.type == "ASSAULT" and not targets and sources and sources[0][0] is not None and scene \
                and not any(w.lemma_ == "return" for w in cand.words) and (  # returned fire answers attackers
                actor_country(sources[0][0]) != scene or not _state_agent(sources[0][0])):
            # an attack by outsiders in a country is an attack on that country (PLOVER; also a claim of
            # responsibility, coded as the attack: "the group claimed the bombings in Lagos" -> Nigeria)
            targets = [(state_actor(scene), 0.8)]
        if cand.type == "SUPPORT" and not targets and sources and sources[0][0] is not None \
                and ctx.article_country and actor_country(sources[0][0]) != ctx.article_country \
                and any(w.lemma_.lower() in _SYMPATHY for w in cand.words):
            # "allies sent their sympathy and condolences": with the country the
            # report is about, the one that suffered
            targets = [(state_actor(ctx.article_country), 0.8)]
        # "the embassy protested the decision": a state's protest is a complaint (ACCUSE), no rally
        complaint = cand.type == "PROTEST" and any(w.lemma_.lower() == "protest" for w in cand.words) \
            and bool(sources) and sources[0][0] is not None and code_tail(sources[0][0]) == "GOV"
        if cand.type == "PROTEST":  # "gathered on Freedom Avenue": where they protest, not whom against
            targets = [(a, f) for a, f in targets if a is None or not _a_site(a, found)]
        if cand.type == "PROTEST" and not targets and sources and not complaint:
            default = protest_target(sources[0][0], place_country)
            if default is not None:
                targets = [(default, 0.8)]
        if not sources and cand.passive and cand.type in _STATE_ACTS and place_country and place:
            # "a missionary was arrested in Lebanon": arrests, probes and expulsions with no agent are
            # the acts of the authorities where they happen (CAMEO/PLOVER coders' convention)
            sources = [(Actor(name=place, entity=None, code=place_country), 0.6 * 0.8)]
        if not sources and cand.passive and cand.type in _STATE_ACTS and targets and targets[0][0] is not None:
            # "a suspect arrested in Peru was charged": an agentless state act with no place of its own is
            # done where its party was last acted on (a place in the party's own phrases)
            country = _party_place_country(cand, found, index)
            if country:
                sources = [(state_actor(country), 0.5 * 0.8)]
        if not sources:
            sources = [(None, 0.6)]
        if not targets:
            targets = [(None, 1.0)]
        etype = cand.type if not complaint else "ACCUSE"
        if etype == "ASSAULT" and cand.mode == "future" and not cand.negated and any(
                s.lower_ in ("we", "i") for s in cand.sources):
            etype = "THREATEN"  # "we will lead the fight": an attack announced by its own actor is a threat
        if etype == "ASSAULT" and targets == [(None, 1.0)] and any(
                w.lemma_ in _LAUNCH for w in cand.words) and any(
                o.lemma_.lower() in _MISSILES for w in cand.words for o in w.children if o.dep_ == "dobj") \
                and not any(t.lemma_.lower() in _HARM for t in sent):
            # "fired a ballistic missile into the sea": a weapons test at no one (force posture); a rocket
            # that killed or wounded someone stays an attack
            etype = "MOBILIZE"
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
            out.append(Event(type=etype, source=src, target=tgt, date=date, place=place,
                             span=(sent.start_char, sent.end_char), trigger=trigger,
                             negated=cand.negated, confidence=conf, mode=cand.mode,
                             date_from=date_from, trigger_span=(t_start, t_end),
                             place_span=place_span))
    return out
