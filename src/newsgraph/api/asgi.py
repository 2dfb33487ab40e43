"""The app as uvicorn's import string for ``serve --workers N``: each worker process builds its own.

The CLI passes the database and token through the environment of the workers
(``NEWSGRAPH_SERVE_DB``, ``NEWSGRAPH_TOKEN``), as uvicorn can only start
workers from an import string.

A serving process freezes what it has built (``settle``): the app, its
routes, SQLAlchemy's and pydantic's objects are some 150,000 objects that live
as long as the process, and every full garbage collection walked them all,
stalling the worker's requests for 100-250 ms under load (a few times a
minute at full load). Frozen, they are never walked again; a full collection
then takes a few milliseconds.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from .app import create_app


def settle(app: Any) -> Any:
    """``app``, with everything built so far frozen out of the garbage collector's full passes."""
    gc.collect()
    gc.freeze()
    return app


def app_from_env() -> Any:
    """The app over ``NEWSGRAPH_SERVE_DB`` (a uvicorn factory), settled."""
    return settle(create_app(os.environ["NEWSGRAPH_SERVE_DB"], token=os.environ.get("NEWSGRAPH_TOKEN")))


__all__ = ["app_from_env", "settle"]
