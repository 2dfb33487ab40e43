"""A JSONL results file that is safe to resume.

Each analysed article is one line, flushed as it is written, so a crash loses at
most the line being written. On ``resume`` the file's complete lines are kept,
a torn last line is cut off, and the ids already present are skipped by the
caller, so running the same command twice never writes an article twice.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import IO, Any, Iterator

from ..errors import StoreError
from ..extract import AnalysedArticle, analysed_from_dict

log = logging.getLogger(__name__)


def read_jsonl_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, parsed object or None when the line is not a JSON object, raw line)."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                obj = None
            yield lineno, obj if isinstance(obj, dict) else None, line


def read_analysed(path: str | Path) -> Iterator[AnalysedArticle]:
    """The analysed articles of a JSONL file written by ``analyze`` (lines without an id skipped)."""
    for _, obj, _ in read_jsonl_records(path):
        if obj is not None and "id" in obj:
            yield analysed_from_dict(obj)


class JsonlSink:
    """Writes records as JSON lines to a path (or ``-`` for stdout).

    Args:
        path: output file, or ``-`` for standard output.
        resume: keep an existing file's complete records and report their ids in
            ``done_ids``; otherwise an existing file is replaced.
    """

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.path = str(path)
        self.done_ids: set[str] = set()
        self._fh: IO[str]
        if self.path == "-":
            self._fh = sys.stdout
            return
        target = Path(self.path)
        try:
            if target.parent and not target.parent.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
            if resume and target.exists():
                self._truncate_torn_tail(target)
                for _, obj, _ in read_jsonl_records(target):
                    if obj is not None and "id" in obj:
                        self.done_ids.add(str(obj["id"]))
                self._fh = open(target, "a", encoding="utf-8")
            else:
                self._fh = open(target, "w", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    @staticmethod
    def _truncate_torn_tail(target: Path) -> None:
        data = target.read_bytes()
        if data and not data.endswith(b"\n"):
            keep = data.rfind(b"\n") + 1
            log.warning("%s: dropping a torn last line (%d bytes) left by an interrupted run",
                        target, len(data) - keep)
            with open(target, "r+b") as fh:
                fh.truncate(keep)

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and flush it to the OS."""
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not sys.stdout:
            try:
                self._fh.flush()
                os.fsync(self._fh.fileno())
            except OSError:
                pass
            self._fh.close()

    def __enter__(self) -> "JsonlSink":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
