"""Event triggers: verbs, light verbs with event nouns, readiness adjectives, nominal events.

Control ("agreed to buy", "threatened to impose") keeps the governing event and
lets its complement supply the target; "X said Y must Z" is a DEMAND by X on Y.
"""

from __future__ import annotations

from spacy.parts_of_speech import ADJ, AUX, NOUN, PROPN, VERB

from ...model import PLOVER_TYPES, Actor
from ..actors import is_non_actor, noun_kind, sector_of_noun
from ..doc_memo import string_id, tokens_where
from ..event_lexicon import CLAUSE_SUMMARIES, UNDERGONE_NOUNS, entries
from ..linking import MentionIndex
from .candidate import _Cand
from .linking import _HARDWARE, _first, military_targets, _looks_actor, _noun_agents, _noun_type, _satisfied
from .ultimatums import ultimatum
from .threats import announced_payback
from .syntax import _agent, _between, _for_marks, _infinitive, _objects, _subject

_PROMISES = frozenset({"vow", "pledge", "promise", "swear"})
_PAYBACK_VERBS = frozenset({"retaliate", "avenge", "respond", "hit"})

_HARM = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})

_JOIN_PREPS = frozenset({"for", "in", "at", "into", "on"})

_STATIVE_PASSIVES = frozenset({"oppose", "commit", "prepare", "determine", "dedicate", "resolve", "bind",
                               "engage", "involve"})


_HELD = frozenset({"custody", "detention"})
_INFO = frozenset({"name", "detail", "information", "identity", "figure", "number", "statement", "comment",
                   "details", "names"})
# texts and news handed out: releasing one tells, it frees nobody ("gave a statement" is not handled: the same
# rule for give/provide cost a PLOVER test sentence)
_TEXTS = frozenset({"statement", "communique", "communiqué", "comment", "video", "footage", "photo", "photograph",
                    "image", "recording", "transcript", "update"})


def _tells(verb) -> bool:
    """"released a statement", "released a video": handing out a text or news, not freeing prisoners
    (RETREAT)."""
    return verb.lemma_ == "release" and any(
        o.lemma_.lower() in _TEXTS or o.lemma_.lower() in _INFO for o in verb.children if o.dep_ == "dobj")


def _discloses(verb) -> bool:
    """"comment", "elaborate", or "release/give" + a name or details: telling news, not acting."""
    if verb.lemma_ in ("comment", "elaborate", "speculate", "discuss", "confirm", "identify", "name", "say",
                       "disclose", "reveal", "specify"):
        return True
    return _tells(verb) or verb.lemma_ in ("release", "give", "provide") and any(
        o.lemma_.lower() in _INFO for o in verb.children if o.dep_ == "dobj")

# Verbs whose subject is not the agent of the event noun they take: what follows, causes or undergoes an
# act ("this follows the resignation of X", "forcing the resignation of X", "faces threats from Y"). The
# noun keeps its own agent (a nominal event) instead of lending the act to the verb's subject.
# Drawing an act on oneself is undergoing it ("the arrest drew condemnation from X", "received aid").
_UNDERGO_VERBS = frozenset({"draw", "attract", "earn", "garner", "receive", "win", "pay"})  # "paid a fine"
_NOT_AGENT_VERBS = frozenset({
    "follow", "precede", "trigger", "prompt", "spark", "cause", "mark", "force", "overshadow", "accompany",
    "spur", "fuel", "provoke", "face", "suffer", "undergo", "survive", "escape", "flee", "avoid", "fear", "risk",
    "catch",  # "the tanker caught fire": a blaze, not gunfire
    "await", "expect", "anticipate", "predict", "forecast", "describe", "recall", "mention", "cover",
    "witness", "see", "watch", "mean", "bring", "allow", "delay", "complicate", "overshadow",
    # leaving or ignoring an act is not doing it ("voted to exit the alliance", "shrugged off warnings")
    "exit", "leave", "quit", "abandon", "shrug", "ignore", "defy", "disregard", "brush", "survive",
    # weighing an act is not doing it ("downplayed the threat", "assessed the damage")
    "downplay", "play", "assess", "monitor", "analyse", "analyze", "consider", "review", "weigh", "debate",
    *_UNDERGO_VERBS, "need", "lack",
    # wishing for an act or regretting one is not doing it ("hoped for dialogue", "regretted the decision")
    "hope", "wish", "regret",
    # stopping an act is not doing it ("repelled the assault", "foiled a plot to attack")
    "repel", "repulse", "thwart", "foil", "fend", "avert", "deter", "prevent",
    # dying in an act is undergoing it ("31 miners died in a gas explosion", "perished in the attack")
    "die", "perish", "drown",
    # paying back or mourning an act is not doing it ("vowed to retaliate for the killing of X")
    "retaliate", "avenge", "mourn"})


def _held_in(tok):
    """"The army has the president in custody": "have" + object + "in custody" is a detention (the noun)."""
    if not any(c.dep_ == "dobj" for c in tok.children):
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "under"):
            for o in p.children:
                if o.lemma_ in _HELD:
                    return o
    return None


# what one party says of another: labelling it false or absurd pushes back against it
_CLAIMS = frozenset({"accusation", "allegation", "charge", "claim", "criticism", "assertion", "suggestion", "report"})
_PREVENTING = frozenset({"block", "bar", "stop", "prevent", "ban", "prohibit", "forbid", "keep", "restrain", "deter"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
_LABEL_VERBS = frozenset({"call", "label", "brand", "term", "dub", "name", "declare"})
_LABEL_AS_VERBS = frozenset({"describe", "characterize", "characterise", "denounce", "condemn", "hail", "praise",
                             "see", "view", "regard", "decry"})


def _label_candidate(tok) -> _Cand | None:
    """"called the attacks an act of war", "described the deal as historic": the label types the act.

    PLOVER codes labelling an act with a condemning term as ACCUSE and praise as
    SUPPORT; the label's words decide (``kind=label`` entries of the trigger lexicon).
    """
    label = None
    if tok.lemma_ in _LABEL_VERBS:
        label = next((c for c in tok.children if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ")), None)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if label is None and len(objs) == 2 and objs[1].pos_ == "NOUN":
            label = objs[1]  # "branded the vote a sham": the parser takes the label for a second object
        if label is None and objs:  # "called the attack cowardly": the tagger reads the adjective as an adverb
            label = next((c for c in tok.children if c.dep_ == "advmod" and c.i > objs[0].i
                          and entries(c, "label")), None)
    elif tok.lemma_ in _LABEL_AS_VERBS:
        # "as" hangs on the verb, or on its object ("described the protests as sabotage")
        for p in [*tok.children, *(g for c in tok.children if c.dep_ == "dobj" for g in c.children)]:
            if p.dep_ == "prep" and p.lower_ == "as":
                label = next((o for o in p.children if o.dep_ in ("pobj", "amod", "acomp")), None)
    if label is None or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    if any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in tok.children):
        return None  # "angered by what they saw as meddling": a view described, nobody labels an act
    types = [e.type for w in label.subtree for e in entries(w, "label")]
    if not types and any(any(e.type in _HOSTILE for e in entries(o, "noun"))
                         for o in tok.children if o.dep_ == "dobj"):
        # "called the bombing a cowardly act", "called the arrest an attempt to silence critics": naming
        # a hostile act anything is condemning it
        types = ["ACCUSE"]
    if not types:
        return None
    kind = "ACCUSE" if "ACCUSE" in types else types[0]
    if kind == "ACCUSE" and any(o.dep_ == "dobj" and o.lemma_.lower() in _CLAIMS for o in tok.children):
        kind = "REJECT"  # "called the accusation baseless": damning a charge is denying it (PLOVER REJECT)
    # "named her a suspect", "called Mendoza a traitor": the one labelled is the target
    labelled = [o for o in tok.children if o.dep_ == "dobj" and (o.pos_ == "PROPN" or o.lower_ in (
        "him", "her", "them"))]
    return _Cand(kind, "verb", tok, [tok], targets=labelled[:1])


def _verdict_candidate(be, used: set[int]) -> _Cand | None:
    """"X's acts are a betrayal of trust, the judge said", "he declared that the attack was an act of war":
    a reported verdict with a condemning label is ACCUSE by the speaker.

    The target is the one whose acts are judged (the possessor of the subject, or the subject when it
    is a person or a pronoun); an attack judged without its author is filled in by the article step.
    """
    if be.lemma_ != "be":
        return None
    preds = [c for c in be.children if c.dep_ in ("attr", "acomp")]
    if not any(e.type == "ACCUSE" for p in preds for w in p.subtree for e in entries(w, "label")):
        return None  # praise in a verdict ("the deal was a success") is comment more than an act
    report, _clause = _report_parent(be)
    if report is None or report.i in used or _subject(report)[0] is None:
        return None
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    targets = []
    if subj is not None:
        # the possessor, also when the tagger misread a curly "Park’s" as a modifier with a "’s" of its own
        owners = [c for c in subj.children if (c.dep_ == "poss" or any(
            g.dep_ == "case" and g.lower_.replace("\u2019", "'") in ("'s", "'") for g in c.children))
                  and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))]
        targets = owners[:1] or ([subj] if subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they") else [])
    return _Cand("ACCUSE", "verb", report, [report], targets=targets)


_LEVELS = frozenset({"high", "low", "record", "peak", "level", "mark", "percent", "%", "point", "points", "bottom",
                     "ceiling", "floor", "target", "milestone"})


def _level(obj) -> bool:
    """An object that is an amount or a level ("9.1 percent", "a record high", "the 3,000 mark")."""
    return obj.ent_type_ in ("PERCENT", "MONEY", "QUANTITY") or obj.lemma_.lower() in _LEVELS or obj.like_num


# what is sent as words, not as help: "sent notices/letters/a message" gives no aid
_MESSAGES = frozenset({"notice", "letter", "message", "warning", "summons", "note", "reply", "signal", "email",
                       "text", "invitation", "condolence", "greeting", "congratulation"})



def _natural(tok) -> bool:
    """A natural force, also where the parser tags a capitalised opening noun a name ("Floods caused by ...")."""
    return (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and not tok.ent_type_) and noun_kind(tok.text) == "natural"


def _natural_cause(verb) -> bool:
    """A passive with no agent whose "when"/"after" clause or "in"/"by" phrase names a natural force: the
    disaster did it ("were killed when a landslide swept through", "were killed in floods")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    causes = [s for c in verb.children if c.dep_ == "advcl" for s in c.children if s.dep_ == "nsubj"]
    causes += [o for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by", "during")
               for o in p.children if o.dep_ == "pobj"]
    return any(_natural(c) for c in causes)


def _fights_nature(verb, objects) -> bool:
    """Are all the verb's ``objects`` natural forces ("battled the wildfire", "fighting the outbreak")?
    Fighting a fire or a disease attacks nobody."""
    objs = [o for o in objects if o.pos_ in ("NOUN", "PROPN")]
    return bool(objs) and all(_natural(o) for o in objs)


# what vehicles and structures do in accidents: "the bus plunged into a ravine", "the bridge collapsed"
_MISHAPS = frozenset({"crash", "collide", "plunge", "derail", "overturn", "capsize", "sink", "skid", "veer",
                      "topple", "plummet", "flip", "collapse", "cave"})


def _accident(verb) -> bool:
    """"A bus plunged into a ravine, killing 20", "the plane crashed, killing all on board": a killing
    told as the outcome of a vehicle's or a structure's mishap, whose subject is a thing and not a person or group."""
    if verb.dep_ not in ("advcl", "conj") or verb.tag_ != "VBG" or verb.head.lemma_.lower() not in _MISHAPS:
        return False
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ in ("PERSON", "NORP", "GPE"):
        return False  # (the recognizer tags some vehicle nouns as organisations: "minibus" ORG)
    return noun_kind(subj.text) != "people" and sector_of_noun(subj.lemma_, subj.text) is None


_CONTESTS = frozenset({"election", "vote", "poll", "ballot", "runoff", "run-off", "primary", "race", "referendum",
                       "contest", "leadership", "seat"})


def _no_attack(verb, entry) -> bool:
    """An ASSAULT verb that attacks nobody: a level reached ("inflation hit 9 percent", "shares struck a
    record high"), a fire or a disease fought ("fought the blaze"; not "opened fire", whose lexicon entry
    names its object), a vote won ("defeated X in the election") or a vehicle's accident ("a bus plunged into a
    ravine, killing 20")."""
    objs = _objects(verb)
    if any(_level(o) and not military_targets(verb, o) for o in objs):
        return True
    if _fights_nature(verb, objs) and not any(n.startswith("obj:") for n in entry.needs):
        return True
    if verb.lemma_ in ("defeat", "beat", "oust", "unseat", "trounce"):
        # "defeated X in the 2021 election", "won the race"; "beat protesters disputing the election" still attacks
        won_in = [g for h in [verb, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "by")
                  for g in c.children if g.dep_ == "pobj"]
        if any(o.lemma_.lower() in _CONTESTS for o in objs + won_in):
            return True
    return _accident(verb)


def _foreign_addressee(verb, obj) -> bool:
    """"ordered French troops to leave", "asked U.S. forces to withdraw": another state's forces told to do
    something (a "to" clause) are addressed by the order, not sent by it."""
    return any(c.dep_ == "xcomp" for c in verb.children) and any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in obj.children)


def _not_agent(verb) -> bool:
    """Is the verb one of ``_NOT_AGENT_VERBS`` (also when the lemmatiser misses: "hoped" -> "hop")?"""
    low = verb.lower_
    return bool({verb.lemma_.lower(), low[:-1] if low.endswith("ed") else "", low[:-2] if low.endswith("ed") else ""}
                & _NOT_AGENT_VERBS)


# prepositions that place an act in time or circumstance: "began pulling back troops following an agreement"
# is no agreement begun
_FRAMING_PREPS = frozenset({"after", "before", "following", "despite", "amid", "amidst", "since", "until", "during",
                            "pending", "without", "ahead"})


def _verb_candidate(tok, index: MentionIndex) -> _Cand | None:
    """A candidate when a verb (or predicative adjective) is a trigger."""
    pos = tok.pos_  # read once: each read of a string attribute decodes it again
    if pos not in ("VERB", "AUX", "ADJ"):
        return None  # asked of every token: only these can reach a candidate below
    dep, lemma = tok.dep_, tok.lemma_
    if dep == "xcomp" and _discloses(tok) and tok.head.lemma_ in ("decline", "refuse", "ask"):
        return None  # "declined to release his name": withholding news is no event
    if dep in ("advcl", "conj") and tok.head.lemma_ == "claim" and lemma in _LABEL_VERBS:
        return None  # "claimed responsibility, calling the attacks a battle": the author praises its act
    if pos in ("VERB", "AUX"):
        labelled = _label_candidate(tok)
        if labelled is not None:
            return labelled
    if pos == "ADJ":
        entry = _first(tok, "adj", index)
        if entry is None or entry.type not in PLOVER_TYPES:
            return None
        if not any(c.dep_ == "xcomp" for c in tok.children):
            return None
        return _Cand(entry.type, "adj", tok, [tok])
    if pos not in ("VERB", "AUX") or lemma == "be" or _tells(tok):
        return None
    if tok.tag_ == "VBN" and dep == "acl" and tok.head.lower_ in ("those", "anyone", "everyone", "all"):
        return None  # "said those detained would face trial": the detained are named, no one detains here
    if dep == "pcomp" and tok.head.lower_ == "from" and tok.head.head.lemma_ in _PREVENTING:
        return None  # "blocked the government from deporting X": the act was stopped; the blocking is the event
    if lemma == "give" and (deadline := ultimatum(tok)) is not None:
        return deadline  # "gave the junta a week to reinstate the president": a deadline set, no gift
    if lemma in _PAYBACK_VERBS and (payback := announced_payback(tok, index)) is not None:
        return payback  # "said it would retaliate": a threat no trigger word names
    objs = [o for o in _objects(tok) if o.pos_ in ("NOUN", "PROPN", "VERB")
            or o.pos_ == "NUM" and o.ent_type_ == "MONEY"]  # "will provide $20 million in aid": the sum's "in" noun
    objs += [c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]  # "sanctions were imposed"
    if lemma != "have" and not entries(tok, "light") and not entries(tok, "verb") \
            and not any(entries(o, "noun") for o in objs):
        return None  # no entry of its own and no event noun for an object: every reading below needs one
    agent = _agent(tok)
    doer = agent or _subject(tok)[0]
    if doer is not None and _natural(doer):
        return None  # "floods have killed 45", "the quake destroyed homes": a disaster is no PLOVER event
    if agent is None and _natural_cause(tok):
        return None  # "31 people were killed when a landslide swept through", "were killed in floods"
    if doer is not None and doer.pos_ == "NOUN" and doer.lemma_.lower() in _HARDWARE and lemma == "back":
        return None  # "firefighters, backed by 14 aircraft": equipment lends no support
    if lemma == "have":
        held = _held_in(tok)
        return _Cand("COERCE", "verb", tok, [tok, held]) if held is not None else None
    light = _first(tok, "light", index)
    named = next((e for e in entries(tok, "verb") if any(n.startswith("obj:") and not n.startswith("obj:*")
                                                         for n in e.needs)
                  and _satisfied(e, tok, as_object=False, index=index)), None)
    if named is not None:  # "reached a deal", "signed a treaty": the verb with this object is the act
        light = None
    # "called the deal a milestone", "a case that rights groups called an assault": a verdict, no act
    labelled = lemma in _LABEL_VERBS and (any(c.dep_ in ("oprd", "xcomp") for c in tok.children)
                                               or sum(c.dep_ == "dobj" for c in tok.children) == 2
                                               or dep in ("acl", "relcl") and any(
                c.lower_ in ("that", "which") and c.dep_ in ("mark", "dobj") for c in tok.children))
    if light is not None and not labelled:
        for o in objs:
            if _foreign_addressee(tok, o):
                continue  # "ordered French troops to leave": told to act, not sent
            ntype = _noun_type(o, index, as_object=True)
            if ntype:
                return _Cand(ntype, "light", tok, [tok, o])
            # ("sent water-bombing planes", "attack helicopters": what a machine is for, no act)
            for c in (() if o.lemma_.lower() in _HARDWARE else o.lefts):  # "launched a mediation effort"
                if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and not (
                        sector_of_noun(o.lemma_, o.text) and _noun_type(c, index, as_object=True) == "PROTEST"):
                    # ("sent riot police": the compound says what the police are for, not a protest)
                    ntype = _noun_type(c, index, as_object=True)
                    if ntype:
                        return _Cand(ntype, "light", tok, [tok, c, o])
                if c.dep_ == "amod" and c.pos_ == "ADJ" and o.pos_ == "NOUN":  # "raised the alert status":
                    entry = _first(c, "noun", index, as_object=True)  # a noun the tagger read as adjective
                    if entry is not None and entry.type in PLOVER_TYPES:
                        return _Cand(entry.type, "light", tok, [tok, c, o])
        # "launched a fresh wave of strikes", "took part in talks": one level of "of"/"in"
        for o in objs + [c for c in tok.children if c.dep_ == "prep" and c.lower_ not in _FRAMING_PREPS]:
            for p in o.children:
                for q in ([p] if p.dep_ == "pobj" else [x for x in p.children if x.dep_ == "pobj"]
                          if p.dep_ == "prep" and (p.lower_ in ("of", "in", "under") or p.lower_ == "with"
                                                    and lemma == "respond") else []):
                    ntype = _noun_type(q, index, as_object=True)
                    if ntype:
                        return _Cand(ntype, "light", tok, [tok, q])
    entry = _first(tok, "verb", index)
    if entry is not None and entries(tok, "transparent") and \
            any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in tok.children):
        entry = None  # "will help us define", "seek to": the complement is the event
    if entry is not None and lemma == "agree" and not any(
            c.dep_ in ("xcomp", "ccomp", "prep", "dobj", "prt", "advcl") for c in tok.children):
        return None  # "Analysts agreed.": sharing an opinion, not an agreement between parties
    if entry is not None and entry.type == "REQUEST" and any(
            c.dep_ == "xcomp" and c.lemma_ in ("name", "identify", "quote") for c in tok.children):
        return None  # "a witness who asked not to be named": a reporting convention, not an appeal
    if entry is not None and entry.type == "REJECT" and any(
            c.dep_ == "xcomp" and _discloses(c) for c in tok.children):
        return None  # "declined to comment", "refused to release his name": withholding news, not a refusal
    if entry is not None and entry.type == "ACCUSE" and lemma == "warn" and any(
            noun_kind(w.text) == "natural" for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "aux")
            for w in c.subtree):
        return None  # "warned that the storm could hit", "warned of aftershocks": a forecast, no accusation
    if entry is not None and entry.type == "ASSAULT" and _no_attack(tok, entry):
        return None
    if entry is not None:
        words = [tok] + [c for c in tok.children if c.dep_ == "prt"]
        for need in entry.needs:
            if need.startswith("prt:"):
                opts = need[4:].split("|")
                words += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in opts and not any(
                    o.ent_type_ in ("DATE", "TIME") for o in c.children)]  # not "on Monday": a day, no particle
                words += [m for m in _for_marks(tok) if m.lower_ in opts]  # "called for X to resign"
            if need.startswith("obj:") and not need.startswith("obj:*"):
                words += [o for o in objs if o.lemma_.lower() in need[4:].split("|")
                          and not (o.pos_ == "NOUN" and _looks_actor(o, index, people=True))]  # "saved pupils": the saved
        return _Cand(entry.type, "verb", tok, sorted(set(words), key=lambda t: t.i))
    if light is not None and light.type in PLOVER_TYPES and objs and not all(
            is_non_actor(o.text) and noun_kind(o.text) != "people" or o.lemma_.lower() in _MESSAGES
            or noun_kind(o.text) == "document" for o in objs):  # "sent shockwaves", "sent notices to 5,000 doctors"
        return _Cand(light.type, "light", tok, [tok])
    if light is None and not entries(tok, "report") and not entries(tok, "transparent") \
            and not _not_agent(tok) and not labelled:  # "called the deal a milestone": a verdict, no deal made
        # any other verb whose object is an event noun: "speeded up the withdrawal", "tightened the blockade"
        for o in objs:
            ntype = _noun_type(o, index, as_object=False)
            if ntype and _between(o) is None:  # "followed a call between A and B": the noun's own event
                return _Cand(ntype, "light", tok, [tok, o], factor=0.9)
    return None

def _report_parent(tok):
    """The speech verb whose reported clause contains ``tok`` (and that clause's top), or (None, None).

    Handles both "Kerry said (that) Russia proposed" and the inverted news order
    "Russia has proposed talks, Kerry said", where the parser hangs the speech verb
    under the reported verb.
    """
    cur = tok
    for _ in range(12):
        for c in cur.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and entries(c, "report") and \
                    not any(x.dep_ in ("ccomp", "dobj") for x in c.children) and c.i > cur.i:
                return c, cur
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and cur.head.i != cur.i:
            head = cur.head
            if entries(head, "report") and cur.dep_ in ("ccomp", "parataxis", "xcomp"):
                return head, cur
            if cur.dep_ == "advcl" and not (cur.tag_ == "VBG" and not any(
                    c.dep_ in ("mark", "nsubj", "nsubjpass") for c in cur.children)) and not (
                    _infinitive(cur) and not any(c.dep_ == "mark" for c in cur.children)):
                # ("said it had taken measures to expel the ships": a purpose is part of what was said)
                return None, None  # "after X said": a clause of its own; "..., dissolving Y" goes on the report
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("relcl", "acl") and not (_infinitive(cur) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            return None, None  # (not "said it took measures to expel the ships": their purpose was said too)
        cur = cur.head
    return None, None

def _dominator(cand: _Cand, heads: dict) -> tuple[_Cand | None, str]:
    """The candidate whose complement ``cand`` is (and the clause edge that led there), or (None, "")."""
    up = cand.head
    through = ""
    for _ in range(8):
        dep = up.dep_
        if dep == "relcl" and _infinitive(up):
            dep = "acl"  # "reached a deal to acquire X": an infinitive the parser hung as a relative clause
        if up.head.i == up.i or dep not in ("xcomp", "ccomp", "conj", "pcomp", "prep", "advcl", "acl"):
            return None, ""
        if dep == "advcl" and not _infinitive(up):
            return None, ""  # only purpose clauses ("to demand"), not "after"/"because" clauses
        if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in up.children):
            return None, ""  # "X protested, and police used tear gas to disperse them": a clause of its own
        if dep in ("xcomp", "ccomp", "pcomp", "advcl") or dep == "acl" and up.head.pos_ == "NOUN":
            through = through or dep
        parent = up.head
        if entries(parent, "report") and dep in ("ccomp", "conj"):
            return None, ""
        if dep in ("ccomp", "parataxis") and up.i < parent.i and any(
                t.lemma_.lower() in CLAUSE_SUMMARIES for t in parent.doc[up.right_edge.i + 1:parent.i]):
            # "X accused Y of arming rebels, a charge Y denies": the clause before the noun summing it up
            # is the news the verb comments on, not its complement
            return None, ""
        gov = heads.get(parent.i)
        if gov is not None and gov is not cand:
            return (gov, through) if through else (None, "")
        up = parent
    return None, ""



def _drawn_on(noun, agents: list, index: MentionIndex) -> _Cand | None:
    """"X's arrest drew condemnation from rights groups", "the plan won praise from Y": the act named by
    the object is done by the "from"/"by" party to the subject (or to the author of the subject's act)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in _UNDERGO_VERBS:
        return None
    doers = agents or [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                       for o in p.children if o.dep_ == "pobj" and _looks_actor(o, index, people=True)]
    subj, _passive = _subject(verb)
    if not doers or subj is None:
        return None
    if _noun_type(subj, index, as_object=False):  # "the arrest drew criticism": its author is criticised
        subj = next(iter(_noun_agents(subj, index)), None)
    ntype = _noun_type(noun, index, as_object=True)
    targets = [subj] if subj is not None and _looks_actor(subj, index, people=True) else []
    return _Cand(ntype, "noun", noun, [verb, noun], sources=doers[:1], targets=targets)


_VERB_POS = frozenset({VERB, AUX, ADJ})
_NOUN_POS = frozenset({NOUN, PROPN})


def _candidates(sent, index: MentionIndex) -> list[_Cand]:
    cands: list[_Cand] = []
    used: set[int] = set()
    for tok in tokens_where(sent, "pos", _VERB_POS):  # _verb_candidate's first test, on ids
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
        elif gov.type == "AGREE" and gov.head.lemma_ in _PROMISES and cand.type == "RETREAT" \
                and any(c.dep_ == "neg" for c in cand.head.children):
            gov.type = "REJECT"  # "vowed not to back down": a refusal to yield, no promise of cooperation
    kept = [c for c in cands if c.head.i not in dominated_ids and c.head.i not in dropped]
    for tok in tokens_where(sent, "lemma", {string_id("be")}):  # _verdict_candidate's first test
        verdict = _verdict_candidate(tok, used)
        if verdict is not None:
            kept.append(verdict)
            used.add(verdict.head.i)
    # Nominal events with their own actor ("Moscow's support for Assad", "talks between A and B").
    for tok in tokens_where(sent, "pos", _NOUN_POS):
        if tok.i in used:
            continue
        ntype = _noun_type(tok, index, as_object=False)
        if not ntype:
            continue
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.i in {c.head.i for c in cands}:
            continue  # "the attack killed 22", "offered talks": the verb's event already covers it
        between = _between(tok)
        agents = _noun_agents(tok, index)
        words = [tok]
        if not agents and not between and tok.dep_ == "pobj" and tok.head.lower_ in _JOIN_PREPS \
                and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.head.i not in used \
                and tok.doc[tok.head.i - 1].text != "," \
                and not _not_agent(tok.head.head):  # "hoped for dialogue": none held
            subj, passive = _subject(tok.head.head)
            if subj is not None and (not passive or tok.head.head.lemma_ in _STATIVE_PASSIVES) \
                    and _looks_actor(subj, index, people=True):  # "a rate rise could come at the next meeting"
                agents = [subj]  # "negotiators return for talks", "forces engaged in ethnic cleansing"
                verb = tok.head.head
                if verb.lemma_ != "be" and not entries(verb, "report"):
                    words = [verb, tok]  # the verb reports the act ("placed the city on alert"); "were on
                    # alert" is a state, "added in a release" a way of saying
        drawn = _drawn_on(tok, agents, index)
        if drawn is not None:
            cand = drawn
        elif between:
            cand = _Cand(ntype, "noun", tok, [tok], sources=[between[0]], targets=[between[1]])
        elif agents and agents[0].dep_ == "poss" and tok.lemma_.lower() in UNDERGONE_NOUNS \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            by = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                  for o in c.children if o.dep_ == "pobj" and _looks_actor(o, index)]
            cand = _Cand(ntype, "noun", tok, [tok], sources=by[:1], targets=agents)
        elif agents:
            cand = _Cand(ntype, "noun", tok, words, sources=agents)
        elif ntype == "PROTEST" and tok.tag_ == "NNS":
            # "two died during protests that followed the ruling": protests are held by protesters
            cand = _Cand(ntype, "noun", tok, [tok], source_actor=Actor(name="protesters", entity=None, code="OPP"))
        else:
            continue
        kept.append(cand)
    return kept
