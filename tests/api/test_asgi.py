"""The serving process's app: built from the environment, and settled out of the collector's full passes."""

from __future__ import annotations

import gc

from .desk_data import fill


def test_app_from_env_serves_the_store_and_freezes_what_it_built(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from newsgraph.api.asgi import app_from_env
    from newsgraph.store import Store

    url = str(tmp_path / "d.db")
    with Store(url) as store:
        fill(store)
    monkeypatch.setenv("NEWSGRAPH_SERVE_DB", url)
    try:
        app = app_from_env()
        assert gc.get_freeze_count() > 0  # a worker's long-lived objects are no longer walked by full collections
        with TestClient(app) as client:
            assert client.get("/api/stories/s-strike").status_code == 200
        app.app.state.store.close()
    finally:
        gc.unfreeze()
