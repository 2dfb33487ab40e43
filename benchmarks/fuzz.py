"""A long fuzz run of every reader: mutated inputs in, no exception out (issue 10).

The suite's Hypothesis tests (``tests/ingest/test_fuzz_readers.py``) try a few hundred
inputs on each ``make test``; this script runs the same kind of check for as long as
asked, outside the suite. Seeds are the bundled samples plus small hostile seeds (deep
nesting, lone surrogates, fragments lxml refuses, cut gzip); each input is a seed with
1-4 random mutations (bit flips, cut, splice, duplicated ranges, hostile tokens, gzip),
read as every format (by extension, and sniffed as stdin would be).

A failure is any exception escaping a reader, a result that breaks the reader contract
(an ``Article`` whose text is empty, not encodable as UTF-8 or holding NUL, an id that is
not a string), or an input that takes longer than ``--timeout`` seconds (a hang stops a run
as surely as a crash). Failing inputs are written to ``--keep DIR`` so they can become
regression tests; ``--skip N`` replays a run from its input N (the same seed makes the
same inputs).

Usage: python benchmarks/fuzz.py [--inputs 100000] [--seed 10] [--keep DIR] [--timeout 20]
Exit status: 0 when no input failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gzip
import os
import io
import json
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT  # noqa: E402

KINDS = (None, "text", "html", "json", "jsonl", "feed", "warc")
HOSTILE = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"\n", b"\\ud800", b"\\udfff", b'"\\ud83d"',
    b"<body>", b"</body>", b"<html/>", b"<!doctype html>", b"<frameset>", b"<head>", b"<![CDATA[",
    b"<!--", b"&#0;", b"&#xd800;", b"&nbsp;", b"]]>", b"<rss>", b"<item>", b"<script>",
    b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\r\n\r\n", b"{", b"}", b"[", b"]", b'"',
    b"\xc3", b"\xe9", b"\x1f\x8b", b"<?xml version='1.0' encoding='utf-16'?>",
    b"<meta charset='x-unknown'>", b"<meta charset='utf-7'>", b"---\npublished: soon\n---\n",
]


def _deep(opening: bytes, closing: bytes, depth: int) -> bytes:
    return opening * depth + closing * depth


def seeds() -> list[bytes]:
    """The bundled samples, each JSONL line alone, and small hostile seeds."""
    found = [p.read_bytes() for p in sorted((ROOT / "samples").iterdir())
             if p.is_file() and p.suffix not in (".py", ".md")]
    lines = (ROOT / "samples" / "wire-briefs.jsonl").read_bytes().splitlines(keepends=True)
    good = json.dumps({"id": "g", "text": "Officials said the bridge would reopen on Monday."}).encode()
    found += lines[:3] + [
        _deep(b"[", b"]", 3000),
        b'{"text": "x", "v": ' + _deep(b"[", b"]", 2000) + b"}\n" + good + b"\n",
        b'{"id": "s", "text": "Talks \\ud800 resumed.", "title": "\\udc00"}\n',
        b'{"id": ["x", 1], "title": true, "published": "not a date", "text": "A text."}\n',
        b"<html/><p>A fragment lxml asserts on.</p>",
        b"<html><body>" + _deep(b"<div>", b"</div>", 400) + b"</body></html>",
        _deep(b"<div>", b"</div>", 3000).replace(b"</div>", b"words </div>", 1),
        b"<rss><channel><item><description>" + b"&lt;p&gt;" * 300 + b"</description></item></channel></rss>",
        gzip.compress(good + b"\n", mtime=0)[:-7],
        b"\xe9t\xe9 " * 50 + b"\n" + good + b"\n",
    ]
    return found


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    """``data`` with 1-4 random mutations."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        n = len(buf)
        i = rng.randrange(n + 1)
        if op == 0 and n:                                # flip bits
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(n)] ^= 1 << rng.randrange(8)
        elif op == 1:                                    # insert random bytes
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2 and n:                              # delete a range
            del buf[i:i + rng.randint(1, max(1, n // 4))]
        elif op == 3 and n:                              # duplicate a range
            j = rng.randrange(n)
            buf[i:i] = buf[j:j + rng.randint(1, 256)]
        elif op == 4:                                    # hostile token(s)
            buf[i:i] = rng.choice(HOSTILE) * rng.choice((1, 1, 2, 50))
        elif op == 5:                                    # cut
            del buf[i:]
        elif op == 6:                                    # splice another seed
            other = rng.choice(pool)
            j = rng.randrange(len(other) + 1)
            buf[i:] = other[j:]
        elif op == 7 and n:                              # nest a range deeply
            depth = rng.choice((10, 300, 1500))
            piece = rng.choice((b"[", b"{\"a\":", b"<div>", b"<b>"))
            buf[i:i] = piece * depth
        elif op == 8:                                    # gzip what there is (maybe cut)
            packed = gzip.compress(bytes(buf), mtime=0)
            buf = bytearray(packed[:rng.randint(10, len(packed))] if rng.random() < 0.3 else packed)
    return bytes(buf)


def contract_problem(result) -> str | None:
    """Why a reader's result breaks the contract, or None."""
    from newsgraph.model import Article, Rejected

    if isinstance(result, Rejected):
        return None if isinstance(result.reason, str) and result.reason else "Rejected without a reason"
    if not isinstance(result, Article):
        return f"yielded a {type(result).__name__}"
    if not isinstance(result.id, str) or not result.id:
        return f"id is {result.id!r}"
    if not isinstance(result.text, str) or not result.text.strip():
        return "empty text"
    for name in ("id", "text", "url", "source", "title", "published"):
        value = getattr(result, name)
        if value is not None:
            if not isinstance(value, str):
                return f"{name} is a {type(value).__name__}"
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return f"{name} cannot be written as UTF-8"
            if "\x00" in value:
                return f"{name} holds NUL (a PostgreSQL text column refuses it)"
    return None


class TooSlow(BaseException):
    """Raised by the alarm inside a reader; a BaseException, so no reader's net catches it."""


def _alarm(signum, frame):
    raise TooSlow()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="how many inputs to try")
    parser.add_argument("--seed", type=int, default=10, help="random seed (runs are reproducible)")
    parser.add_argument("--max-bytes", type=int, default=2_000_000, help="reader size limit")
    parser.add_argument("--keep", type=Path, help="write failing inputs to this directory")
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="seconds one input may take before it counts as a hang")
    parser.add_argument("--skip", type=int, default=0,
                        help="make but do not read the first N inputs (replay from input N)")
    args = parser.parse_args()
    import signal

    signal.signal(signal.SIGALRM, _alarm)

    import logging

    logging.disable(logging.CRITICAL)  # readers log every rejection; the totals are printed
    from newsgraph.ingest import ReadStats, read_stream
    from newsgraph.model import Article

    rng = random.Random(args.seed)
    pool = seeds()
    outcomes: collections.Counter[str] = collections.Counter()
    per_kind: collections.Counter[str] = collections.Counter()
    failures: list[tuple[str, str, bytes]] = []
    slowest = (0.0, "")
    devnull = open(os.devnull, "w")
    start = time.perf_counter()
    tried = reported = 0
    for n in range(args.inputs):
        data = mutate(rng.choice(pool), rng, pool)
        kind = rng.choice(KINDS)
        if n < args.skip:
            continue
        tried += 1
        label = kind or "sniffed"
        per_kind[label] += 1
        t0 = time.perf_counter()
        quiet = contextlib.redirect_stderr(devnull)  # warcio prints its warnings there
        try:
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            with quiet:
                results = list(read_stream(io.BytesIO(data), origin=f"fuzz-{n}", kind=kind,
                                           max_bytes=args.max_bytes, stats=ReadStats()))
            signal.setitimer(signal.ITIMER_REAL, 0)
            for result in results:
                problem = contract_problem(result)
                if problem:
                    failures.append((label, problem, data))
                outcomes["article" if isinstance(result, Article) else result.reason] += 1
        except TooSlow:
            failures.append((label, f"input {n} took more than {args.timeout:g} s", data))
        except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
            signal.setitimer(signal.ITIMER_REAL, 0)
            failures.append((label, "".join(traceback.format_exception_only(exc)).strip(), data))
        while reported < len(failures):  # say it now: a long run may be stopped before its end
            label_, problem_, _ = failures[reported]
            print(f"  failure at input {n} [{label_}]: {problem_[:200]}", flush=True)
            reported += 1
        took = time.perf_counter() - t0
        if took > slowest[0]:
            slowest = (took, f"input {n} ({label}, {len(data)} bytes)")
        if (n + 1) % 10_000 == 0:
            print(f"  {n + 1:>7} inputs, {len(failures)} failures, "
                  f"{time.perf_counter() - start:.0f} s", flush=True)
    elapsed = time.perf_counter() - start

    print(f"fuzz: {tried} inputs (seed {args.seed}, {len(pool)} seeds"
          f"{f', from input {args.skip}' if args.skip else ''}) in {elapsed:.0f} s, "
          f"{tried / elapsed:.0f} inputs/s")
    print("read as: " + ", ".join(f"{k} {v}" for k, v in sorted(per_kind.items())))
    print("results: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print(f"slowest: {slowest[0] * 1000:.0f} ms, {slowest[1]}")
    print(f"failures: {len(failures)}")
    for label, problem, data in failures[:10]:
        print(f"  [{label}] {problem[:200]}")
    if args.keep and failures:
        args.keep.mkdir(parents=True, exist_ok=True)
        for i, (label, problem, data) in enumerate(failures):
            (args.keep / f"failure-{i}-{label}.bin").write_bytes(data)
            (args.keep / f"failure-{i}-{label}.txt").write_text(problem + "\n", encoding="utf-8")
        print(f"failing inputs written to {args.keep}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
