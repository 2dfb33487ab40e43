"""``Store``: the newsroom database (SQLite by default, PostgreSQL for teams).

One object opens the database (migrating it), writes through idempotent
per-article transactions, and answers the queries the CLI and HTTP API need
(``queries.py``). Writing an article is two steps, so that a crash at any moment
loses nothing and writes nothing twice:

1. ``record_pending`` stores the accepted article (metadata, text, content hash)
   with status ``pending`` before it is analysed;
2. ``save_analysed`` replaces all its facts and marks it ``done`` in one
   transaction (plus its story membership, when given).

A killed run leaves at most some ``pending`` articles, which the next run with
the same inputs analyses; ``done`` articles with the same content hash are
skipped.
"""

from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from sqlalchemy import Connection, bindparam, delete, func, insert, literal, select, union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import Article, Rejected
from . import queries
from .engine import make_engine, migrate
from .rows import add_story_rows, article_meta, content_hash, day_of, fact_rows, rebuild_record, syndication_row
from .schema import (FACT_TABLES, articles, discrepancies, event_actors, mentions, merged_events, rejections,
                     state, stories, story_members, syndication)


# Every fact of some articles in one round trip (a server is a round trip away); built once, as
# each article page and export batch runs it and building it costs more than running it.
_FACTS_OF = union_all(*[select(literal(kind).label("kind"), table.c.article_id, table.c.idx, table.c.record)
                        .where(table.c.article_id.in_(bindparam("ids", expanding=True)))
                        for kind, table in FACT_TABLES.items()]).order_by("kind", "article_id", "idx")


VERSION_KEY = "store_version"
"""The ``state`` row holding a token that every write transaction replaces (``store_version``)."""
_VERSION = select(state.c.value).where(state.c.key == VERSION_KEY)


def _new_version(conn: Connection) -> None:
    row = {"key": VERSION_KEY, "value": uuid.uuid4().bytes, "note": "changes with every write",
           "updated_at": time.time()}
    upsert = (sqlite_insert if conn.dialect.name == "sqlite" else pg_insert)(state).values(**row)
    conn.execute(upsert.on_conflict_do_update(index_elements=[state.c.key],
                                              set_={k: upsert.excluded[k] for k in ("value", "updated_at")}))


def store_version(conn: Connection) -> bytes | None:
    """A token that changes whenever anything is written to the store (None: nothing written by a
    newsgraph that keeps it): what a page rendered from the store may be cached under."""
    return conn.execute(_VERSION).scalar()


@dataclass(frozen=True, slots=True)
class Analysed:
    """One analysed article to save: its SCHEMA record, the versions and content hash, its story."""

    record: Mapping[str, Any]
    versions: str | None = None
    digest: str | None = None
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the store knows of an article id: status, content hash and the versions of its facts."""

    status: str
    content_hash: str
    versions: str | None


class Store:
    """The newsroom database.

    Args:
        url: a SQLite path (default ``newsgraph.db``) or a ``postgresql://`` URL.

    Example:
        >>> store = Store("newsgraph.db")
        >>> page = store.events(type="ASSAULT", actor="RUS", since="2024-10-01", until="2024-10-31")
        >>> [e["source"]["name"] for e in page.items]
    """

    def __init__(self, url: str | Path | None = None) -> None:
        self.engine = make_engine(url)
        self.url = self.engine.url.render_as_string(hide_password=True)
        migrate(self.engine)
        self.dialect = self.engine.dialect.name

    def close(self) -> None:
        """Release the connections (the data is always committed already)."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        """A write transaction that also sets a new store version (what readers' page caches compare)."""
        try:
            conn = self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write {self.url}: {exc}") from exc
        with conn, conn.begin():
            yield conn
            _new_version(conn)

    # ------------------------------------------------------------------ writing

    def state_of(self, article_id: str) -> ArticleState | None:
        """The stored status of one article id, or None when it was never recorded."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.status, articles.c.content_hash, articles.c.versions)
                               .where(articles.c.id == article_id)).first()
        return None if row is None else ArticleState(row.status, row.content_hash, row.versions)

    def states(self) -> dict[str, ArticleState]:
        """Every stored article id with its state (a run loads them once instead of asking per article)."""
        with self.engine.connect() as conn:
            return {r.id: ArticleState(r.status, r.content_hash, r.versions) for r in conn.execute(
                select(articles.c.id, articles.c.status, articles.c.content_hash, articles.c.versions))}

    def record_pending(self, article: Article, *, digest: str | None = None, new: bool = False) -> None:
        """Store an accepted article before analysis (status ``pending``).

        An article stored with other content is replaced, and its old facts go
        with it: a pending article never has facts. ``new`` (the caller knows the
        id is not stored) saves the look-up.
        """
        self.record_pending_many([(article, digest or content_hash(article), new)])

    def record_pending_many(self, items: Sequence[tuple[Article, str, bool]]) -> None:
        """``record_pending`` for several (article, content hash, known new) in one transaction.

        One transaction, one look-up and one multi-row insert for a batch: on a
        server each statement is a round trip and each commit a disk flush.
        """
        if not items:
            return
        items = list({a.id: (a, d, n) for a, d, n in items}.values())  # an id twice: the later one wins
        now = time.time()

        def values(article: Article, digest: str) -> dict[str, Any]:
            return {"url": article.url, "source": article.source, "title": article.title,
                    "published": article.published, "day": day_of(article.published), "text": article.text,
                    "origin": article.origin, "content_hash": digest, "status": "pending"}

        with self._begin() as conn:
            maybe = [a.id for a, _d, new in items if not new]
            found = dict(conn.execute(select(articles.c.id, articles.c.content_hash)
                                      .where(articles.c.id.in_(maybe))).all()) if maybe else {}
            fresh = [{"id": a.id, "added_at": now, **values(a, d)} for a, d, _n in items if a.id not in found]
            changed = [(a, d) for a, d, _n in items if a.id in found and found[a.id] != d]
            if fresh:
                conn.execute(insert(articles), fresh)
            if changed:
                self._delete_facts(conn, [a.id for a, _d in changed])
                conn.execute(update(articles).where(articles.c.id == bindparam("b_id")),
                             [{"b_id": a.id, **values(a, d)} for a, d in changed])

    def save_analysed(self, record: Mapping[str, Any], *, versions: str | None = None,
                      digest: str | None = None, story_id: str | None = None) -> None:
        """Replace one article's facts with ``record``'s and mark it done, in one transaction.

        Args:
            record: the SCHEMA dict of an analysed article (``to_dict(result)``).
            versions: the hash of what produced the facts (``--reanalyse`` compares it).
            digest: the article's content hash (computed from the record when absent).
            story_id: the story the clusterer assigned, recorded with the article.
        """
        self.save_many([Analysed(record, versions, digest, story_id)])

    def save_many(self, items: Sequence["Analysed"]) -> None:
        """Save analysed articles in one transaction: all of them done with their facts, or none."""
        if not items:
            return
        items = list({it.record["id"]: it for it in items}.values())  # an id twice: the later record wins
        now = time.time()
        new_rows, updates, facts = [], [], {k: [] for k in (*FACT_TABLES, "mentions", "event_actors")}
        ids = [it.record["id"] for it in items]
        with self._begin() as conn:
            found = {r.id: r for r in conn.execute(select(articles.c.id, articles.c.status)
                                                    .where(articles.c.id.in_(ids)))}
            had_facts = [a for a in ids if a in found and found[a].status == "done"]
            if had_facts:
                self._delete_facts(conn, had_facts)
            for it in items:
                rec = it.record
                aid = rec["id"]
                digest = it.digest or content_hash(Article(
                    id=aid, text=rec.get("text") or "", url=rec.get("url"), source=rec.get("source"),
                    title=rec.get("title"), published=rec.get("published")))
                values = {"url": rec.get("url"), "source": rec.get("source"), "title": rec.get("title"),
                          "published": rec.get("published"),
                          "day": day_of(rec.get("published")) or day_of(rec.get("published_inferred")),
                          "language": rec.get("language"), "content_hash": digest, "status": "done",
                          "versions": it.versions, "meta": article_meta(rec), "analysed_at": now,
                          "text": rec.get("text") or ""}
                if aid not in found:
                    new_rows.append({"id": aid, "added_at": now, **values})
                else:
                    updates.append({"b_id": aid, **values})
                for kind, rows in fact_rows(rec).items():
                    facts[kind].extend(rows)
            if new_rows:
                conn.execute(insert(articles), new_rows)
            if updates:
                conn.execute(update(articles).where(articles.c.id == bindparam("b_id")), updates)
            for kind, table in (*FACT_TABLES.items(), ("mentions", mentions), ("event_actors", event_actors)):
                if facts[kind]:
                    conn.execute(insert(table), facts[kind])
            stories_of = {it.record["id"]: it.story_id for it in items if it.story_id is not None}
            if stories_of:
                known = set(conn.execute(select(story_members.c.article_id)
                                         .where(story_members.c.article_id.in_(list(stories_of)))).scalars())
                fresh = [{"article_id": a, "story_id": s} for a, s in stories_of.items() if a not in known]
                if fresh:
                    conn.execute(insert(story_members), fresh)

    @staticmethod
    def _delete_facts(conn: Connection, ids: list[str]) -> None:
        for table in (*FACT_TABLES.values(), mentions, event_actors):
            conn.execute(delete(table).where(table.c.article_id.in_(ids)))

    def save_rejected(self, rejected: Rejected) -> None:
        """Keep an input that could not become an article, with its reason (once per origin and reason)."""
        with self._begin() as conn:
            found = conn.execute(select(rejections.c.id).where(rejections.c.origin == rejected.origin,
                                                               rejections.c.reason == rejected.reason)).first()
            if found is None:
                conn.execute(insert(rejections).values(origin=rejected.origin, reason=rejected.reason,
                                                       detail=rejected.detail, seen_at=time.time()))
            else:
                conn.execute(update(rejections).where(rejections.c.id == found.id)
                             .values(detail=rejected.detail, seen_at=time.time()))

    def save_stories(self, result: Mapping[str, Any]) -> None:
        """Replace the story tables with a SCHEMA stories object (the clusterer's current result).

        Membership rows keep their arrival order (the clusterer replays them in
        that order); only their story id follows the result (stories a stream
        split are merged there).
        """
        self.save_stories_stream(result.get("stories", ()), result.get("syndication", ()))

    def save_stories_stream(self, stories_: Iterable[Mapping[str, Any]], syndication_: Iterable[Mapping[str, Any]],
                            *, batch: int = 500) -> None:
        """``save_stories`` for stories and links given one at a time (SCHEMA dicts, e.g. generators).

        One transaction (readers see the old stories or the new, never half),
        written in batches of ``batch`` stories: memory stays that of one batch
        however many stories a long run made, and each batch is a few multi-row
        statements.
        """
        with self._begin() as conn:
            for table in (stories, merged_events, discrepancies, syndication):
                conn.execute(delete(table))
            rows: dict[str, list[dict[str, Any]]] = {k: [] for k in
                                                     ("stories", "members", "merged_events", "discrepancies")}
            for s in stories_:
                add_story_rows(rows, s)
                if len(rows["stories"]) >= batch or len(rows["members"]) >= 10 * batch:
                    self._write_story_rows(conn, rows)
            self._write_story_rows(conn, rows)
            links: list[dict[str, Any]] = []
            for x in syndication_:
                links.append(syndication_row(x))
                if len(links) >= 10 * batch:
                    conn.execute(insert(syndication), links)
                    links = []
            if links:
                conn.execute(insert(syndication), links)

    @staticmethod
    def _write_story_rows(conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Insert one batch of story rows and bring its members' story ids up to date; empties ``rows``."""
        for table, key in ((stories, "stories"), (merged_events, "merged_events"), (discrepancies, "discrepancies")):
            if rows[key]:
                conn.execute(insert(table), rows[key])
        members = rows["members"]
        if members:
            ids = [m["article_id"] for m in members]
            current: dict[str, str] = {}
            for i in range(0, len(ids), 2_000):  # bounded IN lists (SQLite caps bound parameters)
                current.update(conn.execute(select(story_members.c.article_id, story_members.c.story_id)
                                            .where(story_members.c.article_id.in_(ids[i:i + 2_000]))).all())
            changed = [{"b_id": m["article_id"], "b_story": m["story_id"]} for m in members
                       if current.get(m["article_id"], m["story_id"]) != m["story_id"]]
            if changed:
                conn.execute(update(story_members).where(story_members.c.article_id == bindparam("b_id"))
                             .values(story_id=bindparam("b_story")), changed)
            new = [m for m in members if m["article_id"] not in current]
            if new:
                conn.execute(insert(story_members), new)
        for v in rows.values():
            v.clear()

    def optimize(self) -> None:
        """Refresh the query planner's statistics after a run wrote (SQLite ``PRAGMA optimize``)."""
        if self.dialect == "sqlite":
            with self._begin() as conn:
                conn.exec_driver_sql("PRAGMA optimize")

    def get_state(self, key: str) -> tuple[bytes, str | None] | None:
        """A stored blob (and its note) by key, e.g. the story clusterer's snapshot."""
        with self.engine.connect() as conn:
            row = conn.execute(select(state.c.value, state.c.note).where(state.c.key == key)).first()
        return None if row is None else (row.value, row.note)

    def put_state(self, key: str, value: bytes, note: str | None = None) -> None:
        """Store a blob under ``key`` (replacing the previous one)."""
        with self._begin() as conn:
            conn.execute(delete(state).where(state.c.key == key))
            conn.execute(insert(state).values(key=key, value=value, note=note, updated_at=time.time()))

    # ------------------------------------------------------------------ reading records

    def records(self, ids: Iterable[str] | None = None, *, status: str = "done",
                batch: int = 200) -> Iterator[dict[str, Any]]:
        """SCHEMA records of stored articles in arrival order (all done ones, or the ``ids`` given)."""
        with self.engine.connect() as conn:
            if ids is None:
                last = 0
                while True:
                    rows = conn.execute(select(articles).where(articles.c.status == status, articles.c.seq > last)
                                        .order_by(articles.c.seq).limit(batch)).mappings().all()
                    if not rows:
                        return
                    yield from self._rebuild(conn, rows)
                    last = rows[-1]["seq"]
            else:
                wanted = list(ids)
                for i in range(0, len(wanted), batch):
                    chunk = wanted[i:i + batch]
                    rows = conn.execute(select(articles).where(articles.c.id.in_(chunk))).mappings().all()
                    by_id = {r["id"]: r for r in rows}
                    yield from self._rebuild(conn, [by_id[a] for a in chunk if a in by_id])

    @staticmethod
    def _rebuild(conn: Connection, rows: list) -> Iterator[dict[str, Any]]:
        ids = [r["id"] for r in rows]
        facts: dict[str, dict[str, list]] = {a: {k: [] for k in FACT_TABLES} for a in ids}
        for kind, aid, _idx, rec in conn.execute(_FACTS_OF, {"ids": ids}):
            facts[aid][kind].append(rec)
        for r in rows:
            yield rebuild_record(r, facts[r["id"]])

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The SCHEMA record of one stored article, or None."""
        return next(self.records([article_id]), None)

    def member_order(self, after: int = 0) -> list[tuple[int, str]]:
        """(arrival seq, article id) of story members after ``after``, in the order they joined."""
        with self.engine.connect() as conn:
            return [(s, a) for s, a in conn.execute(
                select(story_members.c.seq, story_members.c.article_id)
                .where(story_members.c.seq > after).order_by(story_members.c.seq))]

    def last_member_seq(self) -> int:
        """The arrival seq of the newest story member (0 when none)."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(story_members.c.seq))).scalar() or 0

    def counts(self) -> dict[str, int]:
        """Rows per table (articles split by status), for summaries and tests."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for status, n in conn.execute(select(articles.c.status, func.count()).group_by(articles.c.status)):
                out[f"articles_{status}"] = n
            for name, table in (*FACT_TABLES.items(), ("mentions", mentions), ("event_actors", event_actors),
                                ("rejections", rejections), ("stories", stories),
                                ("story_members", story_members), ("merged_events", merged_events),
                                ("syndication", syndication), ("discrepancies", discrepancies)):
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return out

    # ------------------------------------------------------------------ queries (see queries.py)

    def articles(self, **filters: Any) -> queries.Page:
        """Articles, newest arrival last; see ``queries.articles`` for the filters."""
        with self.engine.connect() as conn:
            return queries.articles(conn, **filters)

    def events(self, **filters: Any) -> queries.Page:
        """Events with their article's url and source; see ``queries.events``."""
        with self.engine.connect() as conn:
            return queries.events(conn, **filters)

    def quotes(self, **filters: Any) -> queries.Page:
        """Quotes, optionally full-text searched; see ``queries.quotes``."""
        with self.engine.connect() as conn:
            return queries.quotes(conn, **filters)

    def figures(self, **filters: Any) -> queries.Page:
        """Figures; see ``queries.figures``."""
        with self.engine.connect() as conn:
            return queries.figures(conn, **filters)

    def entities(self, **filters: Any) -> queries.Page:
        """Entities by name, type, country; see ``queries.entities``."""
        with self.engine.connect() as conn:
            return queries.entities(conn, **filters)

    def stories(self, **filters: Any) -> queries.Page:
        """Stories, largest or newest first; see ``queries.stories``."""
        with self.engine.connect() as conn:
            return queries.stories(conn, **filters)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One SCHEMA story object, or None."""
        with self.engine.connect() as conn:
            return queries.story(conn, story_id)

    def search(self, q: str, **filters: Any) -> queries.Page:
        """Full-text search over article titles and texts (FTS5 / tsvector)."""
        with self.engine.connect() as conn:
            return queries.articles(conn, q=q, **filters)


__all__ = ["Store", "ArticleState", "Analysed", "store_version", "VERSION_KEY"]
