"""The desk: an HTTP API and server-rendered web UI over the newsroom database (issue 16).

``create_app(store)`` builds the FastAPI application that ``newsgraph serve``
runs with uvicorn. JSON endpoints live under ``/api`` (OpenAPI at
``/openapi.json``, an endpoint list at ``/docs``); the pages (stories, a story,
an article with its evidence highlighted, an entity) are rendered on the server
from the same store queries. Needs the ``serve`` extra
(``pip install 'newsgraph[serve]'``).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
