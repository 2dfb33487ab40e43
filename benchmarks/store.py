"""The newsroom database: ingest cost against JSONL, size, and latency of typical queries.

1. Ingest: the same texts analysed in the same run to JSONL (``-o``), into SQLite
   and into PostgreSQL (``--db``); articles/s and the store's overhead over
   JSONL (target: at most 10%). Runs alternate and each keeps its best time.
2. Size: database bytes per 1,000 analysed articles (SQLite file after a
   checkpoint; PostgreSQL tables, indexes and TOAST).
3. Queries: p50/p99 of ten typical queries (the HTTP API's) at 10k and 100k
   stored articles (target: p99 < 50 ms). The stored articles are generated:
   the analysed records of step 1 cloned with new ids, publication days spread
   over two years and actor countries drawn from 30 codes, so filters select
   realistic fractions.

PostgreSQL is the server at 127.0.0.1:5432 (database ``test``) or ``--pg URL``;
each run uses a fresh schema and drops it. Every loop is bounded.

Usage: python benchmarks/store.py [--limit 120] [--sizes 10000,100000] [--repeat 2] [--queries 40]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_table  # noqa: E402
from speed import corpus_texts  # noqa: E402

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
COUNTRIES = ["RUS", "UKR", "USA", "SYR", "IRN", "ISR", "TUR", "CHN", "IND", "PAK", "AFG", "IRQ", "NGA", "ETH",
             "SDN", "SSD", "COD", "MLI", "YEM", "SAU", "EGY", "LBY", "FRA", "GBR", "DEU", "BRA", "MEX", "COL",
             "VEN", "MMR"]


class Backend:
    """A fresh database per use: a SQLite file in a temporary folder, or a new PostgreSQL schema."""

    def __init__(self, kind: str, pg_url: str, tmp: Path) -> None:
        self.kind, self.pg_url, self.tmp, self.made = kind, pg_url, tmp, []

    def fresh(self) -> str:
        name = f"ngbench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        if self.kind == "sqlite":
            return str(self.tmp / f"{name}.db")
        from sqlalchemy import create_engine, text

        engine = create_engine(self.pg_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'create schema "{name}"'))
        engine.dispose()
        self.made.append(name)
        return f"{self.pg_url}?options=-csearch_path%3D{name}"

    def size(self, url: str) -> int:
        if self.kind == "sqlite":
            from newsgraph.store import Store

            with Store(url) as store, store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*"))
        from sqlalchemy import create_engine, text

        schema = url.split("search_path%3D", 1)[1]
        engine = create_engine(self.pg_url)
        with engine.connect() as conn:
            n = conn.execute(text("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c "
                                  "join pg_namespace n on n.oid = c.relnamespace "
                                  "where n.nspname = :s and c.relkind in ('r', 'm')"), {"s": schema}).scalar()
        engine.dispose()
        return int(n)

    def drop_all(self) -> None:
        if not self.made:
            return
        from sqlalchemy import create_engine, text

        engine = create_engine(self.pg_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in self.made:
                conn.execute(text(f'drop schema if exists "{name}" cascade'))
        engine.dispose()


def pg_reachable(url: str) -> str | None:
    try:
        from sqlalchemy import create_engine, text

        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure: report and measure SQLite only
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"


# --------------------------------------------------------------------------- 1. ingest


class TimedSink:
    """A ``StoreSink`` whose every call (and its opening and closing) is timed: the store's own cost.

    On a shared machine the difference of two whole runs is mostly noise; the time
    spent inside the sink is the store's cost measured directly (wall and CPU of
    this process; a PostgreSQL server's CPU counts only in the wall time).
    """

    def __init__(self, sink) -> None:
        self.sink, self.wall, self.cpu = sink, 0.0, 0.0

    def _timed(self, fn, *args):
        w, c = time.perf_counter(), time.process_time()
        try:
            return fn(*args)
        finally:
            self.wall += time.perf_counter() - w
            self.cpu += time.process_time() - c

    def accept(self, article) -> bool:
        return self._timed(self.sink.accept, article)

    def write(self, result) -> None:
        self._timed(self.sink.write, result)

    def reject(self, rejected) -> None:
        self._timed(self.sink.reject, rejected)


def ingest_runs(inputs: Path, backends: dict[str, Backend], tmp: Path, *, repeat: int) -> dict[str, dict]:
    """Best time of ``repeat`` alternating runs per target; the database of the last run is kept for sizing.

    Store runs also keep the smallest wall and CPU time spent inside the store
    (``TimedSink``: opening, every call, closing), the direct measure of its cost.
    """
    from newsgraph.run import run_analyze
    from newsgraph.settings import make_settings
    from newsgraph.store.sink import store_sink

    settings = make_settings({"workers": 1})
    out: dict[str, dict] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        c = time.process_time()
        s = run_analyze([inputs], tmp / "out.jsonl", settings=settings)
        t = time.perf_counter() - start
        best = out.setdefault("jsonl", {"seconds": float("inf"), "cpu": float("inf")})
        best.update(seconds=min(best["seconds"], t), articles=s.analysed,
                    cpu=min(best["cpu"], time.process_time() - c))
        for name, backend in backends.items():
            url = backend.fresh()
            start = time.perf_counter()
            opened = store_sink(url)
            timed = TimedSink(None)
            timed.sink = timed._timed(opened.__enter__)
            try:
                s = run_analyze([inputs], None, settings=settings, sinks=[timed])
            finally:
                timed._timed(opened.__exit__, None, None, None)
            t = time.perf_counter() - start
            best = out.setdefault(name, {"seconds": float("inf"), "in_store": float("inf"),
                                         "in_store_cpu": float("inf")})
            best.update(seconds=min(best["seconds"], t), articles=s.analysed, url=url,
                        in_store=min(best["in_store"], timed.wall), in_store_cpu=min(best["in_store_cpu"], timed.cpu))
    return out


# --------------------------------------------------------------------------- 2-3. generated stores


def generated(records: list[dict], n: int, rng: random.Random):
    """``n`` analysed records cloned from ``records``: new ids, days over two years, actor countries varied.

    Only the fields that change are copied; the other fact lists are shared
    between clones (the store only reads them).
    """
    from datetime import date, timedelta

    day0 = date(2023, 1, 1)

    def actor(a: dict | None) -> dict | None:
        if not a or not a.get("code"):
            return a
        return {**a, "code": " ".join([rng.choice(COUNTRIES), *a["code"].split()[1:]])}

    for i in range(n):
        base = records[i % len(records)]
        day = (day0 + timedelta(days=rng.randrange(730))).isoformat()
        yield {**base, "id": f"g{i:07d}", "url": f"https://news.example/{i}", "source": f"Outlet {i % 40}",
               "published": day,
               "events": [{**ev, "date": day, "source": actor(ev.get("source")), "target": actor(ev.get("target"))}
                          for ev in base.get("events", ())]}


def fill(url: str, records: list[dict], n: int, *, batch: int = 500, seed: int = 15) -> float:
    """Store ``n`` generated articles (stories: one per 8 articles); returns seconds."""
    from newsgraph.store import Store
    from newsgraph.store.db import Analysed

    rng = random.Random(seed)
    start = time.perf_counter()
    with Store(url) as store:
        chunk: list[Analysed] = []
        for i, rec in enumerate(generated(records, n, rng)):
            chunk.append(Analysed(rec, "bench", None, f"s{i // 8:06d}"))
            if len(chunk) >= batch:
                store.save_many(chunk)
                chunk = []
        store.save_many(chunk)
        settle(store)
    return time.perf_counter() - start


def settle(store) -> None:
    """Statistics for the planner (what a run's close does: PRAGMA optimize, made certain); on
    PostgreSQL also a VACUUM, as autovacuum gives a store that grew over weeks: right after a bulk
    load it would otherwise start during the timed queries (a suspect for one p99 of 70 ms against
    a p50 of 13)."""
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        return
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def replicate(url: str, copies: int) -> float:
    """Copy every stored article with its facts and story membership ``copies`` times inside the database.

    ``INSERT ... SELECT`` per table (ids get a ``~k`` suffix; full-text indexes are
    filled by the same triggers and generated columns as a normal insert), so 100k
    stored articles take minutes rather than the hour that saving them one batch at
    a time costs on a loaded machine. Filters keep selecting the same fractions.
    """
    from sqlalchemy import insert, literal, select

    from newsgraph.store import Store
    from newsgraph.store.schema import FACT_TABLES, articles, event_actors, mentions, story_members

    start = time.perf_counter()
    with Store(url) as store:
        for k in range(1, copies + 1):
            suffix = literal(f"~{k}")
            with store.engine.begin() as conn:
                cols = [c for c in articles.c if c.key != "seq"]
                conn.execute(insert(articles).from_select(
                    [c.key for c in cols],
                    select(*[(c + suffix) if c.key in ("id", "url") else c for c in cols])
                    .where(~articles.c.id.contains("~")).order_by(articles.c.seq)))
                for table in (*FACT_TABLES.values(), mentions, event_actors, story_members):
                    cols = [c for c in table.c if not c.primary_key]
                    conn.execute(insert(table).from_select(
                        [c.key for c in cols],
                        select(*[(c + suffix) if c.key in ("article_id", "story_id") else c
                                 for c in cols]).where(~table.c.article_id.contains("~"))
                        .order_by(*[c for c in table.c if c.primary_key])))
        settle(store)
    return time.perf_counter() - start


def typical_queries(records: list[dict], rng: random.Random) -> dict[str, callable]:
    """Ten questions the HTTP API will ask, each with parameters drawn per call from the stored values."""
    types = sorted({e["type"] for r in records for e in r.get("events", ())}) or ["ASSAULT"]
    speakers = sorted({q["speaker"]["name"] for r in records for q in r.get("quotes", ()) if q.get("speaker")})
    names = sorted({e["name"] for r in records for e in r.get("entities", ())})
    words = sorted({w for r in records for w in (r.get("title") or "").split() if w.isalpha() and len(w) > 4})
    said = sorted({w for r in records for q in r.get("quotes", ()) for w in q["text"].split()
                   if w.isalpha() and len(w) > 5})

    def month() -> tuple[str, str]:
        y, m = rng.choice([2023, 2024]), rng.randrange(1, 13)
        return f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"

    def q_type_actor_month(s):
        since, until = month()
        return s.events(type=rng.choice(types), actor=rng.choice(COUNTRIES), since=since, until=until)

    cursors: dict[str, str | None] = {}

    def q_deep_page(s):
        """The fifth page of events of one type (the cursors of pages 1-4 of every type are fetched
        by the first, untimed warm-up call; fetching them on a type's first draw timed them too)."""
        if not cursors:
            for t in types:
                page = s.events(type=t, limit=50)
                for _ in range(3):  # bounded
                    if page.next is None:
                        break
                    page = s.events(type=t, limit=50, cursor=page.next)
                cursors[t] = page.next
        t = rng.choice(types)
        return s.events(type=t, limit=50, cursor=cursors[t])

    return {
        "events by type, newest first": lambda s: s.events(type=rng.choice(types), newest_first=True),
        "events: type + actor country + month": q_type_actor_month,
        "events: source country -> target country": lambda s: s.events(source=rng.choice(COUNTRIES),
                                                                         target=rng.choice(COUNTRIES)),
        "events of one story": lambda s: s.events(story=f"s{rng.randrange(1000):06d}"),
        "events, 5th page by cursor": q_deep_page,
        "quotes by speaker": lambda s: s.quotes(speaker=rng.choice(speakers) if speakers else "x"),
        "quotes full-text (1 word)": lambda s: s.quotes(q=rng.choice(said) if said else "said"),
        "articles full-text (2 words)": lambda s: s.search(" ".join(rng.sample(words, 2)) if len(words) > 1
                                                           else "talks"),
        "figures killed >= 10 in a month": lambda s: s.figures(kind="killed", min_value=10,
                                                               **dict(zip(("since", "until"), month()))),
        "entity by name": lambda s: s.entities(name=rng.choice(names) if names else "x"),
        "one article record": lambda s: s.record(f"g{rng.randrange(1000):07d}"),
    }


def time_queries(url: str, queries: dict, runs: int) -> dict[str, tuple[float, float]]:
    from newsgraph.store import Store

    out = {}
    with Store(url) as store:
        for name, fn in queries.items():
            for _ in range(3):  # warm (and, for the paging query, fetch its cursors)
                fn(store)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                fn(store)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
            out[name] = (statistics.median(times), p99)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="articles analysed for the ingest comparison")
    parser.add_argument("--repeat", type=int, default=2, help="alternating ingest runs; the best time counts")
    parser.add_argument("--sizes", default="10000,100000", help="stored article counts for the query timings")
    parser.add_argument("--queries", type=int, default=40, help="timed calls per query and size")
    parser.add_argument("--base", type=int, default=10000,
                        help="articles saved through the store per size; larger sizes are copies of them made "
                             "inside the database (replicate)")
    parser.add_argument("--pg", default=os.environ.get("NEWSGRAPH_BENCH_PG", PG_DEFAULT), help="PostgreSQL URL")
    parser.add_argument("--skip-ingest", action="store_true",
                        help="only the generated-store query timings (the analysed samples are their seed)")
    parser.add_argument("--backends", default="sqlite,postgresql", help="which databases to measure")
    args = parser.parse_args()
    from newsgraph.nlp import load_pipeline, pipeline_label

    tmp = Path(tempfile.mkdtemp(prefix="ngbench_"))
    wanted = set(args.backends.split(","))
    backends = {"sqlite": Backend("sqlite", args.pg, tmp)} if "sqlite" in wanted else {}
    problem = pg_reachable(args.pg) if "postgresql" in wanted else "not asked for (--backends)"
    if problem:
        print(f"PostgreSQL not measured: {problem}")
    else:
        backends["postgresql"] = Backend("postgresql", args.pg, tmp)
    try:
        texts = corpus_texts(limit=args.limit if not args.skip_ingest else 12)
        inputs = tmp / "in.jsonl"
        inputs.write_text("".join(json.dumps({"id": f"b{i:05d}", "text": t}) + "\n" for i, t in enumerate(texts)),
                          encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        print(f"store: {len(texts)} articles, {words} words, model {pipeline_label(load_pipeline(None))}, "
              f"1 worker, best of {args.repeat} alternating runs")
        seed_backend = {"seed": Backend("sqlite", args.pg, tmp)}
        if args.skip_ingest:
            res = ingest_runs(inputs, seed_backend, tmp, repeat=1)
            seed_url = res["seed"]["url"]
        else:
            res = ingest_runs(inputs, backends or seed_backend, tmp, repeat=args.repeat)
            base = res["jsonl"]["seconds"]
            base_cpu = res["jsonl"]["cpu"]
            rows = [("analyze -o out.jsonl", f"{res['jsonl']['articles'] / base:.2f}", f"{base:.1f}", "", "", "",
                     "")]
            for name, backend in backends.items():
                r = res[name]
                size = backend.size(r["url"])
                rows.append((f"analyze --db ({name})", f"{r['articles'] / r['seconds']:.2f}",
                             f"{r['seconds']:.1f}", f"{100 * (r['seconds'] / base - 1):+.1f}%",
                             f"{r['in_store']:.1f} ({100 * r['in_store'] / base:.1f}%)",
                             f"{r['in_store_cpu']:.1f} ({100 * r['in_store_cpu'] / base_cpu:.1f}%)",
                             f"{size / r['articles'] * 1000 / 1e6:.1f}"))
            print_table("ingest", rows, ("run", "articles/s", "seconds", "run vs jsonl",
                                         "in store: wall s (% of jsonl run)", "in store: CPU s (% of jsonl CPU)",
                                         "MB per 1,000 articles"))
            print(f"  load: {os.getloadavg()[0]:.1f} (1-min average, {os.cpu_count()} CPUs); 'in store' is the "
                  "time spent inside the store sink (opening, stories, every write, closing)")
            sys.stdout.flush()
            seed_url = next(r["url"] for k, r in res.items() if k != "jsonl")

        from newsgraph.store import Store

        with Store(seed_url) as store:
            records = list(store.records())
        for n in (int(x) for x in args.sizes.split(",") if x):
            for name, backend in backends.items():
                url = backend.fresh()
                base = min(n, args.base)
                secs = fill(url, records, base)
                how = f"{base:,} saved in {secs:.0f} s at {base / secs:.0f} articles/s"
                if n > base:
                    copies = -(-n // base) - 1
                    how += f", then {copies} in-database copies in {replicate(url, copies):.0f} s"
                    n = base * (copies + 1)
                size = backend.size(url)
                rng = random.Random(n)
                timings = time_queries(url, typical_queries(records, rng), args.queries)
                rows = [(q, f"{p50:.1f}", f"{p99:.1f}", "yes" if p99 < 50 else "NO") for q, (p50, p99) in
                        timings.items()]
                print_table(f"queries at {n:,} stored articles, {name} ({how}; "
                            f"{size / n * 1000 / 1e6:.1f} MB per 1,000 articles; load {os.getloadavg()[0]:.1f})",
                            rows, ("query", "p50 ms", "p99 ms", "p99 < 50 ms"))
                sys.stdout.flush()
                if backend.kind == "sqlite":
                    for p in Path(url).parent.glob(Path(url).name + "*"):
                        p.unlink()
    finally:
        for backend in backends.values():
            backend.drop_all()
        for p in sorted(tmp.glob("**/*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        tmp.rmdir()


if __name__ == "__main__":
    main()
