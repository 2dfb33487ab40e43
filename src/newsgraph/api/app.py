"""``create_app``: the FastAPI application over one ``Store`` (what ``newsgraph serve`` runs).

Everything the app serves ships in the package: templates and static assets
(CSS, the page script, the world outline) are package data, so no page asks
another host for anything. The app holds the open store, the bearer token for
writes and a lock so that two POSTs (in any worker process) never run the story
clusterer at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings, make_settings
from ..store import Store
from .cache import MAX_BYTES as PAGE_CACHE_BYTES, PageCache
from .errors import install_handlers
from .guard import Guard
from .locks import WriteLock
from .render import make_templates, render
from .routes_read import router as read_router
from .routes_write import router as write_router
from .pages import router as page_router

HERE = Path(__file__).parent
MAX_BODY = 5_000_000
"""Bytes a request body may have (POST /api/articles); larger ones get 413."""


def create_app(store: Store | str, *, token: str | None = None, settings: Settings | None = None,
               max_body: int = MAX_BODY, page_cache_bytes: int = PAGE_CACHE_BYTES) -> Any:
    """The ASGI app serving ``store`` (an open ``Store`` or a database path/URL).

    Args:
        store: the newsroom database.
        token: the bearer token ``POST /api/articles`` requires; None disables writes (403).
        settings: analysis settings for posted articles (model, limits); defaults from the environment.
        max_body: request body limit in bytes.
        page_cache_bytes: bytes of rendered story and article pages each worker keeps while the store
            is unchanged (0: none kept).
    """
    if not isinstance(store, Store):
        store = Store(store)
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  description="Stories, articles and their facts, each with the evidence span it came from. "
                              "Lists page with an opaque `cursor` (pass the `next` of a page to get the next).")
    app.state.store = store
    app.state.token = token or None
    app.state.settings = settings or make_settings()
    app.state.write_lock = WriteLock(str(store.url))
    app.state.templates = make_templates()
    app.state.page_cache = PageCache(max_bytes=page_cache_bytes)
    install_handlers(app, lambda request, status, err: render(request, "error.html", {"error": err},
                                                              status=status))
    app.include_router(read_router)
    app.include_router(write_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(packages=[("newsgraph.api", "static")]), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        """The endpoints of the OpenAPI spec as a page (no script from a CDN, unlike Swagger UI)."""
        return render(request, "docs.html", {"spec": app.openapi()})

    return Guard(app, max_body=max_body) if max_body else app


__all__ = ["create_app", "MAX_BODY"]
