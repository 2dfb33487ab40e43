""""The company said": the business the report named just before.

Business copy names a firm once ("Norvik Systems agreed to buy ...") and then
lets it speak as "the company", "the firm" or "the airline". A reader takes the
definite noun for that firm, as the annotation conventions do (an organisation
speaks as itself), so the speaker is the firm's name, not the bare noun. Only a
bare "the <noun>" points back: "a rival company", "the other firm" or "the
company that owns the building" name a different one.
"""

from __future__ import annotations

from ..model import Speaker
from .actors import group_sectors, org_code
from .quote_subjects import _SUBJ, _main_clause

# nouns a business is called by after its name; bodies of a state ("the ministry", "the army") keep
# their own noun, which already names them well with the country the text gives
FIRM_NOUNS = frozenset(
    "company firm corporation carrier airline lender insurer retailer manufacturer maker carmaker automaker "
    "chipmaker startup conglomerate brewer miner".split())
_LOOKBACK_SENTS = 3
# words in a firm's name that say it is the kind of business the noun names ("Greenline Airways" is an
# airline, "Norvik Systems" need not be); a kind noun with no firm of its kind named keeps the description
_AIR = frozenset({"air", "airways", "airlines", "airline", "aviation", "jet", "jets"})
_CARS = frozenset({"motor", "motors", "auto", "autos", "automotive", "automobile", "cars"})
KIND_NAME_WORDS = {
    "airline": _AIR, "carrier": _AIR | {"telecom", "mobile", "wireless", "telecommunications"},
    "lender": frozenset({"bank", "bancorp", "banking", "financial", "finance", "credit", "lending", "mortgage"}),
    "insurer": frozenset({"insurance", "assurance", "re", "mutual"}),
    "carmaker": _CARS, "automaker": _CARS,
    "chipmaker": frozenset({"semiconductor", "semiconductors", "chip", "chips", "micro", "silicon"}),
    "brewer": frozenset({"brewing", "brewery", "breweries", "brewers", "beer"}),
    "miner": frozenset({"mining", "mines", "minerals", "metals", "resources"}),
}


def _bare(head) -> bool:
    """Is the noun only "the <noun>": no modifier, clause or phrase that would pick another one?"""
    return all(c.dep_ in ("det", "punct") and (c.dep_ != "det" or c.lower_ == "the") for c in head.children) and any(
        c.dep_ == "det" for c in head.children)


def _public_body(name: str) -> bool:
    """A body of a state, a union, a party or an international body ("Competition Authority", "the UN"),
    which fines, rules on or speaks about a firm but is none."""
    sectors = group_sectors()
    return org_code(name) is not None or any(
        sectors.get(w.lower().rstrip("s'")) not in (None, "BUS") for w in name.split())


def _kind_fits(kind: str, name: str, tok=None) -> bool:
    """Is the firm ``name`` of the business ``kind`` names: a word of its name says so ("Greenline
    Airways" for "the airline"), or the text calls it that ("the carrier Ostair", "Ostair, an airline")?
    Plain nouns ("company", "firm") fit any firm."""
    words = KIND_NAME_WORDS.get(kind)
    if words is None:
        return True
    if any(w.lower().strip(".,'") in words for w in name.split()):
        return True
    if tok is None:
        return False
    near = [*tok.children, tok.head, *tok.doc[max(0, tok.i - 3):tok.i]]
    return any(t.lemma_.lower() == kind for t in near)


def _party(tok) -> bool:
    """Is the mention a party of its sentence's main event: the main clause's subject (or one joined to
    it, "Norvik and Vesta reported") or the main verb's object ("Norvik sued Vesta")? A firm named only
    inside a clause below ("agreed to buy Vesta Chips") is not."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _SUBJ | {"dobj"} and _main_clause(tok.head)


def firm_named_before(resolver, head) -> Speaker | None:
    """The organisation "the company" (``head``) points back at, or None.

    Candidates are organisation mentions outside quotes in the last few
    sentences and organisations that spoke there; a main-clause subject beats a
    mere mention, the nearer beats the farther (as for "it said"). A kind noun
    ("the airline") takes only a firm of that kind. When another such firm is
    also a party of a main event there ("Norvik sued Vesta", "Norvik and Vesta
    both reported"), the noun could be either and keeps its description.
    """
    if head.lemma_.lower() not in FIRM_NOUNS or head.tag_ != "NN" or not _bare(head):
        return None
    sent_i = resolver.sent_index(head.i)
    window_start = resolver.sents[max(0, sent_i - _LOOKBACK_SENTS + 1)].start_char
    kind = head.lemma_.lower()
    cands: list[tuple[float, int, Speaker]] = []
    parties: set[str] = set()  # the firms that are parties of a main event in the window
    for (s, e), ent in resolver.index.mentions_between(window_start, head.idx):
        if ent.type != "ORG" or resolver.is_quoted(s) or resolver.looks_personal(ent) or _public_body(ent.name):
            continue
        tok = resolver.head_token(s, e)
        if tok is None:
            continue
        if not _kind_fits(kind, ent.name, tok):
            continue  # "Airbus won an order from Qantas ... the airline said": Airbus is no airline
        if _party(tok):
            parties.add(ent.id)
        back = resolver.distance(resolver.sent_index(tok.i), sent_i) * 10.0
        subject = tok.dep_ in _SUBJ and _main_clause(tok.head)
        cands.append((back - (5 if subject else 0), s, resolver.speaker(ent)))
    for pos, sp, gender, weight in resolver.timeline:
        ent = resolver.index.by_id.get(sp.entity) if sp.entity else None
        if (gender == "n" and ent is not None and ent.type == "ORG" and not _public_body(ent.name)
                and window_start <= pos < head.idx):
            if _kind_fits(kind, ent.name):
                parties.add(ent.id)  # a firm that spoke there is as much in view as a subject
                cands.append((resolver.back_from(pos, sent_i) * 10.0 - weight, pos, sp))
    if not cands:
        return None
    best = min(cands, key=lambda c: (c[0], -c[1]))[2]
    if parties - {best.entity}:
        return None  # "Norvik sued Vesta ... the company said": either could be speaking
    return best
