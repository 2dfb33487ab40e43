"""Article-level fixes of event actors: what one sentence leaves open, the article often says.

A sentence-level reading leaves two common gaps that the rest of the report fills:

- **Condemning an attack accuses its authors.** "The president called the attacks
  an act of war" names no one, but PLOVER codes the condemnation as ACCUSE against
  whoever carried out the attacks: the agent in the label ("an act of war *by* the
  group") or, failing that, the attacker the article reports (a claim of
  responsibility, or the first attack with a named agent).
- **Judging a deal judges the party that made it.** "An analyst hailed it as a fair
  merger", "critics attacked the takeover": the target is the source of the article's
  first transaction or agreement ("X is buying Y" -> X).
- **Protesting a decision protests its maker.** "Crowds gathered to protest the
  ruling" targets the authority whose decision the article reported first.
- **A passive act's agent in a conjoined verb.** "One gunman was shot and killed by
  police": the "by" phrase hangs on the second verb only; it is the agent of both.

Each rule fills only an empty slot, never overrides an actor the sentence gives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ...model import Event
from ..actor_context import code_tail
from ..actors import code_actor, is_agent_name
from ..doc_memo import tokens_starting_in
from ..event_lexicon import entries
from ..linking import MentionIndex
from .syntax import _agent, _infinitive, _objects

# reactions to an act told earlier: their target is the act's author
_JUDGING = frozenset({"ACCUSE", "REJECT", "PROTEST", "SUPPORT", "DEMAND", "REQUEST"})
_LABEL_DEPS = frozenset({"oprd", "xcomp", "prep", "dobj", "advcl", "ccomp"})


def _token(doc, span):
    if span is None:
        return None
    got = doc.char_span(span[0], span[1], alignment_mode="expand")
    return got[0] if got is not None and len(got) else None


def _is_attack_noun(tok) -> bool:
    return any(e.type == "ASSAULT" for e in entries(tok, "noun"))


def _label_agent(verb, index: MentionIndex):
    """The author named inside the label: "called the spree an act of war by the group" -> the group."""
    active = any(c.dep_ == "nsubj" for c in verb.children)
    for tok in verb.subtree:  # an active verb's "by" phrase is the label's ("called X an act of war by Y")
        if tok.dep_ in ("prep", "agent") and tok.lower_ == "by" and (tok.head.i != verb.i or active):
            for o in tok.children:
                if o.dep_ == "pobj":
                    actor = code_actor(o, index)
                    if actor is not None and is_agent_name(actor):
                        return actor
    return None


def _attacker(events: Sequence[Event], doc):
    """The attacker the article reports: a claimant first, else the first attack with a named agent."""
    attacks = [e for e in events if e.type == "ASSAULT" and e.source is not None and is_agent_name(e.source)
               and not e.negated and e.mode not in ("hypothetical", "conditional")]
    for ev in attacks:
        tok = _token(doc, ev.trigger_span)
        if tok is not None and tok.lemma_ == "claim":
            return ev.source
    return attacks[0].source if attacks else None


# nouns naming a transaction or formal agreement ("hailed it as a fair merger", "criticised the takeover")
_DEAL_NOUNS = frozenset({"deal", "acquisition", "purchase", "merger", "takeover", "transaction", "buyout"})
_DEAL_VERBS = frozenset({"buy", "acquire", "purchase", "merge", "deal", "agreement", "takeover", "acquisition"})


def _judged_deal(verb) -> bool:
    """Does the judging verb's object or label name a deal ("praised the acquisition", "hailed it as a
    fair merger") rather than a party?"""
    return any(c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and c.lemma_.lower() in _DEAL_NOUNS
               for c in verb.children)


# nouns naming a decision taken by an authority ("protested the ruling", "criticised the verdict")
_RULING_NOUNS = frozenset({"decision", "ruling", "verdict", "judgment", "judgement"})
_AUTHORITY_SECTORS = frozenset({"JUD", "GOV", "LEG"})


def _judged_ruling(verb) -> bool:
    """Is the verb's object a definite decision ("protest the decision", "condemned the verdict"), or
    that of its purpose clause ("marched through the capital to protest the ruling": the march is the
    trigger, the protest says what it is against)?"""
    def judges(v) -> bool:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _RULING_NOUNS and any(
            d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children) for c in v.children)

    return judges(verb) or any(
        c.dep_ in ("advcl", "xcomp") and _infinitive(c) and judges(c) for c in verb.children)


def _ruler(events: Sequence[Event], doc):
    """The authority whose decision the article reported first: the source of the first act told as a
    decision ("the court's decision to remove X") or by a court, government or legislature."""
    for ev in events:
        if ev.source is None or ev.negated or ev.type in ("PROTEST", "ASSAULT") or not is_agent_name(ev.source):
            continue
        tok = _token(doc, ev.trigger_span)
        decided = tok is not None and tok.head.lemma_.lower() in _RULING_NOUNS
        if decided or code_tail(ev.source) in _AUTHORITY_SECTORS:
            return ev.source
    return None


def _deal_maker(events: Sequence[Event], doc):
    """The party that made the article's deal: the source of its first transaction or agreement."""
    for ev in events:
        if ev.type not in ("AGREE", "SUPPORT") or ev.source is None or ev.negated:
            continue
        span = ev.trigger_span or (0, 0)
        if any(t.lemma_.lower() in _DEAL_VERBS for t in tokens_starting_in(doc, span[0], span[1])) \
                and is_agent_name(ev.source):
            return ev.source
    return None


_DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def _named_acts(verb) -> list:
    """Definite event nouns the verb judges ("condemned the sanctions", "called the walkout illegal",
    "described the raids as persecution"): each points back to an act the article already told."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return [o for o in objs if any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in o.children)
            and (entries(o, "noun") or o.lemma_.lower() in _BARE_ACTS | _SAID)]


# what someone said of another, named without its author ("Reil rejected the claim"): the one who spoke last
_SAID = frozenset({"claim", "assertion", "suggestion", "charge"})

# nouns that name an act without saying which ("condemned the move"): the act the article told last
_REACTIONS = frozenset({"SUPPORT", "ACCUSE"})  # judging another's act is no move of one's own
_BARE_ACTS = frozenset({"move", "step", "action", "measure", "decision", "verdict", "ruling", "launch", "test"})


def _act_author(verb, before: Sequence[Event], doc, source):
    """Who did the act the verb names with a definite event noun: the source of the latest earlier
    event of the noun's type (or of the same trigger word), other than the judge itself."""
    for noun in _named_acts(verb):
        types = {e.type for e in entries(noun, "noun")}
        lemma = noun.lemma_.lower()
        if lemma in _BARE_ACTS:  # "Serbia cut fuel deliveries ... Kosovo condemned the move": Serbia's act
            last = next((ev for ev in reversed(before) if ev.source is not None and not ev.negated
                         and is_agent_name(ev.source) and ev.source.name != source.name
                         and ev.type not in _REACTIONS), None)  # "students welcomed the ban. X called the
            # move illegal": the ban, not the welcome
            return last.source if last is not None else None
        if lemma in _SAID and not types:  # a statement, so a reaction too ("the accusation" finds its ACCUSE)
            return next((ev.source for ev in reversed(before) if ev.source is not None and not ev.negated
                         and is_agent_name(ev.source) and ev.source.name != source.name), None)
        if "ASSAULT" in types:  # "condemned the attack": the attack the report leads with (or its claimant),
            first = _attacker(before, doc)  # not the fire returned at the attackers told after it
            if first is not None and first.name != source.name:
                return first
        for ev in reversed(before):
            if ev.source is None or ev.negated or not is_agent_name(ev.source) or ev.source.name == source.name:
                continue
            trig = _token(doc, ev.trigger_span)
            if ev.type in types or trig is not None and trig.lemma_.lower() == lemma:
                return ev.source
    return None


def fill_from_article(doc, events: Sequence[Event], index: MentionIndex) -> list[Event]:
    """``events`` with empty targets of condemnations, targets of judged deals and agents of conjoined
    passives filled in."""
    out = list(events)
    attacker = None
    looked = False
    for i, ev in enumerate(out):
        if ev.type in ("SUPPORT", "ACCUSE") and ev.source is not None:
            verb = _token(doc, ev.trigger_span)
            # an empty target, or one read off "it" ("hailed it as a fair merger": "it" is the deal, no party)
            open_ = verb is not None and (ev.target is None or any(
                c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in verb.children))
            if open_ and _judged_deal(verb):
                maker = _deal_maker(out[:i], doc)
                if maker is not None and maker.name != ev.source.name:
                    out[i] = replace(ev, target=maker, confidence=round(ev.confidence * 0.85, 3))
                    continue
        if ev.type in ("PROTEST", "ACCUSE", "REJECT") and ev.source is not None:
            verb = _token(doc, ev.trigger_span)
            if verb is not None and _judged_ruling(verb):
                # "crowds gathered outside the court to protest the ruling": against its maker
                ruler = _ruler(out[:i], doc)
                if ruler is not None and ruler.name != ev.source.name:
                    out[i] = replace(ev, target=ruler, confidence=round(ev.confidence * 0.85, 3))
                    continue
        if ev.type == "PROTEST" and ev.source is not None and (ev.target is None or ev.target.name.startswith(
                "government of ") and ev.target.entity is None):
            # "protesters marched on the palace demanding his resignation": the march is against whom it demands of
            demanded = next((e.target for e in out if e.span == ev.span and e.type in ("DEMAND", "REQUEST")
                             and e.source is not None and e.source.name == ev.source.name
                             and e.target is not None and e.target.entity is not None), None)
            if demanded is not None:
                out[i] = replace(ev, target=demanded)
                continue
        if ev.type in _JUDGING and ev.target is None and ev.source is not None:
            verb = _token(doc, ev.trigger_span)
            author = _act_author(verb, out[:i], doc, ev.source) if verb is not None else None
            if author is not None:  # "Iran condemned the sanctions": against whoever imposed them
                out[i] = replace(ev, target=author, confidence=round(ev.confidence * 0.85, 3))
                continue
        if ev.type == "ACCUSE" and ev.target is None and ev.source is not None:
            verb = _token(doc, ev.trigger_span)
            if verb is None:
                continue
            actor = _label_agent(verb, index)
            judged = _objects(verb) + [s for c in verb.children if c.dep_ == "ccomp"
                                       for s in c.children if s.dep_ == "nsubj"]  # "said the attack was ..."
            if actor is None and not any(_is_attack_noun(o) for o in judged):
                continue
            if actor is None:
                if not looked:
                    attacker, looked = _attacker(out, doc), True
                actor = attacker
            if actor is not None and actor.name != ev.source.name:
                out[i] = replace(ev, target=actor, confidence=round(ev.confidence * 0.85, 3))
        elif ev.source is None and ev.trigger_span is not None:
            verb = _token(doc, ev.trigger_span)
            if verb is None or verb.pos_ != "VERB" or verb.tag_ != "VBN":
                continue
            agent = None
            for c in verb.children:  # "was shot and killed by police": the agent of the last conjunct
                if c.dep_ == "conj" and c.tag_ == "VBN":
                    agent = _agent(c) or agent
            actor = code_actor(agent, index) if agent is not None else None
            if actor is not None and is_agent_name(actor):
                out[i] = replace(ev, source=actor)
    return out
