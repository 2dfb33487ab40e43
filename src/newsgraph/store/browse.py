"""The queries the web desk's pages need beyond the filters of ``queries.py`` (issue 16).

Kept apart from ``queries.py`` so that the filter queries (which the CLI, the
Python API and the HTTP API share) stay small: these read a story's members and
copies, the places of a story, a page of stories with their outlets and counts,
and what one entity said and did. Every statement is built with SQLAlchemy
Core, so every value the user typed reaches the database as a bound parameter.
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from ..errors import BadInput
from . import schema as t
from .queries import MAX_LIMIT, Page, _fact_page, _fact_with_article, _in_story, _record, _with_article, \
    decode_cursor, encode_cursor


def places(conn: Connection, *, name: str | None = None, country: str | None = None, story: str | None = None,
           article: str | None = None, located: bool | None = None, limit: int = 50, cursor: str | None = None,
           newest_first: bool = False) -> Page:
    """Place mentions by name, country (ISO alpha-3), story, article; ``located``: only (or never) with lat/lon."""
    where: list[ColumnElement] = []
    if name:
        where.append(t.places.c.name == name)
    if country:
        where.append(t.places.c.country == country.upper())
    if article:
        where.append(t.places.c.article_id == article)
    if located is not None:
        where.append(t.places.c.lat.is_not(None) if located else t.places.c.lat.is_(None))
    where += _in_story(t.places, story)
    return _fact_page(conn, t.places, where, cursor=cursor, limit=limit, newest_first=newest_first)


def located_places(conn: Connection, article_ids: Iterable[str], *, limit: int = 500) -> list[dict[str, Any]]:
    """The located places named in the given articles, one row per (name, country, lat, lon) with its
    number of mentions and one article naming it, most mentioned first (the story map; no JSON read)."""
    ids = list(article_ids)
    if not ids:
        return []
    p = t.places
    rows = conn.execute(
        select(p.c.name, p.c.country, p.c.lat, p.c.lon, func.count().label("mentions"),
               func.min(p.c.article_id).label("article_id"))
        .where(p.c.article_id.in_(ids), p.c.lat.is_not(None), p.c.lon.is_not(None))
        .group_by(p.c.name, p.c.country, p.c.lat, p.c.lon)
        .order_by(func.count().desc(), p.c.name).limit(limit)).mappings().all()
    return [dict(r) for r in rows]


def _story_key(size: int, story_id: str) -> str:
    return f"{size:09d}|{story_id}"


def story_list(conn: Connection, *, min_size: int = 1, limit: int = 50, cursor: str | None = None) -> Page:
    """Stories, largest first, each with its outlets, first and last report, discrepancies and copies.

    The cursor stands for the (size, id) of the last story of a page, so pages
    stay stable while the order is by size.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit must be 1..{MAX_LIMIT}, not {limit}")
    s = t.stories
    stmt = select(s.c.id, s.c.title, s.c.first_published, s.c.size).where(s.c.size >= min_size)
    after = decode_cursor(cursor)
    if after is not None:
        size_text, sep, last_id = str(after).partition("|")
        if not sep or not size_text.isdigit() or len(size_text) > 18:  # a size must fit a 64-bit integer
            raise BadInput(f"not a cursor from this API: {cursor!r}")
        size = int(size_text)
        stmt = stmt.where(or_(s.c.size < size, and_(s.c.size == size, s.c.id > last_id)))
    rows = conn.execute(stmt.order_by(s.c.size.desc(), s.c.id).limit(limit + 1)).mappings().all()
    page = [dict(r) for r in rows[:limit]]
    nxt = encode_cursor(_story_key(rows[limit - 1]["size"], rows[limit - 1]["id"])) if len(rows) > limit else None
    ids = [r["id"] for r in page]
    if not ids:
        return Page([], None)
    m, a = t.story_members, t.articles
    outlets: dict[str, set[str]] = {i: set() for i in ids}
    firsts: dict[str, str] = {}
    lasts: dict[str, str] = {}
    for sid, source, first, last in conn.execute(
            select(m.c.story_id, a.c.source, func.min(a.c.published), func.max(a.c.published))
            .join(a, a.c.id == m.c.article_id).where(m.c.story_id.in_(ids)).group_by(m.c.story_id, a.c.source)):
        if source:
            outlets[sid].add(source)
        if first:
            firsts[sid] = min(firsts.get(sid, first), first)
        if last:
            lasts[sid] = max(lasts.get(sid, last), last)
    disc = dict(conn.execute(select(t.discrepancies.c.story_id, func.count())
                             .where(t.discrepancies.c.story_id.in_(ids)).group_by(t.discrepancies.c.story_id)).all())
    copies = dict(conn.execute(select(m.c.story_id, func.count())
                               .join(t.syndication, t.syndication.c.copy == m.c.article_id)
                               .where(m.c.story_id.in_(ids)).group_by(m.c.story_id)).all())
    for r in page:
        sid = r["id"]
        r["outlets"] = sorted(outlets[sid])
        r["first_report"], r["last_report"] = firsts.get(sid), lasts.get(sid)
        r["discrepancies"] = disc.get(sid, 0)
        r["copies"] = copies.get(sid, 0)
    return Page(page, nxt)


def article_summaries(conn: Connection, ids: Iterable[str], *, with_text: bool = False) -> list[dict[str, Any]]:
    """Summaries (id, url, source, title, published[, text]) of the given articles, oldest first."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    a = t.articles
    cols = [a.c.id, a.c.url, a.c.source, a.c.title, a.c.published] + ([a.c.text] if with_text else [])
    rows = conn.execute(select(*cols).where(a.c.id.in_(wanted))).mappings().all()
    return sorted((dict(r) for r in rows), key=lambda r: (r["published"] or "", r["id"]))


def syndication_among(conn: Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The syndication records (SCHEMA) whose copy is one of ``ids``."""
    wanted = list(ids)
    if not wanted:
        return []
    rows = conn.execute(select(t.syndication.c.record).where(t.syndication.c.copy.in_(wanted))
                        .order_by(t.syndication.c.copy)).scalars()
    return [_record(r) for r in rows]


def article_record(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The SCHEMA record of one stored article (text and facts), or None."""
    from .db import Store

    rows = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).mappings().all()
    return next(Store._rebuild(conn, list(rows)), None)


def story_of(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The id, title and size of the story an article belongs to, or None."""
    row = conn.execute(select(t.stories.c.id, t.stories.c.title, t.stories.c.size)
                       .join(t.story_members, t.story_members.c.story_id == t.stories.c.id)
                       .where(t.story_members.c.article_id == article_id)).mappings().first()
    return None if row is None else dict(row)


def entity_profile(conn: Connection, name: str, *, limit: int = 100) -> dict[str, Any]:
    """What the entity called ``name`` (canonical name) said, did and was done to, where, and in which stories.

    Each list holds at most ``limit`` items (the oldest first); the counts are
    of everything stored.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit must be 1..{MAX_LIMIT}, not {limit}")
    e, ev, q = t.entities, t.events, t.quotes
    kinds = conn.execute(select(e.c.type, e.c.country, func.count()).where(e.c.name == name)
                         .group_by(e.c.type, e.c.country).order_by(func.count().desc())).all()
    said = [_fact_with_article(r) for r in conn.execute(
        _with_article(q).where(q.c.speaker == name).order_by(q.c.id).limit(limit)).mappings()]
    did = [_fact_with_article(r) for r in conn.execute(
        _with_article(ev).where(ev.c.source_name == name).order_by(ev.c.id).limit(limit)).mappings()]
    done_to = [_fact_with_article(r) for r in conn.execute(
        _with_article(ev).where(ev.c.target_name == name).order_by(ev.c.id).limit(limit)).mappings()]
    where = [{"place": p, "events": n} for p, n in conn.execute(
        select(ev.c.place, func.count()).where(or_(ev.c.source_name == name, ev.c.target_name == name),
                                              ev.c.place.is_not(None))
        .group_by(ev.c.place).order_by(func.count().desc(), ev.c.place).limit(limit))]
    in_articles = select(e.c.article_id).where(e.c.name == name)
    stories = [dict(r) for r in conn.execute(
        select(t.stories.c.id, t.stories.c.title, t.stories.c.size, func.count().label("articles"))
        .join(t.story_members, t.story_members.c.story_id == t.stories.c.id)
        .where(t.story_members.c.article_id.in_(in_articles))
        .group_by(t.stories.c.id, t.stories.c.title, t.stories.c.size)
        .order_by(func.count().desc(), t.stories.c.id).limit(limit)).mappings()]
    return {"name": name, "types": [{"type": ty, "country": c, "articles": n} for ty, c, n in kinds],
            "said": said, "did": did, "done_to": done_to, "places": where, "stories": stories}


__all__ = ["places", "located_places", "story_list", "article_summaries", "article_record", "syndication_among", "story_of", "entity_profile"]
