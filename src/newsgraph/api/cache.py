"""Rendered pages kept while the store is unchanged: a story read by a hundred readers is built once.

A page depends only on what is stored, so a page rendered at store version V
stays right until a write changes the version (``Store.version``: every write
transaction sets a new one, in the same transaction). Each request still asks
the database for the version (one primary-key read), so a page never outlives
the data it shows. One cache per worker process, bounded in bytes, least
recently used first out. Pages that fail (404, errors) are never kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from ..store import store_version

MAX_BYTES = 32_000_000
"""Bytes of rendered pages one worker process keeps."""


class PageCache:
    """Page bodies by URL, each valid for the store version it was rendered at.

    Args:
        max_bytes: the bodies' total size kept; the least recently used go first.
    """

    def __init__(self, *, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, tuple[bytes | None, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # routes run in a thread pool
        self.hits = self.misses = 0

    def get(self, key: str, version: bytes | None) -> bytes | None:
        """The body kept for ``key`` at ``version``, or None."""
        with self._lock:
            found = self._pages.get(key)
            if found is None or found[0] != version:
                self.misses += 1
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: str, version: bytes | None, body: bytes) -> None:
        """Keep ``body`` for ``key`` at ``version`` (a body over the whole budget is not kept)."""
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._size -= len(old[1])
            self._pages[key] = (version, body)
            self._size += len(body)
            while self._size > self.max_bytes:
                _, (_, dropped) = self._pages.popitem(last=False)
                self._size -= len(dropped)


def cached_page(request: Request, conn: Connection, build: Callable[[], HTMLResponse]) -> HTMLResponse:
    """The page at this URL from the app's cache when the store has not changed since, else ``build()``'s
    (kept when it is a 200)."""
    cache: PageCache = request.app.state.page_cache
    key = request.url.path + ("?" + request.url.query if request.url.query else "")
    version = store_version(conn)
    body = cache.get(key, version)
    if body is not None:
        return HTMLResponse(body)
    response = build()
    if response.status_code == 200:
        cache.put(key, version, bytes(response.body))
    return response


__all__ = ["PageCache", "cached_page", "MAX_BYTES"]
