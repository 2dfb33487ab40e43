"""The queries the web desk's pages need beyond the filters of ``queries.py`` (issue 16).

Kept apart from ``queries.py`` so that the filter queries (which the CLI, the
Python API and the HTTP API share) stay small: these read a story's members and
copies, the places of a story, a page of stories with their outlets and counts,
and what one entity said and did. Every statement is built with SQLAlchemy
Core, so every value the user typed reaches the database as a bound parameter.
"""

from __future__ import annotations

import functools
from typing import Any, Collection, Iterable, Sequence

from sqlalchemy import ColumnElement, Connection, Select, and_, bindparam, case, func, literal, null, or_, select, \
    union_all

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


# The statements of the desk's pages, built once: building a SQLAlchemy statement costs more than
# SQLite takes to run it, and these run on every story or article page (values are bound per call).
_IDS = bindparam("ids", expanding=True)
_P = t.places
_LOCATED = (select(_P.c.name, _P.c.country, _P.c.lat, _P.c.lon, func.count().label("mentions"),
                   func.min(_P.c.article_id).label("article_id"))
            .where(_P.c.article_id.in_(_IDS), _P.c.lat.is_not(None), _P.c.lon.is_not(None))
            .group_by(_P.c.name, _P.c.country, _P.c.lat, _P.c.lon)
            .order_by(func.count().desc(), _P.c.name).limit(bindparam("limit")))
_A = t.articles
_SUMMARY = (_A.c.id, _A.c.url, _A.c.source, _A.c.title, _A.c.published)
_SUMMARIES = select(*_SUMMARY).where(_A.c.id.in_(_IDS))
_SUMMARIES_TEXT = select(*_SUMMARY, case((_A.c.id.in_(bindparam("text_of", expanding=True)), _A.c.text),
                                         else_=null()).label("text")).where(_A.c.id.in_(_IDS))
_SYNDICATION = (select(t.syndication.c.record).where(t.syndication.c.copy.in_(_IDS))
                .order_by(t.syndication.c.copy))
_ARTICLE = select(_A).where(_A.c.id == bindparam("id"))
_STORY_OF = (select(t.stories.c.id, t.stories.c.title, t.stories.c.size)
             .join(t.story_members, t.story_members.c.story_id == t.stories.c.id)
             .where(t.story_members.c.article_id == bindparam("id")))


@functools.cache
def _facts_statement(kinds: tuple[str, ...]) -> Select:
    parts = []
    for kind in kinds:
        f = t.FACT_TABLES[kind]
        sub = (select(literal(kind).label("kind"), f.c.id, f.c.article_id, f.c.record)
               .where(f.c.article_id.in_(_IDS)).order_by(f.c.id).limit(bindparam("limit")).subquery())
        parts.append(select(sub))
    return union_all(*parts).order_by("kind", "id")


def located_places(conn: Connection, article_ids: Iterable[str], *, limit: int = 500) -> list[dict[str, Any]]:
    """The located places named in the given articles, one row per (name, country, lat, lon) with its
    number of mentions and one article naming it, most mentioned first (the story map; no JSON read)."""
    ids = list(article_ids)
    if not ids:
        return []
    return [dict(r) for r in conn.execute(_LOCATED, {"ids": ids, "limit": limit}).mappings()]


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


def article_summaries(conn: Connection, ids: Iterable[str], *,
                      text_of: Collection[str] = ()) -> list[dict[str, Any]]:
    """Summaries (id, url, source, title, published) of the given articles, oldest first.

    The articles in ``text_of`` also get their ``text`` (the others None): a page
    quoting a few articles' words reads those texts only, not every member's.
    """
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    if text_of:
        rows = conn.execute(_SUMMARIES_TEXT, {"ids": wanted, "text_of": list(text_of)}).mappings()
    else:
        rows = conn.execute(_SUMMARIES, {"ids": wanted}).mappings()
    return sorted((dict(r) for r in rows), key=lambda r: (r["published"] or "", r["id"]))


def facts_among(conn: Connection, kinds: Sequence[str], ids: Iterable[str], *,
                limit: int = 500) -> dict[str, list[dict[str, Any]]]:
    """The records of each fact kind (``"figures"``, ``"quotes"``...) stated in the given articles, at
    most ``limit`` per kind in storage order, each with its ``article_id``: one round trip for all kinds,
    and no join (the caller has the articles already)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    if not wanted or not kinds:
        return out
    for kind, _id, aid, rec in conn.execute(_facts_statement(tuple(kinds)), {"ids": wanted, "limit": limit}):
        fact = _record(rec)  # a dict of its own (decoded per row)
        fact["article_id"] = aid
        out[kind].append(fact)
    return out


def syndication_among(conn: Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The syndication records (SCHEMA) whose copy is one of ``ids``."""
    wanted = list(ids)
    if not wanted:
        return []
    return [_record(r) for r in conn.execute(_SYNDICATION, {"ids": wanted}).scalars()]


def article_record(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The SCHEMA record of one stored article (text and facts), or None."""
    from .db import Store

    rows = conn.execute(_ARTICLE, {"id": article_id}).mappings().all()
    return next(Store._rebuild(conn, list(rows)), None)


def story_of(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The id, title and size of the story an article belongs to, or None."""
    row = conn.execute(_STORY_OF, {"id": article_id}).mappings().first()
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


__all__ = ["places", "located_places", "story_list", "article_summaries", "facts_among", "article_record", "syndication_among", "story_of", "entity_profile"]
