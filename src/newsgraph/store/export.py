"""Exporting the store as tidy tables (JSONL, CSV, Parquet) that pandas, R and spreadsheets open directly.

JSONL without ``--table`` gives the SCHEMA records exactly as ``analyze``
wrote them (the round trip is tested). Every other table is flat: one row per
fact with its article's id, url, outlet and publication date; the events table
has GDELT-like columns (day, source/target name, code and country, type, place
with lat/lon, article url, the evidence sentence). Rows stream in batches, so
memory stays flat however large the database.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from sqlalchemy import Select, func, select

from ..errors import StoreError
from .db import Store
from .schema import (articles, dates, discrepancies, entities, events, figures, merged_events, places,
                     quotes, rejections, stories, story_members, syndication)

FORMATS = ("jsonl", "csv", "parquet")
BATCH = 1000


def _evidence(table) -> Any:
    return func.substr(articles.c.text, table.c.start + 1, table.c.end - table.c.start)


def _article_cols() -> list:
    return [articles.c.url.label("article_url"), articles.c.source.label("article_source"),
            articles.c.published.label("article_published")]


def _place_col(col: str):
    return (select(getattr(places.c, col)).where(places.c.article_id == events.c.article_id,
                                                  places.c.name == events.c.place)
            .order_by(places.c.idx).limit(1).scalar_subquery())


def _member_story(table):
    return (select(story_members.c.story_id).where(story_members.c.article_id == table.c.article_id)
            .scalar_subquery())


def _events() -> Select:
    return (select(events.c.id.label("event_id"), events.c.article_id, events.c.day.label("date"),
                   events.c.date.label("date_stated"), events.c.type,
                   events.c.source_name, events.c.source_code, events.c.source_country,
                   events.c.target_name, events.c.target_code, events.c.target_country,
                   events.c.negated, events.c.main, events.c.confidence, events.c.trigger, events.c.place,
                   _place_col("lat").label("place_lat"), _place_col("lon").label("place_lon"),
                   _place_col("country").label("place_country"), *_article_cols(),
                   _member_story(events).label("story_id"), _evidence(events).label("evidence"),
                   events.c.start.label("span_start"), events.c.end.label("span_end"))
            .join(articles, articles.c.id == events.c.article_id).order_by(events.c.id))


def _facts(table, *cols) -> Select:
    return (select(table.c.id, table.c.article_id, table.c.idx, *cols, *_article_cols(),
                   table.c.start.label("span_start"), table.c.end.label("span_end"))
            .join(articles, articles.c.id == table.c.article_id).order_by(table.c.id))


TABLES: dict[str, Callable[[], Select]] = {
    "events": _events,
    "quotes": lambda: _facts(quotes, quotes.c.speaker, quotes.c.speaker_entity, quotes.c.kind, quotes.c.cue,
                             quotes.c.text, quotes.c.day.label("date")),
    "figures": lambda: _facts(figures, figures.c.kind, figures.c.value, figures.c.unit, figures.c.approximate,
                              figures.c.source, figures.c.day.label("date"), _evidence(figures).label("evidence")),
    "dates": lambda: _facts(dates, dates.c.value, dates.c.granularity, _evidence(dates).label("text")),
    "places": lambda: _facts(places, places.c.name, places.c.geonameid, places.c.country, places.c.lat,
                             places.c.lon),
    "entities": lambda: (select(entities.c.id, entities.c.article_id, entities.c.entity_id, entities.c.name,
                                entities.c.type, entities.c.country, entities.c.role, *_article_cols())
                         .join(articles, articles.c.id == entities.c.article_id).order_by(entities.c.id)),
    "stories": lambda: select(stories.c.id, stories.c.title, stories.c.first_published, stories.c.size)
                       .order_by(stories.c.id),
    "story_members": lambda: select(story_members.c.article_id, story_members.c.story_id)
                             .order_by(story_members.c.seq),
    "merged_events": lambda: select(merged_events.c.story_id, merged_events.c.idx, merged_events.c.type,
                                    merged_events.c.source_code, merged_events.c.target_code,
                                    merged_events.c.date, merged_events.c.place, merged_events.c.articles)
                             .order_by(merged_events.c.id),
    "syndication": lambda: select(syndication.c.copy, syndication.c.original, syndication.c.similarity)
                           .order_by(syndication.c.copy),
    "discrepancies": lambda: select(discrepancies.c.story_id, discrepancies.c.idx, discrepancies.c.fact,
                                    discrepancies.c.kind, discrepancies.c.record.label("values"))
                             .order_by(discrepancies.c.id),
    "rejections": lambda: select(rejections.c.origin, rejections.c.reason, rejections.c.detail)
                          .order_by(rejections.c.id),
    "articles": lambda: select(articles.c.id, articles.c.url, articles.c.source, articles.c.title,
                               articles.c.published, articles.c.language, articles.c.status,
                               articles.c.content_hash, articles.c.text).order_by(articles.c.seq),
}
"""Table name -> the SELECT its flat export runs."""


def table_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """The flat rows of one export table, streamed."""
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; choose one of {', '.join(sorted(TABLES))}")
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(TABLES[table]())
        for row in result.mappings():
            out = dict(row)
            if table == "discrepancies":
                rec = out["values"]
                rec = json.loads(rec) if isinstance(rec, str) else rec
                out["values"] = json.dumps(rec.get("values"), ensure_ascii=False, sort_keys=True)
            yield out


@contextmanager
def _open_text(out: str) -> Iterator[IO[str]]:
    if out == "-":
        yield sys.stdout
        return
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _write_parquet(rows: Iterator[dict[str, Any]], out: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError("Parquet export needs pyarrow: pip install 'newsgraph[parquet]'") from exc
    if out == "-":
        raise StoreError("Parquet is binary: give a file with -o")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    n, writer, batch, schema = 0, None, [], None
    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer, schema = _flush_parquet(pa, pq, batch, out, writer, schema)
                n += len(batch)
                batch = []
        if batch or writer is None:
            writer, schema = _flush_parquet(pa, pq, batch, out, writer, schema)
            n += len(batch)
    finally:
        if writer is not None:
            writer.close()
    return n


def _flush_parquet(pa, pq, batch, out, writer, schema):
    table = pa.Table.from_pylist(batch, schema=schema) if schema is not None else pa.Table.from_pylist(batch)
    if schema is None:
        # columns that are all null in the first batch become strings (the usual case for them)
        schema = pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type)
                            for f in table.schema])
        table = table.cast(schema)
        writer = pq.ParquetWriter(out, schema)
    writer.write_table(table)
    return writer, schema


def export(store: Store, *, fmt: str, table: str | None, out: str) -> int:
    """Write one table of the store to ``out`` in ``fmt``; returns the rows written.

    ``table`` None means the analysed articles: SCHEMA records for JSONL, flat
    article rows otherwise.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonl" and table in (None, "records"):
        n = 0
        with _open_text(out) as fh:
            for record in store.records():
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        return n
    rows = table_rows(store, table or "articles")
    if fmt == "parquet":
        return _write_parquet(rows, out)
    n = 0
    with _open_text(out) as fh:
        if fmt == "jsonl":
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                n += 1
            return n
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            n += 1
        if writer is None:  # no rows: still a header, from the query's columns
            csv.writer(fh).writerow([c.name for c in TABLES[table or "articles"]().selected_columns])
    return n


__all__ = ["export", "table_rows", "TABLES", "FORMATS"]
