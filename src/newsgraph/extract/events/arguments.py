"""Sources and targets: who acts on whom, from the parse, pronouns and quotes.

The source is the agent (active subject, passive "by" phrase, the head noun of a
relative or participial clause, the subject inherited through conjoined verbs);
the target is the direct object (of the event verb or of its controlled
complement), else the first actor in the event's prepositional phrases, else
the subject of a demanded clause.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ...model import Actor, Found
from ..actor_context import code_tail, token_country
from ..actors import PRONOUNS, code_actor, entity_codes, is_non_actor, noun_kind, phrase_tokens, sector_of_noun
from ..dateline_tokens import dateline_end
from .. import gazetteer
from ..event_lexicon import UNDERGONE_NOUNS, is_event_noun
from ..linking import MentionIndex
from .antecedents import host_subject, people_before, thing_before
from .argument_words import (_PERSONAL, _agrees, _bare_spokesperson, _demonym, _goods_origin, _means, _own_envoy, _sent,
                             _pact, _personal, _plural_group, _reciprocal, _weapon_owner, _DECIDED, _PUNISHING)
from .candidate import _Cand
from .linking import (_HARDWARE, _OWN_FORCES_TYPES, _looks_actor, _noun_agents, _noun_type, _pobj_actor,
                      first_prep_target, names_event, _prep_targets)
from .syntax import (_PASS_SUBJ, _SUBJ, _agent, _between, _conjuncts, _counted, _for_marks, _helped, _infinitive,
                     _objects, _subject)
from .triggers import _STATIVE_PASSIVES
from ..doc_memo import sentence_of


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
        sides = _between(subj) if not agents else None  # "fighting between two armed groups killed 27"
        subj = agents[0] if agents else sides[0] if sides else subj
    if subj is not None and subj.pos_ == "NOUN" and noun_kind(subj.text) == "abstract":
        # "our priority is to pull out the troops": the one whose goal it is acts, never the goal
        subj = next((c for c in subj.children if c.dep_ == "poss"), None)
    agent = _agent(head)
    if agent is not None and _means(agent, index):
        agent = None  # "were evacuated by sea", "by helicopter": how, not who
    if passive and agent is None and head.lemma_ in _STATIVE_PASSIVES:
        passive = False  # "Israel is opposed to", "Vietnam is committed to": the subject holds the stance
    cand.passive = passive
    if passive:
        cand.sources = _conjuncts(agent) if agent is not None else []
        named = subj is not None and any(w.i in {t.i for t in cand.words} and w.i != head.i for w in subj.subtree)
        # "a state of emergency was declared": the subject names the act itself, nobody it befalls (a
        # participle inside its noun's phrase, "a suspect arrested in X", names who it befalls)
        cand.targets = _conjuncts(subj) if subj is not None and not named else []
        if subj is not None and (cand.type in _OWN_FORCES_TYPES and sector_of_noun(subj.lemma_, subj.text) in (
                "MIL", "COP") or head.lemma_ in ("fire", "launch") and (subj.lemma_ in _HARDWARE or is_non_actor(
                subj.text))):  # ("drones fired by Russia": what was fired, not at whom)
            cand.targets = []  # "1,500 soldiers were deployed": the forces moved, not a party acted on
    else:
        cand.sources = _conjuncts(subj) if subj is not None else []
        if subj is not None and subj.i < head.i:
            # "Gunmen abducted 80 students ..., police and residents said": a subject's partners come
            # before its verb; names after it that the parser conjoined are someone else (the speakers)
            cand.sources = [c for c in cand.sources if c.i < head.i]
        if head.dep_ == "relcl" and subj is not None and subj.i != head.head.i and not _infinitive(head) \
                and not any(c.lower_ == "whose" for c in subj.children) \
                and head.head.pos_ in ("NOUN", "PROPN") and not any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in _RELATIVES
                    or c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon")
                    and any(_looks_actor(o, index, people=True) for o in c.children)
                    or c.lower_ in ("where", "when", "why") for c in head.children) \
                and noun_kind(head.head.text) != "place" and head.head.ent_type_ not in ("DATE", "TIME"):
            # "the aid workers they abducted": the object (not "the village where soldiers fired on
            # protesters", "the week that soldiers fired on them", "X, whose troops fought": its owner)
            cand.targets = [head.head]
    named = subj is not None and (subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"))
    between = _between(head) if not named and not any(c.dep_ in _SUBJ + _PASS_SUBJ for c in head.children) else None
    if between:  # "fighting between the army and militias grew" (not "X was ready to mediate between them")
        cand.sources, cand.targets = [between[0]], [between[1]]
    word_ids = {w.i for w in cand.words}
    addressee = _addressee(head, word_ids) if cand.type in _ADDRESSED and not cand.targets else None
    if addressee is not None:  # "urged the province to vote Yes": the province is asked, "Yes" is no party
        cand.targets, cand.addressed = _conjuncts(addressee), True
    if not cand.targets:
        for o in _objects(head):
            if o.i not in word_ids and o.pos_ == "NOUN" and _noun_type(o, index, as_object=True):
                # "rejected Russia's proposal" -> Russia ("its troops" are its own; "protesters demanding his
                # resignation": "his" is someone the protesters are not)
                agents = [a for a in _noun_agents(o, index) if a.pos_ != "PRON" or a.lower_ in _PERSONAL
                          and subj is not None and not _personal(subj)]
                if agents:
                    cand.targets = agents
                    break
    verbs = [head] + [c for c in cand.chain + cand.inner if c.pos_ in ("VERB", "AUX")
                      and (c.dep_ == "xcomp" or c.dep_ in ("acl", "relcl", "advcl") and _infinitive(c))
                      and not any(x.dep_ in _SUBJ for x in c.children)]
    if not cand.targets:  # "refused to meet Jordan's king": the complement's object
        objs = [o for v in verbs for o in _objects(v) if o.i not in word_ids and _looks_actor(o, index)
                and not (_own_envoy(o, subj) or _sent(o))
                and not (_noun_type(o, index, as_object=True) and cand.type in _OWN_FORCES_TYPES)  # troops offered
                and not (cand.type in _OWN_FORCES_TYPES and sector_of_noun(o.lemma_) == "MIL")]
        if not objs:
            for o in _objects(head):
                if o.i in word_ids or (_own_envoy(o, subj) or _sent(o)):
                    continue  # "blocked roads": the object is part of the trigger
                if o.pos_ == "NOUN" and noun_kind(o.text) == "people":
                    continue  # "rescued survivors from the ruins of a church": the people, not the church
                actor = _pobj_actor(o, index)
                own = cand.type in _OWN_FORCES_TYPES and sector_of_noun(actor.lemma_) == "MIL" if actor else False
                if actor is not None and o.lemma_ not in ("fire",) and not own \
                        and not _noun_type(o, index, as_object=True):
                    objs = [actor]
                    break
        if objs:
            cand.targets = _conjuncts(objs[0])
    if _mutual_open(cand) and len(cand.sources) == 1:  # "the leaders of Armenia and Azerbaijan met at the White House"
        both = [o for p in cand.sources[0].children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
        sides = _conjuncts(both[0]) if both else []
        if len(sides) >= 2 and all(_looks_actor(x, index) for x in sides[:2]):
            cand.sources, cand.targets = sides[:1], sides[1:2]
    if not cand.targets:  # "recalled its ambassador to France (in protest at ...)": where the envoy is posted
        cand.targets = [x for o in _objects(head) if (_own_envoy(o, subj) or _sent(o)) for p in o.children
                        if p.dep_ == "prep" and p.lower_ in ("to", "in", "from")
                        for x in p.children if x.dep_ == "pobj" and _looks_actor(x, index)][:1]
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
        # "arrested the suspect in Lima": with people acted on, an "in" place is the scene, not the target
        people_obj = any(o.pos_ == "NOUN" and noun_kind(o.text) == "people" for o in _objects(head))
        # "A and B met in Geneva": where two parties meet is the venue, not a third party ("arrived in
        # Freetown" alone is a visit to the country)
        in_ok = not people_obj and not (cand.type in _MUTUAL_TYPES and len(cand.sources) >= 2)
        found = first_prep_target(places, index, exclude=cand.sources, in_ok=in_ok)
        if found is not None:
            cand.targets = _conjuncts(found)
        if not cand.targets:
            for t in places:
                if not names_event(t):
                    continue  # a thing's two ends ("a rail line between A and B") are no parties
                between = _between(t)
                if between:
                    cand.targets = [between[1]]
                    break
    _mutual(cand)
    if _resigns(cand):
        cand.targets = []  # "resigned over the government's handling of X": a resignation has no target
    if not cand.targets and cand.type in ("AGREE", "AID"):  # "pledged $4 billion to help Pakistan rebuild"
        cand.targets = [o for o in _helped(head) if _looks_actor(o, index)][:1]
    if not cand.targets and cand.type == "SANCTION":  # "imposed tariffs on Chinese-made cars"
        cand.targets = _goods_origin([head, *cand.words, *verbs])
    if not cand.targets:  # last resort: people named by what they are ("rescued survivors")
        objs = [o for v in verbs for o in _objects(v) if _looks_actor(o, index, people=True) and not (
            cand.type in _OWN_FORCES_TYPES and (o.i in word_ids or sector_of_noun(o.lemma_) in ("MIL", "COP")))
            and not (_own_envoy(o, subj) or _sent(o))] or \
            [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in ("for", "against", "on", "at")
             for o in p.children if o.dep_ == "pobj" and _looks_actor(o, index, people=True)]
        objs = objs or [o for v in verbs for o in _objects(v) if o.lower_ in _EVERYONE]
        if objs:
            cand.targets = _conjuncts(objs[0])
    if not cand.targets and cand.type in ("SANCTION", "COERCE", "ASSAULT"):
        # "expelled two Russian diplomats": the people named in the trigger are its target
        for w in cand.words:
            if w.i != head.i and w.pos_ == "NOUN" and sector_of_noun(w.lemma_) and any(
                    c.dep_ in ("amod", "compound") and token_country(c, index) for c in w.children):
                cand.targets = [w]
                break
    if not cand.targets:
        # complement clauses: "demanded that X withdraw", "urged X to", "called for X to resign": the clause subject
        for c in [cand.head] + cand.chain + cand.inner:
            marked = {m.head.i for m in _for_marks(c)}
            for cc in c.children:
                if cc.dep_ in ("ccomp", "xcomp") or cc.i in marked:
                    s = [x for x in cc.children if x.dep_ in _SUBJ + _PASS_SUBJ]
                    if s and _looks_actor(s[0], index) and not (cand.type == "THREATEN" and cc.lemma_ in _PUNISHING):
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

_ADDRESSED = frozenset({"REQUEST", "DEMAND"})
_RELATIVES = frozenset({"that", "which", "who", "whom"})
# acts two parties do together: "A and B met" is one act, by the first named with the second
_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
_JOINT_TYPES = frozenset({"CONSULT", "COOPERATE"})  # done with someone, whatever the verb
_MUTUAL_VERBS = frozenset({"meet", "talk", "sign", "agree", "negotiate", "confer", "cooperate", "ink", "conclude"})


def _mutual_open(cand: _Cand) -> bool:
    """A mutual act ("met", "signed a truce"; any talks or joint act: "discussed trade", "began joint
    exercises") with no other party named yet."""
    return (cand.type in _MUTUAL_TYPES and not cand.targets and not cand.passive
            and (cand.head.lemma_ in _MUTUAL_VERBS or cand.type in _JOINT_TYPES))


def _mutual(cand: _Cand) -> None:
    """"The two presidents met", "A and B signed a truce": with no other party named, the conjoined
    doers act with each other; PLOVER codes the act once, the first named as its source."""
    if len(cand.sources) >= 2 and (_mutual_open(cand) or not cand.targets and _reciprocal(cand.head)):
        cand.sources, cand.targets = cand.sources[:1], cand.sources[1:2]


def _resigns(cand: _Cand) -> bool:
    """A resignation ("resigned", "stepped down", "abdicated"): the convention gives it no target."""
    head = cand.head
    return cand.type == "RETREAT" and (head.lemma_ in ("resign", "abdicate") or head.lemma_ == "step" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in head.children))


def _addressee(verb, word_ids: set[int]):
    """The one an appeal or order is made to when the verb controls a "to"-complement with its object
    ("urged the province to vote", "ordered its members to return"), or None.

    That object is the complement's subject, so it is the party asked; what the complement
    names ("vote Yes", "back Labour") is the content of the appeal, an option and not a party.
    """
    if not any(c.dep_ == "xcomp" and not any(x.dep_ in _SUBJ for x in c.children) for c in verb.children):
        # "called on Tehran to release the ship", "appealed to donors to give": the object of the
        # trigger's own preposition is asked, whatever the parser made of the "to"-complement
        if not any(c.dep_ == "advcl" and _infinitive(c) for c in verb.children):
            return None
        return next((o for p in verb.children if p.dep_ == "prep" and p.i in word_ids for o in p.children
                     if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
    objs = [o for o in verb.children if o.dep_ == "dobj" and o.i not in word_ids
            and (o.pos_ in ("NOUN", "PROPN") or o.lower_ in PRONOUNS)]
    return objs[0] if objs else None


def _quote_speaker(tok, found: Found, index: MentionIndex, *, direct_only: bool = False) -> Actor | None:
    """The speaker of the quote containing ``tok`` (from ``found.quotes``)."""
    for q in found.quotes:
        if q.span[0] <= tok.idx < q.span[1] and q.speaker is not None and (q.kind == "direct" or not direct_only):
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
    if tok.lower_ in ("neither", "both", "either", "each"):
        return None  # "analysts say neither would accept a deal": the two sides named before, never the speaker
    if speaker_actor is not None and tok.lower_ in _PERSONAL and speaker_tok is not None \
            and not _personal(speaker_tok):
        speaker_actor = None  # "police charged him with treason, his party said": the party is no "him"
    if speaker_actor is not None and tok.lower_ in ("they", "them", "their") and speaker_tok is not None \
            and speaker_tok.tag_ in ("NN", "NNP") and _personal(speaker_tok):
        speaker_actor = None  # "a spokeswoman said they would meet again": one person is no "they"
    people = people_before(tok, index)
    if people is not None:  # "soldiers fired shots to disperse them, witnesses said": not the witnesses
        return people
    thing = thing_before(tok)
    if thing is not None:  # "gunmen surrounded the church and set fire to it, villagers said"
        return code_actor(thing, index)
    host = host_subject(tok)
    if host is not None:  # "ministers will discuss X when they meet": the ministers, not X
        return code_actor(host, index)
    if speaker_actor is not None and (not direct or tok.lower_ in ("i", "we", "our", "my")):
        # in a direct quote "they" are others; only the first person is the speaker
        if tok.lower_ in ("we", "our") and speaker_actor.code:
            body = _own_body(tok, speaker_actor, index)
            if body is not None:  # "we therefore dismiss the defendant", a judge said: the court rules
                return body
            country = speaker_actor.code.split()[0]
            return Actor(name=speaker_actor.name, entity=speaker_actor.entity,
                         code=f"{country} GOV" if gazetteer.country_name(country) else speaker_actor.code)
        return speaker_actor
    if speaker_actor is None and speaker_tok is not None and speaker_tok.pos_ == "NOUN" and not direct \
            and _agrees(tok, speaker_tok):
        # "the employers' association said it would seek an injunction": an unnamed body speaks of itself
        body = _described(speaker_tok, index)
        if body is not None:
            return body
    held = _held_object(tok)
    if held is not None:
        return code_actor(held, index)
    main = _relative_clause_holder(tok)
    body = _described(main, index) if main is not None else None
    if body is not None:
        return body
    if prev is not None and tok.lower_ in ("they", "their", "them") or prev is not None and tok.lower_ in (
            "it", "its") and not _plural_group(prev):  # "threatened to blockade it": never the farmers before
        return prev
    types = ("PERSON",) if tok.lower_ in _PERSONAL else ("GPE", "ORG", "NORP")
    limit = tok.idx
    if tok.dep_ in ("dobj", "dative", "oprd") and tok.lower_ in ("it", "them", "him", "her"):
        # "X, an analyst at firm Y, called it a good deal": an object pronoun is never its clause's
        # subject nor anything in the subject's phrase (that would be "itself"): look before the subject
        subj, _ = _subject(tok.head)
        if subj is not None and subj.i < tok.i:
            limit = min(limit, subj.left_edge.idx)
    hit = index.before(limit, types=types)
    if types == ("PERSON",):
        bare = _bare_name_before(tok, index, after=hit[0][1] if hit else 0)
        if bare is not None:
            return bare
    if hit is None:
        return None
    (s, e), _ = hit
    if tok.idx - s > 400:
        return None
    span = tok.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    if len(span) and span[0].i <= dateline_end(sentence_of(span[0])):
        return None  # "DUBAI (Reuters) - ... accusing it of smuggling": a wire credit is no antecedent
    return code_actor(span.root, index)

def _held_object(tok):
    """"Police detained three students, accusing them of arson": the object pronoun of a participle
    clause names the object of the verb the clause hangs on (the same people, just acted upon), not
    an earlier name ("banned the party, accusing it of"); it agrees in number ("them" plural, "it"/"him"/"her"
    singular)."""
    if tok.dep_ != "dobj" or tok.lower_ not in ("them", "him", "her", "it"):
        return None
    verb = tok.head
    if verb.dep_ not in ("advcl", "conj") or verb.dep_ == "advcl" and verb.tag_ != "VBG" or verb.head.pos_ != "VERB":
        # "detained three students, accusing them", "arrested X and charged him": the object acted on again
        return None
    if tok.lower_ == "it" and verb.dep_ == "conj":
        return None  # "the action triggered speculation, but its backers praised it": the subject, not the object
    plural = tok.lower_ == "them"
    # "imposed sanctions on three commanders, accusing them": the party acted on sits after "on"/"against"
    held = [o for o in verb.head.children if o.dep_ == "dobj"] + [
        g for o in [verb.head, *(c for c in verb.head.children if c.dep_ == "dobj")] for p in o.children
        if p.dep_ == "prep" and p.lower_ in ("on", "against") for g in p.children if g.dep_ == "pobj"]
    for o in held:
        if o.pos_ in ("NOUN", "PROPN") and (o.tag_ in ("NNS", "NNPS")) == plural \
                and not is_non_actor(o.lemma_.lower()) and not is_event_noun(o.lemma_.lower()):
            return o
    return None


_BODY_SECTORS = frozenset({"JUD", "LEG", "MIL", "COP"})


def _own_body(tok, speaker: Actor, index: MentionIndex) -> Actor | None:
    """The body a quoted member speaks for with "we": the organisation named before the quote whose
    sector is the speaker's (a judge's "we" is the court, a general's the army), else None."""
    sector = code_tail(speaker)
    if sector not in _BODY_SECTORS:
        return None
    for span, ent in reversed(index.mentions_between(0, tok.idx)):
        if ent.type != "ORG":
            continue
        actor = _actor_from_span(tok.doc, span[0], span[1], index)
        if actor is not None and code_tail(actor) == sector:
            return actor
    return None


def _bare_name_before(tok, index: MentionIndex, *, after: int) -> Actor | None:
    """A person named by one part of their name after the last tagged person mention, before ``tok``.

    The recognizer often misses a bare surname ("the ruling opens Smith up to
    charges - prosecutors named her a suspect"): when such a word, outside any
    tagged entity, is a part of a person the article names in full, it is the
    last person named, so "he"/"she" goes to it and not to the tagged one before.
    """
    parts = index.person_parts()
    if not parts:
        return None
    for t in reversed(tok.doc[max(0, tok.i - 60):tok.i]):
        if t.idx < after or tok.idx - t.idx > 400:
            break
        ent = parts.get(t.text)
        tagged = index.at(t.idx, t.idx + len(t)) if ent is not None else None
        if ent is not None and t.pos_ == "PROPN" and (tagged is None or (  # untagged, or mistagged alone
                tagged.name == t.text and tagged.type not in ("PERSON", "GPE"))):
            s, e = ent.mentions[0]
            return _actor_from_span(tok.doc, s, e, index)
    return None


def _described(tok, index: MentionIndex) -> Actor | None:
    """The actor a pronoun's antecedent ``tok`` names, kept as its words when no list codes it."""
    own = _code_all([tok], None, None, index, loose=True)
    return own[0][0] if own else None


def _relative_clause_holder(tok):
    """"Militants released the workers they abducted": the subject pronoun of a relative clause on the
    main clause's object is, when it agrees, the main clause's subject (its acts run on)."""
    if tok.dep_ != "nsubj" or tok.head.dep_ != "relcl":
        return None
    verb = next((a for a in tok.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = _subject(verb)[0] if verb is not None else None
    return subj if subj is not None and subj.pos_ != "PRON" and _agrees(tok, subj) else None


def _clause_subject(tok, *, passive_ok: bool = False):
    """The non-pronoun subject of the clause a token sits in (for "its"/"their" inside it); a passive
    subject only when asked (``passive_ok``: "X was questioned before his arrest", X undergoes both)."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj, passive = _subject(anc)
            if subj is not None and subj.pos_ != "PRON" and (passive_ok or not passive) and subj.i != tok.i:
                return subj
            return None
    return None

_COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "giant", "group", "conglomerate", "carmaker",
                            "retailer", "maker", "bank", "lender", "insurer"})


_NOT_COMPANIES = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "SPY", "IGO"})  # code parts of public bodies


def _named_company(tok, index: MentionIndex) -> Actor | None:
    """The organisation "the company" points back to: the first one the article named before it."""
    if tok.lemma_.lower() not in _COMPANY_NOUNS or tok.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
        return None
    if any(c.dep_ in ("compound", "amod", "poss") for c in tok.children):
        return None  # "the parent company", "Acme's company": another body
    # news names its subject company first ("Acme will buy Widget ... the company said"): the first
    # organisation named before, not the last (often the object of the deal)
    cut = dateline_end(next(tok.doc.sents))  # "JOHANNESBURG (Reuters) -": the dateline names no company
    start = tok.doc[cut].idx + 1 if cut >= 0 else 0
    # a regulator, court, ministry or international body named before is who acts on the company, never it
    orgs = [ent for _, ent in index.mentions_between(start, tok.idx) if ent.type == "ORG"
            and not any(part in _NOT_COMPANIES for code in entity_codes(ent, ent.name) if code
                        for part in code.split())]
    if not orgs:
        return None
    return Actor(name=orgs[0].name, entity=orgs[0].id, code=None)


def _issuer(tok, index: MentionIndex) -> Actor | None:
    """The body a text speaks for: "the ministry's statement said", "the crisis centre website said"
    (the text's owner, named by its possessor or the noun before it), or None."""
    if noun_kind(tok.text) != "document":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None) or next(
        (c for c in tok.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is None or noun_kind(owner.text) is not None and noun_kind(owner.text) != "people":
        return None  # "the news release said": no owner named
    actor = code_actor(owner, index)
    if actor is not None:
        return actor
    return uncoded([t for t in owner.subtree if t.dep_ not in ("det", "case", "punct")])


def uncoded(words) -> Actor:
    """An actor no code names, written as its words are ("organisers", "the farmers' union")."""
    name = " ".join(t.text for t in words)
    return Actor(name=name, entity=None, code=None, text=name, span=(words[0].idx, words[-1].idx + len(words[-1])))


_EVERYONE = frozenset({"everyone", "everybody"})
# demonstrative and indefinite pronouns: unnamed people, never an earlier actor
_INDEFINITE = frozenset({"those", "these", "some", "many", "others", "few", "several", "most", "someone",
                         "somebody", "anyone", "anybody"})
# members of an armed group named through it ("its fighters"): they act as the group
# organs of a body named through it ("its central committee", "its board"): they act as the body
_ORGANS = frozenset({"committee", "board", "politburo", "presidium", "leadership", "executive", "secretariat",
                     "directorate"})
_MEMBERS = frozenset({"fighter", "militant", "extremist", "jihadist", "gunman", "gunmen", "member", "militiaman",
                      "insurgent"})


def _surname_alone(tok, index: MentionIndex) -> Actor | None:
    """"Park's acts ...": a bare name the tagger left outside any entity mention is the person the
    article already named in full with it ("President Park Geun-hye"), when only one person has it."""
    if tok.pos_ != "PROPN" or any(c.dep_ in ("compound", "det") for c in tok.children) or tok.dep_ == "compound":
        return None
    ent = index.person_parts().get(tok.text)
    if ent is None or not ent.mentions or min(m[0] for m in ent.mentions) >= tok.idx:
        return None
    first = min(ent.mentions)
    span = tok.doc.char_span(first[0], first[1], alignment_mode="expand")
    actor = code_actor(span.root, index) if span is not None and len(span) else None
    if actor is None or actor.entity != ent.id:
        return None
    return replace(actor, text=tok.text, span=(tok.idx, tok.idx + len(tok)))


def _code_all(toks: Iterable, speaker_tok, speaker_actor, index: MentionIndex, *,
              loose: bool = False, prev: Actor | None = None,
              direct: bool = False, reporter: Actor | None = None) -> list[tuple[Actor, float]]:
    """Coded actors for argument tokens; ``loose`` keeps an uncoded noun phrase (subjects); ``prev`` is
    the source of the event just before, ``reporter`` the body that spoke last (a statement's owner)."""
    out: list[tuple[Actor, float]] = []
    for t in toks:
        if t.dep_ == "poss" and t.lower_ in ("its", "their", "his", "her"):
            # "Moscow has asked ... over its deployment": its = Moscow; "X was held before his
            # arrest": X undergoes the arrest, though X is the passive subject
            owner = _clause_subject(t, passive_ok=t.head.lemma_.lower() in UNDERGONE_NOUNS)
            if owner is not None and t.lower_ in _PERSONAL and not _personal(owner):
                owner = None  # "the US and the EU called for his release": "his" is a person, not the US
            if owner is not None:
                actor = code_actor(owner, index)
                if actor is not None:
                    out.append((actor, 0.85))
                    continue
        owner = next((c for c in t.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is not None and t.lemma_.lower() in _MEMBERS:
            # "the group said its fighters attacked": the members of a group act as the group
            actor = _resolve_pronoun(owner, speaker_tok, speaker_actor, index, prev=prev, direct=direct)
            if actor is not None and (actor.entity or actor.code) and not (actor.code or "").endswith("GOV"):
                out.append((actor, 0.85))
                continue
        if owner is not None and t.lemma_.lower() in _ORGANS and not t.ent_type_ == "PERSON":
            # "the union ... once its executive board had voted": an organ of a body acts as the body,
            # the organisation named last before it in the sentence ("its" is never a person)
            hit = index.before(owner.idx, types=("ORG",))
            if hit is not None and hit[0][0] >= sentence_of(t).start_char:
                actor = _actor_from_span(t.doc, hit[0][0], hit[0][1], index)
                if actor is not None:
                    out.append((replace(actor, text=actor.text or actor.name), 0.85))
                    continue
        if t.lower_ in _EVERYONE and t.dep_ in ("dobj", "pobj", "dative"):
            # "called on everyone to stay calm": an appeal to all is addressed to the public
            out.append((Actor(name="public", entity=None, code=None, text=t.text, span=(t.idx, t.idx + len(t))), 1.0))
            continue
        if t.lower_ in _INDEFINITE:
            continue  # "joined those calling for X to go", "others urged": people unnamed, no antecedent
        if t.lower_ in PRONOUNS or t.pos_ == "PRON":
            actor = _resolve_pronoun(t, speaker_tok, speaker_actor, index, prev=prev, direct=direct)
            if actor is not None:
                out.append((actor, 0.85))
            continue
        if noun_kind(t.text) == "quantity" and t.pos_ == "NOUN":
            counted = _counted(t)  # "dozens of protesters": the protesters act, not the count
            if counted is None:
                continue
            t = counted
        if t.dep_ in _SUBJ and noun_kind(t.text) == "document" and index.at(t.idx, t.idx + len(t)) is None:
            # "the ministry's statement urged ...": a text acts for its owner; "the statement warned citizens
            # to stay home" with no owner named is the text of the body that spoke (else acted) just before
            earlier = (prev or reporter) if t.lemma_.lower() in _DECIDED else (reporter or prev)  # "the measures
            # freeze assets": the body that decided them, not the one who spoke of them last
            owner = _issuer(t, index) or (earlier if earlier is not None and earlier.code and not _pact(t) and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children) else None)
            if owner is not None:
                out.append((owner, 0.85))
            continue
        if t.dep_ in _SUBJ and reporter is not None and reporter.code and _bare_spokesperson(t):
            out.append((reporter, 0.85))  # "China's coast guard said ... A spokesman urged Manila": its voice
            continue
        if is_non_actor(t.text) and index.at(t.idx, t.idx + len(t)) is None:
            out.extend((a, 0.8) for a in [_weapon_owner(t, index)] if a is not None)  # "Russian missiles hit"
            continue  # "the quake struck", "two bombs exploded", "the statement warned": nothing that acts
        actor = code_actor(t, index)
        factor = 1.0
        if actor is None:
            actor = _surname_alone(t, index)
        named = _named_company(t, index) if actor is not None and actor.entity is None else None
        if named is not None:  # "the company says it will buy": the company the article just named
            actor, factor = replace(named, text=actor.text, span=actor.span), 0.85
        if actor is not None and actor.code and actor.code.endswith(" GOV") \
                and t.text.endswith("s") and _demonym(t) \
                and (not loose or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)):
            # "aid for Syrians", "thousands of Syrians marched": a people are its civilians, not its state
            # ("the Syrians said" stays the state's side)
            actor = Actor(name=actor.text or actor.name, entity=actor.entity, code=actor.code[:-3] + "CVL",
                          text=actor.text, span=actor.span)
        if actor is None and (loose or t.pos_ == "NOUN" and noun_kind(t.text) == "people") \
                and t.pos_ in ("NOUN", "PROPN") and not t.like_num and not is_event_noun(t.lemma_.lower()):
            toks_ = phrase_tokens(t) if loose else [t.left_edge, t]  # "survivors", not "... from the rubble"
            text = t.doc[toks_[0].i:toks_[-1].i + 1].text
            name = text.split("\n")[-1].strip() or t.text
            actor = Actor(name=name, entity=None, code=None, text=name,
                          span=(t.doc[toks_[0].i].idx, t.doc[toks_[-1].i].idx + len(t.doc[toks_[-1].i])))
            factor = 0.8
        if actor is not None and all(a != actor for a, _ in out):
            out.append((actor, factor))
    return out
