"""Main events: which of an article's events are its main reported actions (SCHEMA 1.1 ``main``).

A report states a few actions as its news (what the headline and the lead say
and what the article is about) and many more as background: history, analysis,
what could happen, what did not. GDELT marks a "root event" per sentence; we
mark events per article, in two steps.

1. **Eligibility** (each rule says why an event cannot be news):
   - an act needs an actor that can act: a source that is a person, group,
     organisation or state (never "the quake", "the statement", "dozens");
   - a hypothetical, conditional or negated act did not happen;
   - a relative clause ("the 1985 quake that killed ...", "Trump, who has
     clashed with ...") or a participle ("a suspect arrested last week was
     charged") describes its noun, not the news (a claim of an attack excepted);
   - a noun's "that"-clause ("the fact that rebels could strike ...") is a
     premise of comment (news nouns like "word that" excepted);
   - a "before"/"until" clause dates its main clause ("shortly before MPs met, X
     spoke"); a warning with no one accused ("warned of a possible bomb plot") is an
     alert, not an accusation; an act seen by no person ("the nation is seeing
     the army oppose X") is framing; backing an option ("backed staying in") backs
     no party;
   - a clause dated well before the article's own days (a year before the
     publication year, a date more than two weeks earlier, "months after X")
     is history.
2. **Salience** ranks the eligible events: the earlier the sentence the more
   it is news (inverted pyramid); actors and trigger words the headline repeats
   and actors the article keeps naming are what it is about; the event's own
   ``confidence`` says how sure its coding is. The same (type, source, target)
   reported twice is one action (the first report is kept), and so is one deal
   told in several wordings (AGREE "agreed to buy X", SUPPORT "reached a deal
   to buy X", "when unveiling the merger"), and one attack on a target told with its
   perpetrators unnamed ("gunmen", "two armed squads", "a lone attacker") and, when a
   group is named for it, with that group (the named one is kept); a mutual action
   ("A met B", "B met A") is one action with the first-named actor as source.
   At most ``limit`` events (the convention says one to six) stay main.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Sequence

from ...model import Article, Entity, Event
from ..actors import STATE_NOUNS, is_agent_name, is_non_actor, noun_kind, sector_of_noun
from ..doc_memo import tokens_starting_in
from ..event_lexicon import is_event_noun

MUTUAL = frozenset({"CONSULT", "COOPERATE"})
_UNNAMED = "*unnamed attackers"
_STATE_FORCES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# acts that are statements about the future themselves: an offer, a threat, an appeal, a demand
_STATED = frozenset({"AGREE", "THREATEN", "REQUEST", "DEMAND", "REJECT", "ACCUSE", "SUPPORT"})
# words naming a group's kind or its members after its name: "X group", "X militants", "X forces"
_GROUP_WORDS = frozenset({"group", "militant", "militants", "fighters", "extremists", "members", "forces", "troops",
                          "organization", "organisation", "movement", "network", "militia", "militias", "rebels",
                          "insurgents", "jihadists", "jihadist", "gunmen"})
# common nouns that name a state ("the country closed its borders")
# people an attack befalls: never the attacker in a report's main attack
_VICTIMS = frozenset({"people", "persons", "person", "civilians", "victims", "bystanders", "passengers"})
# nouns whose "that"-clause reports news ("word that the army had seized the palace")
_NEWS_NOUNS = frozenset({"news", "report", "word", "announcement", "confirmation", "statement", "claim"})
# "months after X", "years since X": X lies that long before the report
_LONG_AGO = frozenset({"week", "month", "year", "decade"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_HISTORY_DAYS = 14
# a report whose headline is about protests reports the protests it names as news, even as nouns
_PROTEST_WORDS = frozenset({"protest", "protests", "protesters", "rally", "rallies", "demonstration",
                            "demonstrations", "demonstrators", "unrest"})
# words of a transaction or formal agreement: one deal however it is worded
_DEAL_WORDS = frozenset({"buy", "acquire", "purchase", "merge", "sell", "deal", "agreement", "accord", "pact",
                         "treaty", "merger", "acquisition", "takeover", "sale", "contract"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset("the a an of in on at to for and or by with from as after over its his her their is are was "
                  "were has have be".split())


def mark_main(doc, article: Article, events: Sequence[Event], *, entities: Sequence[Entity] = (),
              limit: int = 6) -> list[Event]:
    """``events`` with ``main`` set: True for at most ``limit`` main reported actions, False for the rest.

    Args:
        doc: the article's parsed ``Doc`` (for the trigger's clause).
        article: the article (title, publication date).
        events: the article's events in text order.
        entities: the article's entities (how often each actor is named).
        limit: the most events marked main.

    Returns:
        The same events in the same order, each with ``main`` set.
    """
    if not events:
        return []
    ref = _reference_day(article, events)
    sent_starts = sorted({e.span[0] for e in events} | {s.start_char for s in doc.sents})
    sent_index = {start: i for i, start in enumerate(sent_starts)}
    title_words = _words(article.title or "")
    mentions = Counter({e.name.lower(): len(e.mentions) for e in entities})
    scored: list[tuple[float, int]] = []
    acts: set[tuple] = set()
    for i, ev in enumerate(events):
        tok = _trigger_token(doc, ev)
        if not _eligible(ev, tok, ref, about_protests=bool(title_words & _PROTEST_WORDS)):
            continue
        act = (ev.trigger_span, ev.type)
        if ev.trigger_span is not None and act in acts:
            continue  # "Washington and London urged ...": one joint act, by the first-named actor
        acts.add(act)
        scored.append((_salience(ev, tok, sent_index.get(ev.span[0], 0), title_words, mentions), i))
    deals = [i for _, i in scored if _is_deal(events[i], _trigger_token(doc, events[i]))]
    scored = [(score, i) for score, i in scored
              if not (i in deals and i != deals[0] and _retold_deal(doc, events[i]))]
    chosen: dict[tuple, tuple[float, int]] = {}
    for score, i in scored:
        key = _action_key(events[i], deal=i in deals)
        key = next((k for k in chosen if _same_action(k, key)), key)
        best = chosen.get(key)
        if best is None:
            chosen[key] = (score, i)
        else:  # the same action reported twice: one action, first report, best score
            chosen[key] = (max(score, best[0]), min(i, best[1]))
    for key in [k for k in chosen if k[:2] == ("ASSAULT", _UNNAMED)]:
        # "two armed squads stormed the hotels" ... "the group claimed the raids": the attack
        # on the same target told with its perpetrators unnamed is the named group's attack
        if any(k[0] == "ASSAULT" and k[1] != _UNNAMED and k[2] == key[2] for k in chosen):
            del chosen[key]
    for key in [k for k in chosen if not k[-1] and k[0] not in MUTUAL]:
        # "the army seized control" next to "the army detained the president": an act with no stated
        # target by the same actor is the same action told less fully (or a part of it)
        if any(k[:2] == key[:2] and k[-1] for k in chosen):
            del chosen[key]
    top = sorted(chosen.values(), key=lambda x: (-x[0], x[1]))[:limit]
    keep = {i for _, i in top}
    return [replace(ev, main=i in keep) for i, ev in enumerate(events)]


def _action_key(ev: Event, *, deal: bool = False) -> tuple:
    src = ev.source.name.lower() if ev.source else ""
    tgt = ev.target.name.lower() if ev.target else ""
    if ev.type in MUTUAL:
        return (ev.type, frozenset((src, tgt)))
    if deal:  # "has reached a deal to buy X" ... "under the deal, it will buy X": one deal, whatever the wording
        return ("DEAL", src, tgt)
    if ev.type == "ASSAULT" and tgt and _unnamed_attacker(ev):
        return ("ASSAULT", _UNNAMED, tgt)  # "gunmen opened fire", "a lone attacker fired": one attack on X
    return (ev.type, src, tgt)


def _unnamed_attacker(ev: Event) -> bool:
    """Is the attack's source a description of unnamed perpetrators ("gunmen", "two armed squads",
    "a lone attacker"), not a named group, a state or its forces?"""
    src = ev.source
    if src is None or src.entity is not None or not src.name[:1].islower():
        return False
    return not set((src.code or "").split()[1:]) & _STATE_FORCES


def _is_deal(ev: Event, tok) -> bool:
    """Is the event a transaction or formal agreement ("agreed to buy X", "reached a deal", "signed a pact")?
    Reports tell one deal several times, as AGREE in one wording and SUPPORT in another."""
    if ev.type not in ("AGREE", "SUPPORT") or tok is None:
        return False
    span = ev.trigger_span or (0, 0)
    words = {t.lemma_.lower() for t in tokens_starting_in(tok.doc, span[0], span[1])}
    return bool(words & _DEAL_WORDS)


def _retold_deal(doc, ev: Event) -> bool:
    """"the chief executive said when unveiling the merger": a deal named by a definite noun and no party of its own
    refers back to the deal the report already told."""
    if ev.target is not None or ev.trigger_span is None:
        return False
    span = doc.char_span(ev.trigger_span[0], ev.trigger_span[1], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in _DEAL_WORDS and t.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in t.children)
        for t in span)


def _same_action(a: tuple, b: tuple) -> bool:
    """Two action keys for one act: same type and target, the source named once alone and once with
    words for its members or its kind after the name ("Acme" / "Acme militant group" / "Acme fighters")."""
    if a == b:
        return True
    if a[0] != b[0] or a[0] in MUTUAL or a[2] != b[2]:
        return False
    short, long_ = sorted((a[1].split(), b[1].split()), key=len)
    return bool(short) and len(short) < len(long_) and long_[:len(short)] == short \
        and all(w in _GROUP_WORDS for w in long_[len(short):])


def _trigger_token(doc, ev: Event):
    if ev.trigger_span is None:
        return None
    span = doc.char_span(ev.trigger_span[0], ev.trigger_span[1], alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _acting_subject(noun) -> bool:
    """"Raids by police uncovered weapons": an act with its "by" agent as the subject of a clause
    is what the clause reports, not a name for an act told elsewhere."""
    return noun.dep_ in ("nsubj", "dep") and noun.head.dep_ in ("ROOT", "ccomp") and noun.i < noun.head.i and any(
        c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)


def _eligible(ev: Event, tok, ref: date | None, *, about_protests: bool = False) -> bool:
    if ev.source is None or not is_agent_name(ev.source) or is_non_actor(ev.source.name.split()[-1]):
        return False  # "the city's airport suspended flights": a named facility is no actor either
    word = ev.source.name.split()[-1]
    head = word.lower()
    if ev.source.entity is None and (is_event_noun(head) or is_event_noun(head.rstrip("s"))):
        return False  # "the ouster shares ...": an act named as a subject is no actor
    if ev.source.entity is None and word.islower() and noun_kind(word) != "people" and head not in STATE_NOUNS \
            and " " not in (ev.source.code or "") and sector_of_noun(head, word) is None:
        return False  # "this outrage committed by ...": a common noun for no person, group or body
        # (coded at most with a guessed country, no sector of its own)
    if ev.type == "ASSAULT" and ev.source.entity is None and head in _VICTIMS:
        return False  # "dozens of people killed", "people ... after the quake hit": the victims, misread as agents
    if ev.negated or ev.mode in ("hypothetical", "conditional"):
        return False
    if ev.mode == "intended" and ev.type not in _STATED:
        return False  # "will lead the fight": announced, not done (the statement itself is the news)
    if tok is not None and tok.pos_ in ("NOUN", "PROPN") and len(ev.trigger.split()) == 1 and not (
            about_protests and ev.type == "PROTEST" and ev.source is not None and ev.source.name == "protesters") \
            and not _acting_subject(tok):
        return False  # a nominal event ("the Paris attacks", "his arrest") names an act, it does not report it
    if tok is not None and _in_relative_clause(tok):
        return False
    if ev.type == "ACCUSE" and ev.target is None and tok is not None and tok.lemma_ == "warn":
        return False  # "officials warned of a possible bomb plot": an alert to the public, no one accused
    if tok is not None and _time_anchor(tok):
        return False
    if tok is not None and _seen_by_no_witness(tok):
        return False
    if ev.type == "SUPPORT" and ev.target is None and tok is not None and any(
            c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" for c in tok.children):
        return False  # "London and Scotland backed staying in": a preference for an option, no party backed
    if _historical(ev, tok, ref):
        return False
    return True


def _in_relative_clause(tok) -> bool:
    """True when the trigger's clause describes a noun ("the quake that killed", "X, who clashed with")."""
    cur = tok
    for _ in range(12):
        if cur.dep_ == "relcl":
            return True
        if cur.dep_ == "xcomp" and any(
                c.dep_ == "dobj" and c.i < cur.i for c in cur.head.children):
            return False  # "clashes, which prompted the premier to urge calm": the premier's own act,
            # told as news inside the clause that describes its cause
        if cur.dep_ == "acl" and cur.head.pos_ == "NOUN" and cur.head.lemma_.lower() not in _NEWS_NOUNS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in cur.children):
            return True  # "the fact that rebels could strike the port shows ...": a premise of comment, not news
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.pos_ in ("NOUN", "PROPN") \
                and cur.head.dep_ != "ROOT" and cur.lemma_ != "claim" and not any(c.dep_ == "dobj" for c in cur.children):
            return True  # "a suspect arrested in X was charged", "the deal, approved by both boards, ...":
            # the participle describes its noun (a claim names the author of the attack it reports); with an
            # object of its own ("bandits kidnapped 30 people, police said") it is the clause's past-tense verb
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "parataxis"):
            return False  # a reported clause is news in its own right
        cur = cur.head
    return False


def _clause_verb(tok):
    """The verb of the clause a trigger word sits in (the word itself when it is a verb)."""
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return clause


_PERCEIVE = frozenset({"see", "watch", "witness"})


def _seen_by_no_witness(tok) -> bool:
    """"For the first time the nation is seeing the army oppose its leader": an act shown through a
    perception verb whose perceiver is no person (a country, a year) is the writer's framing of what is
    going on, not a reported action; a witness who saw an act reports it."""
    clause = _clause_verb(tok)
    if clause.dep_ not in ("ccomp", "xcomp") or clause.head.lemma_.lower() not in _PERCEIVE:
        return False
    seer = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return seer is not None and seer.ent_type_ != "PERSON" and noun_kind(seer.text) != "people" \
        and seer.lower_ not in ("i", "we", "he", "she", "they")


def _time_anchor(tok) -> bool:
    """"Shortly before legislators met, X broke his silence": an act in a "before"/"until" clause dates
    the news of its main clause; it is not the news itself."""
    clause = _clause_verb(tok)
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("before", "until", "till")
                                          for c in clause.children)


def _historical(ev: Event, tok, ref: date | None) -> bool:
    """Is the event history: dated well before the article's day ``ref`` (when known) or told as a
    time long before ("months after X")?"""
    if ref is not None and ev.date_from == "text" and ev.date:
        try:
            when = date.fromisoformat(ev.date[:10])
        except ValueError:
            when = None
        if when is not None and when < ref - timedelta(days=_HISTORY_DAYS):
            return True
    if tok is None:
        return False
    clause = _clause_verb(tok)
    if any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in clause.children) and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_AGO for c in clause.children):
        return True  # "months after the rebels took the city": told as a time reference
    described = _described(clause) if ref is not None else set()
    for t in clause.subtree if ref is not None else ():
        if _YEAR.match(t.text) and int(t.text) < ref.year and t.ent_type_ in ("DATE", "") and t.i not in described:
            return True
    return False


def _described(clause) -> set[int]:
    """Tokens of the clauses inside ``clause`` that describe one of its nouns ("the separatists, who have
    fought since 2011"): a year there dates what the noun did, not the act the clause reports."""
    return {d.i for c in clause.subtree if c.dep_ in ("relcl", "acl") and c.i != clause.i
            and c.head.pos_ in ("NOUN", "PROPN", "PRON") for d in c.subtree}


def _reference_day(article: Article, events: Sequence[Event]) -> date | None:
    """The article's own day: its publication date, else the latest day its events are dated."""
    days = []
    if article.published:
        try:
            return date.fromisoformat(article.published[:10])
        except ValueError:
            pass
    for ev in events:
        if ev.date and len(ev.date) >= 10:
            try:
                days.append(date.fromisoformat(ev.date[:10]))
            except ValueError:
                continue
    return max(days) if days else None


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


def _salience(ev: Event, tok, sentence: int, title_words: set[str], mentions: Counter) -> float:
    score = ev.confidence / (1.0 + 0.15 * sentence)  # inverted pyramid: the lead is the news
    if title_words:
        said = _words(ev.trigger) | _words(ev.source.name if ev.source else "")
        if ev.target:
            said |= _words(ev.target.name)
        if said & title_words:
            score *= 1.5
    named = mentions.get((ev.source.name if ev.source else "").lower(), 0)
    if named >= 2:
        score *= 1.2  # an actor the article keeps naming is what it is about
    return score
