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


def firm_named_before(resolver, head) -> Speaker | None:
    """The organisation "the company" (``head``) points back at, or None.

    Candidates are organisation mentions outside quotes in the last few
    sentences and organisations that spoke there; a main-clause subject beats a
    mere mention, the nearer beats the farther (as for "it said").
    """
    if head.lemma_.lower() not in FIRM_NOUNS or head.tag_ != "NN" or not _bare(head):
        return None
    sent_i = resolver._sent_index(head.i)
    window_start = resolver._sents[max(0, sent_i - _LOOKBACK_SENTS + 1)].start_char
    cands: list[tuple[float, int, Speaker]] = []
    for (s, e), ent in resolver.index.mentions_between(window_start, head.idx):
        if ent.type != "ORG" or resolver._is_quoted(s) or resolver._looks_personal(ent) or _public_body(ent.name):
            continue
        tok = resolver._head_token(s, e)
        if tok is None:
            continue
        back = resolver._distance(resolver._sent_index(tok.i), sent_i) * 10.0
        subject = tok.dep_ in _SUBJ and _main_clause(tok.head)
        cands.append((back - (5 if subject else 0), s, resolver.speaker(ent)))
    for pos, sp, gender, weight in resolver.timeline:
        ent = resolver.index.by_id.get(sp.entity) if sp.entity else None
        if (gender == "n" and ent is not None and ent.type == "ORG" and not _public_body(ent.name)
                and window_start <= pos < head.idx):
            cands.append((resolver._back_from(pos, sent_i) * 10.0 - weight, pos, sp))
    if not cands:
        return None
    return min(cands, key=lambda c: (c[0], -c[1]))[2]
