"""An article's facts as a list with their evidence spans, and its text cut into highlightable pieces.

``facts_of(record)`` gives every fact of a SCHEMA article record an id ("q3":
the fourth quote), a kind, a one-line label and the spans of its evidence
(an entity's mentions, a figure's mentions, a quote's or event's span...).
``segments(text, facts)`` cuts the text at every span boundary, so each piece
knows which facts cover it: the page marks a piece with the kinds covering it
and, when a fact is chosen, every piece of that fact. Spans that do not fit
the text (out of range, empty, malformed) are left out, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

KINDS = ("quote", "event", "entity", "place", "date", "figure")
PREFIX = {"quotes": "q", "events": "e", "entities": "n", "places": "p", "dates": "d", "figures": "f"}


@dataclass
class FactView:
    """One fact of the article as the page shows it."""

    id: str
    kind: str
    label: str
    spans: list[tuple[int, int]]
    record: Mapping[str, Any]


@dataclass
class Segment:
    """A run of text covered by the same facts."""

    text: str
    start: int
    end: int
    facts: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def _span(value: Any, n: int) -> tuple[int, int] | None:
    if (isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool)
                                                                     for v in value)):
        start, end = max(0, value[0]), min(n, value[1])
        if start < end:
            return start, end
    return None


def _spans(values: Iterable[Any], n: int) -> list[tuple[int, int]]:
    return sorted({s for v in values if (s := _span(v, n)) is not None})


def _actor(a: Any) -> str:
    if not isinstance(a, Mapping):
        return "?"
    return str(a.get("name") or "?") + (f" ({a['code']})" if a.get("code") else "")


def _label(kind: str, f: Mapping[str, Any]) -> str:
    if kind == "quote":
        who = (f.get("speaker") or {}).get("name") if isinstance(f.get("speaker"), Mapping) else None
        return f"{who or 'unknown speaker'}: “{_cut(f.get('text'))}”"
    if kind == "event":
        neg = " (negated)" if f.get("negated") else ""
        return f"{_actor(f.get('source'))} {f.get('type')}{neg} {_actor(f.get('target'))}" + (
            f" [{f.get('date')}]" if f.get("date") else "")
    if kind == "entity":
        return f"{f.get('name')} ({f.get('type')}{', ' + str(f['country']) if f.get('country') else ''})"
    if kind == "figure":
        src = f" per {f['source']}" if f.get("source") else ""
        return f"{f.get('kind')}: {f.get('text')}{src}"
    if kind == "date":
        return f"{f.get('text')} → {f.get('value') or '?'}"
    return f"{f.get('name')}" + (f" ({f.get('country')})" if f.get("country") else "")


def _cut(text: Any, n: int = 90) -> str:
    s = "" if text is None else str(text)
    return s if len(s) <= n else s[: n - 1] + "…"


def facts_of(record: Mapping[str, Any]) -> list[FactView]:
    """Every fact of an analysed article with its id, kind, label and evidence spans (document order)."""
    n = len(record.get("text") or "")
    out: list[FactView] = []
    for field_name, kind in (("quotes", "quote"), ("events", "event"), ("entities", "entity"),
                             ("places", "place"), ("dates", "date"), ("figures", "figure")):
        for i, f in enumerate(record.get(field_name) or ()):
            if not isinstance(f, Mapping):
                continue
            if kind == "entity":
                spans = _spans(f.get("mentions") or (), n)
            elif kind == "figure":
                spans = _spans([f.get("span"), *(f.get("mentions") or ())], n)
            else:
                spans = _spans([f.get("span")], n)
            out.append(FactView(f"{PREFIX[field_name]}{i}", kind, _label(kind, f), spans, f))
    out.sort(key=lambda v: (v.spans[0] if v.spans else (n, n), KINDS.index(v.kind)))
    return out


def segments(text: str, facts: Iterable[FactView]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece lists the facts (and kinds) covering it."""
    starts: dict[int, list[FactView]] = {}
    ends: dict[int, list[FactView]] = {}
    for f in facts:
        for s, e in f.spans:
            starts.setdefault(s, []).append(f)
            ends.setdefault(e, []).append(f)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[str, int] = {}
    kinds: dict[str, str] = {}
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        for f in ends.get(a, ()):
            active[f.id] -= 1
            if not active[f.id]:
                del active[f.id]
        for f in starts.get(a, ()):
            active[f.id] = active.get(f.id, 0) + 1
            kinds[f.id] = f.kind
        ids = sorted(active)
        out.append(Segment(text[a:b], a, b, ids, sorted({kinds[i] for i in ids}, key=KINDS.index)))
    return out


__all__ = ["FactView", "Segment", "facts_of", "segments", "KINDS"]
