"""Finished stories kept on disk until the output is written.

A story retired from clustering is final: its record (merged events,
discrepancies) is made once and only read again when the stories JSON is
written. Kept in memory, those records grow with the corpus (tens of MB per
30,000 articles); ``StorySpill`` appends each one, pickled, to an anonymous
temporary file and keeps only its offset, so the clusterer's memory stays
flat. The file vanishes with the process. Pickling a clusterer (the store's
resume snapshot) carries the spilled records along, so a restored clusterer
has them too.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from typing import IO

from ..model import Story


class StorySpill:
    """Story records by id, in an anonymous temporary file (``put`` once, ``get`` any number of times)."""

    def __init__(self) -> None:
        self._where: dict[str, int] = {}
        """Each record's offset and length, packed in one int (``offset << 32 | length``): a pair of
        ints per story costs several times as much, and stories accumulate."""
        self._file: IO[bytes] | None = None
        self._end = 0

    def _fh(self) -> IO[bytes]:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="newsgraph-stories-")
            self._end = 0
        return self._file

    def put(self, story: Story) -> None:
        """Keep ``story``'s record (a later ``put`` of the same id replaces it)."""
        blob = zlib.compress(pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL), 1)
        fh = self._fh()
        fh.seek(self._end)
        fh.write(blob)
        self._where[story.id] = self._end << 32 | len(blob)
        self._end += len(blob)

    def get(self, sid: str) -> Story | None:
        """The record kept for ``sid``, or None."""
        at = self._where.get(sid)
        if at is None or self._file is None:
            return None
        self._file.seek(at >> 32)
        return pickle.loads(zlib.decompress(self._file.read(at & 0xFFFFFFFF)))

    def __contains__(self, sid: object) -> bool:
        return sid in self._where

    def __len__(self) -> int:
        return len(self._where)

    def _bytes(self) -> bytes:
        if self._file is None:
            return b""
        self._file.flush()
        self._file.seek(0)
        return self._file.read(self._end)

    def __getstate__(self) -> dict:
        # the file cannot be pickled: its bytes travel instead, and land in a new file on load
        return {"where": self._where, "data": self._bytes()}

    def __setstate__(self, state: dict) -> None:
        self.__init__()
        data = state["data"]
        if data:
            fh = self._fh()
            fh.write(data)
            self._end = len(data)
        self._where = dict(state["where"])


__all__ = ["StorySpill"]
