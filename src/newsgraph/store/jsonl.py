"""A JSONL results file that is safe to resume and safe from a second writer.

Each analysed article is one line, flushed as it is written, so a crash loses at most the
line being written. The sink holds an exclusive lock on the file while it writes, so a
second run pointed at the same output stops at once with a clear error instead of
interleaving lines with the first. On ``resume`` the whole existing file is checked before
anything is appended: lines that are not complete newsgraph records (a torn last line, a
line broken by an earlier unlocked writer, a second copy of an id) are moved to
``OUT.corrupt.jsonl`` and reported; a file that is not newsgraph output at all is refused,
never appended to. The ids already present are skipped by the caller, so running the same
command twice never writes an article twice.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from ..errors import StoreError
from ..extract import AnalysedArticle, analysed_from_dict
from ..record_check import type_problem

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no advisory locks, writers are not guarded
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

ANALYSED_KEYS = ("id", "text", "entities")
"""Keys every analysed record has had since SCHEMA v1: what makes a line newsgraph output."""


def is_analysed_record(obj: Any) -> bool:
    """True for a JSON object written by ``analyze``: the keys it always has, and every field
    of the type the record declares (``record_check``), so reading it back cannot fail."""
    return analysed_problem(obj) is None


def analysed_problem(obj: Any) -> str | None:
    """Why ``obj`` is not an analysed article record, or None when it is one."""
    if not isinstance(obj, dict):
        return f"not a JSON object but {type(obj).__name__}"
    missing = [k for k in ANALYSED_KEYS if k not in obj]
    if missing:
        return f"no {', '.join(map(repr, missing))}"
    return type_problem(AnalysedArticle, obj, where="record")


def _parse(line: bytes | str) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, nested too deeply
        return None


def read_jsonl_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, parsed object or None when the line is not a JSON object, raw line)."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = _parse(line)
            yield lineno, obj if isinstance(obj, dict) else None, line


def read_analysed(path: str | Path, *, skipped: list[tuple[int, str]] | None = None) -> Iterator[AnalysedArticle]:
    """The analysed articles of a JSONL file written by ``analyze``.

    A line that is not a complete analysed record (not JSON, a field of the wrong type) is
    skipped with a warning, and listed in ``skipped`` (line number, problem) when given:
    one damaged line never stops ``show`` or ``stories`` from reading the rest.
    """
    for lineno, obj, _ in read_jsonl_records(path):
        problem = "not a JSON object" if obj is None else analysed_problem(obj)
        if problem is None:
            try:
                yield analysed_from_dict(obj)
                continue
            except (TypeError, ValueError, KeyError, AttributeError) as exc:  # noqa: PERF203
                problem = f"{type(exc).__name__}: {exc}"
        log.warning("%s:%d: skipped, not an analysed article: %s", path, lineno, problem[:200])
        if skipped is not None:
            skipped.append((lineno, problem))


@dataclass
class ResumeCheck:
    """What checking an existing output file before resuming found.

    Attributes:
        done_ids: ids of the complete records kept.
        kept: how many lines were kept.
        corrupt: line number and problem of each line moved out of the file.
        foreign: line numbers of well-formed JSON lines that are not newsgraph records.
    """

    done_ids: set[str] = field(default_factory=set)
    kept: int = 0
    corrupt: list[tuple[int, str]] = field(default_factory=list)
    foreign: list[int] = field(default_factory=list)
    torn_tail: bool = False


def check_existing(path: Path, *, is_record: Callable[[Any], bool] = is_analysed_record) -> ResumeCheck:
    """Check every line of an output file (one pass, one line in memory at a time)."""
    check = ResumeCheck()
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            complete = raw.endswith(b"\n")
            obj = _parse(raw)
            if obj is None:
                check.corrupt.append((lineno, "not a complete JSON line" if complete
                                      else "torn last line (an interrupted write)"))
                check.torn_tail = check.torn_tail or not complete
            elif not is_record(obj):
                if isinstance(obj, dict) and all(k in obj for k in ANALYSED_KEYS):
                    # newsgraph output with a damaged field (edited by hand, another program)
                    check.corrupt.append((lineno, analysed_problem(obj) or "not a record of this file"))
                else:
                    check.foreign.append(lineno)
            elif obj["id"] in check.done_ids:
                check.corrupt.append((lineno, f"a second record for id {obj['id']!r}"))
            else:
                check.done_ids.add(obj["id"])
                check.kept += 1
    return check


def corrupt_path(path: str | Path) -> Path:
    """Where ``--resume`` moves the corrupt lines of ``path``: ``OUT.corrupt.jsonl`` beside it."""
    path = Path(path)
    stem = path.name[:-len(path.suffix)] if path.suffix else path.name
    return path.with_name(f"{stem}.corrupt.jsonl")


def _quarantine(path: Path, bad: dict[int, str]) -> None:
    """Move the lines numbered in ``bad`` to the corrupt file and compact ``path`` in place.

    Kept lines only ever move towards the start, so one reader and one writer on the same
    file never overtake each other; the caller holds the lock, so no one else writes.
    """
    with open(path, "rb") as src, open(path, "r+b") as dst, \
            open(corrupt_path(path), "a", encoding="utf-8") as side:
        for lineno, raw in enumerate(src, 1):
            if lineno in bad:
                side.write(json.dumps({"file": str(path), "line": lineno, "problem": bad[lineno],
                                       "raw": raw.decode("utf-8", errors="replace")},
                                      ensure_ascii=False) + "\n")
            elif raw.strip():
                dst.write(raw if raw.endswith(b"\n") else raw + b"\n")
        dst.truncate()
        dst.flush()
        os.fsync(dst.fileno())


class JsonlSink:
    """Writes records as JSON lines to a path (or ``-`` for stdout), holding the file's lock.

    Args:
        path: output file, or ``-`` for standard output.
        resume: keep an existing file's complete records and report their ids in
            ``done_ids``; otherwise an existing file is replaced.
        is_record: what a line of this file must be for ``resume`` (an analysed article).

    Raises:
        StoreError: the file cannot be written, another run holds its lock, or (``resume``)
            it holds lines that are not newsgraph records.
    """

    def __init__(self, path: str | Path, *, resume: bool = False,
                 is_record: Callable[[Any], bool] = is_analysed_record) -> None:
        self.path = str(path)
        self.done_ids: set[str] = set()
        self.quarantined: list[tuple[int, str]] = []
        self._fh: IO[str]
        if self.path == "-":
            self._fh = sys.stdout
            return
        target = Path(self.path)
        try:
            if target.parent and not target.parent.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
            # "a" never truncates: the file is emptied only once the lock is ours
            self._fh = open(target, "a", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        try:
            self._lock()
            if resume:
                self._resume(target, is_record)
            else:
                self._fh.truncate(0)
        except BaseException:
            self._fh.close()
            raise

    def _lock(self) -> None:
        """Take the file's lock, on the file the path names once the lock is held.

        A run that ends by replacing its output (``--stories`` rewrites it atomically) leaves
        a lock on a file no longer named by the path: a run that opened the old file just
        before the replacement reopens the new one, rather than writing where no one reads.
        """
        if fcntl is None:
            return
        for _ in range(20):
            try:
                fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise StoreError(f"{self.path} is being written by another newsgraph run (it holds "
                                 f"the file's lock); wait for that run to end or choose another "
                                 f"output") from exc
            except OSError as exc:  # a file system without locks: say so, and go on unguarded
                log.warning("%s: cannot lock the output (%s); make sure no other run writes to it",
                            self.path, exc.strerror or exc)
                return
            try:
                if os.stat(self.path).st_ino == os.fstat(self._fh.fileno()).st_ino:
                    return
            except FileNotFoundError:
                pass
            self._fh.close()  # replaced (or removed) meanwhile: lock what the path names now
            try:
                self._fh = open(self.path, "a", encoding="utf-8")
            except OSError as exc:
                raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        raise StoreError(f"{self.path} keeps being replaced by another program; choose another output")

    def _resume(self, target: Path, is_record: Callable[[Any], bool]) -> None:
        try:
            check = check_existing(target, is_record=is_record)
        except OSError as exc:
            raise StoreError(f"cannot read {self.path} to resume: {exc.strerror or exc}") from exc
        if check.foreign or (check.kept == 0 and len(check.corrupt) > int(check.torn_tail)):
            where = check.foreign[:1] or [n for n, _ in check.corrupt[:1]]
            raise StoreError(f"{self.path} is not newsgraph JSONL (line {where[0]} is not an analysed "
                             f"article); refusing to append to it: choose another output, or run "
                             f"without --resume to replace it")
        if check.corrupt:
            _quarantine(target, dict(check.corrupt))
            for lineno, problem in check.corrupt[:5]:
                log.warning("%s:%d: %s", self.path, lineno, problem)
            log.warning("%s: moved %d corrupt line(s) to %s; %d complete records kept",
                        self.path, len(check.corrupt), corrupt_path(target), check.kept)
        self.done_ids = check.done_ids
        self.quarantined = check.corrupt

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
            self._fh.close()  # closing releases the lock

    def __enter__(self) -> "JsonlSink":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["ANALYSED_KEYS", "JsonlSink", "ResumeCheck", "analysed_problem", "check_existing", "corrupt_path",
           "is_analysed_record", "read_analysed", "read_jsonl_records"]
