"""The newsroom database's tables (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

Every fact row keeps the fact's full SCHEMA JSON in ``record`` and copies out
only the fields the queries filter on into indexed columns. Fields other
helpers add to a fact later (an event's ``main``, an actor's ``span``...) live in
``record`` untouched, so the JSONL export reproduces the SCHEMA records exactly
and a new field never needs a migration to be kept; a migration is needed only
to *filter* on it.

The Alembic migrations in ``migrations/versions`` create these tables; a test
checks the two agree (``test_store_schema_matches_migrations``).
"""

from __future__ import annotations

from sqlalchemy import (JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary,
                        MetaData, String, Table, Text, UniqueConstraint)

metadata = MetaData()

# No length limits on strings: PostgreSQL enforces them, and fields grow (codes, units, kinds).
# JSON kept as written (not JSONB, which reorders keys): the export must give back
# each record key for key; the filters use the indexed columns, not the JSON.
Json = JSON()
# INTEGER PRIMARY KEY on SQLite is the rowid (FTS5 keys on it); BIGINT elsewhere.
RowId = BigInteger().with_variant(Integer(), "sqlite")


def _fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


articles = Table(
    "articles", metadata,
    Column("seq", RowId, primary_key=True, autoincrement=True, comment="arrival order; FTS rowid"),
    Column("id", String, nullable=False, unique=True),
    Column("url", Text), Column("source", String), Column("title", Text),
    Column("published", String), Column("day", String, comment="published[:10] for date filters"),
    Column("text", Text, nullable=False), Column("language", String),
    Column("origin", Text), Column("content_hash", String, nullable=False),
    Column("status", String, nullable=False, comment="pending (recorded, not analysed) or done"),
    Column("versions", String, comment="hash of the extractors, lexicons and model that made the facts"),
    Column("meta", Json, comment="the SCHEMA record without text and fact lists (keeps added fields and order)"),
    Column("added_at", Float), Column("analysed_at", Float),
)
Index("ix_articles_status", articles.c.status)
Index("ix_articles_day", articles.c.day)
Index("ix_articles_source", articles.c.source)

rejections = Table(
    "rejections", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False), Column("reason", String, nullable=False),
    Column("detail", Text), Column("seen_at", Float),
    UniqueConstraint("origin", "reason", name="uq_rejections_origin_reason"),
)
Index("ix_rejections_reason", rejections.c.reason)

entities = Table(
    "entities", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False), Column("idx", Integer, nullable=False),
    Column("entity_id", String), Column("name", Text), Column("type", String),
    Column("country", String), Column("role", String), Column("record", Json, nullable=False),
)
Index("ix_entities_article", entities.c.article_id, entities.c.idx)
Index("ix_entities_name", entities.c.name, entities.c.id)
Index("ix_entities_type_country", entities.c.type, entities.c.country)

mentions = Table(
    "mentions", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False), Column("entity_id", String),
    Column("start", Integer), Column("end", Integer),
)
Index("ix_mentions_article_entity", mentions.c.article_id, mentions.c.entity_id)

quotes = Table(
    "quotes", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True, comment="FTS rowid"),
    Column("article_id", String, _fk(), nullable=False), Column("idx", Integer, nullable=False),
    Column("text", Text), Column("speaker", Text), Column("speaker_entity", String),
    Column("cue", String), Column("kind", String), Column("day", String),
    Column("start", Integer), Column("end", Integer), Column("record", Json, nullable=False),
)
Index("ix_quotes_article", quotes.c.article_id, quotes.c.idx)
Index("ix_quotes_speaker", quotes.c.speaker, quotes.c.id)
Index("ix_quotes_day", quotes.c.day)

events = Table(
    "events", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False), Column("idx", Integer, nullable=False),
    Column("type", String), Column("source_name", Text), Column("source_code", String),
    Column("target_name", Text), Column("target_code", String),
    Column("source_country", String, comment="first word of the source code, when a country code"),
    Column("target_country", String),
    Column("date", String, comment="as extracted"),
    Column("day", String, comment="the event date, else the article's publication day"),
    Column("place", Text), Column("negated", Boolean), Column("main", Boolean),
    Column("confidence", Float), Column("trigger", Text),
    Column("start", Integer), Column("end", Integer), Column("record", Json, nullable=False),
)
Index("ix_events_article", events.c.article_id, events.c.idx)
# (column, id) pairs: an equality filter then pages in id order straight from the index
Index("ix_events_type_id", events.c.type, events.c.id)
Index("ix_events_type_day", events.c.type, events.c.day)
Index("ix_events_day", events.c.day)
Index("ix_events_source_code", events.c.source_code, events.c.id)
Index("ix_events_target_code", events.c.target_code, events.c.id)
Index("ix_events_source_country", events.c.source_country, events.c.id)
Index("ix_events_target_country", events.c.target_country, events.c.id)
Index("ix_events_source_target", events.c.source_country, events.c.target_country, events.c.id)
Index("ix_events_place", events.c.place)

event_actors = Table(
    "event_actors", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False),
    Column("event_idx", Integer, nullable=False, comment="the event's idx in its article"),
    Column("role", String, nullable=False, comment="source or target"),
    Column("name", Text), Column("entity", String), Column("code", String),
    Column("country", String, comment="first word of the code"),
)
Index("ix_event_actors_code", event_actors.c.code)
Index("ix_event_actors_country", event_actors.c.country)
Index("ix_event_actors_article", event_actors.c.article_id, event_actors.c.event_idx)

figures = Table(
    "figures", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False), Column("idx", Integer, nullable=False),
    Column("kind", String), Column("value", Float), Column("unit", String),
    Column("approximate", Boolean), Column("source", Text), Column("day", String),
    Column("start", Integer), Column("end", Integer), Column("record", Json, nullable=False),
)
Index("ix_figures_article", figures.c.article_id, figures.c.idx)
Index("ix_figures_kind_day", figures.c.kind, figures.c.day)

dates = Table(
    "dates", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False), Column("idx", Integer, nullable=False),
    Column("value", String), Column("granularity", String),
    Column("start", Integer), Column("end", Integer), Column("record", Json, nullable=False),
)
Index("ix_dates_article", dates.c.article_id, dates.c.idx)
Index("ix_dates_value", dates.c.value)

places = Table(
    "places", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("article_id", String, _fk(), nullable=False), Column("idx", Integer, nullable=False),
    Column("name", Text), Column("geonameid", BigInteger), Column("country", String),
    Column("lat", Float), Column("lon", Float),
    Column("start", Integer), Column("end", Integer), Column("record", Json, nullable=False),
)
Index("ix_places_article", places.c.article_id, places.c.idx)
Index("ix_places_name", places.c.name)
Index("ix_places_country", places.c.country)

stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True), Column("title", Text),
    Column("first_published", String), Column("size", Integer),
    Column("record", Json, nullable=False, comment="the SCHEMA story object"),
)
Index("ix_stories_first_published", stories.c.first_published)

story_members = Table(
    "story_members", metadata,
    Column("seq", RowId, primary_key=True, autoincrement=True, comment="order articles joined the clusterer"),
    Column("article_id", String, _fk(), nullable=False, unique=True),
    Column("story_id", String, nullable=False),
)
Index("ix_story_members_story", story_members.c.story_id)

merged_events = Table(
    "merged_events", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("story_id", String, nullable=False), Column("idx", Integer, nullable=False),
    Column("type", String), Column("source_code", String), Column("target_code", String),
    Column("date", String), Column("place", Text), Column("articles", Integer),
    Column("record", Json, nullable=False),
)
Index("ix_merged_events_story", merged_events.c.story_id)
Index("ix_merged_events_type", merged_events.c.type)

syndication = Table(
    "syndication", metadata,
    Column("copy", String, primary_key=True), Column("original", String),
    Column("similarity", Float), Column("record", Json, nullable=False),
)
Index("ix_syndication_original", syndication.c.original)

discrepancies = Table(
    "discrepancies", metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("story_id", String, nullable=False), Column("idx", Integer, nullable=False),
    Column("fact", Text), Column("kind", String), Column("record", Json, nullable=False),
)
Index("ix_discrepancies_story", discrepancies.c.story_id)

state = Table(
    "state", metadata,
    Column("key", String, primary_key=True), Column("value", LargeBinary),
    Column("note", Text), Column("updated_at", Float),
)

FACT_TABLES = {"entities": entities, "quotes": quotes, "events": events, "figures": figures,
               "dates": dates, "places": places}
"""SCHEMA fact list name -> its table (each row's ``record`` is one list item)."""

__all__ = ["metadata", "articles", "rejections", "entities", "mentions", "quotes", "events", "event_actors",
           "figures", "dates", "places", "stories", "story_members", "merged_events", "syndication",
           "discrepancies", "state", "FACT_TABLES"]
