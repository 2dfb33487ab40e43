"""Every store test runs on SQLite and on PostgreSQL (a fresh schema per test run, dropped after it).

The PostgreSQL half uses ``NEWSGRAPH_TEST_PG`` or the development server at
127.0.0.1:5432 (trust auth, database ``test``); where none answers, it is
skipped with the reason. Each backend is migrated once per run; each test then
gets it empty (a copy of the migrated SQLite file; emptied PostgreSQL tables).
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid

import pytest

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_RUN = f"ng_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
_counter = itertools.count()


def _pg_problem() -> str | None:
    try:
        import psycopg  # noqa: F401
        from sqlalchemy import create_engine, text
    except ImportError:
        return "psycopg is not installed (pip install 'newsgraph[postgres]')"
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means: no server to test against
        return f"no PostgreSQL reachable at {PG_URL} ({type(exc).__name__}); set NEWSGRAPH_TEST_PG"
    return None


@pytest.fixture(scope="session")
def pg_admin():
    """An engine on the test server, or a skip; drops every schema this run created at the end."""
    problem = _pg_problem()
    if problem:
        pytest.skip(problem)
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    yield engine
    with engine.connect() as conn:
        names = conn.execute(text("select nspname from pg_namespace where nspname like :p"),
                             {"p": _RUN + "%"}).scalars().all()
        for name in names:
            conn.execute(text(f'drop schema "{name}" cascade'))
    engine.dispose()


def pg_schema_url(admin) -> str:
    """A URL whose connections see only a new, empty schema."""
    from sqlalchemy import text

    name = f"{_RUN}_{next(_counter)}"
    with admin.connect() as conn:
        conn.execute(text(f'create schema "{name}"'))
    sep = "&" if "?" in PG_URL else "?"
    # commits need not wait for the server's disk in tests (a killed client loses nothing either way)
    return f"{PG_URL}{sep}options=-csearch_path%3D{name}%20-csynchronous_commit%3Doff"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated, empty SQLite file to copy."""
    from newsgraph.store import Store

    path = tmp_path_factory.mktemp("store") / "template.db"
    Store(str(path)).close()
    return path


@pytest.fixture(scope="session")
def pg_session_url(pg_admin):
    """A schema of this test run, migrated once."""
    from newsgraph.store import Store

    url = pg_schema_url(pg_admin)
    Store(url).close()
    return url


def empty_pg(url: str) -> None:
    """Remove every row from the store's tables (the schema and its migration stay)."""
    from sqlalchemy import create_engine

    from newsgraph.store.schema import metadata

    engine = create_engine(url)
    with engine.begin() as conn:
        names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL of an empty, migrated database: a SQLite file, or the run's PostgreSQL schema emptied."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return str(path)
    url = request.getfixturevalue("pg_session_url")
    empty_pg(url)
    return url


@pytest.fixture
def store(db_url):
    from newsgraph.store import Store

    s = Store(db_url)
    yield s
    s.close()
