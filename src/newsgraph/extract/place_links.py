"""Where events and figures happened: links from them to the article's resolved places.

Why a module of its own: events and figures find their facts on the parse; places resolves
toponyms with the whole article. Linking is the small step in between, kept here so the events
and figures modules only call it. Rules, in order:
1. an event whose place the events stage named (``place_span``) takes the place record there;
2. otherwise the place governed by a locative preposition ("in", "near", "at", "outside") in the
   clause of the event's trigger or the figure's counted verb ("five were killed in Aleppo");
3. otherwise, for figures, a locative place of the same sentence ("In Aleppo, five people died").
A place used as an actor (its span inside the event's source or target) is never the location.
Nothing is guessed across sentences.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..model import Event, Figure, Place, Span
from .places import PLACE_NOUNS

_LOCATIVE = frozenset({"in", "near", "at", "outside", "inside", "across", "throughout", "around", "into", "on"})


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def place_at(places: Sequence[Place], span: Span | None) -> Place | None:
    """The resolved place overlapping ``span`` (None when there is none, or it has no coordinates)."""
    if span is None:
        return None
    for p in places:
        if _overlap(tuple(p.span), tuple(span)) and p.lat is not None:
            return p
    return None


def _climb(tok):
    """From a name to the word that stands for it in the clause ("Aleppo and Idlib", "Aleppo province")."""
    while tok.dep_ in ("conj", "compound", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _place_chains(doc, places: Sequence[Place]) -> list[tuple[Place, dict[int, int]]]:
    """Each place with coordinates that is the object of a locative preposition, with the tokens that
    preposition hangs from (token index -> depth), climbing to the clause's verb at most 4 steps.

    Worked out once per article: events and figures ask it for every trigger and every figure.
    """
    out = []
    for p in places:
        if p.lat is None:
            continue
        sp = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if sp is None:
            continue
        tok = _climb(sp.root)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS:
            tok = _climb(tok.head.head)  # "in the southern city of Arequipa": where the city is
        if tok.dep_ != "pobj" or tok.head.lower_ not in _LOCATIVE:
            continue
        # climb from the preposition to the verb it modifies: a clause head on the way takes the place
        node, depth, chain = tok.head.head, 0, {}
        while True:
            chain.setdefault(node.i, depth)
            if node.head.i == node.i or depth >= 4 or node.pos_ in ("VERB", "AUX"):
                break
            node, depth = node.head, depth + 1
        out.append((p, chain))
    return out


def _locative_places(chains: Sequence[tuple[Place, dict[int, int]]], head) -> list[tuple[int, Place]]:
    """Places whose locative preposition is attached to ``head``'s clause, nearest first, with depth."""
    out = [(chain[head.i], p) for p, chain in chains if head.i in chain]
    out.sort(key=lambda x: x[0])
    return out


def _verb_of(tok):
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def link_events(doc, events: Sequence[Event], places: Sequence[Place]) -> list[Event]:
    """Each event with its place record in ``location`` (and ``place``/``place_span`` when the
    events stage had none and the trigger's clause names one)."""
    out = []
    chains = _place_chains(doc, places)
    for ev in events:
        loc = place_at(places, ev.place_span)
        if loc is None and ev.place is None and ev.trigger_span is not None:
            trig = doc.char_span(ev.trigger_span[0], ev.trigger_span[1], alignment_mode="expand")
            if trig is not None:
                actors = [a.span for a in (ev.source, ev.target) if a is not None and a.span is not None]
                for _, p in _locative_places(chains, _verb_of(trig.root)):
                    if not any(_overlap(tuple(p.span), tuple(a)) for a in actors):
                        loc = p
                        ev = replace(ev, place=p.name, place_span=tuple(p.span))
                        break
        out.append(replace(ev, location=loc) if loc is not None else ev)
    return out


def link_figures(doc, figures: Sequence[Figure], places: Sequence[Place]) -> list[Figure]:
    """Each figure with the place where what it counts happened ("killed in Aleppo"), when its
    sentence says so."""
    out = []
    chains = _place_chains(doc, places)
    for f in figures:
        sp = doc.char_span(f.span[0], f.span[1], alignment_mode="expand")
        where = None
        if sp is not None:
            hits = _locative_places(chains, _verb_of(sp.root))
            if hits:
                where = hits[0][1]
            else:
                sent = sp.sent
                in_sent = [(p, c) for p, c in chains if sent.start_char <= p.span[0] < sent.end_char]
                located = [p for _, p in _locative_places(in_sent, sent.root)]
                where = located[0] if located else None
        out.append(replace(f, place=where) if where is not None else f)
    return out


__all__ = ["place_at", "link_events", "link_figures"]
