"""The JSON read endpoints: each calls one store query and returns its page as it is.

Lists answer ``{"items": [...], "next": cursor or null}``; items are the SCHEMA
records of the facts plus an ``article`` summary (id, url, source, title,
published), so every fact can be traced to its article and evidence span.
Answers are kept by URL until the store changes, like the desk's pages
(``cache.py``): the same question asked again costs one version read.
"""

from __future__ import annotations

from typing import Annotated, Any, Callable, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection, Engine
from pydantic import BaseModel

from ..model import ENTITY_TYPES, FIGURE_KINDS, PLOVER_TYPES
from ..store import browse, queries
from .cache import cached_page
from .deps import Db, Cursor, From, Limit, Text, To
from .errors import found

router = APIRouter(prefix="/api", tags=["read"])
Id = Annotated[str, Path(max_length=300)]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code.")]


class PageOut(BaseModel):
    """One page of a list."""

    items: list[dict[str, Any]]
    next: str | None = None


class ErrorOut(BaseModel):
    """The one error shape: ``{"error": {"status", "code", "message"[, "details"]}}``."""

    error: dict[str, Any]


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}, 404: {"model": ErrorOut},
                                            422: {"model": ErrorOut}}


def _out(page: queries.Page) -> JSONResponse:
    # a response object skips re-validating every record against PageOut (it only documents the shape)
    return JSONResponse({"items": page.items, "next": page.next})


def _answer(request: Request, db: Engine, build: Callable[[Connection], JSONResponse]) -> Response:
    """``build(conn)``'s answer, or the one kept for this URL while the store is unchanged."""
    with db.connect() as conn:
        return cached_page(request, conn, lambda: build(conn), media_type="application/json")


@router.get("/articles", response_model=PageOut, responses=ERRORS)
def list_articles(request: Request, db: Db, q: Text = None, source: Text = None, since: From = None,
                  until: To = None, story: Text = None, limit: Limit = 50,
                  cursor: Cursor = None) -> Response:
    """Analysed articles (summaries, no text), oldest arrival first; ``q`` searches titles and texts."""
    return _answer(request, db, lambda conn: _out(queries.articles(conn, q=q, source=source, since=since,
        until=until, story=story, limit=limit, cursor=cursor)))


@router.get("/articles/{article_id}", responses=ERRORS)
def get_article(request: Request, db: Db, article_id: Id) -> Response:
    """One analysed article's SCHEMA record: text and every fact with its span."""
    return _answer(request, db, lambda conn: JSONResponse(
        found(browse.article_record(conn, article_id), "article", article_id)))


@router.get("/stories", response_model=PageOut, responses=ERRORS)
def list_stories(request: Request, db: Db, min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                 limit: Limit = 50, cursor: Cursor = None) -> Response:
    """Stories, largest first, with outlets, first and last report, discrepancies and copies."""
    return _answer(request, db, lambda conn: _out(browse.story_list(conn, min_size=min_size, limit=limit,
        cursor=cursor)))


@router.get("/stories/{story_id}", responses=ERRORS)
def get_story(request: Request, db: Db, story_id: Id) -> Response:
    """One SCHEMA story (articles, merged events, discrepancies) with its articles' summaries and copies."""
    def build(conn: Connection) -> JSONResponse:
        story = found(queries.story(conn, story_id), "story", story_id)
        ids = story.get("articles") or []
        return JSONResponse({**story, "article_summaries": browse.article_summaries(conn, ids),
                             "syndication": browse.syndication_among(conn, ids)})

    return _answer(request, db, build)


@router.get("/entities", response_model=PageOut, responses=ERRORS)
def list_entities(request: Request, db: Db, name: Text = None,
                  type: Literal[ENTITY_TYPES] | None = None,
                  country: Country = None, article: Text = None, limit: Limit = 50,
                  cursor: Cursor = None) -> Response:
    """Entities (one record per article they appear in) by canonical name, type, country."""
    return _answer(request, db, lambda conn: _out(queries.entities(conn, name=name, type=type, country=country,
        article=article, limit=limit, cursor=cursor)))


@router.get("/quotes", response_model=PageOut, responses=ERRORS)
def list_quotes(request: Request, db: Db, speaker: Text = None, q: Text = None,
                kind: Literal["direct", "partial", "indirect"] | None = None,
                since: From = None, until: To = None, story: Text = None,
                article: Text = None, limit: Limit = 50, cursor: Cursor = None) -> Response:
    """Quotes by speaker (canonical name) and words said (``q``, full text)."""
    return _answer(request, db, lambda conn: _out(queries.quotes(conn, speaker=speaker, q=q, kind=kind,
        since=since, until=until, story=story, article=article, limit=limit, cursor=cursor)))


@router.get("/events", response_model=PageOut, responses=ERRORS)
def list_events(request: Request, db: Db,
                type: Annotated[list[Literal[PLOVER_TYPES]] | None, Query(description="PLOVER type(s).")] = None,
                source: Text = None, target: Text = None, country: Country = None,
                since: From = None, until: To = None, place: Text = None,
                story: Text = None, article: Text = None, main: bool | None = None, negated: bool | None = None,
                limit: Limit = 50, cursor: Cursor = None) -> Response:
    """Events by PLOVER type, source/target actor code ("RUS GOV", or a country "RUS"), either side's
    ``country``, day range (the event's date, else its article's), place, story, article, ``main``."""
    return _answer(request, db, lambda conn: _out(queries.events(conn, type=type, actor=country, source=source,
        target=target, since=since, until=until, place=place, story=story, article=article, main=main,
        negated=negated, limit=limit, cursor=cursor)))


@router.get("/figures", response_model=PageOut, responses=ERRORS)
def list_figures(request: Request, db: Db, kind: Literal[FIGURE_KINDS] | None = None,
                 min_value: Annotated[float | None, Query(ge=-1e300, le=1e300)] = None, unit: Text = None,
                 since: From = None, until: To = None, story: Text = None,
                 article: Text = None, limit: Limit = 50, cursor: Cursor = None) -> Response:
    """Figures (casualties, money, displaced...) by kind, lowest value, unit, days, story."""
    return _answer(request, db, lambda conn: _out(queries.figures(conn, kind=kind, min_value=min_value, unit=unit,
        since=since, until=until, story=story, article=article, limit=limit, cursor=cursor)))


@router.get("/places", response_model=PageOut, responses=ERRORS)
def list_places(request: Request, db: Db, name: Text = None, country: Country = None, story: Text = None,
                article: Text = None, located: bool | None = None, limit: Limit = 50,
                cursor: Cursor = None) -> Response:
    """Place mentions by name, country, story, article; ``located=true``: only those with coordinates."""
    return _answer(request, db, lambda conn: _out(browse.places(conn, name=name, country=country, story=story,
        article=article, located=located, limit=limit, cursor=cursor)))


@router.get("/search", response_model=PageOut, responses=ERRORS)
def search(request: Request, db: Db, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50,
           cursor: Cursor = None) -> Response:
    """Full-text search of article titles and texts (all words must match)."""
    return _answer(request, db, lambda conn: _out(queries.articles(conn, q=q, limit=limit, cursor=cursor)))


__all__ = ["router", "PageOut", "ErrorOut"]
