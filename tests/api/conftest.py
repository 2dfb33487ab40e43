"""The desk's app over the hand-written newsroom, on SQLite and on PostgreSQL (skipped without a server)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install 'newsgraph[serve]')")

from store.conftest import pg_admin, pg_schema_url  # noqa: E402,F401 - the store tests' PostgreSQL fixtures

from .desk_data import fill  # noqa: E402

TOKEN = "test-token-123"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk_url(request, tmp_path_factory):
    """A database holding the test newsroom (one per module and backend)."""
    from newsgraph.store import Store

    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("desk") / "desk.db")
    else:
        url = pg_schema_url(request.getfixturevalue("pg_admin"))
    with Store(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def client(desk_url):
    import warnings

    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    warnings.filterwarnings("ignore", message=".*httpx.*")
    app = create_app(desk_url, token=TOKEN, max_body=20_000)
    with TestClient(app) as c:
        yield c
    app.app.state.store.close()
