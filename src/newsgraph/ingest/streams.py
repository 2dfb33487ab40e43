"""Small stream adapters the readers share: replaying a sniffed head, surviving cut-off gzip."""

from __future__ import annotations

import io
import zlib
from typing import IO


class Prefixed(io.RawIOBase):
    """A stream that replays an already-read head before the rest (stdin after sniffing)."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class Guarded:
    """A readable, tellable stream that turns a decompression failure into EOF, remembered.

    A cut-off gzip file raises ``EOFError`` on the read that reaches the cut, and a plain
    ``read(n)`` would drop the data decompressed before it; reading one chunk at a time
    (``read1``) keeps every byte before the cut. Consumers that swallow ``EOFError``
    (warcio) would hide the damage, so the error is kept in ``error`` for the caller.
    """

    def __init__(self, raw: IO[bytes]):
        self._raw = raw
        self._offset = 0
        self.error: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error:
            return b""
        try:
            data = self._raw.read1(size) if hasattr(self._raw, "read1") else self._raw.read(size)
        except (EOFError, OSError, zlib.error) as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            return b""
        self._offset += len(data)
        return data

    def tell(self) -> int:
        return self._offset


__all__ = ["Guarded", "Prefixed"]
