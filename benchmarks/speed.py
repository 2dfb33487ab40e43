"""Throughput of ``analyze`` against bare ``nlp.pipe`` with the same model on the same texts.

The ratio is what matters: newsgraph's extractors should cost little on top of
the parse (target: analyze >= 0.8x bare nlp.pipe). Measured with 1 and 2
worker processes; prints articles/s, words/s, the ratio and peak RSS.

Usage: python benchmarks/speed.py [--limit N] [--workers 1,2]
"""

from __future__ import annotations

import argparse
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


def _bare(texts: list[str], workers: int, batch_size: int) -> float:
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(None)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - start


def _analyze(texts: list[str], workers: int, batch_size: int) -> float:
    from newsgraph import analyze_many

    start = time.perf_counter()
    for _ in analyze_many(texts, workers=workers, batch_size=batch_size):
        pass
    return time.perf_counter() - start


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
        bare = full = float("inf")
        for _ in range(repeat):
            bare = min(bare, _bare(texts, w, batch_size))
            full = min(full, _analyze(texts, w, batch_size))
        out[f"bare_articles_per_s_w{w}"] = len(texts) / bare
        out[f"analyze_articles_per_s_w{w}"] = len(texts) / full
        out[f"bare_words_per_s_w{w}"] = words / bare
        out[f"analyze_words_per_s_w{w}"] = words / full
        out[f"ratio_w{w}"] = bare / full
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="at most this many articles")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs; the best time counts")
    args = parser.parse_args()
    ws = tuple(int(w) for w in args.workers.split(","))
    from newsgraph.nlp import load_pipeline, pipeline_label

    r = measure(limit=args.limit, workers=ws, repeat=args.repeat)
    print(f"speed: {int(r['articles'])} articles, {int(r['words'])} words, model "
          f"{pipeline_label(load_pipeline(None))}, best of {args.repeat} alternating runs")
    rows = []
    for w in ws:
        rows.append((f"bare nlp.pipe, {w} worker(s)", f"{r[f'bare_articles_per_s_w{w}']:.1f}",
                     f"{r[f'bare_words_per_s_w{w}']:.0f}", ""))
        rows.append((f"newsgraph analyze, {w} worker(s)", f"{r[f'analyze_articles_per_s_w{w}']:.1f}",
                     f"{r[f'analyze_words_per_s_w{w}']:.0f}", f"{r[f'ratio_w{w}']:.2f}x"))
    print_table("throughput", rows, ("run", "articles/s", "words/s", "analyze/bare"))
    print(f"\npeak RSS: {r['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
