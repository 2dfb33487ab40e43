"""What routes share: a database connection per request, paging parameters, the write token check."""

from __future__ import annotations

import hmac
from typing import Annotated, Iterator

from fastapi import Depends, Query, Request
from sqlalchemy import Connection

from ..store.queries import MAX_LIMIT
from .errors import ApiError

MAX_TEXT = 200
"""Characters a text filter (name, words searched) may have."""


def connection(request: Request) -> Iterator[Connection]:
    """A connection of the app's store for one request (back to the pool after it)."""
    with request.app.state.store.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(max_length=400, description="The `next` of the previous page.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
_DAY = r"^\d{4}(-\d{2}(-\d{2})?)?"
From = Annotated[str | None, Query(alias="from", max_length=40, pattern=_DAY,
                                   description="From this ISO day (or year/month prefix) on.")]
To = Annotated[str | None, Query(alias="to", max_length=40, pattern=_DAY,
                                 description="Up to this ISO day (or year/month prefix).")]


def require_token(request: Request) -> None:
    """The ``Authorization: Bearer <NEWSGRAPH_TOKEN>`` check; writes are off when the server has no token."""
    expected = request.app.state.token
    if not expected:
        raise ApiError(403, "writing is disabled: start the server with NEWSGRAPH_TOKEN set", code="writes_disabled")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


__all__ = ["connection", "Conn", "Limit", "Cursor", "Text", "From", "To", "require_token", "MAX_TEXT"]
