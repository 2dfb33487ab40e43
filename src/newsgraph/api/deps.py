"""What routes share: the database engine (each route opens its connection in its own thread), paging parameters, the write token check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy import Engine

from ..store.queries import MAX_LIMIT
from .errors import ApiError

MAX_TEXT = 200
"""Characters a text filter (name, words searched) may have."""


async def engine(request: Request) -> Engine:
    """The app's database engine; routes open their connection in their own thread (no thread hop for it)."""
    return request.app.state.store.engine


Db = Annotated[Engine, Depends(engine)]
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


__all__ = ["engine", "Db", "Limit", "Cursor", "Text", "From", "To", "require_token", "MAX_TEXT"]
