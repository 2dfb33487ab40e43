"""Country guesses for event actors named without one, and other article-level context.

``actors.py`` codes what an actor's own phrase says ("Russian troops" -> RUS MIL).
Many news actors come without a country ("the police", "President X",
"prisoners"); the events stage then guesses it from the rest of the sentence or
the article, in this order of trust (each guess lowers the event's confidence):

- a sector-only source: the first country the sentence names outside the
  target's own words; then the event's place; then, weaker, the target's
  country (domestic acts are the commoner reading);
- a sector-only target: the event's place, the only country the sentence
  names, or the source's country (``domestic``; not between two governments);
- people with no code at all ("prisoners rioted in Dili"): the place or the
  sentence's country, country only;
- nothing in the sentence: the article's dominant country (``article_country``).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Iterator, Sequence

from ..lexicons import load_rows
from ..model import Actor, Found
from . import gazetteer
from .doc_memo import token_column, token_strings
from .linking import MentionIndex
from .noun_kinds import noun_kind

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})


def dominant_country(doc, index: MentionIndex, *, text: str | None = None) -> str | None:
    """The country an article is mostly about: the most mentioned one, when it clearly leads.

    Unnamed-country actors ("police", "the army") in a report about one country
    are that country's; with two or more countries mentioned about equally no
    default is taken. ``text``: the text ``doc`` was parsed from, when the caller has it
    (``Doc.text`` is rebuilt from every token on each access).
    """
    counts: dict[str, int] = {}
    text = doc.text if text is None else text
    starts = token_column(doc, "idx")
    for i in range(len(starts)):
        if not text[starts[i]].isupper():
            continue  # token_country's own first test, read off the text: no Token made
        tok = doc[i]
        if tok.ent_iob_ == "I":
            continue
        code = token_country(tok, index)
        if code:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0] if ranked[0][1] >= 2 or len(ranked) == 1 else None
    return None


def _capitalised(sent) -> Iterator:
    """The tokens of ``sent`` whose text starts with a capital letter (``token_country``'s first test),
    tested on the Doc's decoded words: a ``Token`` is made only for those."""
    doc, words = sent.doc, token_strings(sent.doc, "orth")
    for i in range(sent.start, sent.end):
        if words[i][:1].isupper():
            yield doc[i]


def first_country(sent, index: MentionIndex, skip: frozenset[int] = frozenset()) -> str | None:
    """The first country named in the sentence (entity, demonym or capital) outside ``skip``."""
    for tok in _capitalised(sent):
        if tok.i in skip or tok.pos_ not in ("PROPN", "ADJ", "NOUN") or _destination(tok) or _of_a_thing(tok):
            continue
        code = token_country(tok, index)
        if code:
            return code
    return None


# verbs of going somewhere: where they go is no one's nationality
_GOING = frozenset({"continue", "head", "sail", "travel", "flee", "go", "cross", "migrate", "journey", "bind"})


def _destination(tok) -> bool:
    """"insisted on continuing to Italy", "boats heading for Europe": a country people travel to does
    not tell whose the sentence's unnamed actors (the coast guard, the police) are."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in ("to", "towards", "toward", "for") \
        and prep.head.lemma_.lower() in _GOING


def _of_a_thing(tok) -> bool:
    """"some waving Russian flags", "a Chinese truck": a country word on an object places no people."""
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" and noun_kind(tok.head.text) == "device"


def all_countries(sent, index: MentionIndex) -> list[str]:
    """Distinct countries the sentence names, in order (one pass over its tokens)."""
    out: list[str] = []
    for tok in _capitalised(sent):
        code = token_country(tok, index)
        if code and code not in out:
            out.append(code)
    return out


def token_country(tok, index: MentionIndex) -> str | None:
    """The country a single token names (entity, demonym or capital), as ``first_country`` reads it.

    Only capitalised words name countries ("northern Mali" counts once, on "Mali"): the cheap test
    spares an entity look-up for most tokens of an article.
    """
    if not tok.text[:1].isupper():
        return None
    ent = index.at(tok.idx, tok.idx + len(tok))
    if ent is not None:
        code = ent.country if ent.type in ("GPE", "NORP", "LOC") else None
        code = code or _country_code(ent.name) or _country_code(tok.text)
        if not code and ent.type in ("GPE", "NORP", "LOC"):
            met = _metonym(ent.name)
            code = met[0] if met else None
        return code
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
        return _country_code(tok.text)
    return None


@functools.lru_cache(maxsize=8192)
def _country_code(text: str) -> str | None:
    # token_country runs on every token of an article (dominant_country): the same few words recur
    return gazetteer.country_code(text)


@functools.lru_cache(maxsize=8192)
def _metonym(text: str) -> tuple[str, str] | None:
    return gazetteer.metonym(text)


def fill_country(actor: Actor, factor: float, sent, index: MentionIndex, *,
                  place_country: str | None = None, prefer_place: bool = False, diplomatic: bool = False,
                  skip: frozenset[int] = frozenset(),
                  own: frozenset[int] = frozenset(),
                  article_country: str | None = None) -> tuple[Actor, float]:
    """An actor known by sector or title only ("President X", "the police") takes the sentence's country.

    News sentences name the country of an unnamed-country actor nearby far more
    often than not; the confidence factor drops to say it is a guess.
    """
    code = actor.code or ""
    words = actor.text or actor.name
    if not gazetteer.country_name(code.split()[0] if code else "") and (
            gazetteer.names_many_countries(words)  # "European countries urged Russia...": none of them Russia
            or _states_at_large(words)  # "donors pledged $4 billion to help Pakistan": Pakistan the one helped
            or _the_sides(words, code)):  # "Egypt urged both sides to hold the truce": not Egypt's own sides
        return actor, factor
    if not code and actor.entity is None:
        country = place_country or first_country(sent, index, skip | own)
        if not country and article_country:
            country, factor = article_country, factor * 0.9
        if country:  # "Prisoners rioted in Dili": people in a sentence about a country, country only
            return replace(actor, entity=None, code=country), factor * 0.8
        return actor, factor
    first = code.split()[0] if code else ""
    if first and (len(first) == 3 and first.isalpha() and first.isupper() and " " in code
                  or first in ("IGO", "NGO", "IMG")):
        return actor, factor
    if not first or gazetteer.country_name(first):
        return actor, factor  # no sector to place (a bare name), or already a country
    # a talks or signing venue abroad is mostly a third country's ("signed a deal in Pretoria", "met rebel
    # commanders in Doha" place no party); a meeting in the report's own country is domestic
    venue = place_country if diplomatic and place_country is not None and (
        article_country is not None and place_country != article_country
        or any(c != place_country for c in all_countries(sent, index))) else None
    if prefer_place:  # targets: where it happened, or the only country the sentence names (never the venue)
        only = [c for c in all_countries(sent, index) if c != venue]
        country = (place_country if venue is None else None) or (
            only[0] if len(only) == 1 and not (diplomatic and first == "GOV") else None)
    else:
        country = first_country(sent, index, skip) or place_country
        if (not country or country == venue) and skip:
            # only the other party's words name a country: domestic acts ("President X imposed a curfew
            # in Algiers") are the commoner reading, but it is a weaker guess
            country, factor = first_country(sent, index), factor * 0.8
        if country == venue:  # a venue abroad is no party's country (with no venue, None stays None)
            country = None
    if not country and article_country:
        country, factor = article_country, factor * 0.85  # "police" in a report about Burundi
    if not country:
        return actor, factor
    sector = code or None
    new_code = f"{country} {sector}" if sector else country
    return replace(actor, code=new_code), factor * 0.85


# plural heads naming states or lenders at large, and the words that make "leaders" the world's
_MANY_STATES = frozenset({"nations", "countries", "donors", "powers", "governments", "lenders", "creditors"})
_WORLDWIDE = frozenset({"world", "global", "international", "foreign"})


def _states_at_large(text: str) -> bool:
    """"Wealthy nations", "donors", "the international community", "world leaders": no one country's
    people, so they take no country from the sentence or the article (which is mostly the country they
    help or judge). Not a counted pair ("the two countries", "both nations"): that takes up named states."""
    words = text.lower().replace("-", " ").split()
    if not words or any(w.isdigit() or w in ("two", "three", "both") for w in words):
        return False
    head = words[-1]
    return head in _MANY_STATES or head == "community" and "international" in words \
        or head == "leaders" and bool(_WORLDWIDE & set(words))


def _the_sides(text: str, code: str) -> bool:
    """"Both sides", "the two sides", "the warring parties": the parties of a conflict, one or two of
    them foreign to the sentence's first country (mostly the mediator's or caller's). Parties with no
    sector code are such sides (``actors._sides``: "all parties" with no "in parliament" gets no PTY)."""
    words = text.lower().split()
    return bool(words) and (words[-1] == "sides" or words[-1] == "parties" and not code)


def domestic(source: Actor, target: Actor, factor: float) -> tuple[Actor, float]:
    """A target known only by sector takes the source's country ("the Sudanese government accused
    Darfur rebels", "police arrested protesters"): state agents mostly act at home. Not between
    two governments, where the other party is as likely foreign."""
    country = actor_country(source)
    code = target.code or ""
    if not country or not code or " " in code or len(code) != 3 or code in ("IGO", "NGO", "IMG"):
        return target, factor
    if gazetteer.country_name(code):  # already a country
        return target, factor
    src_sector = source.code.split()[1] if source.code and len(source.code.split()) > 1 else None
    if code == "GOV" and src_sector in ("GOV", None):
        return target, factor
    return replace(target, code=f"{country} {code}"), factor * 0.85


def protest_target(source: Actor | None, place_country: str | None) -> Actor | None:
    """Who a protest with no stated target is against: the government where it happens.

    PLOVER codes street protests against the authorities of the place by default
    ("students demonstrated in Jakarta" -> IDN GOV); the weaker confidence says so.
    """
    country = place_country or (actor_country(source) if source is not None else None)
    if not country:
        return None
    name = gazetteer.country_name(country) or country
    return Actor(name=f"government of {name}", entity=None, code=f"{country} GOV")


def state_actor(country: str) -> Actor:
    """The state of a country as an actor ("NGA" -> Nigeria, "NGA GOV")."""
    return Actor(name=gazetteer.country_name(country) or country, entity=None, code=f"{country} GOV")


def target_words(targets: Sequence) -> frozenset[int]:
    """Token ids of the targets' own words (not their nationality adjective, not "in X" locations)."""
    out: set[int] = set()
    for tt in targets:
        if tt.dep_ == "pobj" and tt.head.lower_ in PLACE_PREPS:
            continue  # the target is where it happened ("a curfew in Algiers"): its country is the scene
        located = {t.i for p in tt.subtree if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
                   for t in p.subtree}
        out.update(t.i for t in tt.subtree if t.i not in located
                   and not (t.dep_ in ("amod", "compound") and t.head.i == tt.i))
    return frozenset(out)


def country_from_places(found: Found, span) -> str | None:
    """The country the places stage gave the event's place, when it is sure of it: a guess between two
    towns of one name ("the town of Bor", alone) must not make the actors that country's."""
    if span is None:
        return None
    for pl in found.places:
        if pl.span[0] < span[1] and span[0] < pl.span[1] and pl.country and (pl.confidence or 0) >= 0.6:
            return pl.country
    return None


def country_of_place(place: str | None) -> str | None:
    """The country a place name is, or ends with ("Baghdad" no, "Syria" yes, "northern Mali" yes)."""
    if not place:
        return None
    hit = gazetteer.country_code(place, demonyms=False) or region_country(place)
    if hit:
        return hit
    words = place.split()
    if len(words) > 1:
        return gazetteer.country_code(words[-1], demonyms=False) or region_country(" ".join(words[-2:])) \
            or region_country(words[-1])
    return None


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    return {gazetteer.normalise(r.place): r.country for r in load_rows("plover_places.tsv")}


def region_country(text: str) -> str | None:
    """The country of a sub-national region or city from ``plover_places.tsv`` ("West Bank" -> PSE)."""
    return _regions().get(gazetteer.normalise(text)) if text else None


def actor_country(actor: Actor) -> str | None:
    """The ISO country slot of an actor's code, None for sector-only or IGO/NGO/IMG codes."""
    first = actor.code.split()[0] if actor.code else ""
    return first if first and gazetteer.country_name(first) else None


def code_tail(actor: Actor) -> str | None:
    """The last word of an actor's code: its sector when it has one ("NGA MIL" -> "MIL"), else None or
    its only word."""
    parts = (actor.code or "").split()
    return parts[-1] if parts else None


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor on both sides: same name, or the same state named twice ("the US" / "Washington")."""
    if a.name == b.name:
        return True
    if a.code != b.code or not a.code:
        return False
    def state(name: str) -> bool:
        return bool(gazetteer.country_code(name, demonyms=False) or gazetteer.metonym(name))

    return state(a.name) and state(b.name)


def is_demonym(text: str) -> bool:
    """True for a national adjective or people name ("Syrians"), not a country name."""
    return gazetteer.is_demonym(text)
