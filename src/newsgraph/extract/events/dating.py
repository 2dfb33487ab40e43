"""When and where an event happened: the date governing its clause, its place, linked dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...model import Event
from ...model import Found
from ..actor_context import actor_country
from ..date_anaphora import frame_offset
from ..dates import in_dateline
from ..gazetteer import country_code, is_demonym
from ..linking import MentionIndex
from .candidate import _Cand
from .syntax import stray_participle_host

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "through"})


def _date_for(cand: _Cand, report_verb, dates_by_gov: dict[int, object]):
    gov_ids = [cand.head.i] + [t.i for t in cand.chain] + [w.i for w in cand.words]
    if cand.kind == "noun" and cand.head.head.i != cand.head.i:
        gov_ids.append(cand.head.head.i)
    if cand.head.dep_ == "xcomp":  # "voted on Wednesday to impeach him": the vote is the impeachment
        gov_ids.append(cand.head.head.i)
    clause = stray_participle_host(cand.head) or cand.head  # "marched on the palace demanding": the march
    gov_ids.append(clause.i)
    shift = _counted_from_host(clause)
    if clause.dep_ in ("conj", "advcl") and shift is None:  # "spoke on Tuesday ... and expressed", "tore
        gov_ids.append(clause.head.i)      # through ... on Sunday, killing 54": the clause's date is shared
    for i in gov_ids:
        if i in dates_by_gov:
            return dates_by_gov[i], "text"
    host = dates_by_gov.get(clause.head.i) if shift is not None else None
    if host is not None and host.granularity == "day" and host.value:
        day = dt.date.fromisoformat(host.value[:10]) + dt.timedelta(days=shift)
        return replace(host, value=day.isoformat()), "frame"
    if report_verb is not None and report_verb.i in dates_by_gov:
        return dates_by_gov[report_verb.i], "report"
    return None, None


def _counted_from_host(head) -> int | None:
    """Days from the clause a "before"/"after" clause hangs on to its own act, when the text counts them:
    "voted on Wednesday, a day after protesters marched" puts the march a day before the vote (-1)."""
    if head.dep_ != "advcl":
        return None
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None:
        return None
    count = next((c for c in head.children if c.dep_ == "npadvmod" and c.i < mark.i), None)
    if count is None:
        return None
    offset = frame_offset(f"{head.doc[count.left_edge.i:count.i + 1].text} {mark.lower_}")
    return -offset if offset is not None else None


def _date_governors(doc, found: Found, *, text: str) -> dict[int, object]:
    """Map verb token index -> the date mention attached to that verb's clause."""
    out: dict[int, object] = {}
    hosts: list[tuple[int, object]] = []
    for d in found.dates:
        span = doc.char_span(d.span[0], d.span[1], alignment_mode="expand")
        # a date with no calendar day ("in the 1990s war") still dates its clause: never the publication day
        if span is None or (d.value is None and (d.timex_type != "DATE" or d.timex_value == "PRESENT_REF")) \
                or in_dateline(text, *d.span):
            continue
        root = span.root
        if root.dep_ == "poss" and root.head.dep_ not in ("nsubj", "nsubjpass"):
            # "to demand a recount of last month's vote", "condemned Tuesday's attack": the day is the
            # thing's, not the act's; it still dates an act named by that noun
            out.setdefault(root.head.i, d)
            continue
        tok = _governing_verb(root)
        out.setdefault(tok.i, d)
        if tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN") and tok.head.i != tok.i:
            # "seized a tanker flying a Liberian flag on Wednesday": the parser hangs the day on the
            # participle that describes the object; the act it describes is what the day dates
            hosts.append((_governing_verb(tok.head).i, d))
    for i, d in hosts:
        out.setdefault(i, d)
    return out


def _governing_verb(tok):
    """The verb a date's words hang on (climbing at most eight heads), or the last word reached."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _place_for(cand: _Cand, index: MentionIndex, actor_tokens: set[int], places=()):
    """Where the act happened: a place phrase of the verb or its object ("raided two homes in X"), the
    place acted on or moved into, or the place of the actor doing it ("police in X", "X police")."""
    verbs = [cand.head] + cand.chain + cand.inner
    if cand.head.dep_ == "advcl" and cand.head.tag_ == "VBG":
        verbs.append(cand.head.head)  # "attacked a base near X, killing 12": the killing was there too
    objects = [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    preps = _PLACE_PREPS | ({"to", "into"} if cand.type in _MOVES else frozenset())  # "deployed troops to X"
    spots = [o for t in verbs + objects for p in t.children if p.dep_ == "prep" and p.lower_ in preps
             for o in p.children if o.dep_ == "pobj"]
    if cand.type in _ACTS_ON_GROUND:
        spots += objects  # "shelling hit Kharkiv", "police sealed off Molenbeek": the place acted on
    for s in cand.sources:  # "police in Quito detained", "Lyon police detained"
        spots += [o for p in s.children if p.dep_ == "prep" and p.lower_ in ("in", "at") for o in p.children
                  if o.dep_ == "pobj"]
        spots += [c for c in s.children if c.dep_ == "compound" and c.pos_ == "PROPN" and not country_code(c.text)
                  and index.at(s.idx, s.idx + len(s)) is None]  # (not "North" in "North Korea")
    # "in several parts of X", "across the suburbs of the capital, X": the named place inside the phrase
    spots += [x for o in list(spots) for x in _named_within(o)]
    for o in spots:
        if o.i in actor_tokens or is_demonym(o.text):  # "killed four Iraqis": a people, not a place
            continue
        ent = index.at(o.idx, o.idx + len(o))
        if ent is not None and ent.type in ("GPE", "LOC", "FAC"):
            span = next((m for m in ent.mentions if m[0] <= o.idx < m[1]), None)
            return ent.name, span
        # a toponym the places stage resolved though the tagger took it for something else
        hit = next((pl for pl in places if pl.span[0] <= o.idx < pl.span[1] and pl.lat is not None), None)
        if hit is not None:
            return hit.name, hit.span
    return None, None


def _named_within(tok, depth: int = 0) -> list:
    out = []
    for c in tok.children:
        if c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of":
            inner = [c] if c.dep_ == "appos" else [o for o in c.children if o.dep_ == "pobj"]
            out += inner + ([x for i in inner for x in _named_within(i, depth + 1)] if depth < 1 else [])
    return out


_MOVES = frozenset({"MOBILIZE", "AID"})
_ACTS_ON_GROUND = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID"})

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
