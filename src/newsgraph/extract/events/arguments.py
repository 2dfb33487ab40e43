"""Sources and targets: which tokens of the parse an event acts from and on.

The source is the agent (active subject, passive "by" phrase, the head noun of a
relative or participial clause, the subject inherited through conjoined verbs);
the target is the direct object (of the event verb or of its controlled
complement), else the first actor in the event's prepositional phrases, else
the subject of a demanded clause. Who those tokens name (pronouns, "the company",
a text's issuer) and their codes is ``argument_actors``'.
"""

from __future__ import annotations

from ..actors import PRONOUNS, is_non_actor, noun_kind, sector_of_noun
from ..actor_context import token_country
from ..linking import MentionIndex
from .argument_words import (_EVERYONE, _PERSONAL, _goods_origin, _means, _own_envoy, _personal, _reciprocal, _sent,
                             _PUNISHING)
from .candidate import _Cand
from .linking import (_HARDWARE, _OWN_FORCES_TYPES, _looks_actor, _noun_agents, _noun_type, _pobj_actor,
                      first_prep_target, names_event, _prep_targets)
from .syntax import (_PASS_SUBJ, _SUBJ, _agent, _between, _conjuncts, _for_marks, _helped, _infinitive, _objects,
                     _subject)
from .triggers import _STATIVE_PASSIVES


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
        if found is not None and _mutual_open(cand) and len(cand.sources) >= 2 and found.head.lower_ != "with":
            found = None  # "A and B signed a pact to cooperate on government services": what they act on
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
_ADDRESSING = frozenset({"on", "upon", "to", "with"})  # "appealed to", "called upon", "pleaded with" the one asked
# where an appeal is made, not to whom: "called on Facebook for a boycott", "urged on radio"
_CHANNELS = frozenset({"facebook", "twitter", "x", "instagram", "telegram", "youtube", "tiktok", "whatsapp", "radio",
                       "television", "tv", "website", "media", "air", "camera", "platform", "line"})
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
    # "called on Tehran to release the ship", "appealed to donors to give": the object of the
    # trigger's own preposition, or of the one right before the "to"-complement, is asked, whatever
    # the parser made of that complement
    starts = {c.left_edge.i for c in verb.children if c.dep_ in ("xcomp", "advcl") and _infinitive(c)}
    asked = next((o for p in verb.children if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ("DATE", "TIME")
                  and o.lower_ not in _CHANNELS
                  and (p.i in word_ids or p.lower_ in _ADDRESSING and o.right_edge.i + 1 in starts)), None)
    if not any(c.dep_ == "xcomp" and not any(x.dep_ in _SUBJ for x in c.children) for c in verb.children):
        if not any(c.dep_ == "advcl" and _infinitive(c) for c in verb.children):
            return None
        return asked
    objs = [o for o in verb.children if o.dep_ == "dobj" and o.i not in word_ids
            and (o.pos_ in ("NOUN", "PROPN") or o.lower_ in PRONOUNS)]
    return objs[0] if objs else asked

