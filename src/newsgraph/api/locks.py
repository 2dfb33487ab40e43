"""One writer at a time across the server's worker processes.

``POST /api/articles`` runs the story clusterer restored from the store; two
writers at once would each save their own view of the stories. A thread lock
orders the requests of one process, and an ``flock`` on a lock file named
after the database orders the worker processes of ``serve --workers N`` (all
on this machine).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import tempfile
import threading
from pathlib import Path
from typing import Iterator


class WriteLock:
    """A lock held by one writer among the threads and processes serving one database."""

    def __init__(self, database: str) -> None:
        digest = hashlib.sha256(database.encode()).hexdigest()[:16]
        self.path = Path(tempfile.gettempdir()) / f"newsgraph-write-{digest}.lock"
        self._thread = threading.Lock()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        with self._thread, open(self.path, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


__all__ = ["WriteLock"]
