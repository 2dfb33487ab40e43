"""Discrepancies: the same fact reported differently by a story's articles.

Two kinds are found:

* **figures**: the same kind of count (killed, injured, money in one
  currency...) about the same thing with values that do not agree. "The same
  thing" is judged from the words around each figure (its sentence), or from
  the figure being the only one of its kind in both articles. Values agree when
  they match at the precision of the rounder one ("4,300" and "4,349"), and a
  hedge ("more than", "some", "nearly") widens that to one step of that
  precision; "220,000" against "240,000" does not agree.
* **quotes**: differently worded versions of one quote, i.e. quotes by the same
  speaker that are very similar but not equal (and neither is an excerpt of
  the other).
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple, Sequence

from rapidfuzz import fuzz

from ..model import Discrepancy, Figure, Quote
from .fingerprint import content_terms, words

COUNTED_KINDS = frozenset({"killed", "injured", "displaced", "refugees", "arrested", "missing",
                           "money", "people_other"})
"""Figure kinds compared across outlets ("other" says too little about what is counted)."""

SAME_CONTEXT = 0.15
"""Jaccard of the words around two figures above which they count the same thing."""

ALONE_CONTEXT = 0.05
"""Lower Jaccard enough when each figure is the only one of its kind in its article."""

QUOTE_SAME_SPEAKER = 70.0
QUOTE_UNKNOWN_SPEAKER = 85.0
"""rapidfuzz ratios (0-100) above which two quotes are versions of one quote."""

_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of them|of whom|among the dead|among the victims)\W*$",
                      re.I)
_VAGUE = re.compile(r"\b(?:dozens?|scores|hundreds|thousands|millions|tens of|several|many|numerous|a few|few)\b",
                    re.I)
PART = "__part__"
"""Context marker of a figure that counts part of another ("19 people, including 12 staff")."""


class ArticleFacts(NamedTuple):
    """The facts of one story article that discrepancies are looked for in."""

    id: str
    figures: tuple[Figure, ...]
    contexts: tuple[frozenset[str], ...]
    quotes: tuple[Quote, ...]


def figure_context(text: str, figure: Figure) -> frozenset[str]:
    """Content terms of the sentence holding ``figure`` (without the figure's own number).

    A figure introduced by "including", "of whom"... counts part of another
    figure; its context carries the ``PART`` marker so that it is only compared
    with other part figures.
    """
    start, end = figure.span
    left = max(0, start - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    s = ends[-1] if ends else left
    m = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    e = m.start() + 1 if m else min(len(text), end + 300)
    terms = set(content_terms(text[s:e]))
    if _PART_OF.search(text[max(0, start - 30):start]):
        terms.add(PART)
    return frozenset(terms)


def _vague(f: Figure) -> bool:
    """A vague quantity ("dozens", "hundreds", "several"): it cannot contradict a number."""
    return bool(_VAGUE.search(f.text or ""))


def _precision(v: float) -> float:
    n = abs(round(v))
    if n == 0 or abs(v - round(v)) > 1e-9:
        return 1.0
    p = 1
    while n % (p * 10) == 0:
        p *= 10
    return float(p)


def _hedged(f: Figure) -> bool:
    return bool(f.approximate or f.hedge)


def values_agree(a: Figure, b: Figure) -> bool:
    """Whether two figures' values agree within rounding, hedges and ranges."""
    lo_a, hi_a = a.value, a.value_max if a.value_max is not None else a.value
    lo_b, hi_b = b.value, b.value_max if b.value_max is not None else b.value
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    pa, pb = _precision(a.value), _precision(b.value)
    coarse = max(pa, pb)
    gap = max(lo_a - hi_b, lo_b - hi_a)
    if _hedged(a) or _hedged(b):
        return gap <= coarse
    fine, rough = (b, a) if pa >= pb else (a, b)
    return math.isclose(round(fine.value / coarse) * coarse, rough.value)


def _same_thing(fa: Figure, ca: frozenset[str], alone_a: bool,
                fb: Figure, cb: frozenset[str], alone_b: bool) -> float:
    """How surely two figures of one kind count the same thing (0 = not)."""
    if (PART in ca) != (PART in cb):
        return 0.0
    union = ca | cb
    sim = len(ca & cb) / len(union) if union else 0.0
    big, small = max(abs(fa.value), abs(fb.value)), min(abs(fa.value), abs(fb.value))
    far_apart = small == 0 or big / small > 10
    if sim >= (0.5 if far_apart else SAME_CONTEXT):
        return sim
    if alone_a and alone_b and not far_apart and sim >= ALONE_CONTEXT:
        return SAME_CONTEXT
    return 0.0


def _figure_discrepancies(reports: Sequence[ArticleFacts]) -> list[tuple[tuple, Discrepancy]]:
    out = []
    keys = sorted({(f.kind, f.unit or "") for r in reports for f in r.figures if f.kind in COUNTED_KINDS})
    for kind, unit in keys:
        slots: list[list[tuple[int, Figure, frozenset[str], bool]]] = []
        for i, r in enumerate(reports):
            mine = [(f, c) for f, c in zip(r.figures, r.contexts)
                    if f.kind == kind and (f.unit or "") == unit and not _vague(f)]
            alone = len(mine) == 1
            for f, c in mine:
                best, best_s = None, 0.0
                for slot in slots:
                    if any(j == i for j, *_ in slot):
                        continue
                    s = max(_same_thing(f, c, alone, g, d, al) for _, g, d, al in slot)
                    if s > best_s:
                        best, best_s = slot, s
                if best is None:
                    slots.append([(i, f, c, alone)])
                else:
                    best.append((i, f, c, alone))
        for slot in slots:
            if len(slot) < 2:
                continue
            figs = [f for _, f, _, _ in slot]
            if all(values_agree(a, b) for k, a in enumerate(figs) for b in figs[k + 1:]):
                continue
            fact = kind if not unit or unit == "people" else f"{kind} ({unit})"
            out.append(((slot[0][0], slot[0][1].span), Discrepancy(
                fact=fact, kind="figure",
                values=tuple((reports[i].id, f.text) for i, f, _, _ in slot),
                spans=tuple((reports[i].id, f.span) for i, f, _, _ in slot))))
    return out


def _norm_quote(text: str) -> str:
    return " ".join(words(text))


def _speaker(q: Quote) -> str | None:
    if q.speaker is None or not q.speaker.name:
        return None
    return " ".join(q.speaker.name.lower().split())


def _quote_match(a: Quote, na: str, b: Quote, nb: str) -> float:
    sa, sb = _speaker(a), _speaker(b)
    if sa and sb and sa != sb and not (sa.split()[-1] == sb.split()[-1]):
        return 0.0
    need = QUOTE_SAME_SPEAKER if (sa and sb) else QUOTE_UNKNOWN_SPEAKER
    if na in nb or nb in na:
        return 100.0
    r = fuzz.ratio(na, nb)
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(short.split()) >= 5 and len(short) < 0.8 * len(long_):
        # one outlet quotes a stretch of the statement, in other words
        r = max(r, fuzz.partial_ratio(short, long_) - 5)
    return r if r >= need else 0.0


def _quote_discrepancies(reports: Sequence[ArticleFacts]) -> list[tuple[tuple, Discrepancy]]:
    slots: list[list[tuple[int, Quote, str]]] = []
    for i, r in enumerate(reports):
        for q in r.quotes:
            if q.kind == "indirect":
                continue
            nq = _norm_quote(q.text)
            if len(nq.split()) < 4:
                continue
            best, best_s = None, 0.0
            for slot in slots:
                if any(j == i for j, _, _ in slot):
                    continue
                s = max(_quote_match(q, nq, p, n) for _, p, n in slot)
                if s > best_s:
                    best, best_s = slot, s
            if best is None:
                slots.append([(i, q, nq)])
            else:
                best.append((i, q, nq))
    out = []
    for slot in slots:
        if len(slot) < 2:
            continue
        texts = [n for _, _, n in slot]
        if all(a in b or b in a for k, a in enumerate(texts) for b in texts[k + 1:]):
            continue
        who = next((q.speaker.name for _, q, _ in slot if q.speaker and q.speaker.name), None)
        out.append(((slot[0][0], slot[0][1].span), Discrepancy(
            fact=f"quote: {who}" if who else "quote",
            kind="quote",
            values=tuple((reports[i].id, q.text) for i, q, _ in slot),
            spans=tuple((reports[i].id, q.span) for i, q, _ in slot))))
    return out


def find_discrepancies(reports: Sequence[ArticleFacts]) -> tuple[Discrepancy, ...]:
    """Every figure and quote discrepancy among a story's articles, in order of first report.

    Args:
        reports: the story's articles' facts, in story order.
    """
    found = _figure_discrepancies(reports) + _quote_discrepancies(reports)
    found.sort(key=lambda pair: pair[0])
    return tuple(d for _, d in found)
