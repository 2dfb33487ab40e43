"""Output files written whole or not at all.

A JSON document written straight to its path is half a document if the run
crashes (or a second run writes the same path) mid-way. ``replaced_atomically``
writes a temporary file beside the path and renames it over the path only once
it is complete and on disk, so readers see the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator, TextIO

from .errors import StoreError


@contextlib.contextmanager
def replaced_atomically(path: str | Path) -> Iterator[TextIO]:
    """A text file to write that replaces ``path`` when the block ends without error.

    The file gets the permissions a plain ``open()`` would give it (not the
    0600 of a temporary file). On any error the temporary file is removed and
    ``path`` is left as it was.

    Raises:
        StoreError: the file cannot be created, written or renamed.
    """
    path = Path(path)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


__all__ = ["replaced_atomically"]
