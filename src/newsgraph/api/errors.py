"""One JSON error shape for every failure of the HTTP API: ``{"error": {status, code, message}}``.

Validation errors add ``details`` (where and what, never the value sent back).
Pages (not under ``/api``) render the same fields as an HTML page. A server
error is logged with its traceback and answered with a generic message: the
client never sees internals.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsgraphError

log = logging.getLogger(__name__)
T = TypeVar("T")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         406: "not_acceptable", 411: "length_required", 413: "too_large", 415: "unsupported_media_type",
         422: "invalid_request", 429: "too_many_requests", 500: "internal", 503: "unavailable"}


def error_body(status: int, message: str, *, code: str | None = None,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The one error shape (pinned by ``tests/api/test_errors.py``)."""
    err: dict[str, Any] = {"status": status, "code": code or CODES.get(status, "error"), "message": message}
    if details:
        err["details"] = details
    return {"error": err}


class ApiError(Exception):
    """An error a route raises on purpose (not found, unauthorised...)."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.headers = status, message, code, headers


def found(value: T | None, what: str, key: str) -> T:
    """``value`` when the look-up found it, else the 404 every "one X by id" route answers."""
    if value is None:
        raise ApiError(404, f"no {what} {key!r}")
    return value


def wants_json(request: Request) -> bool:
    """JSON for the API and anything that is not a page."""
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or path.startswith("/static")


Render = Callable[[Request, int, dict[str, Any]], HTMLResponse]


def install_handlers(app, render_error: Render) -> None:
    """Register the handlers that turn every exception into the one shape (JSON or page)."""

    def respond(request: Request, status: int, body: dict[str, Any], headers: dict[str, str] | None = None):
        if wants_json(request):
            return JSONResponse(body, status_code=status, headers=headers)
        return render_error(request, status, body["error"])

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, error_body(exc.status, exc.message, code=exc.code), exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return respond(request, exc.status_code, error_body(exc.status_code, message),
                       getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                   for e in exc.errors()]
        return respond(request, 422, error_body(422, "the request's parameters or body are not valid",
                                                details=details))

    @app.exception_handler(NewsgraphError)
    async def _bad_input(request: Request, exc: NewsgraphError):
        return respond(request, 400, error_body(400, str(exc), code="bad_input"))

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError):
        # a value the database cannot compare with its column (PostgreSQL is strict about types)
        return respond(request, 400, error_body(400, "a parameter's value does not fit what it filters on",
                                                code="bad_input"))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return respond(request, 500, error_body(500, "internal error (logged on the server)"))


__all__ = ["ApiError", "error_body", "found", "install_handlers", "wants_json", "CODES"]
