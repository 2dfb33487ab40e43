"""Real-report benchmark: ``newsgraph analyze --stories`` on ../shared/benchmarks/newsdev, scored by its scorer.

newsdev is 50 real reports from many outlets with gold quotes, figures, events,
dates, stories and copies (see its README). The held-out set that judges the
project is built and scored the same way, so this is the figure that matters.
The run goes through the command line exactly as a user would, then the set's
own ``score.py`` scores it; nothing here re-implements the scorer.

This set is for finding *classes* of errors: ``--errors`` lists, per article,
what was missed and what was wrong (dev data only; never copy its text, names or
numbers into the project). ``--keep DIR`` leaves the output files in DIR.

``--shuffle SEED`` feeds the articles in a seeded random order: stories must not
depend on the order reports arrive in.

Run: ``.venv/bin/python benchmarks/newsdev.py [--errors [quotes,figures,events,dates,stories]] [--keep DIR]
[--shuffle SEED]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, print_table, shared_or_exit  # noqa: E402

KINDS = ("quotes", "figures", "events", "dates", "stories")


def _scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("newsdev_score", folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _newsgraph() -> list[str]:
    exe = Path(sys.executable).with_name("newsgraph")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newsgraph.cli"]


def shuffled_input(folder: Path, out_dir: Path, seed: int) -> Path:
    """The set's input lines in a seeded random order (stories must not depend on arrival order)."""
    lines = [ln for ln in (folder / "input.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    random.Random(seed).shuffle(lines)
    path = out_dir / f"input.shuffled-{seed}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(folder: Path, out_dir: Path, *, workers: int = 1, shuffle: int | None = None) -> tuple[Path, Path]:
    """Analyse the set's input through the CLI (in a seeded random order when ``shuffle`` is given);
    returns the articles and stories files."""
    articles, stories = out_dir / "articles.jsonl", out_dir / "stories.json"
    for path in (articles, stories):
        path.unlink(missing_ok=True)
    source = folder / "input.jsonl" if shuffle is None else shuffled_input(folder, out_dir, shuffle)
    cmd = _newsgraph() + ["analyze", str(source), "-o", str(articles),
                          "--stories", str(stories), "--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"newsgraph analyze failed with exit status {proc.returncode}")
    return articles, stories


def flatten(res: dict) -> dict[str, float]:
    """The scorer's nested result as flat ``measure_stat`` keys (what baseline.json pins)."""
    flat: dict[str, float] = {}
    for key, value in res.items():
        if isinstance(value, dict):
            for stat, v in value.items():
                if isinstance(v, (int, float)):
                    flat[f"{key}_{stat}"] = float(v)
        elif isinstance(value, (int, float)):
            flat[key] = float(value)
    return flat


def score(folder: Path, articles: Path, stories: Path) -> dict:
    """The set's scorer, run as ``score.py OUT STORIES --json`` would, as a dict."""
    proc = subprocess.run([sys.executable, str(folder / "score.py"), str(articles), str(stories), "--json"],
                          capture_output=True, text=True, cwd=folder)
    if proc.returncode != 0:
        raise SystemExit(f"score.py failed: {proc.stderr}")
    return json.loads(proc.stdout)


def measure(*, workers: int = 1) -> dict[str, float]:
    """Every printed measure of the scorer, flattened (for the baseline gate)."""
    folder = shared_or_exit("newsdev")
    with tempfile.TemporaryDirectory() as tmp:
        articles, stories = run(folder, Path(tmp), workers=workers)
        return flatten(score(folder, articles, stories))


# --------------------------------------------------------------------------- error listings (dev only)


def _load_jsonl(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec.get("id")] = rec
    return out


def _actor(a) -> str:
    if isinstance(a, dict):
        return str(a.get("name") or a.get("code"))
    return str(a)


def list_errors(folder: Path, articles: Path, stories: Path, kinds: set[str]) -> None:
    """Per article: gold items not matched and predictions that match nothing."""
    sc = _scorer(folder)
    gold = _load_jsonl(folder / "gold.jsonl")
    pred = _load_jsonl(articles)
    for aid in sorted(gold):
        g, p = gold[aid], pred.get(aid, {})
        lines: list[str] = []
        if "quotes" in kinds:
            gq = g.get("quotes", [])
            pq = [q for q in p.get("quotes", []) if q.get("kind", "direct") != "indirect"]
            m = sc.greedy_match(gq, pq, lambda a, b: (o := sc.overlap(a["text"], b.get("text", ""))) >= 0.5 and o)
            mg, mp = {gi for gi, _ in m}, {pi for _, pi in m}
            lines += [f"  quote MISSED  {q['text'][:90]!r}  ({q['speaker']})" for i, q in enumerate(gq) if i not in mg]
            lines += [f"  quote EXTRA   {q['text'][:90]!r}  ({sc.speaker_name(q)})" for i, q in enumerate(pq) if i not in mp]
            for gi, pi in m:
                if not sc.same_actor(sc.speaker_name(pq[pi]), gq[gi]["speaker"]):
                    lines.append(f"  quote SPEAKER {gq[gi]['text'][:60]!r}: gold {gq[gi]['speaker']!r}, "
                                 f"ours {sc.speaker_name(pq[pi])!r}")
        if "figures" in kinds:
            gf, pf = g.get("figures", []), p.get("figures", [])
            m = sc.greedy_match(gf, pf, lambda a, b: float(sc.close_value(a["value"], b.get("value"))
                                                           and a["kind"] == b.get("kind")))
            mg, mp = {gi for gi, _ in m}, {pi for _, pi in m}
            lines += [f"  figure MISSED {f['kind']} {f['value']}  {f.get('text', '')[:80]!r}"
                      for i, f in enumerate(gf) if i not in mg]
            lines += [f"  figure EXTRA  {f.get('kind')} {f.get('value')}  {str(f.get('text', ''))[:80]!r}"
                      for i, f in enumerate(pf) if i not in mp]
        if "events" in kinds:
            ge = g.get("events", [])
            pe = p.get("events", [])
            if any("main" in e for e in pe):
                pe = [e for e in pe if e.get("main")]

            def full(a, b):
                return float(a["type"] == b.get("type") and sc.same_actor(sc.actor_name(b.get("source")), a.get("source"))
                             and (not a.get("target") or sc.same_actor(sc.actor_name(b.get("target")), a.get("target"))))

            m = sc.greedy_match(ge, pe, full)
            mg, mp = {gi for gi, _ in m}, {pi for _, pi in m}
            lines += [f"  event MISSED  {e['source']} {e['type']} {e.get('target')}  | {e.get('evidence', '')[:80]!r}"
                      for i, e in enumerate(ge) if i not in mg]
            for i, e in enumerate(pe):
                if i not in mp:
                    span = e.get("span") or [0, 0]
                    ev = p.get("text", "")[span[0]:span[1]]
                    lines.append(f"  event EXTRA   {_actor(e.get('source'))} {e.get('type')} {_actor(e.get('target'))}"
                                 f"  [{e.get('trigger')}] | {ev[:80]!r}")
        if "dates" in kinds:
            gd, pd = g.get("dates", []), p.get("dates", [])
            m = sc.greedy_match(gd, pd, lambda a, b: (o := sc.overlap(a["text"], b.get("text", ""))) >= 0.5 and o)
            mg, mp = {gi for gi, _ in m}, {pi for _, pi in m}
            lines += [f"  date MISSED   {d['text']!r} = {d['value']}" for i, d in enumerate(gd) if i not in mg]
            lines += [f"  date EXTRA    {d.get('text')!r} = {d.get('value')}" for i, d in enumerate(pd) if i not in mp]
            for gi, pi in m:
                if not str(pd[pi].get("value", "")).startswith(str(gd[gi]["value"])):
                    lines.append(f"  date VALUE    {gd[gi]['text']!r}: gold {gd[gi]['value']}, ours {pd[pi].get('value')}"
                                 f" (anchor {pd[pi].get('anchor_from', pd[pi].get('anchor'))})")
        if lines:
            print(f"\n{aid}  published={p.get('published')}  {p.get('title')!r}")
            print("\n".join(lines))
    if "stories" in kinds:
        gold_st = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
        ours = json.loads(stories.read_text(encoding="utf-8"))
        gold_of = {a: s for s, v in gold_st["stories"].items() for a in v["articles"]}
        print("\nstories (ours -> gold story of each member):")
        for st in ours.get("stories", []):
            print(f"  {st.get('id')}: " + " ".join(f"{a}:{gold_of.get(a)}" for a in st.get("articles", [])))
        gsyn = {(s["copy"], s["original"]) for s in gold_st.get("syndication", [])}
        psyn = {(s.get("copy"), s.get("original")) for s in ours.get("syndication", [])}
        print("syndication missed: " + ", ".join(f"{c}<-{o}" for c, o in sorted(gsyn - psyn)))
        print("syndication extra/other: " + ", ".join(f"{c}<-{o}" for c, o in sorted(psyn - gsyn)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", nargs="?", const=",".join(KINDS), default=None,
                        help="list per-article errors (dev set only) for these kinds, comma-separated")
    parser.add_argument("--keep", type=Path, default=None, help="write the output files into this folder")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--shuffle", type=int, default=None, metavar="SEED",
                        help="feed the articles in a random order drawn with this seed (order robustness)")
    args = parser.parse_args(argv)
    folder = shared_or_exit("newsdev")
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        articles, stories = run(folder, out_dir, workers=args.workers, shuffle=args.shuffle)
        res = score(folder, articles, stories)
        rows = []
        for key, value in res.items():
            if isinstance(value, dict):
                rows.append((key,) + tuple(str(value.get(s, "")) for s in ("p", "r", "f1", "tp", "pred", "gold"))
                            + (str(value.get("speaker_acc", "")),))
            else:
                rows.append((key, "", "", str(value), "", "", "", ""))
        order = "input order" if args.shuffle is None else f"shuffled with seed {args.shuffle}"
        print(f"newsdev: {res.get('articles')} real reports ({order}), scored by {folder / 'score.py'}")
        print_table("measures", rows, header=("measure", "p", "r", "f1/value", "tp", "pred", "gold", "speaker_acc"))
        if args.errors:
            list_errors(folder, articles, stories, set(args.errors.split(",")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
