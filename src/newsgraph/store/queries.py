"""The typical questions, as query functions over an open connection (the HTTP API calls these).

Every function takes keyword-only filters, returns a ``Page`` of plain dicts
(the SCHEMA record of the fact plus an ``article`` summary) and pages with an
opaque keyset ``cursor`` (the last row id), so page 1,000 costs what page 1
does. Full-text search uses FTS5 on SQLite and a tsvector with a GIN index on
PostgreSQL; the user's words are matched all together, never parsed as syntax.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from sqlalchemy import ColumnElement, Connection, Select, bindparam, func, literal_column, or_, select, text

from ..errors import BadInput
from . import schema as t

MAX_LIMIT = 1000


@dataclass
class Page:
    """One page of results; pass ``next`` as ``cursor`` for the following page (None: no more)."""

    items: list[dict[str, Any]] = field(default_factory=list)
    next: str | None = None


def encode_cursor(last_key: int | str) -> str:
    """An opaque cursor for the key of the last row of a page."""
    return base64.urlsafe_b64encode(json.dumps(last_key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | str | None:
    """The row key a cursor stands for; a cursor that was not made here is bad input."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadInput(f"not a cursor from this API: {cursor!r}") from exc
    if not isinstance(key, (int, str)) or isinstance(key, bool):
        raise BadInput(f"not a cursor from this API: {cursor!r}")
    return key


_BIGINT = 2 ** 63


def _cursor_key(cursor: str | None, id_col: ColumnElement) -> int | str | None:
    """The key of ``cursor`` checked against the column it pages on, so that every backend refuses a
    cursor that is not ours the same way (PostgreSQL would refuse a text key for a number column,
    while SQLite would compare it and answer an empty page; SQLite cannot bind an integer over 64 bits)."""
    key = decode_cursor(cursor)
    if key is None:
        return None
    if id_col.type.python_type is int:
        if not isinstance(key, int) or not -_BIGINT <= key < _BIGINT:
            raise BadInput(f"not a cursor from this API: {cursor!r}")
    elif not isinstance(key, str):
        raise BadInput(f"not a cursor from this API: {cursor!r}")
    return key


def _record(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _words(q: str) -> list[str]:
    return re.findall(r"\w+", q or "")


def fts_match(conn: Connection, table: str, rowid_col: ColumnElement, q: str) -> ColumnElement:
    """A condition on ``rowid_col`` (or the table's tsvector) matching all words of ``q``."""
    words = _words(q)
    if not words:
        raise BadInput("a search needs at least one word")
    if conn.dialect.name == "postgresql":
        return literal_column(f"{table}.tsv").op("@@")(func.plainto_tsquery("english", " ".join(words)))
    match = " ".join('"' + w.replace('"', "") + '"' for w in words)
    return rowid_col.in_(select(literal_column("rowid")).select_from(text(f"{table}_fts"))
                         .where(text(f"{table}_fts MATCH :fts_q").bindparams(fts_q=match)))


def _as_list(value: str | Sequence[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


PROBE = {"articles": 2_000, "quotes": 5_000}
"""PostgreSQL full-text pages: the first key range searched (in page order) before ranges grow."""

GROWTH = 8
"""Each step beyond the probe covers ``GROWTH`` times the keys of the step before. One step over every
remaining key read the heap row of every match to sort them (6,700 heap pages for a word in 1% of
780k quotes: 20-600 ms on a loaded machine); growing ranges stop after a few hundred matches."""


def _searched(conn: Connection, stmt: Select, id_col: ColumnElement, table: str, q: str, *,
              after: int | None, n: int, newest_first: bool) -> list:
    """The first ``n`` rows of ``stmt`` (in page order) whose ``table`` text has all the words of ``q``.

    SQLite's FTS5 hands out matching rowids in order, so one query does. On
    PostgreSQL the planner picks either the key order with every row's tsvector
    checked (it thinks that cheap; an article's tsvector is read from TOAST, and
    when the words never occur together it is a scan of the whole table) or the
    GIN index then a sort of every match (slow for thousands). So plain index
    scans are switched off for the search and each step is the GIN index
    intersected with a key range: first the next ``PROBE`` keys in page order,
    then, while fewer than ``n`` rows are found, ranges growing ``GROWTH``-fold
    beyond them (ordered by ``key + 0``), until the keys run out.
    """
    match = fts_match(conn, table, id_col, q)
    order = id_col.desc() if newest_first else id_col
    if conn.dialect.name != "postgresql":
        return conn.execute(stmt.where(match).order_by(order).limit(n)).mappings().all()
    # the key range's ends before index scans go off: min/max are read from the key index
    first, last = conn.execute(select(func.max(id_col), func.min(id_col)) if newest_first
                               else select(func.min(id_col), func.max(id_col))).one()
    if first is None:
        return []
    scans = conn.exec_driver_sql("SHOW enable_indexscan").scalar()
    conn.exec_driver_sql("SET LOCAL enable_indexscan = off")
    try:
        if after is None:
            after = first + 1 if newest_first else first - 1
        window = PROBE[table]
        bound = after - window if newest_first else after + window
        near = id_col > bound if newest_first else id_col <= bound
        rows = conn.execute(stmt.where(match, near).order_by(order).limit(n)).mappings().all()
        key = id_col + 0
        where = [] if stmt.whereclause is None else [stmt.whereclause]
        for _ in range(64):  # bounded: the window grows 8-fold, so 64 steps outgrow any key range
            if len(rows) >= n or (bound <= last if newest_first else bound >= last):
                return rows
            window *= GROWTH
            start, bound = bound, bound - window if newest_first else bound + window
            keys = (id_col <= start, id_col > bound) if newest_first else (id_col > start, id_col <= bound)
            far = (select(id_col).where(*where, match, *keys)
                   .order_by(key.desc() if newest_first else key).limit(n - len(rows)))
            rows += conn.execute(stmt.where(id_col.in_(far)).order_by(order)).mappings().all()
        return rows
    finally:
        conn.execute(text("SELECT set_config('enable_indexscan', :v, true)"), {"v": scans})


def _page(conn: Connection, stmt: Select, id_col: ColumnElement, *, cursor: str | None, limit: int,
          newest_first: bool, build, search: tuple[str, str] | None = None, keys_first: bool = False) -> Page:
    """One page of ``stmt`` in key order after ``cursor``; ``search``: (table, words) its text must have.

    ``keys_first``: ``stmt`` joins other tables for display only (its filters are on ``id_col``'s
    table), so the page's keys are chosen on that table alone and only they are joined. Otherwise
    PostgreSQL joins every matching row before the sort that keeps the page: 720 article lookups
    for a page of 51 killed-figures of a month at 100k articles, 2-4x the time of the whole query.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit must be 1..{MAX_LIMIT}, not {limit}")
    after = _cursor_key(cursor, id_col)
    if after is not None:
        stmt = stmt.where(id_col < after if newest_first else id_col > after)
    if search is not None:
        rows = _searched(conn, stmt, id_col, search[0], search[1], after=after, n=limit + 1,
                         newest_first=newest_first)
    else:
        order = id_col.desc() if newest_first else id_col
        if keys_first:
            where = [] if stmt.whereclause is None else [stmt.whereclause]
            stmt = stmt.where(id_col.in_(select(id_col).where(*where).order_by(order).limit(limit + 1)))
        rows = conn.execute(stmt.order_by(order).limit(limit + 1)).mappings().all()
    items = [build(r) for r in rows[:limit]]
    nxt = encode_cursor(rows[limit - 1][id_col.key]) if len(rows) > limit else None
    return Page(items, nxt)


def _article_summary(r: Any) -> dict[str, Any]:
    return {"id": r["article_id"], "url": r["url"], "source": r["outlet"], "title": r["title"],
            "published": r["published"]}


def _with_article(table, *cols) -> Select:
    return (select(table.c.id, table.c.article_id, table.c.record, *cols, t.articles.c.url,
                   t.articles.c.source.label("outlet"), t.articles.c.title, t.articles.c.published)
            .join(t.articles, t.articles.c.id == table.c.article_id))


def _fact_with_article(row) -> dict[str, Any]:
    return {**_record(row["record"]), "article": _article_summary(row)}


def _fact_page(conn: Connection, table, where: list[ColumnElement], *, cursor: str | None, limit: int,
               newest_first: bool, search: str | None = None) -> Page:
    """One page of a fact table's records, each with a summary of the article it came from
    (``search``: words the fact's text must have; the table has a full-text index)."""
    return _page(conn, _with_article(table).where(*where), table.c.id, cursor=cursor, limit=limit,
                 newest_first=newest_first, build=_fact_with_article,
                 search=(table.name, search) if search else None, keys_first=True)


def _in_story(table, story: str | None) -> list[ColumnElement]:
    if story is None:
        return []
    return [table.c.article_id.in_(select(t.story_members.c.article_id).where(t.story_members.c.story_id == story))]


def _days(col: ColumnElement, since: str | None, until: str | None) -> list[ColumnElement]:
    out = []
    if since:
        out.append(col >= since[:10])
    if until:
        out.append(col <= until[:10])
    return out


def _actor_match(code: str, role: str | None = None) -> ColumnElement:
    """Events with an actor whose code is ``code`` or, for a 3-letter country code, starts with it."""
    code = " ".join(code.split()).upper()
    country = re.fullmatch(r"[A-Z]{3}", code) is not None
    sides = {"source": (t.events.c.source_country, t.events.c.source_code),
             "target": (t.events.c.target_country, t.events.c.target_code)}
    conds = [(by_country if country else by_code) == code
             for side, (by_country, by_code) in sides.items() if role in (None, side)]
    return conds[0] if len(conds) == 1 else or_(*conds)


def events(conn: Connection, *, type: str | Sequence[str] | None = None, actor: str | None = None,
           source: str | None = None, target: str | None = None, since: str | None = None,
           until: str | None = None, place: str | None = None, story: str | None = None,
           article: str | None = None, negated: bool | None = None, main: bool | None = None,
           limit: int = 50, cursor: str | None = None, newest_first: bool = False) -> Page:
    """Events filtered by PLOVER type, actor code (either side, or ``source``/``target`` side;
    "RUS" matches every RUS actor), day range (the event date, else its article's
    publication day), place name, story, article."""
    stmt = _with_article(t.events, t.events.c.day)
    where: list[ColumnElement] = []
    types = _as_list(type)
    if types:
        where.append(t.events.c.type.in_([t.upper() for t in types]))
    if actor:
        where.append(_actor_match(actor))
    if source:
        where.append(_actor_match(source, "source"))
    if target:
        where.append(_actor_match(target, "target"))
    where += _days(t.events.c.day, since, until)
    if place:
        where.append(t.events.c.place == place)
    if article:
        where.append(t.events.c.article_id == article)
    if negated is not None:
        where.append(t.events.c.negated == negated)
    if main is not None:
        where.append(t.events.c.main == main)
    where += _in_story(t.events, story)
    return _page(conn, stmt.where(*where), t.events.c.id, cursor=cursor, limit=limit, newest_first=newest_first,
                 build=lambda r: {**_record(r["record"]), "day": r["day"], "article": _article_summary(r)},
                 keys_first=True)


def quotes(conn: Connection, *, speaker: str | None = None, q: str | None = None, kind: str | None = None,
           since: str | None = None, until: str | None = None, story: str | None = None,
           article: str | None = None, limit: int = 50, cursor: str | None = None,
           newest_first: bool = False) -> Page:
    """Quotes by speaker (canonical name), words said (full text), kind, days, story."""
    where: list[ColumnElement] = []
    if speaker:
        where.append(t.quotes.c.speaker == speaker)
    if kind:
        where.append(t.quotes.c.kind == kind)
    if article:
        where.append(t.quotes.c.article_id == article)
    where += _days(t.quotes.c.day, since, until) + _in_story(t.quotes, story)
    return _fact_page(conn, t.quotes, where, cursor=cursor, limit=limit, newest_first=newest_first, search=q)


def figures(conn: Connection, *, kind: str | None = None, min_value: float | None = None,
            unit: str | None = None, since: str | None = None, until: str | None = None,
            story: str | None = None, article: str | None = None, limit: int = 50,
            cursor: str | None = None, newest_first: bool = False) -> Page:
    """Figures by kind (killed, money...), lowest value, unit, days, story."""
    where: list[ColumnElement] = []
    if kind:
        where.append(t.figures.c.kind == kind)
    if min_value is not None:
        where.append(t.figures.c.value >= min_value)
    if unit:
        where.append(t.figures.c.unit == unit)
    if article:
        where.append(t.figures.c.article_id == article)
    where += _days(t.figures.c.day, since, until) + _in_story(t.figures, story)
    return _fact_page(conn, t.figures, where, cursor=cursor, limit=limit, newest_first=newest_first)


def entities(conn: Connection, *, name: str | None = None, type: str | None = None,
             country: str | None = None, article: str | None = None, limit: int = 50,
             cursor: str | None = None, newest_first: bool = False) -> Page:
    """Entity records (one per article) by canonical name, type, country."""
    where: list[ColumnElement] = []
    if name:
        where.append(t.entities.c.name == name)
    if type:
        where.append(t.entities.c.type == type.upper())
    if country:
        where.append(t.entities.c.country == country.upper())
    if article:
        where.append(t.entities.c.article_id == article)
    return _fact_page(conn, t.entities, where, cursor=cursor, limit=limit, newest_first=newest_first)


def articles(conn: Connection, *, q: str | None = None, source: str | None = None, since: str | None = None,
             until: str | None = None, story: str | None = None, status: str = "done", limit: int = 50,
             cursor: str | None = None, newest_first: bool = False) -> Page:
    """Article summaries (no text) by full-text search, outlet, publication days, story."""
    stmt = select(t.articles.c.seq, t.articles.c.id, t.articles.c.url, t.articles.c.source, t.articles.c.title,
                  t.articles.c.published, t.articles.c.language, t.articles.c.status)
    where: list[ColumnElement] = [t.articles.c.status == status]
    if source:
        where.append(t.articles.c.source == source)
    where += _days(t.articles.c.day, since, until)
    if story is not None:
        where.append(t.articles.c.id.in_(select(t.story_members.c.article_id).where(t.story_members.c.story_id == story)))
    return _page(conn, stmt.where(*where), t.articles.c.seq, cursor=cursor, limit=limit, newest_first=newest_first,
                 build=lambda r: {k: r[k] for k in ("id", "url", "source", "title", "published", "language")},
                 search=("articles", q) if q else None)


def stories(conn: Connection, *, since: str | None = None, min_size: int = 1, limit: int = 50,
            cursor: str | None = None, newest_first: bool = False) -> Page:
    """Story summaries (id, title, first published, size) from a publication day on, of a least size."""
    stmt = select(t.stories.c.id, t.stories.c.title, t.stories.c.first_published, t.stories.c.size)
    where: list[ColumnElement] = [t.stories.c.size >= min_size]
    if since:
        where.append(t.stories.c.first_published >= since[:10])
    return _page(conn, stmt.where(*where), t.stories.c.id, cursor=cursor, limit=limit,
                 newest_first=newest_first,
                 build=lambda r: {k: r[k] for k in ("id", "title", "first_published", "size")})


_STORY = select(t.stories.c.record).where(t.stories.c.id == bindparam("id"))  # built once: every story page asks


def story(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """One SCHEMA story object (articles, merged events, discrepancies), or None."""
    rec = conn.execute(_STORY, {"id": story_id}).scalar()
    return None if rec is None else _record(rec)


__all__ = ["Page", "events", "quotes", "figures", "entities", "articles", "stories", "story", "fts_match",
           "encode_cursor", "decode_cursor", "MAX_LIMIT"]
