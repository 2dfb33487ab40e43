"""``POST /api/articles``: analyse and store articles, behind the bearer token ``NEWSGRAPH_TOKEN``.

The body is ``{"articles": [input record, ...]}`` (at most ``MAX_ARTICLES``);
each record is an input record of SCHEMA.md. The analysis runs in the server
process, one request at a time, across worker processes too (``locks.py``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from ..store import browse
from ..store.submit import analyse_into_store
from .deps import require_token
from .routes_read import ERRORS

router = APIRouter(prefix="/api", tags=["write"])
MAX_ARTICLES = 100


class ArticleIn(BaseModel):
    """One input record (SCHEMA.md): ``text`` or ``html`` is required."""

    model_config = ConfigDict(extra="allow")
    id: str | int | None = Field(None, description="Stable id; derived from url or text when absent.")
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    text: str | None = None
    html: str | None = None


class ArticlesIn(BaseModel):
    """Articles to analyse and store."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


class SubmittedOut(BaseModel):
    """What became of each record: analysed (with its story), already done (same content), rejected (why)."""

    analysed: list[dict[str, Any]]
    already_done: list[str]
    rejected: list[dict[str, Any]]


@router.post("/articles", response_model=SubmittedOut, dependencies=[Depends(require_token)],
             responses={**ERRORS, 401: ERRORS[400], 403: ERRORS[400], 413: ERRORS[400]})
async def post_articles(body: ArticlesIn, request: Request) -> dict[str, Any]:
    """Analyse the articles and store them with their facts; stories are updated."""
    state = request.app.state
    records = [a.model_dump(exclude_none=True) for a in body.articles]

    def work() -> dict[str, Any]:
        with state.write_lock.held():
            done = analyse_into_store(state.store, records, settings=state.settings, origin="POST /api/articles")
        with state.store.engine.connect() as conn:
            for item in done.analysed:
                item["story"] = browse.story_of(conn, item["id"])
        return done.as_dict()

    return await run_in_threadpool(work)


__all__ = ["router", "MAX_ARTICLES"]
