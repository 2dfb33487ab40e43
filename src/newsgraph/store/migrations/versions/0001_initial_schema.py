"""Initial schema: articles, rejections, facts, stories; full-text search per backend.

Revision ID: 0001
Revises:
Create Date: 2026-12-05

Full-text search is backend-specific: SQLite gets FTS5 tables kept in step by
triggers (external content, so the text is stored once); PostgreSQL gets a
generated ``tsvector`` column with a GIN index.
"""

from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False, comment='arrival order; FTS rowid'),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(), nullable=True),
    sa.Column('day', sa.String(), nullable=True, comment='published[:10] for date filters'),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('language', sa.String(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False, comment='pending (recorded, not analysed) or done'),
    sa.Column('versions', sa.String(), nullable=True, comment='hash of the extractors, lexicons and model that made the facts'),
    sa.Column('meta', sa.JSON(), nullable=True, comment='the SCHEMA record without text and fact lists (keeps added fields and order)'),
    sa.Column('added_at', sa.Float(), nullable=True),
    sa.Column('analysed_at', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_day', ['day'], unique=False)
        batch_op.create_index('ix_articles_source', ['source'], unique=False)
        batch_op.create_index('ix_articles_status', ['status'], unique=False)

    op.create_table('discrepancies',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('story_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('fact', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('discrepancies', schema=None) as batch_op:
        batch_op.create_index('ix_discrepancies_story', ['story_id'], unique=False)

    op.create_table('merged_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('story_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(), nullable=True),
    sa.Column('source_code', sa.String(), nullable=True),
    sa.Column('target_code', sa.String(), nullable=True),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('articles', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('merged_events', schema=None) as batch_op:
        batch_op.create_index('ix_merged_events_story', ['story_id'], unique=False)
        batch_op.create_index('ix_merged_events_type', ['type'], unique=False)

    op.create_table('rejections',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('seen_at', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('origin', 'reason', name='uq_rejections_origin_reason')
    )
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.create_index('ix_rejections_reason', ['reason'], unique=False)

    op.create_table('state',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.LargeBinary(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('stories',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('first_published', sa.String(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False, comment='the SCHEMA story object'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.create_index('ix_stories_first_published', ['first_published'], unique=False)

    op.create_table('syndication',
    sa.Column('copy', sa.String(), nullable=False),
    sa.Column('original', sa.String(), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('copy')
    )
    with op.batch_alter_table('syndication', schema=None) as batch_op:
        batch_op.create_index('ix_syndication_original', ['original'], unique=False)

    op.create_table('dates',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('value', sa.String(), nullable=True),
    sa.Column('granularity', sa.String(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dates', schema=None) as batch_op:
        batch_op.create_index('ix_dates_article', ['article_id', 'idx'], unique=False)
        batch_op.create_index('ix_dates_value', ['value'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('type', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index('ix_entities_article', ['article_id', 'idx'], unique=False)
        batch_op.create_index('ix_entities_name', ['name', 'id'], unique=False)
        batch_op.create_index('ix_entities_type_country', ['type', 'country'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(), nullable=True),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('source_code', sa.String(), nullable=True),
    sa.Column('target_name', sa.Text(), nullable=True),
    sa.Column('target_code', sa.String(), nullable=True),
    sa.Column('source_country', sa.String(), nullable=True, comment='first word of the source code, when a country code'),
    sa.Column('target_country', sa.String(), nullable=True),
    sa.Column('date', sa.String(), nullable=True, comment='as extracted'),
    sa.Column('day', sa.String(), nullable=True, comment="the event date, else the article's publication day"),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=True),
    sa.Column('main', sa.Boolean(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_article', ['article_id', 'idx'], unique=False)
        batch_op.create_index('ix_events_day', ['day'], unique=False)
        batch_op.create_index('ix_events_place', ['place'], unique=False)
        batch_op.create_index('ix_events_source_code', ['source_code', 'id'], unique=False)
        batch_op.create_index('ix_events_source_country', ['source_country', 'id'], unique=False)
        batch_op.create_index('ix_events_type_id', ['type', 'id'], unique=False)
        batch_op.create_index('ix_events_target_code', ['target_code', 'id'], unique=False)
        batch_op.create_index('ix_events_target_country', ['target_country', 'id'], unique=False)
        batch_op.create_index('ix_events_type_day', ['type', 'day'], unique=False)

    op.create_table('figures',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('day', sa.String(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index('ix_figures_article', ['article_id', 'idx'], unique=False)
        batch_op.create_index('ix_figures_kind_day', ['kind', 'day'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_article_entity', ['article_id', 'entity_id'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.BigInteger(), nullable=True),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index('ix_places_article', ['article_id', 'idx'], unique=False)
        batch_op.create_index('ix_places_country', ['country'], unique=False)
        batch_op.create_index('ix_places_name', ['name'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False, comment='FTS rowid'),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_entity', sa.String(), nullable=True),
    sa.Column('cue', sa.String(), nullable=True),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('day', sa.String(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index('ix_quotes_article', ['article_id', 'idx'], unique=False)
        batch_op.create_index('ix_quotes_day', ['day'], unique=False)
        batch_op.create_index('ix_quotes_speaker', ['speaker', 'id'], unique=False)

    op.create_table('story_members',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False, comment='order articles joined the clusterer'),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('story_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('article_id')
    )
    with op.batch_alter_table('story_members', schema=None) as batch_op:
        batch_op.create_index('ix_story_members_story', ['story_id'], unique=False)

    op.create_table('event_actors',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('event_idx', sa.Integer(), nullable=False, comment="the event's idx in its article"),
    sa.Column('role', sa.String(), nullable=False, comment='source or target'),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('entity', sa.String(), nullable=True),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('country', sa.String(), nullable=True, comment='first word of the code'),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index('ix_event_actors_article', ['article_id', 'event_idx'], unique=False)
        batch_op.create_index('ix_event_actors_code', ['code'], unique=False)
        batch_op.create_index('ix_event_actors_country', ['country'], unique=False)

    _create_search()


_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id')",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker); END",
)

# left(): a tsvector is limited to 1 MB; the first 200,000 characters are plenty to find an article.
_PG_FTS = (
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || left(text, 200000))) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
    "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, coalesce(text, '') || ' ' || coalesce(speaker, ''))) STORED",
    "CREATE INDEX ix_quotes_tsv ON quotes USING gin (tsv)",
)


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_FTS, "postgresql": _PG_FTS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotes_fts")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index('ix_event_actors_country')
        batch_op.drop_index('ix_event_actors_code')
        batch_op.drop_index('ix_event_actors_article')

    op.drop_table('event_actors')
    with op.batch_alter_table('story_members', schema=None) as batch_op:
        batch_op.drop_index('ix_story_members_story')

    op.drop_table('story_members')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index('ix_quotes_speaker')
        batch_op.drop_index('ix_quotes_day')
        batch_op.drop_index('ix_quotes_article')

    op.drop_table('quotes')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index('ix_places_name')
        batch_op.drop_index('ix_places_country')
        batch_op.drop_index('ix_places_article')

    op.drop_table('places')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_mentions_article_entity')

    op.drop_table('mentions')
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index('ix_figures_kind_day')
        batch_op.drop_index('ix_figures_article')

    op.drop_table('figures')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_day')
        batch_op.drop_index('ix_events_target_code')
        batch_op.drop_index('ix_events_target_country')
        batch_op.drop_index('ix_events_source_code')
        batch_op.drop_index('ix_events_source_country')
        batch_op.drop_index('ix_events_type_id')
        batch_op.drop_index('ix_events_place')
        batch_op.drop_index('ix_events_day')
        batch_op.drop_index('ix_events_article')

    op.drop_table('events')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index('ix_entities_type_country')
        batch_op.drop_index('ix_entities_name')
        batch_op.drop_index('ix_entities_article')

    op.drop_table('entities')
    with op.batch_alter_table('dates', schema=None) as batch_op:
        batch_op.drop_index('ix_dates_value')
        batch_op.drop_index('ix_dates_article')

    op.drop_table('dates')
    with op.batch_alter_table('syndication', schema=None) as batch_op:
        batch_op.drop_index('ix_syndication_original')

    op.drop_table('syndication')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index('ix_stories_first_published')

    op.drop_table('stories')
    op.drop_table('state')
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.drop_index('ix_rejections_reason')

    op.drop_table('rejections')
    with op.batch_alter_table('merged_events', schema=None) as batch_op:
        batch_op.drop_index('ix_merged_events_type')
        batch_op.drop_index('ix_merged_events_story')

    op.drop_table('merged_events')
    with op.batch_alter_table('discrepancies', schema=None) as batch_op:
        batch_op.drop_index('ix_discrepancies_story')

    op.drop_table('discrepancies')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_status')
        batch_op.drop_index('ix_articles_source')
        batch_op.drop_index('ix_articles_day')

    op.drop_table('articles')
