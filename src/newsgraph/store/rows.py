"""SCHEMA records <-> table rows, as pure functions (no database here).

An analysed article's SCHEMA dict is split into its ``articles`` row (metadata,
text, and ``meta``: every other top-level key in order, fact lists replaced by
their counts) and one row per fact whose ``record`` is the fact's JSON as-is.
``rebuild_record`` puts them back together key for key, which is what makes
the JSONL export reproduce the analysed records exactly.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Mapping

from ..model import Article

_ARTICLE_COLUMNS = ("id", "url", "source", "title", "published", "text", "language")
FACT_KINDS = ("entities", "quotes", "events", "figures", "dates", "places")
"""The SCHEMA fact lists the store keeps one row per item of (``schema.FACT_TABLES``)."""


def content_hash(article: Article) -> str:
    """sha256 of what the facts depend on: the text and the metadata echoed into them."""
    h = hashlib.sha256()
    for part in (article.text, article.url, article.source, article.title, article.published):
        h.update((part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def day_of(value: Any) -> str | None:
    """The ``YYYY-MM-DD`` (or shorter ISO prefix) of a date or datetime string."""
    if not isinstance(value, str) or not value[:4].isdigit():
        return None
    return value[:10]


def _span(rec: Mapping[str, Any], key: str = "span") -> tuple[int | None, int | None]:
    s = rec.get(key)
    if isinstance(s, (list, tuple)) and len(s) == 2:
        return s[0], s[1]
    return None, None


def _country(code: Any) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    head = code.split()[0]
    return head if len(head) == 3 and head.isalpha() and head.isupper() else None


def article_meta(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record with placeholders: ``text`` None (it has its column), each stored fact list its length.

    A fact kind the store has no table for yet stays in ``meta`` whole, so it is
    never lost (and is exported as it came).
    """
    return {k: (None if k == "text" else len(v) if k in FACT_KINDS and isinstance(v, list) else v)
            for k, v in record.items()}


def fact_rows(record: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows for every fact table (plus ``mentions`` and ``event_actors``) of one analysed record."""
    aid = record["id"]
    pub_day = day_of(record.get("published")) or day_of(record.get("published_inferred"))
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in (*FACT_KINDS, "mentions", "event_actors")}
    for i, e in enumerate(record.get("entities") or ()):
        out["entities"].append({"article_id": aid, "idx": i, "entity_id": e.get("id"), "name": e.get("name"),
                                "type": e.get("type"), "country": e.get("country"), "role": e.get("role"),
                                "record": e})
        for m in e.get("mentions") or ():
            out["mentions"].append({"article_id": aid, "entity_id": e.get("id"), "start": m[0], "end": m[1]})
    for i, q in enumerate(record.get("quotes") or ()):
        sp = q.get("speaker") or {}
        start, end = _span(q)
        out["quotes"].append({"article_id": aid, "idx": i, "text": q.get("text"), "speaker": sp.get("name"),
                              "speaker_entity": sp.get("entity"), "cue": q.get("cue"), "kind": q.get("kind"),
                              "day": pub_day, "start": start, "end": end, "record": q})
    for i, ev in enumerate(record.get("events") or ()):
        src, tgt = ev.get("source") or {}, ev.get("target") or {}
        start, end = _span(ev)
        main = ev.get("main")
        out["events"].append({
            "article_id": aid, "idx": i, "type": ev.get("type"),
            "source_name": src.get("name"), "source_code": src.get("code"),
            "target_name": tgt.get("name"), "target_code": tgt.get("code"),
            "source_country": _country(src.get("code")), "target_country": _country(tgt.get("code")),
            "date": day_of(ev.get("date")), "day": day_of(ev.get("date")) or pub_day,
            "place": ev.get("place"), "negated": bool(ev.get("negated")),
            "main": None if main is None else bool(main), "confidence": ev.get("confidence"),
            "trigger": ev.get("trigger"), "start": start, "end": end, "record": ev})
        for role, actor in (("source", ev.get("source")), ("target", ev.get("target"))):
            if actor:
                out["event_actors"].append({"article_id": aid, "event_idx": i, "role": role,
                                            "name": actor.get("name"), "entity": actor.get("entity"),
                                            "code": actor.get("code"), "country": _country(actor.get("code"))})
    for i, f in enumerate(record.get("figures") or ()):
        start, end = _span(f)
        value = f.get("value")
        out["figures"].append({"article_id": aid, "idx": i, "kind": f.get("kind"),
                               "value": float(value) if isinstance(value, (int, float)) else None,
                               "unit": f.get("unit"), "approximate": bool(f.get("approximate")),
                               "source": f.get("source"), "day": pub_day, "start": start, "end": end,
                               "record": f})
    for i, d in enumerate(record.get("dates") or ()):
        start, end = _span(d)
        out["dates"].append({"article_id": aid, "idx": i, "value": d.get("value"),
                             "granularity": d.get("granularity"), "start": start, "end": end, "record": d})
    for i, p in enumerate(record.get("places") or ()):
        start, end = _span(p)
        out["places"].append({"article_id": aid, "idx": i, "name": p.get("name"), "geonameid": p.get("geonameid"),
                              "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"),
                              "start": start, "end": end, "record": p})
    return out


def rebuild_record(article_row: Mapping[str, Any], facts: Mapping[str, Iterable[Any]]) -> dict[str, Any]:
    """The SCHEMA record of a stored article: ``meta``'s keys in order, text and fact lists put back."""
    meta = article_row.get("meta") or {}
    if isinstance(meta, str):
        meta = json.loads(meta)
    out: dict[str, Any] = {}
    if not meta:  # an article recorded but not analysed: metadata only
        meta = {k: article_row.get(k) for k in _ARTICLE_COLUMNS}
    for key, value in meta.items():
        if key == "text":
            out[key] = article_row.get("text")
        elif key in FACT_KINDS and isinstance(value, int):
            out[key] = [json.loads(r) if isinstance(r, str) else r for r in facts.get(key, ())]
        else:
            out[key] = value
    return out


def add_story_rows(out: dict[str, list[dict[str, Any]]], s: Mapping[str, Any]) -> None:
    """Append one SCHEMA story's rows (story, members, merged events, discrepancies) to ``out``."""
    arts = list(s.get("articles") or ())
    out["stories"].append({"id": s["id"], "title": s.get("title"), "first_published": s.get("first_published"),
                           "size": len(arts), "record": s})
    out["members"].extend({"article_id": a, "story_id": s["id"]} for a in arts)
    for i, e in enumerate(s.get("events") or ()):
        out["merged_events"].append({
            "story_id": s["id"], "idx": i, "type": e.get("type"),
            "source_code": (e.get("source") or {}).get("code"), "target_code": (e.get("target") or {}).get("code"),
            "date": day_of(e.get("date")), "place": e.get("place"), "articles": len(e.get("articles") or ()),
            "record": e})
    for i, d in enumerate(s.get("discrepancies") or ()):
        out["discrepancies"].append({"story_id": s["id"], "idx": i, "fact": d.get("fact"),
                                     "kind": d.get("kind"), "record": d})


def syndication_row(x: Mapping[str, Any]) -> dict[str, Any]:
    """The ``syndication`` table row of one SCHEMA syndication link."""
    return {"copy": x["copy"], "original": x.get("original"), "similarity": x.get("similarity"), "record": x}
