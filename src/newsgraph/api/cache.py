"""Rendered pages kept while the store is unchanged: a story read by a hundred readers is built once.

A page depends only on what is stored, so a page rendered at store version V
stays right until a write changes the version (``Store.version``: every write
transaction sets a new one, in the same transaction). Each request still asks
the database for the version (one primary-key read), so a page never outlives
the data it shows. One cache per worker process, bounded in bytes, least
recently used first out. Pages that fail (404, errors) are never kept. The
JSON answers of the read API are kept the same way (a dashboard asks the same
question again and again). Bodies over ``PACK_OVER`` bytes are kept deflated
(zlib at its fastest level: a tenth of a millisecond for a story page, a fifth
of its bytes), so the same memory holds five times as many pages.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from typing import Callable

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import Connection

from ..store import store_version

MAX_BYTES = 32_000_000
"""Bytes of rendered pages one worker process keeps (as kept: deflated when large)."""
PACK_OVER = 2048
"""Bodies longer than this are kept deflated."""


class PageCache:
    """Page bodies by URL, each valid for the store version it was rendered at.

    Args:
        max_bytes: the bodies' total size kept; the least recently used go first.
    """

    def __init__(self, *, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, tuple[bytes | None, bool, bytes]] = OrderedDict()
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
        _, packed, kept = found
        return zlib.decompress(kept) if packed else kept

    def put(self, key: str, version: bytes | None, body: bytes) -> None:
        """Keep ``body`` for ``key`` at ``version`` (a body over the whole budget is not kept)."""
        if len(body) > self.max_bytes:
            return
        packed = len(body) > PACK_OVER
        kept = zlib.compress(body, 1) if packed else body
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._size -= len(old[2])
            self._pages[key] = (version, packed, kept)
            self._size += len(kept)
            while self._size > self.max_bytes:
                _, (_, _, dropped) = self._pages.popitem(last=False)
                self._size -= len(dropped)


def cached_page(request: Request, conn: Connection, build: Callable[[], Response], *,
                media_type: str = "text/html") -> Response:
    """The page (or JSON answer, of ``media_type``) at this URL from the app's cache when the store has not
    changed since, else ``build()``'s (kept when it is a 200)."""
    cache: PageCache = request.app.state.page_cache
    key = request.url.path + ("?" + request.url.query if request.url.query else "")
    version = store_version(conn)
    body = cache.get(key, version)
    if body is not None:
        return Response(body, media_type=media_type)
    response = build()
    if response.status_code == 200:
        cache.put(key, version, bytes(response.body))
    return response


__all__ = ["PageCache", "cached_page", "MAX_BYTES", "PACK_OVER"]
