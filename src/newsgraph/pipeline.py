"""``analyze`` and ``analyze_many``: the one path from articles to analysed records.

The CLI and the Python API both call these; batch runners only decide
where they run. Each article is parsed once (``nlp.pipe``) and the one ``Doc`` is
shared by every extractor.

A batch that raises (a spaCy or extractor bug on one odd text) is retried article by
article, so only the article that fails is lost, as ``Rejected("analysis-failed")``; the
rest of its batch is analysed as usual.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import logging
import multiprocessing
from typing import Any, Iterable, Iterator, Mapping

from .errors import BadInput, EngineError
from .analysis import analyse_batch as _analyse_batch
from .analysis import analyse_parsed
from .extract import AnalysedArticle
from .ingest import article_from_record, make_article
from .ingest.records import clean_text, normalise_published
from .model import Article, Rejected
from .nlp import load_pipeline
from .settings import Settings, make_settings

log = logging.getLogger(__name__)

Item = Article | Rejected | Mapping[str, Any] | str


def _clean_article(article: Article) -> Article:
    """An ``Article`` built by a caller (not a reader) held to what a reader guarantees: lone
    surrogates and NUL replaced, ``published`` in ISO 8601 or dropped with a warning."""
    fields = {f: getattr(article, f) for f in ("id", "text", "url", "source", "title", "published", "origin",
                                              "author")}
    cleaned = {f: clean_text(v) for f, v in fields.items() if isinstance(v, str) and clean_text(v) != v}
    published = cleaned.get("published", article.published)
    if published is not None:
        iso = normalise_published(published)
        if iso is None:
            log.warning("%s: dropping published=%.80r: not a date (ISO 8601 expected)",
                        article.origin or article.id, published)
        if iso != article.published:
            cleaned["published"] = iso
    return dataclasses.replace(article, **cleaned) if cleaned else article


def _as_article(item: Item, index: int) -> Article | Rejected:
    if isinstance(item, Article):
        if not isinstance(item.text, str) or not isinstance(item.id, str):
            raise BadInput(f"Article {index}: id and text must be strings, got "
                           f"{type(item.id).__name__} and {type(item.text).__name__}")
        for name in ("url", "source", "title", "published", "author"):
            value = getattr(item, name)
            if value is not None and not isinstance(value, str):
                raise BadInput(f"Article {index}: {name} must be a str or None, not {type(value).__name__}")
        return _clean_article(item)
    if isinstance(item, Rejected):
        return item
    if isinstance(item, str):
        return make_article(item, origin=f"<text {index}>")
    if isinstance(item, Mapping):
        return article_from_record(item, origin=f"<record {index}>")
    raise BadInput(f"analyze_many takes Article, dict or str items, not {type(item).__name__}")


def _check_size(article: Article, settings: Settings) -> Article | Rejected:
    n = len(article.text)
    if n > settings.max_chars:
        return Rejected(article.origin or article.id, "too-large",
                        f"{n} characters > max_chars={settings.max_chars}")
    if len(article.text.strip()) < settings.min_chars:
        return Rejected(article.origin or article.id, "empty", "no text")
    return article


_WORKER_SETTINGS: Settings | None = None
_TASK_SIZE = 8
_QUEUE_PER_WORKER = 4
_RESTARTS = 3


def _worker_init(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    load_pipeline(settings.model)


def _worker_batch(articles: list[Article]) -> list[AnalysedArticle | Rejected]:
    assert _WORKER_SETTINGS is not None
    # the parent has the texts already: send back the facts only (half the pickling)
    return [r if isinstance(r, Rejected) else dataclasses.replace(r, text="")
            for r in _analyse_batch(articles, _WORKER_SETTINGS)]


def _chunks(items: Iterable[Article | Rejected], size: int) -> Iterator[list[Article | Rejected]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def analyze_many(items: Iterable[Item], *, settings: Settings | None = None,
                 **overrides: Any) -> Iterator[AnalysedArticle | Rejected]:
    """Analyse a stream of articles, yielding results in input order.

    Items may be ``Article`` records, SCHEMA input dicts, plain texts, or
    ``Rejected`` records from a reader (passed through, so the caller sees every
    input once). Memory stays flat: input is consumed in batches.

    Args:
        items: the articles.
        settings: run settings; ``overrides`` (``model=``, ``workers=``...) apply on top.
    """
    if isinstance(items, (str, bytes, Mapping, Article)) or not isinstance(items, Iterable):
        raise BadInput(f"analyze_many takes an iterable of articles (Article, dict or str items), "
                       f"not a single {type(items).__name__}: use analyze() for one article, or wrap it in a list")
    if settings is None:
        settings = make_settings(overrides)
    elif overrides:
        settings = dataclasses.replace(settings, **overrides)
    load_pipeline(settings.model)  # fail early, in this process, with the clear message
    checked = (a if isinstance(a, Rejected) else _check_size(a, settings)
               for a in (_as_article(item, i) for i, item in enumerate(items)))

    def merge(chunk: list[Article | Rejected], done: list[AnalysedArticle | Rejected]) -> Iterator:
        results = iter(done)
        for a in chunk:
            if isinstance(a, Rejected):
                yield a
            else:
                r = next(results)
                yield r if isinstance(r, Rejected) or r.text else dataclasses.replace(r, text=a.text)

    if settings.engine != "local":  # a cluster engine (runners/): same batches, same order
        from .runners import analyse_on_engine

        yield from analyse_on_engine(checked, settings)
        return
    if settings.workers <= 1:
        for chunk in _chunks(checked, settings.batch_size):
            yield from merge(chunk, _analyse_batch([a for a in chunk if isinstance(a, Article)], settings))
        return
    # Small tasks keep both workers busy to the end of the input (a long article
    # in a big chunk would leave the other worker idle); a bounded queue of
    # pending tasks keeps memory flat and the output in input order.
    task_size = max(1, min(settings.batch_size, _TASK_SIZE))
    for chunk, done in _pooled(_chunks(checked, task_size), settings):
        yield from merge(chunk, done)


def _pooled(chunks: Iterator[list[Article | Rejected]], settings: Settings) -> Iterator[tuple[list, list]]:
    """Each chunk with the analysis of its articles by ``settings.workers`` processes, in input order.

    A worker process that dies (killed, out of memory) breaks the whole pool:
    ``multiprocessing.Pool`` would wait for its lost task forever, so this uses
    ``ProcessPoolExecutor``, which fails every pending task at once. The pool is
    then made anew and the pending chunks resubmitted (nothing was yielded for
    them yet, so no article is lost or repeated), at most ``_RESTARTS`` times
    a run before it stops with ``EngineError``.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_worker_init, initargs=(settings,))

    pool = new_pool()
    pending: collections.deque[list] = collections.deque()  # [chunk, articles, future]
    restarts = 0

    def oldest() -> tuple[list, list]:
        nonlocal pool, restarts
        while True:
            chunk, articles, future = pending[0]
            try:
                done = future.result()
            except BrokenProcessPool as exc:
                restarts += 1
                if restarts > _RESTARTS:
                    raise EngineError(f"worker processes died {restarts} times in this run (killed, or out of "
                                      f"memory?); stopped after the last complete batch") from exc
                log.warning("a worker process died; restarting the pool and redoing %d pending batches",
                            len(pending))
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                for item in pending:
                    item[2] = pool.submit(_worker_batch, item[1])
                continue
            pending.popleft()
            return chunk, done

    try:
        for chunk in chunks:
            articles = [a for a in chunk if isinstance(a, Article)]
            pending.append([chunk, articles, pool.submit(_worker_batch, articles)])
            while len(pending) > settings.workers * _QUEUE_PER_WORKER:
                yield oldest()
        while pending:
            yield oldest()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def analyze(text: str | None = None, *, html: str | bytes | None = None, id: str | None = None,
            url: str | None = None, source: str | None = None, title: str | None = None,
            published: str | None = None, settings: Settings | None = None,
            **overrides: Any) -> AnalysedArticle:
    """Analyse one article given as ``text`` or ``html``; returns the typed record.

    Raises:
        BadInput: neither text nor html given, a value of the wrong type (``text=5``), or
            nothing readable in them; a ``published`` that is not ISO 8601 is dropped
            with a warning.
    """
    if (text is None) == (html is None):
        raise BadInput("give exactly one of text= or html=")
    if text is not None and not isinstance(text, str):
        raise BadInput(f"text= must be a str, not {type(text).__name__}")
    if html is not None and not isinstance(html, (str, bytes)):
        raise BadInput(f"html= must be a str or bytes, not {type(html).__name__}")
    meta = dict(id=id, url=url, source=source, title=title, published=published)
    for name, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise BadInput(f"{name}= must be a str or None, not {type(value).__name__}")
    if text is not None:
        article = make_article(text, origin="<text>", **meta)
    else:
        from .ingest.html import article_from_html

        article = article_from_html(html, origin="<html>", **meta)
    if isinstance(article, Rejected):
        raise BadInput(f"nothing to analyse: {article.reason} ({article.detail})")
    result = next(analyze_many([article], settings=settings, **overrides))
    if isinstance(result, Rejected):
        raise BadInput(f"nothing to analyse: {result.reason} ({result.detail})")
    return result
