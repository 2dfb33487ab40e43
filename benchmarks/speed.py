"""Throughput of ``analyze`` against bare ``nlp.pipe`` with the same model on the same texts.

The ratio is what matters: newsgraph's extractors should cost little on top of
the parse (target: analyze >= 0.8x bare nlp.pipe). Measured with 1 and 2
worker processes; prints articles/s, words/s, the ratio and peak RSS.

The ratio is of wall-clock times, as a user sees them. On a machine shared with
other jobs a run's wall time also measures whoever else was running, so the
CPU seconds of each run (this process and its worker processes, user + system)
are printed beside it: their ratio is the work analyze adds to the parse, and
moves little with the load. Neither replaces the other: at 2 workers the wall
ratio also counts a worker left idle at the end of the input, the CPU ratio
does not (and bare ``nlp.pipe`` with ``n_process=2`` pays for sending its Docs
back to the parent, which analyze does not: it sends facts).

``--stages`` prints, beside the ratios, where analyze's CPU goes in one process on the same
texts: reading them in, the parse (the same ``nlp.pipe`` as the bare run), each extractor, and
building the records. The parse costs analyze what it costs the bare run, so the gap between the
two is the other stages' sum: a change that does not shrink one of them cannot move the ratio.

Usage: python benchmarks/speed.py [--limit N] [--workers 1,2] [--stages]
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SHARED, print_table  # noqa: E402


def corpus_texts(*, limit: int) -> list[str]:
    """Sample articles plus article texts found under ../shared/benchmarks (when present)."""
    from newsgraph.ingest import read_inputs
    from newsgraph.model import Article

    texts = [a.text for a in read_inputs([ROOT / "samples"]) if isinstance(a, Article)]
    if SHARED.exists():
        for path in sorted((SHARED / "polnear").glob("*/text/*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
        for path in sorted((SHARED / "tempeval3-platinum" / "te3-platinum-input").glob("*.TE3input")):
            raw = path.read_text(encoding="utf-8")
            m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            if m:
                texts.append(re.sub(r"<[^>]+>", "", m.group(1)))
    return texts[:limit]


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of its finished, reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(run) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``run()``, its worker processes' CPU included."""
    cpu, start = _cpu_seconds(), time.perf_counter()
    run()
    wall = time.perf_counter() - start
    for proc in multiprocessing.active_children():  # reap the workers so their CPU is counted here
        proc.join(10)
    return wall, _cpu_seconds() - cpu


def _bare(texts: list[str], workers: int, batch_size: int) -> tuple[float, float]:
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(None)

    def run() -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
            pass

    return _timed(run)


def _analyze(texts: list[str], workers: int, batch_size: int) -> tuple[float, float]:
    from newsgraph import analyze_many

    def run() -> None:
        for _ in analyze_many(texts, workers=workers, batch_size=batch_size):
            pass

    return _timed(run)


def stage_cpu(texts: list[str], *, batch_size: int = 32, repeat: int = 2) -> dict[str, float]:
    """CPU seconds of each stage of ``analyze`` on ``texts`` in this process (no workers), the least of
    ``repeat`` runs per stage, run after run so the caches are as warm as in the timed runs: "ingest"
    (texts to ``Article`` records), "parse" (``nlp.pipe``), one entry per extractor, and "records"
    (language and the ``AnalysedArticle``), in the order ``analyze_many`` runs them."""
    from newsgraph.extract import REGISTRY, Extractor
    from newsgraph.ingest import make_article
    from newsgraph.ingest.language import detect_language
    from newsgraph.model import Article
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(None)
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent: dict[str, float] = dict.fromkeys(["ingest", "parse", *(ex.field for ex in REGISTRY.ordered),
                                                      "records"], 0.0)

        def timed(ex: Extractor) -> Extractor:
            def run(doc, article, found):
                start = time.process_time()
                facts = tuple(ex.func(doc, article, found))
                spent[ex.field] += time.process_time() - start
                return facts
            return dataclasses.replace(ex, target=run)

        chosen = [timed(ex) for ex in REGISTRY.ordered]
        start = time.process_time()
        articles = [a for a in (make_article(t, origin=f"<text {i}>") for i, t in enumerate(texts))
                    if isinstance(a, Article)]
        spent["ingest"] += time.process_time() - start
        for i in range(0, len(articles), batch_size):
            batch = articles[i:i + batch_size]
            start = time.process_time()
            docs = list(nlp.pipe((a.text for a in batch), batch_size=batch_size))
            spent["parse"] += time.process_time() - start
            for doc, article in zip(docs, batch):
                facts = REGISTRY.run(doc, article, chosen=chosen)
                start = time.process_time()
                REGISTRY.analysed(article, facts, language=detect_language(article.text))
                spent["records"] += time.process_time() - start
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    return best


def measure(*, limit: int = 400, workers: tuple[int, ...] = (1, 2), batch_size: int = 32,
            repeat: int = 2) -> dict[str, float]:
    """Articles/s and words/s of bare nlp.pipe and of analyze, with their ratio, per worker count.

    The two runs alternate ``repeat`` times and each keeps its best time, so a
    passing load on the machine does not favour whichever ran second.
    """
    from newsgraph.nlp import load_pipeline

    texts = corpus_texts(limit=limit)
    words = sum(len(t.split()) for t in texts)
    load_pipeline(None)
    _bare(texts[:8], 1, batch_size)  # warm caches before timing
    _analyze(texts[:8], 1, batch_size)
    out: dict[str, float] = {"articles": len(texts), "words": words}
    for w in workers:
        bare = full = bare_cpu = full_cpu = float("inf")
        for _ in range(repeat):
            wall, cpu = _bare(texts, w, batch_size)
            bare, bare_cpu = min(bare, wall), min(bare_cpu, cpu)
            wall, cpu = _analyze(texts, w, batch_size)
            full, full_cpu = min(full, wall), min(full_cpu, cpu)
        out[f"bare_articles_per_s_w{w}"] = len(texts) / bare
        out[f"analyze_articles_per_s_w{w}"] = len(texts) / full
        out[f"bare_words_per_s_w{w}"] = words / bare
        out[f"analyze_words_per_s_w{w}"] = words / full
        out[f"ratio_w{w}"] = bare / full
        out[f"bare_cpu_s_w{w}"] = bare_cpu
        out[f"analyze_cpu_s_w{w}"] = full_cpu
        out[f"cpu_ratio_w{w}"] = bare_cpu / full_cpu
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="at most this many articles")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs; the best time counts")
    parser.add_argument("--stages", action="store_true", help="also print analyze's CPU seconds by stage")
    args = parser.parse_args()
    ws = tuple(int(w) for w in args.workers.split(","))
    from newsgraph.nlp import load_pipeline, pipeline_label

    r = measure(limit=args.limit, workers=ws, repeat=args.repeat)
    print(f"speed: {int(r['articles'])} articles, {int(r['words'])} words, model "
          f"{pipeline_label(load_pipeline(None))}, best of {args.repeat} alternating runs")
    rows = []
    for w in ws:
        rows.append((f"bare nlp.pipe, {w} worker(s)", f"{r[f'bare_articles_per_s_w{w}']:.1f}",
                     f"{r[f'bare_words_per_s_w{w}']:.0f}", "", f"{r[f'bare_cpu_s_w{w}']:.1f}", ""))
        rows.append((f"newsgraph analyze, {w} worker(s)", f"{r[f'analyze_articles_per_s_w{w}']:.1f}",
                     f"{r[f'analyze_words_per_s_w{w}']:.0f}", f"{r[f'ratio_w{w}']:.2f}x",
                     f"{r[f'analyze_cpu_s_w{w}']:.1f}", f"{r[f'cpu_ratio_w{w}']:.2f}x"))
    print_table("throughput", rows, ("run", "articles/s", "words/s", "analyze/bare", "CPU s",
                                     "analyze/bare CPU"))
    if args.stages:
        spent = stage_cpu(corpus_texts(limit=args.limit), repeat=args.repeat)
        total = sum(spent.values())
        print_table("analyze CPU by stage (1 process, best of each stage)",
                    [(k, f"{v:.2f}", f"{100 * v / total:.1f}%") for k, v in spent.items()]
                    + [("total", f"{total:.2f}", "")], ("stage", "CPU s", "share"))
    print(f"\npeak RSS: {r['peak_rss_mb']:.0f} MB; load average at the end: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (other jobs slow the wall-clock figures)")


if __name__ == "__main__":
    main()
