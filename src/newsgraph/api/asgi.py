"""The app as uvicorn's import string for ``serve --workers N``: each worker process builds its own.

The CLI passes the database and token through the environment of the workers
(``NEWSGRAPH_SERVE_DB``, ``NEWSGRAPH_TOKEN``), as uvicorn can only start
workers from an import string.
"""

from __future__ import annotations

import os
from typing import Any

from .app import create_app


def app_from_env() -> Any:
    """The app over ``NEWSGRAPH_SERVE_DB`` (a uvicorn factory)."""
    return create_app(os.environ["NEWSGRAPH_SERVE_DB"], token=os.environ.get("NEWSGRAPH_TOKEN"))


__all__ = ["app_from_env"]
