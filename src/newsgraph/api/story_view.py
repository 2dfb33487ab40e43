"""What a story page shows, built from the store: timeline, figures by outlet, quotes by speaker,
copies, places. Plain data (dicts and lists) so the template only lays it out.

Lists are capped (``CAP`` facts of a kind): a story of thousands of reports
still renders in bounded time; the page says when it shows only part.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Mapping

from sqlalchemy import Connection

from ..store import browse, queries

CAP = 500
MAX_EVIDENCE = 320
EVIDENCE = 6
"""Mentions quoted per merged event on the timeline."""


def _excerpt(text: str | None, span: Any) -> str | None:
    if not text or not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    s, e = span
    if not (isinstance(s, int) and isinstance(e, int)) or not 0 <= s < e <= len(text):
        return None
    piece = text[s:e]
    return piece if len(piece) <= MAX_EVIDENCE else piece[: MAX_EVIDENCE - 1] + "…"


def _quoted(story: Mapping[str, Any]) -> set[str]:
    """The articles whose words the timeline quotes (the evidence of each merged event)."""
    return {m.get("article") for e in story.get("events") or () for m in (e.get("mentions") or ())[:EVIDENCE]
            if isinstance(m, Mapping) and isinstance(m.get("article"), str)}


def _timeline(story: Mapping[str, Any], arts: dict[str, dict]) -> list[dict[str, Any]]:
    out = []
    for e in story.get("events") or ():
        evidence = []
        for m in (e.get("mentions") or ())[:EVIDENCE]:
            art = arts.get(m.get("article")) if isinstance(m, Mapping) else None
            if art is not None:
                evidence.append({"article": art, "span": m.get("span"), "text": _excerpt(art.get("text"), m.get("span"))})
        out.append({**e, "evidence": evidence, "reports": len(e.get("articles") or ())})
    out.sort(key=lambda e: (str(e.get("date") or "9999"), -e["reports"]))
    return out


def _figures(items: list[dict], discrepancies: list[dict]) -> list[dict[str, Any]]:
    disputed = {(a, tuple(s)) for d in discrepancies if d.get("kind", "figure") == "figure"
                for a, s in (d.get("evidence") or {}).items() if isinstance(s, list)}
    groups: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for f in items:
        art = f["article"]
        spans = {tuple(f.get("span") or ())} | {tuple(m) for m in f.get("mentions") or ()}
        groups[f.get("kind") or "other"][art.get("source") or art["id"]].append(
            {**f, "disputed": any((art["id"], s) in disputed for s in spans)})
    return [{"kind": k, "outlets": [{"outlet": o, "figures": fs, "disputed": any(x["disputed"] for x in fs)}
                                    for o, fs in sorted(v.items())]}
            for k, v in sorted(groups.items())]


def _quotes(items: list[dict]) -> list[dict[str, Any]]:
    by: dict[str, list] = defaultdict(list)
    for q in items:
        sp = q.get("speaker") if isinstance(q.get("speaker"), Mapping) else None
        by[(sp or {}).get("name") or "unknown speaker"].append(q)
    return [{"speaker": k, "quotes": v} for k, v in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _versions(discrepancies: list[dict], arts: dict[str, dict], kind: str) -> list[dict[str, Any]]:
    out = []
    for d in discrepancies:
        if d.get("kind", "figure") != kind:
            continue
        values = d.get("values") or {}
        pairs = values.items() if isinstance(values, Mapping) else [tuple(v) for v in values]
        out.append({"fact": d.get("fact"), "versions": [
            {"article": arts.get(a) or {"id": a, "source": None, "title": None}, "value": v,
             "span": (d.get("evidence") or {}).get(a)} for a, v in pairs]})
    return out


def _graph(copies: list[dict], arts: dict[str, dict]) -> dict[str, Any]:
    """Nodes and edges of who copied whom, laid out in two columns: originals left, copies right."""
    if not copies:
        return {"nodes": [], "edges": [], "height": 0}
    copy_ids = [c["copy"] for c in copies]
    originals = [o for o in dict.fromkeys(c.get("original") for c in copies) if o and o not in copy_ids]
    nodes: dict[str, dict[str, Any]] = {}
    row_h = 34
    for i, o in enumerate(originals):
        art = arts.get(o)
        nodes[o] = {"id": o, "x": 20, "y": 24 + i * row_h, "original": True, "agency": art is None,
                    "label": (art.get("source") or o) if art else o, "article": art}
    for i, c in enumerate(copy_ids):
        art = arts.get(c)
        nodes[c] = {"id": c, "x": 330, "y": 24 + i * row_h, "original": False, "agency": False,
                    "label": (art.get("source") or c) if art else c, "article": art}
    edges = [{"from": nodes[c["copy"]], "to": nodes[c["original"]], "similarity": c.get("similarity"),
              "agency": c.get("agency")} for c in copies if c.get("original") in nodes]
    return {"nodes": list(nodes.values()), "edges": edges,
            "height": 24 + row_h * max(len(originals), len(copy_ids))}


def _map_points(rows: list[dict]) -> list[dict[str, Any]]:
    """Places as points of the 360 x 180 plate carrée map, one per name (its mentions added up)."""
    seen: dict[str, dict[str, Any]] = {}
    for p in rows:
        lat, lon = p.get("lat"), p.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        key = p.get("name") or f"{lat},{lon}"
        if key in seen:
            seen[key]["mentions"] += p["mentions"]
            continue
        seen[key] = {"name": p.get("name"), "country": p.get("country"), "x": round(lon + 180, 2),
                     "y": round(90 - lat, 2), "mentions": p["mentions"], "article": p["article_id"]}
    return sorted(seen.values(), key=lambda p: -p["mentions"])


def story_view(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """Everything the story page shows, or None when there is no such story."""
    story = queries.story(conn, story_id)
    if story is None:
        return None
    ids = list(story.get("articles") or ())
    articles = browse.article_summaries(conn, ids[:CAP], text_of=_quoted(story))
    arts = {a["id"]: a for a in articles}
    facts = browse.facts_among(conn, ("figures", "quotes"), arts, limit=CAP)
    figures, quotes = ([{**f, "article": arts[f["article_id"]]} for f in facts[k]] for k in ("figures", "quotes"))
    places = browse.located_places(conn, ids, limit=CAP)
    copies = browse.syndication_among(conn, ids)
    discrepancies = list(story.get("discrepancies") or ())
    return {
        "story": story, "articles": articles, "outlets": sorted({a["source"] for a in articles if a["source"]}),
        "timeline": _timeline(story, arts), "figures": _figures(figures, discrepancies),
        "figure_versions": _versions(discrepancies, arts, "figure"),
        "quote_versions": _versions(discrepancies, arts, "quote"), "quotes": _quotes(quotes),
        "graph": _graph(copies, arts), "copies": copies, "places": _map_points(places),
        "capped": len(ids) > CAP or CAP in (len(figures), len(quotes), len(places)),
    }


__all__ = ["story_view", "CAP"]
