"""The web desk under load: p50/p99 latency and errors at 20 concurrent clients (issue 16).

A store of 10,000 generated articles (the analysed samples cloned by
``benchmarks/store.py``'s generator: new ids, days over two years, actor
countries varied; one story per 8 articles, with its merged events, a figure
discrepancy and a copy) is served by the real ``newsgraph serve`` (uvicorn, one
worker process per core) on 127.0.0.1. 20 concurrent keep-alive connections load
five routes in turn (after one client alone, whose
p50 is the service time without queueing): the story page, the article
page and three API queries (events by type and country, quotes full-text,
articles full-text). The load comes from wrk (Debian's package: C, so the
client takes little of the two cores) when installed, else from Python threads.
Every loop is bounded: ``--seconds`` per route with wrk, ``--requests`` with the
Python client, after a warm-up. Target: 0 errors and p99 < 200 ms for every route.

Usage: python benchmarks/serve.py [--articles 10000] [--requests 1000] [--clients 20] [--db PATH]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, print_table  # noqa: E402
from store import COUNTRIES, fill  # noqa: E402

STORY_SIZE = 8


def seed_records(tmp: Path) -> list[dict]:
    """The samples analysed once (the generated articles are clones of these)."""
    from newsgraph.run import run_analyze
    from newsgraph.settings import make_settings
    from newsgraph.store import read_jsonl_records

    out = tmp / "seed.jsonl"
    run_analyze([ROOT / "samples"], out, settings=make_settings({"workers": 1}))
    return [obj for _, obj, _ in read_jsonl_records(out) if obj and "entities" in obj]


def stories_of(url: str, n: int) -> None:
    """Story records for the generated members: merged events from each story's first article, a figure
    discrepancy between its first two articles, the second a copy of the first."""
    from newsgraph.store import Store

    stories, copies = [], []
    with Store(url) as store:
        for s in range(0, n, STORY_SIZE):
            ids = [f"g{i:07d}" for i in range(s, min(n, s + STORY_SIZE))]
            first = store.record(ids[0])
            events = [{**{k: e.get(k) for k in ("type", "source", "target", "date", "place", "trigger")},
                       "articles": ids, "mentions": [{"article": a, "span": e["span"]} for a in ids]}
                      for e in first.get("events", []) if e.get("main")]
            figs = first.get("figures") or []
            disc = [{"fact": figs[0]["kind"], "kind": "figure", "values": {ids[0]: figs[0]["text"], ids[1]: "more"},
                     "evidence": {ids[0]: figs[0]["span"], ids[1]: figs[0]["span"]}}] if figs and len(ids) > 1 else []
            stories.append({"id": f"s{s // STORY_SIZE:06d}", "title": first.get("title"), "articles": ids,
                            "first_published": first.get("published"), "events": events, "discrepancies": disc})
            if len(ids) > 1:
                copies.append({"copy": ids[1], "original": ids[0], "similarity": 0.9})
        store.save_stories({"stories": stories, "syndication": copies})


def build_store(path: Path, n: int, tmp: Path) -> list[dict]:
    records = seed_records(tmp)
    secs = fill(str(path), records, n)
    stories_of(str(path), n)
    print(f"store: {n:,} generated articles from {len(records)} analysed samples, filled in {secs:.0f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)")
    return records


def routes(records: list[dict], n: int, rng: random.Random) -> dict[str, callable]:
    types = sorted({e["type"] for r in records for e in r.get("events", ())}) or ["ASSAULT"]
    said = sorted({w for r in records for q in r.get("quotes", ()) for w in q["text"].split()
                   if w.isalpha() and len(w) > 5}) or ["talks"]
    words = sorted({w for r in records for w in (r.get("title") or "").split() if w.isalpha() and len(w) > 4})
    return {
        "story page": lambda: f"/stories/s{rng.randrange(n // STORY_SIZE):06d}",
        "article page": lambda: f"/articles/g{rng.randrange(n):07d}",
        "API events type+country": lambda: f"/api/events?type={rng.choice(types)}&country={rng.choice(COUNTRIES)}",
        "API quotes full-text": lambda: f"/api/quotes?q={quote(rng.choice(said))}",
        "API search 2 words": lambda: "/api/search?q=" + quote(" ".join(rng.sample(words, 2))),
    }


def load(port: int, make_path, *, clients: int, requests: int) -> tuple[list[float], int, str]:
    """``requests`` GETs spread over ``clients`` threads with keep-alive; latencies (ms) and errors."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    example = [""]
    paths = [make_path() for _ in range(requests)]

    def worker(mine: list[str]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local, bad = [], 0
        for path in mine:
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            local.append((time.perf_counter() - start) * 1000)
            if not ok:
                bad += 1
                example[0] = example[0] or path
        conn.close()
        with lock:
            latencies.extend(local)
            errors[0] += bad

    threads = [threading.Thread(target=worker, args=(paths[i::clients],)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(latencies), errors[0], example[0]


def wrk_load(port: int, make_path, *, clients: int, seconds: int, tmp: Path) -> tuple[int, float, float, int, str]:
    """wrk (C, two threads) over 2,000 drawn paths for ``seconds``: requests, p50, p99 (ms), errors."""
    paths = [make_path() for _ in range(2000)]
    script = tmp / "paths.lua"
    script.write_text("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
                      "i = 0\nrequest = function()\n  i = i % #paths + 1\n"
                      "  return wrk.format('GET', paths[i])\nend\n", encoding="utf-8")
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--latency", "-s", str(script),
                          f"http://127.0.0.1:{port}/"], capture_output=True, text=True, timeout=seconds + 60).stdout

    def ms(label: str) -> float:
        for line in out.splitlines():
            parts = line.split()
            if parts and parts[0] == label:
                v = parts[1]
                for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
                    if v.endswith(unit):
                        return float(v[: -len(unit)]) * f
        return float("nan")

    n = next((int(line.split()[0]) for line in out.splitlines() if "requests in" in line), 0)
    errors = sum(int(line.split(":")[1].split()[0]) for line in out.splitlines() if "Non-2xx" in line)
    for line in out.splitlines():
        if "Socket errors" in line:
            errors += sum(int(x.split()[-1]) for x in line.split(":", 1)[1].split(","))
    return n, ms("50%"), ms("99%"), errors, out


def pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=1000, help="timed requests per route")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="serve --workers (processes)")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto",
                        help="load generator: wrk (Debian's package, C) when installed, else Python threads")
    parser.add_argument("--seconds", type=int, default=10, help="wrk: seconds per route")
    parser.add_argument("--db", help="serve this SQLite store (built there when missing, and kept)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ngserve_"))
    db = Path(args.db) if args.db else tmp / "desk.db"
    records = seed_records(tmp) if db.exists() else build_store(db, args.articles, tmp)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not start: " + server.stderr.read().decode()[-500:])
        use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk") is not None)
        rng = random.Random(16)
        load0 = os.getloadavg()[0]
        rows = []
        for name, make_path in routes(records, args.articles, rng).items():
            load(port, make_path, clients=args.clients, requests=min(100, args.requests))  # warm-up
            alone, alone_errors, _ = load(port, make_path, clients=1, requests=min(200, args.requests))
            if use_wrk:
                n, p50, p99, errors, _ = wrk_load(port, make_path, clients=args.clients, seconds=args.seconds, tmp=tmp)
                example = ""
            else:
                lat, errors, example = load(port, make_path, clients=args.clients, requests=args.requests)
                n, p50, p99 = len(lat), pct(lat, 0.5), pct(lat, 0.99)
            errors += alone_errors
            rows.append((name, f"{pct(alone, 0.5):.1f}", str(n), f"{p50:.1f}", f"{p99:.1f}", str(errors),
                         "yes" if p99 < 200 and errors == 0 else "NO"))
            if example:
                print(f"  an error on {name}: {example}")
            sys.stdout.flush()
        print_table(f"newsgraph serve at {args.clients} concurrent clients ({'wrk' if use_wrk else 'Python threads'}), {args.articles:,} stored articles "
                    f"(SQLite, {args.workers} uvicorn worker(s), 127.0.0.1; {os.cpu_count()} cores, load "
                    f"{load0:.1f} before)",
                    rows, ("route", "1 client p50 ms", "requests", "p50 ms", "p99 ms", "errors",
                          "p99 < 200 ms, 0 errors"))
    finally:
        server.terminate()
        server.wait(10)
        if not args.db:
            for p in sorted(tmp.glob("**/*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
            tmp.rmdir()


if __name__ == "__main__":
    main()
