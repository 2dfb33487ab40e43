"""The Dask engine: article batches analysed on a Dask cluster, results back in input order.

What runs where (docs/scale.md has the picture):

- the driver (``newsgraph analyze``) reads the inputs, cuts them into batches,
  keeps a bounded number in flight, writes every result to the sinks in input
  order and feeds the story clusterer: one writer, one consumer;
- each Dask worker process loads the spaCy pipeline once (``LoadPipeline``, a
  worker plugin that also runs on workers that join or restart later) and runs
  the same batch function as the local engine.

Tasks have no side effects: they return facts and write nothing. A batch lost
with a killed worker is simply run again by the scheduler, and only the result
the driver collects is written, once. A batch that keeps failing is retried
article by article, and an article that still fails becomes a ``Rejected``
record (reason ``analysis-failed``) instead of stopping the run.

Without a scheduler address the engine starts a local cluster of
``settings.workers`` processes bound to 127.0.0.1, with no dashboard.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import uuid
from typing import Callable, Iterable, Iterator

from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import EngineError
from ..extract import AnalysedArticle
from ..model import Article, Rejected
from ..analysis import analyse_batch as _analyse_batch
from ..nlp import load_pipeline
from ..settings import Settings
from .ordered import OrderedFanOut, Result, chunks

log = logging.getLogger(__name__)

QUEUE_PER_THREAD = 4  # batches in flight per worker thread: enough to hide the round trip
RETRIES = 2  # re-runs of a task that raised (a task whose worker died is re-run by the scheduler)
CONNECT_TIMEOUT_S = 30
PLUGIN_NAME = "newsgraph-pipeline"

BatchFn = Callable[[list[Article], Settings], list[AnalysedArticle]]


class LoadPipeline(WorkerPlugin):
    """Loads the spaCy pipeline once in each worker process, before it takes a task."""

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker) -> None:  # noqa: D401 (Dask's hook)
        load_pipeline(self.model)


def analyse_batch(articles: list[Article], settings: Settings) -> list[AnalysedArticle | Rejected]:
    """The local engine's batch function, returning records without their text (the driver has it)."""
    return [r if isinstance(r, Rejected) else dataclasses.replace(r, text="")
            for r in _analyse_batch(articles, settings)]


@contextlib.contextmanager
def dask_client(settings: Settings, *, workers: int | None = None) -> Iterator[Client]:
    """A client of ``settings.scheduler``, or of a new loopback-only local cluster.

    Raises:
        EngineError: the scheduler cannot be reached, or no worker joins it in time.
    """
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {settings.scheduler}: {exc}") from exc
        with client:
            yield client
        return
    with local_cluster(workers or settings.workers) as cluster, Client(cluster) as client:
        yield client


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[LocalCluster]:
    """``workers`` single-threaded worker processes and a scheduler, all on 127.0.0.1.

    The scheduler's HTTP server (health checks only: no dashboard) takes a free
    loopback port too, so nothing listens on another interface or a fixed port.
    """
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, worker_dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )
    with cluster:
        yield cluster


def analyse_with_dask(items: Iterable[Article | Rejected], settings: Settings, *,
                      client: Client | None = None, batch: BatchFn = analyse_batch,
                      fan_out: list | None = None) -> Iterator[Result]:
    """Analyse ``items`` on a Dask cluster; one result per item, in input order.

    Args:
        items: articles (and rejections, passed through in place).
        settings: ``scheduler`` picks the cluster; ``workers`` sizes a local one.
        client: an open client to use instead (its cluster outlives this call).
        batch: what a worker runs on one batch. The default is the analysis; the
            benchmark swaps in a cheaper one to measure the driver alone.
        fan_out: if given, the ``OrderedFanOut`` used is appended (tests read its bounds).
    """
    if client is None:
        with dask_client(settings) as own:
            yield from analyse_with_dask(items, settings, client=own, batch=batch, fan_out=fan_out)
        return
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    except TimeoutError as exc:
        raise EngineError(f"no Dask worker joined the scheduler within {CONNECT_TIMEOUT_S} s") from exc
    client.register_plugin(LoadPipeline(settings.model), name=PLUGIN_NAME)
    run = uuid.uuid4().hex[:12]
    seq = iter(range(1 << 62))

    def submit(articles: list[Article], *, retries: int = RETRIES) -> Future:
        return client.submit(batch, articles, settings, key=f"newsgraph-{run}-{next(seq)}",
                             retries=retries)

    def collect(future: Future, articles: list[Article]) -> list[Result]:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - any failure of remote code, after Dask's retries
            if len(articles) == 1:
                log.warning("article %s could not be analysed: %s: %s",
                            articles[0].id, type(exc).__name__, exc)
                return [Rejected(articles[0].origin or articles[0].id, "analysis-failed",
                                 f"{type(exc).__name__}: {exc}")]
            log.warning("a batch of %d articles failed (%s); retrying them one by one",
                        len(articles), type(exc).__name__)
            singles = [(submit([a], retries=0), a) for a in articles]
            return [collect(f, [a])[0] for f, a in singles]
        finally:
            future.release()

    def capacity() -> int:
        threads = sum(client.nthreads().values())
        return max(1, threads or settings.workers) * QUEUE_PER_THREAD

    runner = OrderedFanOut(submit=submit, collect=collect, capacity=capacity)
    if fan_out is not None:
        fan_out.append(runner)
    # a task is one nlp.pipe batch: across machines each round trip costs more than in a local
    # pool, so tasks are --batch-size articles (the output does not depend on the batching)
    yield from runner.run(chunks(items, max(1, settings.batch_size)))
