"""Parse helpers of the events stage: subjects, agents, objects, conjuncts, negation.

Pure reading of the dependency parse (no lexicon, no entities), shared by the
trigger finder and the argument filler.
"""

from __future__ import annotations

from ..actors import noun_kind, sector_of_noun
from ..dateline_tokens import dateline_end
from ..doc_memo import per_token, sentence_of, string_id, tokens_where
from ..event_lexicon import CLAUSE_SUMMARIES, conj_host
from .argument_words import _sent

_SUBJ = ("nsubj", "csubj")

_PASS_SUBJ = ("nsubjpass", "csubjpass")

# verbs whose subject is the author of the text they take ("issued a statement praising X"), unlike
# "received a letter ... indicating"
_ISSUE = frozenset({"issue", "release", "publish", "send", "post", "sign", "deliver", "write", "tweet", "read"})


# verbs whose subject, not their object, answers for the act of their "to"-complement: "promised X to
# send aid"; "authorized local officials to impose curfews" is the authorizer's curfew (the news is the
# order given, the officials carry it out)
_SUBJECT_CONTROL = frozenset({"promise", "authorize", "authorise", "empower", "use", "employ"})  # "used tear gas to"


# nouns of a decision taken: "X's decision/move/vote to Y" reports X doing Y (a plan or a bid does not)
_DECISION_NOUNS = frozenset({"decision", "move", "vote", "order", "ruling"})


def _mods(tok) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")} | \
        {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}

_PARTICLE_WORDS = frozenset({"down", "off", "out", "up", "back", "away"})


def _preps(tok) -> list:
    # a particle the parser hung as an adverb ("began pulling back troops": "back" RP advmod) is a particle
    # ("stepped down" tagged RB: a particle word right after its verb is a particle too)
    return [c for c in tok.children if c.dep_ in ("prt", "prep", "agent", "dative")
            or c.dep_ == "advmod" and (c.tag_ == "RP" or c.i == tok.i + 1 and c.lower_ in _PARTICLE_WORDS)] \
        + _for_marks(tok)


def _infinitive(verb) -> bool:
    """Whether a verb is a "to" infinitive ("to resign"), whatever edge the parser hung it by."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


_HELP_VERBS = frozenset({"help", "assist", "aid", "support"})


def _helped(verb) -> list:
    """Whom a purpose "to help" helps: "pledged $4 billion to help Pakistan rebuild" gives to Pakistan,
    which the pledge itself names nowhere (the object of "help", or the subject of its bare clause)."""
    out = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and _infinitive(c) and c.lemma_.lower() in _HELP_VERBS:
            out.extend(_objects(c))
            out.extend(s for cc in c.children if cc.dep_ == "ccomp" for s in cc.children if s.dep_ == "nsubj")
    return out


def _for_marks(tok) -> list:
    """The "for" of "called for the president to resign", which the parser hangs on the infinitive clause
    as its marker; it is the verb's preposition ("call for", "push for") all the same."""
    return [m for c in tok.children
            if c.dep_ == "advcl" and _infinitive(c)
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]

def _objects(tok) -> list:
    """The objects of a verb (a fresh list: callers extend it)."""
    return list(_objects_of(tok))


@per_token  # asked of the same verb by the trigger, argument and linking rules
def _objects_of(tok) -> tuple:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "the general, whom the army dismissed": the relative pronoun stands for the noun it follows
        objs = [tok.head if o.tag_ in ("WP", "WDT") else o for o in objs]
    for p in tok.children:  # "carried out attacks": object hangs off the particle sometimes
        if p.dep_ == "prt":
            objs.extend(c for c in p.children if c.dep_ == "pobj")
    for o in list(objs):
        # "fined Northgate Bank 85 million pounds": the parser hangs the first of two objects on the amount
        count = next((c for c in o.children if c.dep_ == "nummod"), None)
        if count is None:
            continue
        first = next((c for c in o.children if c.dep_ == "nmod" and c.pos_ in ("PROPN", "NOUN") and c.i < count.i),
                     None)
        if first is not None:
            objs.insert(objs.index(o), first)
    return tuple(objs)

def stray_participle_host(tok):
    """The verb a participle the parser hung on a thing really goes with: in "marched on the palace
    demanding his resignation" no palace demands; the march does (it shares the march's doers and day)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or tok.head.dep_ != "pobj" or tok.head.pos_ != "NOUN":
        return None
    thing = tok.head
    if thing.ent_type_ or noun_kind(thing.text) == "people" or sector_of_noun(thing.lemma_, thing.text) is not None:
        return None
    return thing.head.head if thing.head.head.pos_ == "VERB" else None


@per_token  # asked of the same verb by the trigger, argument, modality and linking rules
def _subject(verb):
    """(subject token, passive?) of a verb; a dateline parsed as the subject gives way to its apposition."""
    subj, passive = _raw_subject(verb)
    clause = subj.head if subj is not None else None
    if clause is not None and clause.dep_ == "ccomp" and clause.head.dep_ == "relcl":
        clause = clause.head  # "Lind, who Washington says ordered troops to fire": Lind ordered
    if subj is not None and subj.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" \
            and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head, passive  # "Ruiz, who was arrested by his guards": the one the clause tells of
    if subj is not None and subj.lemma_.lower() in CLAUSE_SUMMARIES and any(d.dep_ == "det" for d in subj.children):
        named = [c for c in subj.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > subj.i]
        if named:  # "..., a charge Moscow denies" read as "a charge (Moscow) denies": Moscow denies
            return named[0], passive
    cut = dateline_end(sentence_of(subj)) if subj is not None else -1
    if subj is not None and subj.i <= cut:
        after = [c for c in subj.subtree if c.i > cut and c.pos_ in ("NOUN", "PROPN") and c.head.i <= cut]
        if not after:  # "NAIROBI, Kenya - Kenyan police detained...": the parser gives the clause two subjects
            after = [c for c in subj.head.children if c.i > cut and c.dep_ == subj.dep_]
        return (after[0], passive) if after else (None, passive)
    return subj, passive

def _raw_subject(verb):
    """(subject token, passive?) of a verb, following conjunction, relative and participle links."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        if tok.i == verb.i:
            fors = [o for m in tok.children if m.dep_ == "mark" and m.lower_ == "for"
                    for o in m.children if o.dep_ in ("pobj", "nsubj")]
            if fors:  # "it would be for his successor to negotiate": the "for" phrase acts, not "it"
                return fors[0], False
            if tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in ("aux", "auxpass", "mark") or c.dep_ in _SUBJ + _PASS_SUBJ for c in tok.children):
                # "Arrested in March, he was charged", "X has been held and Y removed from power": a bare
                # participle clause is passive, its subject the one it befalls
                subj, _ = _raw_subject(tok.head)
                return subj, subj is not None
        for c in tok.children:
            if c.dep_ in _SUBJ:
                return c, False
            if c.dep_ in _PASS_SUBJ:
                # "officials have been braced for X and warned that ...": a conjoined verb with an object
                # or a clause of its own is active, its subject shared with the passive one
                own = tok is not verb and (any(x.dep_ in ("dobj", "ccomp") for x in verb.children) or verb.tag_ == "VBD"
                                           and not any(x.dep_ == "aux" for x in tok.children))
                # (a simple past shares no lone "was"; "have been ousted and detained" shares "have been")
                return c, not own
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i == verb.i:
            # (the phrase right before the participle: "blocked highways with tractors on Monday, escalating
            # a protest" is the farmers' escalation)
            withs = [o for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < tok.i
                     for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")
                     and tok.left_edge.i - p.right_edge.i <= 2]
            if withs:  # "..., with leaders in the region calling for a vote": the "with" phrase acts
                return withs[-1], False
        if tok.i == verb.i and tok.i > 0 and _object_read_subject(tok.doc[tok.i - 1]):
            return tok.doc[tok.i - 1], False
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj" \
                and noun_kind(tok.head.text) == "document" and tok.head.head.lemma_ in _ISSUE:
            tok = tok.head.head  # "X issued a statement praising Y": the statement's issuer praises
            continue
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in _DECISION_NOUNS and _infinitive(tok):
            # "the court's decision to remove the governor": the decider acts, the decision is no actor
            deciders = [c for c in tok.head.children if c.dep_ == "poss"] or [
                o for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "by"
                for o in p.children if o.dep_ == "pobj"]
            return (deciders[0], False) if deciders else (None, False)
        host = stray_participle_host(tok)
        if host is not None:  # "marched on the palace demanding his resignation": the marchers demand
            tok = host
            continue
        if tok.dep_ in ("relcl", "acl") and _infinitive(tok) and _sent(tok.head):
            tok = tok.head.head  # "Turkey dispatched two aircraft to help": the sender helps, not its planes
            continue
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = tok.head  # "Boko Haram, the Islamist insurgency that has killed": the named one
            if head.dep_ == "appos" and head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head
            # a participle with a direct object of its own is an active verb the parser hung on its subject
            # ("Israeli air strikes killed at least 12 people, officials said"), not a passive one
            return head, tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in tok.children)
        if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and _infinitive(tok):
            attr = next((c for c in tok.head.children if c.dep_ == "attr" and c.i < tok.i), None)
            if attr is not None and any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that")
                                        for c in tok.head.children):
                return attr, False  # "it was the strongest quake to hit the region": the quake hit
        if tok.dep_ in ("xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            # controlled subject: "X agreed to buy" -> X; object control "urged X to" handled by caller
            objs = [c for c in tok.head.children if c.dep_ in ("dobj",)]
            if objs and tok.dep_ == "xcomp" and tok.head.lemma_ not in _SUBJECT_CONTROL \
                    and noun_kind(objs[0].text) in (None, "people"):  # "used rubber bullets to disperse": the user acts
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
    if _object_read_subject(tok):
        return [tok]  # "sent teams and the EU released funds": the EU alone, not the teams it was hung on
    out = [tok]
    cut = dateline_end(sentence_of(tok))
    for c in tok.conjuncts:
        if c.pos_ in ("NOUN", "PROPN", "PRON") and c not in out and c.i > cut:
            out.append(c)
    if len(out) == 1 and tok.pos_ == "PROPN":
        out += _person_coordinated_before(tok, cut)
    if len(out) == 1 and tok.dep_ == "nsubj" and any(x.dep_ == "cc" and x.lower_ == "and" for x in tok.children):
        out += [c for c in tok.head.children if c.dep_ == "nsubj" and c.i > tok.i and c.pos_ == "PROPN"][:1]
    return sorted(out, key=lambda t: t.i)

def _object_read_subject(tok) -> bool:
    """"Chile sent teams and the EU released funds": the parse made the EU a second thing sent and hung
    "released" on "sent" with no subject; a noun conjoined to the object right before a conjoined verb of
    the same clause is that verb's subject."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.dep_ == "dobj" \
        and nxt.dep_ == "conj" and nxt.pos_ == "VERB" and nxt.head.i == tok.head.head.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)


def _person_coordinated_before(tok, cut: int) -> list:
    """"President A and Korean leader B met": the parser may hang A (with its "and") inside B's name or on
    the dateline. Read by position: B's name and title words, then "and", then the end of a person's name
    hung in the same clause make A a second party."""
    j = tok.i - 1
    while j > cut and tok.i - j <= 8 and tok.doc[j].pos_ in ("PROPN", "NOUN", "ADJ") and tok.doc[j].lower_ != "and":
        j -= 1
    k = j - 1
    if j <= cut or tok.doc[j].lower_ != "and" or k <= cut:
        return []
    a = tok.doc[k]
    verb = next((v for v in a.ancestors if v.pos_ in ("VERB", "AUX")), None)
    return [a] if a.ent_type_ == "PERSON" and a.dep_ != "pobj" and verb is not None and verb.i == tok.head.i else []


def _between(tok):
    """Both sides of "talks between A and B" (or None)."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "between":
            for o in p.children:
                if o.dep_ == "pobj":
                    conj = [c for c in o.conjuncts if c.i > o.i]
                    if conj:
                        return o, conj[0]
                    if o.tag_ == "NNS" and any(c.dep_ == "nummod" or c.lower_ in _RIVALS for c in o.children):
                        return o, o  # "fighting between two armed groups", "between rival militias": both sides
    return None


_RIVALS = frozenset({"rival", "warring", "opposing", "feuding", "competing"})

_INDEFINITE_DETS = frozenset({"a", "an", "another", "some", "any"})


def _indefinite(tok) -> bool:
    """Does ``tok`` head an indefinite common noun phrase ("a new leader", "fresh leadership")?

    Such a phrase names a role or a need to be filled, not a party that exists:
    nobody can be asked or ordered through it. A bare plural ("residents",
    "troops") is a group that exists and stays definite.
    """
    if tok.pos_ != "NOUN":
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    if dets:
        return dets[0] in _INDEFINITE_DETS
    return tok.tag_ == "NN" and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    return False


_NOT_MAIN_VERBS = frozenset({"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may",
                             "might", "must", "get"})


_PAST_TAGS = frozenset({string_id("VBN"), string_id("VBD")})
_CLAUSE_DEPS = frozenset({string_id("xcomp"), string_id("advcl"), string_id("ccomp")})


def _prenominal_participles(sent) -> list[tuple]:
    """(main verb, participle, object) where the small parser read "removed ousted President X" as two verbs.

    A participle right after a verb and right before its own object ("freed jailed
    activist X", "detained ousted leader Y") describes that object; the verb before
    it is the act. The parser hangs it as a clausal complement with no subject of its
    own, or makes the real verb its auxiliary. Only these exact shapes are read this way.
    """
    found = []
    for v2 in tokens_where(sent, "tag", _PAST_TAGS):
        if v2.i == sent.start:
            continue
        objs = [c for c in v2.children if c.dep_ == "dobj" and c.left_edge.i == v2.i + 1]
        if len(objs) != 1 or objs[0].pos_ not in ("PROPN", "NOUN"):
            continue
        v1 = v2.doc[v2.i - 1]
        if v1.pos_ != "VERB" and not (v1.dep_ == "aux" and v1.tag_ == "VBD") or v1.lemma_ in _NOT_MAIN_VERBS:
            continue
        if v2.dep_ in ("ccomp", "xcomp", "conj", "advcl") and v2.head.i == v1.i:
            if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "cc") for c in v2.children) \
                    or any(c.dep_ in ("dobj", "cc") for c in v1.children):
                continue
            found.append((v1, v2, objs[0]))
        elif v1.dep_ == "aux" and v1.head.i == v2.i and v1.tag_ == "VBD":
            found.append((v1, v2, objs[0]))  # "the army detained ousted leader X": "detained" is no auxiliary
    return found


def _conjoined_verbs_read_as_nouns(sent) -> list:
    """Tokens tagged as nouns that the parser itself hangs as verbs: "to plead for peace and urge
    X to go home" tags "urge" NN, yet makes it a conjunct of the verb "plead" with a direct
    object and a "to"-complement of its own. A noun takes neither, so the word is a verb.
    Only a bare singular noun with no determiner of its own is read this way."""
    found = []
    for tok in tokens_where(sent, "dep", {string_id("conj")}):
        if tok.tag_ != "NN" or tok.head.pos_ != "VERB" or tok.head.tag_ != "VB":
            continue
        kids = {c.dep_ for c in tok.children}
        if "dobj" in kids and not kids & {"det", "poss", "amod", "compound", "nummod"}:
            found.append(tok)
    return found


def _infinitives_read_as_nouns(sent) -> list:
    """Tokens tagged as nouns or determiners that the parser itself hangs as "to" infinitives: "voted to
    impeach President X" tags "impeach" DT, "accused Y of planning to storm parliament" tags "storm" NN,
    yet the parser gives each an auxiliary "to" and a direct object. Only a word with both is read as a
    verb (a noun takes neither)."""
    return [tok for tok in tokens_where(sent, "dep", _CLAUSE_DEPS) if tok.pos_ in ("NOUN", "DET", "PRON", "ADJ")
            and _infinitive(tok)
            and any(c.dep_ == "dobj" and not c.like_num and c.pos_ in ("NOUN", "PROPN", "PRON") for c in tok.children)]


def _participles_after_that(sent) -> list[tuple]:
    """(participle, "that", clause, subject) where the parser read "told reporters that recently fired
    minister X would return" as "that" firing someone: "that" as the participle's subject and the
    real clause ("X would return") as its complement.

    The participle describes the clause's subject, which starts right after it; "that" opens the
    clause. Only this exact shape is read this way (nothing but adverbs between "that" and the verb).
    """
    found = []
    for v in tokens_where(sent, "tag", _PAST_TAGS):
        that = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ == "that" and c.tag_ == "WDT"), None)
        if that is None or any(t.pos_ != "ADV" for t in v.doc[that.i + 1:v.i]):
            continue
        for c in v.children:
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None) if c.dep_ == "ccomp" else None
            if subj is not None and subj.left_edge.i == v.i + 1 and subj.pos_ in ("PROPN", "NOUN"):
                found.append((v, that, c, subj))
                break
    return found


_DO_SUPPORT = frozenset({"do", "does", "did"})
# acts only people and bodies do: a thing ("the plan", "the strike") never urges or accuses
_SPEECH_ACTS = frozenset({"urge", "call", "ask", "appeal", "demand", "accuse", "criticise", "criticize", "condemn",
                          "warn", "vow", "pledge", "promise", "deny", "reject", "praise", "welcome", "insist", "add",
                          "threaten", "blame", "announce", "order"})


def _judged_thing(subj, verb) -> bool:
    """"said the strike was illegal and ordered ...", "said the deliveries were too few and urged ...": the
    subject of a verdict ("be" + a predicate) that no lexicon names a person, group or body is what is
    judged, not one who speaks next."""
    return verb.lemma_ == "be" and noun_kind(subj.text) is None and not subj.ent_type_ \
        and sector_of_noun(subj.lemma_, subj.text) is None


def _conjuncts_of_the_outer_verb(sent) -> list[tuple]:
    """(conjoined verb, outer verb) where the parser hung "X said the strike would cost millions and urged
    Y to ..." as the strike urging: a past-tense verb conjoined to a clause whose verb carries a modal or
    "did" ("would cost", "did not pose") cannot share that auxiliary, so it is a second verb of the
    clause above ("said ... and urged"), and its subject is that clause's subject. So is a speech act
    ("urged", "accused") conjoined to a clause whose subject is a thing ("the plan violated ...").

    Only this exact shape is read this way: the inner clause is a complement ("ccomp") of a past-tense
    verb, and the conjoined verb is a simple past ("VBD") with no subject of its own. A simple past
    conjoined to a "to" infinitive ("ordered X to leave and expelled Y") is the outer verb's second act too.
    """
    found = []
    for v2 in tokens_where(sent, "dep", {string_id("conj")}):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v2.children):
            continue
        v1 = v2.head
        if v2.tag_ != "VBD":  # "has denied that X are linked and has invited Y": the report verb's "has"
            if v1.dep_ == "ccomp" and v1.head.i < v1.i and conj_host(v2).i != v1.i:
                found.append((v2, v1.head))
            continue
        if v1.dep_ == "xcomp" and _infinitive(v1) and v1.head.tag_ == "VBD" and v1.head.i < v1.i:
            found.append((v2, v1.head))  # "ordered the troops to leave and expelled the envoy": no past tense
            continue  # shares the "to" of the infinitive; it is the second act of the verb above
        if v1.dep_ != "ccomp" or v1.head.tag_ != "VBD" or v1.head.i > v1.i:
            continue
        modal = v1.tag_ == "VB" and any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in _DO_SUPPORT)
                                        for c in v1.children)
        subj = next((c for c in v1.children if c.dep_ == "nsubj"), None)
        # "rights groups said the plan violated the law and urged X to block it": a plan urges nobody
        thing = v2.lemma_ in _SPEECH_ACTS and subj is not None and subj.pos_ == "NOUN" and (
            noun_kind(subj.text) not in (None, "people") or _judged_thing(subj, v1))
        if modal or thing or conj_host(v2).i != v1.i:  # "said ships were waiting and warned that"
            found.append((v2, v1.head))
    return found


def repaired(doc):
    """``doc``, or a copy whose prenominal participles hang on their noun (see ``_prenominal_participles``
    and ``_participles_after_that``), whose conjoined verbs misread as nouns are verbs again
    (``_conjoined_verbs_read_as_nouns``) and whose past-tense verbs conjoined to a modal clause belong to
    the verb above it (``_conjuncts_of_the_outer_verb``).

    The caller's Doc is never changed: the copy is made only when a repair applies.
    """
    sents = list(doc.sents)
    fixes = [f for sent in sents for f in _prenominal_participles(sent)]
    verbs = [t for sent in sents for t in _conjoined_verbs_read_as_nouns(sent)]
    infinitives = [t for sent in sents for t in _infinitives_read_as_nouns(sent)]
    thats = [f for sent in sents for f in _participles_after_that(sent)]
    outer = [f for sent in sents for f in _conjuncts_of_the_outer_verb(sent)]
    if not fixes and not verbs and not thats and not outer and not infinitives:
        return doc
    out = doc.copy()
    for v2, top in outer:
        v2, top = out[v2.i], out[top.i]
        for c in list(v2.head.children):  # the "and"/"but" before it goes along
            if c.dep_ == "cc" and c.i < v2.i and c.i > v2.head.i and not any(
                    x.dep_ == "conj" and c.i < x.i < v2.i for x in v2.head.children):
                c.head = top
        v2.head = top
    for v, that, clause, subj in thats:
        v, that, clause, subj = out[v.i], out[that.i], out[clause.i], out[subj.i]
        clause.head, clause.dep_ = (clause if v.head.i == v.i else v.head), v.dep_
        that.head, that.dep_, that.pos_ = clause, "mark", "SCONJ"
        v.head, v.dep_, v.pos_ = subj, "amod", "ADJ"
    for t in verbs:
        t = out[t.i]
        t.tag_, t.pos_ = t.head.tag_, "VERB"
    for t in infinitives:
        t = out[t.i]
        t.tag_, t.pos_ = "VB", "VERB"
    for v1, v2, obj in fixes:
        v1, v2, obj = out[v1.i], out[v2.i], out[obj.i]
        if v1.dep_ == "aux":  # v1 takes v2's place in the tree
            root = v2.head.i == v2.i
            head, dep = v2.head, v2.dep_
            v1.head, v1.dep_ = (v1 if root else head), dep
        for c in list(v2.children):
            if c.i != obj.i:
                c.head = v1
        obj.head, obj.dep_ = v1, "dobj"
        v2.head, v2.dep_, v2.pos_ = obj, "amod", "ADJ"
    return out


def _counted(tok):
    """The people a quantity noun counts ("dozens of people" -> people), or None."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
                    return o
    return None
