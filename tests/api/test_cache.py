"""Story and article pages are kept rendered until the store changes, never longer (issue 16)."""

from __future__ import annotations

import warnings

import pytest

from newsgraph.api.cache import PageCache

from .conftest import pg_schema_url
from .desk_data import fill, stories


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    """A desk store of this test's own (the module-wide one is shared and must not change)."""
    from newsgraph.store import Store

    url = str(tmp_path / "c.db") if request.param == "sqlite" else pg_schema_url(request.getfixturevalue("pg_admin"))
    with Store(url) as store:
        fill(store)
    return url


def _client(url: str, **kw):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    warnings.filterwarnings("ignore", message=".*httpx.*")
    app = create_app(url, **kw)
    return app.app, TestClient(app)


def test_cache_pages_are_kept_until_a_write_changes_the_store(fresh_url):
    from newsgraph.store import Store

    app, client = _client(fresh_url)
    cache = app.state.page_cache
    first = client.get("/stories/s-strike")
    assert first.status_code == 200 and (cache.hits, cache.misses) == (0, 1)
    again = client.get("/stories/s-strike")
    assert again.text == first.text and (cache.hits, cache.misses) == (1, 1)
    assert client.get("/articles/a2").status_code == 200 and cache.misses == 2
    renamed = stories()
    renamed["stories"][0]["title"] = "Portvale strike: the toll disputed"
    with Store(fresh_url) as store:  # another writer (the analyze command, a POST in another worker)
        store.save_stories(renamed)
    after = client.get("/stories/s-strike")
    assert "Portvale strike: the toll disputed" in after.text and cache.misses == 3
    client.get("/articles/a2")
    assert cache.misses == 4  # every page rendered before the write is stale
    for _ in range(2):
        assert client.get("/stories/no-such-story").status_code == 404
    assert cache.misses == 6  # an error page is never kept
    app.state.store.close()


def test_cache_can_be_turned_off(fresh_url):
    app, client = _client(fresh_url, page_cache_bytes=0)
    for _ in range(2):
        assert client.get("/articles/a1").status_code == 200
    assert app.state.page_cache.hits == 0
    app.state.store.close()


def test_cache_drops_the_least_recently_used_beyond_its_bytes():
    cache = PageCache(max_bytes=25)
    for key in ("a", "b"):
        cache.put(key, b"v1", b"x" * 10)
    assert cache.get("a", b"v1") is not None  # "b" is now the least recently used
    cache.put("c", b"v1", b"y" * 10)
    assert cache.get("b", b"v1") is None and cache.get("a", b"v1") and cache.get("c", b"v1")
    assert cache.get("a", b"v2") is None  # kept for another store version
    cache.put("big", b"v1", b"z" * 26)
    assert cache.get("big", b"v1") is None


def test_cache_keeps_api_answers_until_a_write(fresh_url):
    from newsgraph.store import Store

    app, client = _client(fresh_url)
    cache = app.state.page_cache
    first = client.get("/api/events?type=ASSAULT")
    assert first.status_code == 200 and first.json()["items"] and cache.misses == 1
    again = client.get("/api/events?type=ASSAULT")
    assert cache.hits == 1 and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"] == "application/json"
    assert len(client.get("/api/events?type=ASSAULT&limit=1").json()["items"]) == 1 and cache.misses == 2  # its own URL
    assert client.get("/api/events?type=ASSAULT&cursor=%21").status_code == 400  # errors are never kept
    renamed = stories()
    renamed["stories"][0]["title"] = "Portvale strike: the toll disputed"
    with Store(fresh_url) as store:
        store.save_stories(renamed)
    assert client.get("/api/stories/s-strike").json()["title"] == "Portvale strike: the toll disputed"
    client.get("/api/events?type=ASSAULT")
    assert cache.hits == 1  # the write made every kept answer stale
    app.state.store.close()


def test_cache_keeps_large_bodies_deflated_and_gives_them_back_whole():
    from newsgraph.api.cache import PACK_OVER

    body = ("<p>" + "a story of many words " * 400 + "</p>").encode()
    assert len(body) > PACK_OVER
    cache = PageCache(max_bytes=len(body))
    cache.put("/big", b"v1", body)
    cache.put("/other", b"v1", body)  # both fit the budget only because they are kept deflated
    assert cache.get("/big", b"v1") == body and cache.get("/other", b"v1") == body
