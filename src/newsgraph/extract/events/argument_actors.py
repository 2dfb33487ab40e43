"""Argument tokens -> coded actors: what a pronoun, "the company", "the statement" or a bare surname
stands for, and the code of each source or target token.

``arguments`` finds which tokens fill an event's slots from the parse; this module
decides who they name. Pronoun resolution and coding are one module because they
recurse into each other (an organ's "its" is resolved as a pronoun, a pronoun's
antecedent is coded as an argument).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ...model import Actor, Found
from ..actor_context import code_tail
from ..actors import PRONOUNS, code_actor, entity_codes, is_non_actor, noun_kind, phrase_tokens
from ..dateline_tokens import dateline_end
from .. import gazetteer
from ..event_lexicon import UNDERGONE_NOUNS, is_event_noun
from ..linking import MentionIndex
from .antecedents import host_subject, people_before, thing_before
from .argument_words import (_EVERYONE, _PERSONAL, _agrees, _bare_spokesperson, _demonym, _pact, _personal,
                             _plural_group, _weapon_owner, _DECIDED)
from .syntax import _SUBJ, _counted, _subject
from ..doc_memo import sentence_of


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


# demonstrative and indefinite pronouns: unnamed people, never an earlier actor
_INDEFINITE = frozenset({"those", "these", "some", "many", "others", "few", "several", "most", "someone",
                         "somebody", "anyone", "anybody"})
# organs of a body named through it ("its central committee", "its board"): they act as the body
_ORGANS = frozenset({"committee", "board", "politburo", "presidium", "leadership", "executive", "secretariat",
                     "directorate"})
# members of an armed group named through it ("its fighters"): they act as the group
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
        if named is not None:  # "the firm says it plans to buy": the company the article just named
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
