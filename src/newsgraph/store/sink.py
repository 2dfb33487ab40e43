"""How a run writes into the store: the ``ArticleSink`` interface and ``StoreSink``.

``run_analyze`` knows sinks only through three calls: ``accept`` each article
before it is analysed (False: already done, skip it), ``write`` each analysed
article, ``reject`` each input that could not become one. ``StoreSink`` records
accepted articles as pending in transactions of up to ``batch`` articles (flushed
as soon as the batch fills, and always before any of them is saved done),
saves analysed ones with their facts and stories in transactions of a few
articles (all done, or all still pending: a crash makes the next run redo
them, never half of one), and on ``close`` stores the stories and the
clusterer's snapshot. A per-article transaction cost a commit (a disk flush on
PostgreSQL) per article; an article killed before its pending record was
committed is simply new to the next run, so batching loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import time
from typing import TYPE_CHECKING, Iterator, Protocol

from ..model import Article, Rejected, to_dict
from .db import Analysed, ArticleState, Store
from .rows import content_hash

if TYPE_CHECKING:
    from ..extract import AnalysedArticle

log = logging.getLogger(__name__)


class ArticleSink(Protocol):
    """Where a run sends articles besides its JSONL output."""

    def accept(self, article: Article) -> bool:
        """Called before ``article`` is analysed; False means it is done already (skip it)."""

    def write(self, result: "AnalysedArticle") -> None:
        """Called with each analysed article, in input order."""

    def reject(self, rejected: Rejected) -> None:
        """Called with each input that could not become an article."""


def versions_key(model: str, extractors: tuple[str, ...] | list[str], lexicons: dict[str, str]) -> str:
    """One short hash of everything that decides the facts: pipeline, extractor names, lexicon hashes."""
    blob = json.dumps({"model": model, "extractors": list(extractors), "lexicons": lexicons}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def current_versions(model_name: str | None) -> str:
    """The versions key of this installation with the given spaCy pipeline."""
    from ..extract import extractors
    from ..lexicons import lexicon_hashes
    from ..nlp import load_pipeline, pipeline_label

    return versions_key(pipeline_label(load_pipeline(model_name)), tuple(e.name for e in extractors()),
                        lexicon_hashes())


class StoreSink:
    """Writes a run into a ``Store``: nothing lost, nothing twice, stories that persist.

    Args:
        store: the open database.
        versions: ``versions_key`` of the extractors producing the facts.
        reanalyse: redo done articles whose facts came from other versions.
        stories: assign each article to a story as it arrives (the clusterer is
            restored from the store first, so a restart continues the same stories).
        batch: analysed articles saved per transaction (fewer round trips to a
            server; a crash costs at most this many re-analyses).
        max_wait: seconds an analysed article may wait for its batch to fill.
    """

    def __init__(self, store: Store, *, versions: str, reanalyse: bool = False, stories: bool = True,
                 batch: int = 16, max_wait: float = 2.0) -> None:
        self.store = store
        self.versions = versions
        self.reanalyse = reanalyse
        self.batch = max(1, batch)
        self.max_wait = max_wait
        self.written = 0
        self.skipped = 0
        self._digests: dict[str, str] = {}
        self._known = store.states()
        self._buffer: list[Analysed] = []
        self._pending: list[tuple[Article, str, bool]] = []
        self._since = 0.0
        self.clusterer = None
        if stories:
            from .story_state import restore_clusterer

            self.clusterer = restore_clusterer(store)

    def accept(self, article: Article) -> bool:
        digest = content_hash(article)
        known = self._known.get(article.id)
        if (known is not None and known.status == "done" and known.content_hash == digest
                and (known.versions == self.versions or not self.reanalyse)):
            self.skipped += 1
            return False
        self._digests[article.id] = digest
        if known is None or known.content_hash != digest:
            self._pending.append((article, digest, known is None))
            self._known[article.id] = ArticleState("pending", digest, None)
            if len(self._pending) >= self.batch:
                self.flush_pending()
        return True

    def flush_pending(self) -> None:
        """Record the accepted articles waiting for their transaction (status ``pending``)."""
        if self._pending:
            self.store.record_pending_many(self._pending)
            self._pending = []

    def write(self, result: "AnalysedArticle") -> None:
        self.flush_pending()  # an article is recorded pending before it can be saved done
        story_id = self.clusterer.add(result) if self.clusterer is not None else None
        if not self._buffer:
            self._since = time.monotonic()
        self._buffer.append(Analysed(to_dict(result), self.versions, self._digests.pop(result.id, None), story_id))
        if len(self._buffer) >= self.batch or time.monotonic() - self._since >= self.max_wait:
            self.flush()

    def flush(self) -> None:
        """Save the analysed articles waiting for their transaction."""
        self.flush_pending()
        if self._buffer:
            self.store.save_many(self._buffer)
            for it in self._buffer:
                if it.digest:
                    self._known[it.record["id"]] = ArticleState("done", it.digest, it.versions)
            self.written += len(self._buffer)
            self._buffer = []

    def reject(self, rejected: Rejected) -> None:
        self.store.save_rejected(rejected)

    def close(self) -> None:
        """Save what waits, then the stories as they stand and the clusterer's snapshot (for a fast restart)."""
        self.flush()
        if self.clusterer is None or (self.written == 0 and self.store.get_state("stories.clusterer")):
            return
        from ..stories.output import story_dict, syndication_dict
        from .story_state import save_snapshot

        # streamed: one story's record at a time, written in bounded batches (a long run has
        # hundreds of thousands of stories, whose dicts all at once cost more than the clusterer)
        stories, links = self.clusterer.final()
        self.store.save_stories_stream((story_dict(s) for s in stories), (syndication_dict(x) for x in links))
        save_snapshot(self.store, self.clusterer)
        self.store.optimize()

    def __enter__(self) -> "StoreSink":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()




@contextlib.contextmanager
def store_sink(url: str, *, model: str | None = None, reanalyse: bool = False) -> Iterator[StoreSink]:
    """Open the database at ``url`` and a ``StoreSink`` on it; stories and snapshot are saved on exit."""
    store = Store(url)
    try:
        with StoreSink(store, versions=current_versions(model), reanalyse=reanalyse) as sink:
            yield sink
    finally:
        store.close()


__all__ = ["ArticleSink", "StoreSink", "store_sink", "versions_key", "current_versions"]
