"""Bounded, ordered fan-out of article batches: the part every cluster engine shares.

The driver cuts the input stream into small batches, keeps at most ``capacity``
of them in flight, and collects them oldest first. Holding the oldest batch
back until it is done is what keeps the output in input order; the bound is the
back-pressure: the reader is pulled only as fast as workers finish, so the
driver's memory does not grow with the input, however long it is.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
from typing import Callable, Generic, Iterable, Iterator, TypeVar

from ..extract import AnalysedArticle
from ..model import Article, Rejected

Handle = TypeVar("Handle")
Chunk = list[Article | Rejected]
Result = AnalysedArticle | Rejected


def chunks(items: Iterable[Article | Rejected], size: int) -> Iterator[Chunk]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def merge(chunk: Chunk, done: list[Result]) -> Iterator[Result]:
    """The chunk's results in its order: rejections pass through, analysed records get their text back.

    Workers send back records without the text (the driver holds it already), which
    halves what crosses the network.
    """
    results = iter(done)
    for item in chunk:
        if isinstance(item, Rejected):
            yield item
            continue
        r = next(results)
        yield dataclasses.replace(r, text=item.text) if isinstance(r, AnalysedArticle) and not r.text else r


@dataclasses.dataclass
class OrderedFanOut(Generic[Handle]):
    """Submit batches, keep at most ``capacity()`` in flight, yield results oldest first.

    Args:
        submit: starts one batch of articles somewhere; returns a handle.
        collect: waits for a handle; returns one result per article of its batch
            (an ``AnalysedArticle``, or a ``Rejected`` when the article could not be analysed).
        capacity: how many batches may be in flight; asked again every ``refresh``
            batches so a cluster that grows is used.
    """

    submit: Callable[[list[Article]], Handle]
    collect: Callable[[Handle, list[Article]], list[Result]]
    capacity: Callable[[], int]
    refresh: int = 64
    max_in_flight: int = 0  # the most batches that were ever in flight (for tests and benchmarks)

    def run(self, batches: Iterable[Chunk]) -> Iterator[Result]:
        pending: collections.deque[tuple[Chunk, list[Article], Handle | None]] = collections.deque()
        limit = max(1, self.capacity())
        for n, chunk in enumerate(batches, 1):
            articles = [a for a in chunk if isinstance(a, Article)]
            pending.append((chunk, articles, self.submit(articles) if articles else None))
            self.max_in_flight = max(self.max_in_flight, len(pending))
            if n % self.refresh == 0:
                limit = max(1, self.capacity())
            while len(pending) > limit:
                yield from self._oldest(pending)
        while pending:
            yield from self._oldest(pending)

    def _oldest(self, pending: collections.deque) -> Iterator[Result]:
        chunk, articles, handle = pending.popleft()
        done = self.collect(handle, articles) if handle is not None else []
        yield from merge(chunk, done)
