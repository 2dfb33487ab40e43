"""Opening the database: one SQLAlchemy engine for SQLite (default) and PostgreSQL, migrated on open.

A plain path (``newsgraph.db``) means SQLite in WAL mode, so readers (the HTTP
API) never block the one writer; ``postgresql://`` URLs use psycopg 3 (the
``[postgres]`` extra). The Alembic migrations shipped in the package run on
every open, so a database written by an older newsgraph is brought up to date
and a new one is created, without any ``alembic.ini``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_DB = "newsgraph.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str | Path | None) -> str:
    """The SQLAlchemy URL for a path or URL (``postgresql://`` gets the psycopg 3 driver)."""
    if url is None or str(url) == "":
        url = DEFAULT_DB
    text = str(url)
    if "://" not in text:
        path = Path(text).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    for plain in ("postgresql://", "postgres://"):
        if text.startswith(plain):
            return "postgresql+psycopg://" + text[len(plain):]
    return text


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers never block the writer; NORMAL sync keeps every committed
    # transaction through a killed process (only a power cut may lose the last ones).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str | Path | None) -> Engine:
    """An engine for ``url`` with the per-backend settings; raises ``StoreError`` with a hint."""
    full = normalise_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'newsgraph[postgres]'") from exc
        engine = create_engine(parsed, pool_pre_ping=True, future=True)
    elif backend == "sqlite":
        # pooled: a new connection (and its PRAGMAs) per transaction cost more than the
        # transaction itself. Forked analysis workers never touch the store's connections.
        engine = create_engine(parsed, future=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        raise StoreError(f"unsupported database {backend!r}: use a SQLite path or a postgresql:// URL")
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates everything on an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
                         f"{exc.orig}") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the database: {exc}") from exc


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at (None before the first migration)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
