"""The PLOVER trigger lexicon (``lexicons/plover_triggers.tsv``), loaded once and looked up by lemma.

It lives outside the ``events`` package because actor coding (``actors.py``)
asks one question of it, "can this noun name an event on its own?", and actors
must not import the events stage that uses them.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Iterator

from ..lexicons import load_rows
from ..model import PLOVER_TYPES
from .doc_memo import doc_tables, positions_passing, tokens_at

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    kind: str
    needs: tuple[str, ...]
    type: str

    @property
    def specific(self) -> bool:
        # negative conditions ("nomod:", "under:") narrow an entry without making it more specific
        return any(n != "objonly" and not n.startswith(("nomod:", "under:")) for n in self.needs)

@functools.lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Entries by (lemma, kind), most specific first (file order otherwise)."""
    out: dict[tuple[str, str], list[Entry]] = {}
    for row in load_rows("plover_triggers.tsv"):
        needs = tuple(n.strip() for n in row.needs.split(",") if n.strip())
        if row.kind in ("verb", "noun") and (row.type or "") not in PLOVER_TYPES:
            log.warning("plover_triggers.tsv: %s has unknown type %s", row.lemma, row.type)
            continue
        for lemma in row.lemma.split("|"):  # "stop|halt|end": verbs that read alike share a row
            entry = Entry(lemma.strip().lower(), row.kind, needs, row.type or "")
            out.setdefault((entry.lemma, entry.kind), []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: not e.specific)) for k, v in out.items()}

def is_event_noun(lemma: str) -> bool:
    """True when ``lemma`` can name an event on its own ("talks", "aid", "attack"; not "troops")."""
    return any("objonly" not in e.needs for e in lexicon().get((lemma, "noun"), ()))

def lemma_keys(tok) -> tuple[str, ...]:
    """The lemma, then the word itself and naive de-inflections (the tagger's lemma is sometimes
    wrong: "staged" -> "stag")."""
    return _keys_of(tok.lemma_.lower(), tok.lower_, tok.pos_ in ("VERB", "AUX", "NOUN"))

@functools.lru_cache(maxsize=16384)
def _keys_of(lemma: str, low: str, inflected: bool) -> tuple[str, ...]:
    # asked for every token of every sentence: memoised on the strings it depends on
    keys = [lemma, low]
    if inflected:
        if low.endswith("ied"):
            keys.append(low[:-3] + "y")
        if low.endswith("ed"):
            keys += [low[:-1], low[:-2]]
        if low.endswith("ing"):
            keys += [low[:-3], low[:-3] + "e"]
        if low.endswith("ies"):
            keys.append(low[:-3] + "y")
        if low.endswith("s"):
            keys.append(low[:-1])
        if lemma.startswith("re") and len(lemma) > 5:
            keys.append(lemma[2:])  # "reimposed", "reopened": the act again
    return tuple(dict.fromkeys(keys))

# (lemma, lower, pos ids, kind) -> entries: the ids are read off the token without building strings
_BY_IDS: dict[tuple[int, int, int, str], tuple[Entry, ...]] = {}


def entries(tok, kind: str) -> tuple[Entry, ...]:
    """The lexicon entries of ``kind`` for the first of ``lemma_keys(tok)`` that has any."""
    key = (tok.lemma, tok.lower, tok.pos, kind)
    hit = _BY_IDS.get(key)
    if hit is None:  # asked several times for every token: the string ids name the same strings
        if len(_BY_IDS) >= 65536:
            _BY_IDS.clear()
        hit = _BY_IDS[key] = _entries_of(tok.lemma_, tok.lower_, tok.pos_, kind)
    return hit

def tokens_with_entries(sent, kind: str) -> Iterator:
    """The tokens of ``sent`` with entries of ``kind`` (``entries(tok, kind)`` not empty), in text order.

    Why: asked of every sentence ("report": the speech verbs); the positions of such tokens in the
    whole ``Doc`` are found once (``_positions_with_entries``) and each sentence takes its stretch."""
    return tokens_at(sent, _positions_with_entries(sent.doc, kind))


def _positions_with_entries(doc, kind: str) -> list[int]:
    """The positions of the tokens of ``doc`` with entries of ``kind``, once per Doc and kind: the ids of
    each token are read off the ``Doc``'s table, and a ``Token`` is made only for a word not seen before."""
    tables = doc_tables(doc)
    hits = tables.get((_positions_with_entries, kind))
    if hits is None:
        hits = tables[(_positions_with_entries, kind)] = positions_passing(
            doc, ("lemma", "lower", "pos"), lambda ids: _BY_IDS.get((*ids, kind)), lambda tok: entries(tok, kind))
    return hits


@functools.lru_cache(maxsize=65536)
def _entries_of(lemma: str, low: str, pos: str, kind: str) -> tuple[Entry, ...]:
    # asked several times for every token (one kind per rule): memoised on the strings it reads
    lex = lexicon()
    for key in _keys_of(lemma.lower(), low, pos in ("VERB", "AUX", "NOUN")):
        hit = lex.get((key, kind))
        if hit:
            return hit
    return ()


# nouns that, set after a clause, name what the clause told ("detained the leader, a move critics decried")
CLAUSE_SUMMARIES = frozenset({"move", "step", "charge", "claim", "accusation", "allegation", "decision", "act",
                               "action", "measure", "development", "announcement", "gesture"})


def sums_up_clause(appos) -> bool:
    """An apposition that sums up the clause before it, not the noun it follows ("the governor, a
    move the party condemned"): it takes no part in the actor's name."""
    return appos.lemma_.lower() in CLAUSE_SUMMARIES or is_event_noun(appos.lemma_.lower())


# acts whose possessor, with no "of" object, is the one who undergoes them ("before his detention", "her
# release"): the actor is named by a "by" phrase or not at all
UNDERGONE_NOUNS = frozenset({"detention", "arrest", "custody", "imprisonment", "jailing", "abduction", "kidnapping",
                             "execution", "assassination", "expulsion", "deportation", "extradition", "capture",
                             "conviction", "sentencing", "trial", "release", "ouster", "dismissal", "sacking"})


# verbs whose object's "of" phrase is the charge ("accused the opposition of fraud"), not part of the party
CHARGING_VERBS = frozenset({"accuse", "convict", "suspect", "acquit", "clear", "absolve", "warn"})


def conj_host(verb):
    """The verb a conjoined verb shares its subject with, mending one frequent misparse: in "the authority
    said ships were waiting and warned that X", the parser hangs "warned" on "waiting", inside what was
    said. A simple-past verb that itself reports something, conjoined with a verb that has an auxiliary of
    its own inside a reported clause, continues the report verb: the authority warned, not the ships."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and _same_aux(verb, head.head) and (
            entries(head.head, "report") or any(e.type in _SPEECH_ACTS for e in entries(head.head, "verb"))) \
            and not _same_aux(verb, head) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return head.head  # "Beijing has denied that X are linked and has invited Brussels": the report verb's "has"
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" or not entries(head.head, "report") \
            or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return head
    speaks = bool(entries(verb, "report")) or any(c.dep_ == "ccomp" for c in verb.children)
    if speaks and any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return head.head
    acts = speaks or any(e.type in _SPEECH_ACTS for e in entries(verb, "verb"))
    if acts and (any(c.dep_ == "nsubj" and c.pos_ == "ADJ" for c in head.children) or _dying(head)):
        # "said the dead included four children and vowed to retaliate", "said 15 soldiers had died and
        # appealed to Russia": the dead vow and appeal nothing
        return head.head
    if head.tag_ in ("VBP", "VBZ") and head.head.tag_ == "VBD" and acts:
        # "a spokesman said its forces only strike military targets and blamed the fire on X": a past-tense
        # judgement conjoined with a present-tense reported clause is not in the present: the speaker's act
        return head.head
    return head


def _same_aux(verb, other) -> bool:
    """Does ``verb`` repeat an auxiliary of ``other`` ("has denied ... and has invited")?"""
    mine = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(mine) and bool(mine & {c.lower_ for c in other.children if c.dep_ == "aux"})


def _dying(verb) -> bool:
    """A clause telling deaths: "had died", "perished", "were killed"."""
    lemma = verb.lemma_.lower()
    return lemma in ("die", "perish") or lemma == "kill" and any(c.dep_ == "auxpass" for c in verb.children)


_SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "DEMAND", "SUPPORT", "THREATEN", "AGREE"})
