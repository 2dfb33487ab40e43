"""Scale: the Dask engine against the local engine, the driver's memory, story assignment cost.

Three parts, each printing its figures:

1. throughput: articles/s and peak RSS per process of the local engine with 1
   and 2 worker processes and of the Dask engine on a 2-worker local cluster
   (127.0.0.1 only, no dashboard), on the same texts in one run. The cluster is
   started once (its start-up, model load included, is printed apart): the
   figure is the steady state of long-lived workers. Runs alternate between the
   engines ``--repeat`` times and each keeps its best time, because the machine
   may be shared and its load varies. Dask tasks are 8 articles here, as the
   local pool's, so both balance the last articles alike. CPU ms/article sums
   the CPU time of every process of the engine (driver, scheduler, workers): it
   shows the engine's overhead even when other jobs slow the machine.
2. driver memory: peak RSS of the driver streaming 1k, 10k and 100k generated
   articles from a JSONL file through the Dask engine into a JSONL sink, each
   size in a fresh process, tasks of 64 articles. To keep 100k bounded in time
   the workers run a *no-op batch function* (empty records instead of analysis):
   the driver does exactly what it does in a real run (read, batch, submit,
   collect in order, write), only the workers' analysis is skipped.
3. story assignment: CPU time per ``StoryClusterer.add`` at 1k, 100k and 1M
   generated short articles (topic words and entity names, a few reports per
   story, 500 a day), each size in a fresh process; generation is not timed.
   The cost *at* a size is the mean over its last tenth of articles (the
   marginal cost once that many are held); progress lines say where a long run got.

Run: ``.venv/bin/python benchmarks/scale.py`` (``--parts throughput`` or smaller
``--stream-sizes`` / ``--story-sizes`` for a quick run). Needs the dask extra.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_table  # noqa: E402


# --------------------------------------------------------------------------- process memory

class RssSampler:
    """Samples RSS and CPU time of this process and its descendants; keeps each process's peak.

    Roles: ``driver`` (this process; with a local Dask cluster it also runs the
    scheduler and the nannies, which are coroutines here, not processes) and
    ``worker`` (any other process sampled: the analysing workers, and small
    helpers such as multiprocessing's resource tracker, which the per-role
    maximum ignores). ``skip`` are processes to leave out (another engine's
    idle workers); ``also`` are processes to sample that are not descendants.
    """

    def __init__(self, *, skip: set[int] = frozenset(), also: set[int] = frozenset(),
                 interval: float = 0.1) -> None:
        import psutil

        self._psutil = psutil
        self.skip, self.also, self.interval = set(skip), set(also), interval
        self.peak: dict[int, tuple[str, float]] = {}
        self._cpu_first: dict[int, float] = {}
        self._cpu_last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _procs(self, me) -> list:
        procs = [me] + [p for p in me.children(recursive=True) if p.pid not in self.skip]
        for pid in self.also - {p.pid for p in procs}:
            try:
                procs.append(self._psutil.Process(pid))
            except self._psutil.NoSuchProcess:
                pass
        return procs

    def _sample(self, me) -> None:
        psutil = self._psutil
        for proc in self._procs(me):
            try:
                mb = proc.memory_info().rss / 2**20
                t = proc.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            cpu = t.user + t.system
            self._cpu_first.setdefault(proc.pid, cpu)
            self._cpu_last[proc.pid] = cpu
            role = "driver" if proc.pid == me.pid else "worker"
            if mb > self.peak.get(proc.pid, (role, 0.0))[1]:
                self.peak[proc.pid] = (role, mb)

    def _loop(self) -> None:
        me = self._psutil.Process()
        while not self._stop.is_set():
            self._sample(me)
            self._stop.wait(self.interval)
        self._sample(me)

    def __enter__(self) -> "RssSampler":
        self._sample(self._psutil.Process())  # CPU baselines before the run starts
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def by_role(self) -> dict[str, float]:
        """Peak RSS (MB) per role, and ``cpu_s``: CPU seconds all sampled processes spent."""
        out: dict[str, float] = {}
        for role, mb in self.peak.values():
            out[role] = max(out.get(role, 0.0), mb)
        out["cpu_s"] = sum(self._cpu_last[p] - self._cpu_first[p] for p in self._cpu_last)
        return out


# --------------------------------------------------------------------------- 1. throughput

def _time_local(texts: list[str], workers: int, idle: set[int]) -> tuple[float, dict[str, float]]:
    from newsgraph import analyze_many

    with RssSampler(skip=idle) as rss:
        start = time.perf_counter()
        n = sum(1 for _ in analyze_many(texts, workers=workers))
        seconds = time.perf_counter() - start
    assert n == len(texts)
    return seconds, rss.by_role()


TASK = 8  # articles per dask task in the throughput part: the local pool's task size, for a like comparison


def _time_dask(texts: list[str], scheduler: str, workers: set[int]) -> tuple[float, dict[str, float]]:
    from newsgraph import analyze_many

    with RssSampler(also=workers) as rss:
        start = time.perf_counter()
        n = sum(1 for _ in analyze_many(texts, engine="dask", scheduler=scheduler, batch_size=TASK))
        seconds = time.perf_counter() - start
    assert n == len(texts)
    return seconds, rss.by_role()


def throughput(*, limit: int, repeat: int) -> None:
    from speed import corpus_texts

    from newsgraph import analyze_many, to_dict
    from newsgraph.nlp import load_pipeline, pipeline_label
    from newsgraph.runners.dask_runner import dask_client
    from newsgraph.settings import make_settings

    texts = corpus_texts(limit=limit)
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline(None)
    list(analyze_many(texts[:8]))  # warm the driver's caches
    start = time.perf_counter()
    with dask_client(make_settings({"engine": "dask", "workers": 2})) as client:
        from newsgraph.runners.dask_runner import PLUGIN_NAME, LoadPipeline

        client.register_plugin(LoadPipeline(None), name=PLUGIN_NAME)
        started = time.perf_counter() - start
        same = ([to_dict(r) for r in analyze_many(texts[:40], workers=2)]
                == [to_dict(r) for r in analyze_many(texts[:40], engine="dask",
                                                     scheduler=client.scheduler.address)])
        cluster = set(client.run(os.getpid).values())  # the dask workers: idle during local runs
        runs: dict[str, Callable[[], tuple[float, dict[str, float]]]] = {
            "local, 1 worker": lambda: _time_local(texts, 1, cluster),
            "local, 2 workers": lambda: _time_local(texts, 2, cluster),
            "dask, 2-worker local cluster": lambda: _time_dask(texts, client.scheduler.address, cluster),
        }
        best = {name: float("inf") for name in runs}
        every: dict[str, list[float]] = {name: [] for name in runs}
        mem: dict[str, dict[str, float]] = {name: {} for name in runs}
        cpu = {name: float("inf") for name in runs}
        names = list(runs)
        for i in range(repeat):
            for name in names[i % len(names):] + names[:i % len(names)]:  # rotate the order
                seconds, roles = runs[name]()
                every[name].append(len(texts) / seconds)
                best[name] = min(best[name], seconds)
                cpu[name] = min(cpu[name], roles.pop("cpu_s"))
                for role, mb in roles.items():
                    mem[name][role] = max(mem[name].get(role, 0.0), mb)
    print(f"throughput: {len(texts)} articles, {words} words, model {pipeline_label(nlp)}, "
          f"{os.cpu_count()} CPUs, best of {repeat} alternating runs (machine load varies: see every run)")
    rows = []
    for name in runs:
        m = mem[name]
        rows.append((name, f"{len(texts) / best[name]:.1f}", f"{words / best[name]:.0f}",
                     " ".join(f"{x:.1f}" for x in every[name]), f"{1000 * cpu[name] / len(texts):.0f}",
                     f"{m.get('driver', 0):.0f}",
                     f"{m.get('worker', 0):.0f}" if "worker" in m else "-"))
    print_table("articles/s and peak RSS per process (MB)", rows,
                ("engine", "articles/s", "words/s", "every run", "CPU ms/article", "driver", "worker"))
    ratio = best["local, 2 workers"] / best["dask, 2-worker local cluster"]
    print(f"\n  dask / local 2-worker throughput: {ratio:.2f}x (target >= 0.85x)")
    print(f"  dask / local 2-worker CPU per article (all processes; load-independent overhead): "
          f"{cpu['dask, 2-worker local cluster'] / cpu['local, 2 workers']:.2f}x")
    print(f"  dask output identical to local on the first 40 texts: {same}")
    print(f"  dask cluster start-up incl. loading the pipeline in 2 workers: {started:.1f} s (once per cluster)")
    print("  local workers are forked: their RSS counts pages shared with the driver")


# --------------------------------------------------------------------------- 2. driver memory

SYLL = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _vocab(rng: random.Random, n: int, parts: tuple[int, int]) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen["".join(rng.choice(SYLL) for _ in range(rng.randint(*parts)))] = None
    return list(seen)


def write_stream(path: Path, n: int, *, seed: int = 11) -> None:
    """``n`` generated SCHEMA input records (about 60 words each) as JSONL."""
    rng = random.Random(seed)
    words = _vocab(rng, 5000, (2, 3))
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(rng.choices(words, k=60)).capitalize() + "."
            fh.write(json.dumps({"id": f"g{i}", "text": text, "published": "2024-01-01"}) + "\n")


def noop_batch(articles, settings):
    """Empty records for a batch: no analysis, so the driver's own cost is what is measured."""
    from newsgraph.extract import AnalysedArticle

    return [AnalysedArticle(id=a.id, url=a.url, source=a.source, title=a.title, published=a.published,
                            text="", language="en") for a in articles]


STREAM_TASK = 64  # articles per task in the driver part (short texts: fewer round trips)


def _driver_child(src: str, out: str) -> None:
    import resource

    from newsgraph.ingest import read_inputs
    from newsgraph.model import to_dict
    from newsgraph.runners.dask_runner import analyse_with_dask, dask_client
    from newsgraph.settings import make_settings
    from newsgraph.store import JsonlSink

    from newsgraph.runners.dask_runner import PLUGIN_NAME, LoadPipeline

    settings = make_settings({"engine": "dask", "workers": 2, "batch_size": STREAM_TASK})
    with dask_client(settings) as client:
        client.register_plugin(LoadPipeline(settings.model), name=PLUGIN_NAME)  # not timed: once per cluster
        start = time.perf_counter()
        n = 0
        with JsonlSink(out) as sink:
            for r in analyse_with_dask(read_inputs([src]), settings, client=client, batch=noop_batch):
                sink.write(to_dict(r))
                n += 1
        seconds = time.perf_counter() - start
    print(json.dumps({"articles": n, "seconds": seconds,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def driver_memory(sizes: list[int]) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            src, out = Path(tmp) / f"in-{n}.jsonl", Path(tmp) / f"out-{n}.jsonl"
            write_stream(src, n)
            done = subprocess.run([sys.executable, __file__, "--driver-child", str(src), str(out)],
                                  check=True, capture_output=True, text=True)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append((f"{n:,}", f"{r['peak_rss_mb']:.0f}", f"{r['articles'] / r['seconds']:.0f}"))
            src.unlink()
            out.unlink()
    print_table("driver peak RSS streaming generated articles through the dask engine "
                "(workers run a no-op batch; see the module docstring)", rows,
                ("articles", "driver peak RSS MB", "articles/s"))
    first, last = float(rows[0][1]), float(rows[-1][1])
    print(f"\n  driver RSS, {sizes[-1]:,} vs {sizes[0]:,}: {last / first:.2f}x (target <= 1.2x)")


# --------------------------------------------------------------------------- 3. story assignment

def story_articles(n: int, *, seed: int = 5) -> Iterator:
    """``n`` short generated analysed articles in publication order, about 4 reports per story."""
    from newsgraph.extract import AnalysedArticle
    from newsgraph.model import Entity

    rng = random.Random(seed)
    background = _vocab(rng, 8000, (2, 3))
    topical = _vocab(rng, 40000, (3, 4))
    names = [w.capitalize() for w in _vocab(rng, 20000, (2, 3))]
    start = datetime(2015, 1, 1)
    made = 0
    while made < n:
        topic = rng.sample(topical, 8)
        ents = [f"{rng.choice(names)} {rng.choice(names)}" for _ in range(2)]
        day = start + timedelta(days=made / 500)
        for _ in range(min(rng.randint(1, 7), n - made)):
            words = rng.choices(background, k=20) + rng.choices(topic, k=12) + ents
            rng.shuffle(words)
            text = " ".join(words)
            made += 1
            yield AnalysedArticle(
                id=f"s{made}", url=None, source=f"outlet{rng.randint(1, 40)}", title=" ".join(topic[:3]),
                published=(day + timedelta(minutes=rng.randint(0, 600))).isoformat(timespec="minutes"),
                text=text, language="en",
                entities=tuple(Entity(id=f"e{made}-{j}", name=e, type="PERSON",
                                      mentions=((text.find(e), text.find(e) + len(e)),))
                               for j, e in enumerate(ents)))


def _stories_child(n: int, windows: int = 10) -> None:
    import resource

    from newsgraph.stories import StoryClusterer

    clusterer = StoryClusterer()
    spent = window = 0.0
    step, since = max(1, n // windows), 0
    for i, article in enumerate(story_articles(n), 1):
        t = time.process_time()
        clusterer.add(article)
        dt = time.process_time() - t
        spent += dt
        window += dt
        if i % step == 0 or i == n:  # progress, so a run stopped early still says where it got
            print(json.dumps({"done": i, "window_ms_per_article": 1000 * window / (i - since),
                              "ms_per_article": 1000 * spent / i,
                              "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
                  flush=True)
            window, since = 0.0, i


def story_cost(sizes: list[int]) -> None:
    rows, last = [], []
    print("story assignment (StoryClusterer.add, CPU time of the process, short generated articles)", flush=True)
    for n in sizes:
        proc = subprocess.Popen([sys.executable, __file__, "--stories-child", str(n)],
                                stdout=subprocess.PIPE, text=True)
        r = None
        for line in proc.stdout:
            r = json.loads(line)
            print(f"  {n:,}: {r['done']:,} added, {r['window_ms_per_article']:.3f} ms/article in the last "
                  f"tenth, {r['ms_per_article']:.3f} on average, peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
        proc.wait()
        last.append(r["window_ms_per_article"])
        rows.append((f"{n:,}", f"{r['window_ms_per_article']:.3f}", f"{r['ms_per_article']:.3f}",
                     f"{r['peak_rss_mb']:.0f}"))
    print_table("story assignment", rows,
                ("articles", "ms/article, last tenth", "ms/article, all", "peak RSS MB"))
    print(f"\n  time per article in the last tenth, {sizes[-1]:,} vs {sizes[0]:,}: {last[-1] / last[0]:.2f}x "
          "(target <= 2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="throughput,driver,stories")
    parser.add_argument("--limit", type=int, default=200, help="texts for the throughput part")
    parser.add_argument("--repeat", type=int, default=3, help="alternating throughput runs; the best counts")
    parser.add_argument("--stream-sizes", default="1000,10000,100000")
    parser.add_argument("--story-sizes", default="1000,100000,1000000")
    parser.add_argument("--driver-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--stories-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.driver_child:
        return _driver_child(*args.driver_child)
    if args.stories_child:
        return _stories_child(args.stories_child)
    from newsgraph.runners import engine_available

    if not engine_available("dask"):
        print("skipped: the dask extra is not installed (pip install 'newsgraph[dask]')")
        return
    parts = args.parts.split(",")
    if "throughput" in parts:
        throughput(limit=args.limit, repeat=args.repeat)
    if "driver" in parts:
        driver_memory([int(s) for s in args.stream_sizes.split(",")])
    if "stories" in parts:
        story_cost([int(s) for s in args.story_sizes.split(",")])


if __name__ == "__main__":
    main()
