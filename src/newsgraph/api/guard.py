"""The app's outer layer: security headers on every response, request size limits, NUL bytes refused.

Pure ASGI (no buffering of responses). Bodies are limited twice: a declared
``Content-Length`` over the limit is refused before anything is read, and a
body sent in chunks is counted as it arrives and cut off at the limit. The
Content-Security-Policy allows scripts, styles and images from this server
only, no inline script or style, no frames, no form posts elsewhere, no
connections elsewhere: hostile article text that slipped through escaping
still could not run or phone home.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable
from urllib.parse import unquote_to_bytes

from .errors import error_body

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cross-origin-opener-policy", b"same-origin")]
MAX_URL = 4096


class Guard:
    """Wraps the app: headers on every response, limits on every request.

    Args:
        app: the ASGI app.
        max_body: bytes a request body may have.
    """

    def __init__(self, app, *, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"")
        if len(raw_path) + len(query) > MAX_URL:
            await _reply(send, 414, "the URL is too long", "uri_too_long")
            return
        if b"\x00" in unquote_to_bytes(raw_path) or b"\x00" in unquote_to_bytes(query) or "\x00" in scope["path"]:
            await _reply(send, 400, "NUL characters are not accepted in a URL", "bad_request")
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _reply(send, 400, "Content-Length is not a number", "bad_request")
                return
            if int(declared) > self.max_body:
                await _reply(send, 413, f"the body is over {self.max_body} bytes", "too_large")
                return
        receive_body = receive
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            chunks, seen = [], 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunks.append(message.get("body", b""))
                seen += len(chunks[-1])
                if seen > self.max_body:
                    await _reply(send, 413, f"the body is over {self.max_body} bytes", "too_large")
                    return
                if not message.get("more_body", False):
                    break
            body, replayed = b"".join(chunks), False

            async def receive_body() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", ())}
                message = {**message, "headers": [*message.get("headers", ()),
                                                  *((k, v) for k, v in HEADERS if k not in names)]}
            await send(message)

        await self.app(scope, receive_body, with_headers)


async def _reply(send: Send, status: int, message: str, code: str) -> None:
    body = json.dumps(error_body(status, message, code=code)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})


__all__ = ["Guard", "CSP", "HEADERS"]
