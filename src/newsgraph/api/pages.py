"""The web desk's pages: stories, a story, an article with its evidence highlighted, an entity, search.

Each page calls the store's queries (through ``story_view`` and ``highlight``
for the two rich pages) and renders one template; no page has inline script
or style, so the strict Content-Security-Policy of ``guard.py`` holds. The two
rich pages are kept rendered until the store changes (``cache.py``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..store import browse, queries
from .cache import cached_page
from .deps import Db, Cursor
from .errors import ApiError, found
from .highlight import facts_of, segments
from .render import render
from .story_view import story_view

router = APIRouter(include_in_schema=False)
Id = Annotated[str, Path(max_length=300)]
PAGE = 50


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, db: Db, cursor: Cursor = None,
                 min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> HTMLResponse:
    """Stories, largest first: size, outlets, first and last report, discrepancies, copies."""
    with db.connect() as conn:
        page = browse.story_list(conn, min_size=min_size, limit=PAGE, cursor=cursor)
        return render(request, "stories.html", {"page": page, "min_size": min_size})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, db: Db, story_id: Id) -> HTMLResponse:
    """One story: timeline, figures by outlet, quotes by speaker, copies, places, articles."""
    with db.connect() as conn:
        return cached_page(request, conn, lambda: render(request, "story.html",
                                                         found(story_view(conn, story_id), "story", story_id)))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, db: Db, article_id: Id) -> HTMLResponse:
    """One article: its text with every fact's evidence highlighted by kind, the facts beside it."""
    with db.connect() as conn:
        def build() -> HTMLResponse:
            record = found(browse.article_record(conn, article_id), "article", article_id)
            facts = facts_of(record)
            return render(request, "article.html", {
                "a": record, "facts": facts, "segments": segments(record.get("text") or "", facts),
                "story": browse.story_of(conn, article_id)})

        return cached_page(request, conn, build)


@router.get("/entity", response_class=HTMLResponse)
def entity_page(request: Request, db: Db, name: Annotated[str, Query(min_length=1, max_length=200)]) -> HTMLResponse:
    """What one person or body said, did and was done to, where, and in which stories."""
    with db.connect() as conn:
        profile = browse.entity_profile(conn, name)
        if not any(profile[k] for k in ("types", "said", "did", "done_to")):
            raise ApiError(404, f"nothing stored about {name!r}")
        return render(request, "entity.html", {"p": profile})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: Db, q: Annotated[str, Query(max_length=200)] = "",
                cursor: Cursor = None) -> HTMLResponse:
    """Articles whose title or text has all the words searched."""
    with db.connect() as conn:
        page = queries.articles(conn, q=q, limit=PAGE, cursor=cursor) if q.strip() else None
        return render(request, "search.html", {"q": q, "page": page})


__all__ = ["router"]
