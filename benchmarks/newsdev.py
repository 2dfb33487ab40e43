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
depend on the order reports arrive in. ``--shuffle 1..10`` runs once per seed and
prints the story, date and copy figures of each run with their mean and minimum.

``--perturb KIND[,KIND...]`` takes away what a held-out page may lack, to find
what stories and story dates lean on (the gold never changes):

* ``no-published``: every ``published`` null, so dates come from the story and datelines;
* ``half-published``: each dated report loses its ``published`` with even odds (drawn per report
  with the shuffle seed, 0 without one): stories with fewer dated reports, some with none;
* ``no-title``: every title null;
* ``no-source``: every ``url`` and ``source`` null;
* ``reverse``: the stream in reverse order (latest reports first);
* ``mix``: the team corpus (``benchmarks/data/stories``) streamed in with the set, in one
  seeded order; prints the stories that hold reports of both sets (precision across
  unrelated sets) and the B-cubed of the union, and scores the set on its own reports.

Run: ``.venv/bin/python benchmarks/newsdev.py [--errors [quotes,figures,events,dates,stories]] [--keep DIR]
[--shuffle SEED|A..B] [--perturb KIND,...]``
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


PERTURBATIONS = ("no-published", "half-published", "no-title", "no-source", "reverse", "mix")
TEAM = ROOT / "benchmarks" / "data" / "stories"
"""The team's labelled corpus (``benchmarks/stories.py``): unrelated stories streamed in by ``--perturb mix``."""


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _blank(line: str, fields: tuple[str, ...]) -> str:
    rec = json.loads(line)
    for f in fields:
        if f in rec:
            rec[f] = None
    return json.dumps(rec, ensure_ascii=False)


def team_gold() -> dict[str, str]:
    """Article id -> story of the team corpus (main and check sets), its story names prefixed ``team:``."""
    out: dict[str, str] = {}
    for name in ("gold.json", "check_gold.json"):
        gold = json.loads((TEAM / name).read_text(encoding="utf-8"))
        out.update({a: f"team:{s}" for s, ids in gold["stories"].items() for a in ids})
    return out


def prepared_input(folder: Path, out_dir: Path, *, shuffle: int | None = None,
                   perturb: tuple[str, ...] = ()) -> Path:
    """The set's input as fed to ``analyze``: as is, or perturbed and (with ``shuffle``) in a seeded random
    order (stories must not depend on arrival order, nor on fields a page may lack)."""
    if shuffle is None and not perturb:
        return folder / "input.jsonl"
    lines = _lines(folder / "input.jsonl")
    if "mix" in perturb:
        lines += _lines(TEAM / "articles.jsonl") + _lines(TEAM / "check.jsonl")
        random.Random(0 if shuffle is None else shuffle).shuffle(lines)
    elif shuffle is not None:
        random.Random(shuffle).shuffle(lines)
    blank = (("published",) if "no-published" in perturb else ()) + (("title",) if "no-title" in perturb else ()) \
        + (("url", "source") if "no-source" in perturb else ())
    if blank:
        lines = [_blank(ln, blank) for ln in lines]
    if "half-published" in perturb:
        seed = 0 if shuffle is None else shuffle
        lines = [_blank(ln, ("published",))
                 if random.Random(f"half-published/{seed}/{json.loads(ln).get('id')}").random() < 0.5 else ln
                 for ln in lines]
    if "reverse" in perturb:
        lines.reverse()
    tag = "-".join(perturb) or "plain"
    path = out_dir / f"input.{tag}.{'input' if shuffle is None else shuffle}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(folder: Path, out_dir: Path, *, workers: int = 1, shuffle: int | None = None,
        perturb: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """Analyse the set's input through the CLI (perturbed and in a seeded random order when asked);
    returns the articles and stories files."""
    articles, stories = out_dir / "articles.jsonl", out_dir / "stories.json"
    for path in (articles, stories):
        path.unlink(missing_ok=True)
    source = prepared_input(folder, out_dir, shuffle=shuffle, perturb=perturb)
    cmd = _newsgraph() + ["analyze", str(source), "-o", str(articles),
                          "--stories", str(stories), "--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"newsgraph analyze failed with exit status {proc.returncode}")
    return articles, stories


def split_mix(folder: Path, articles: Path, stories: Path) -> dict[str, object]:
    """After ``--perturb mix``: keep only the set's reports in ``articles`` and ``stories`` (so ``score.py``
    scores the set alone) and return what crossed: stories holding reports of both sets, and the B-cubed
    of the union (set gold plus team gold)."""
    gold_st = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
    dev_gold = {a: s for s, v in gold_st["stories"].items() for a in v["articles"]}
    union = {**dev_gold, **team_gold()}
    ours = json.loads(stories.read_text(encoding="utf-8"))
    pred = {a: st.get("id") for st in ours.get("stories", []) for a in st.get("articles", [])}
    crossing = [[f"{a}:{union.get(a)}" for a in st.get("articles", [])] for st in ours.get("stories", [])
                if any(a in dev_gold for a in st.get("articles", []))
                and any(a not in dev_gold for a in st.get("articles", []))]
    kept = [ln for ln in _lines(articles) if json.loads(ln).get("id") in dev_gold]
    articles.write_text("\n".join(kept) + "\n", encoding="utf-8")
    ours["stories"] = [{**st, "articles": [a for a in st.get("articles", []) if a in dev_gold]}
                       for st in ours.get("stories", [])]
    ours["syndication"] = [x for x in ours.get("syndication", []) if x.get("copy") in dev_gold]
    stories.write_text(json.dumps(ours, ensure_ascii=False), encoding="utf-8")
    from stories import bcubed

    p, r, f = bcubed(union, {a: pred.get(a, "missing:" + a) for a in union})
    team = {a: s for a, s in union.items() if a not in dev_gold}
    _, _, tf = bcubed(team, {a: pred.get(a, "missing:" + a) for a in team})
    return {"crossing": crossing, "union_p": round(p, 3), "union_r": round(r, 3), "union_f1": round(f, 3),
            "team_f1": round(tf, 3)}


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
    """Every printed measure of the scorer, flattened (for the baseline gate), and the same measures
    with half the publication dates taken away (seed 1, prefixed ``half_published_``): held-out
    pages often come undated, and story time must keep dating them."""
    folder = shared_or_exit("newsdev")
    with tempfile.TemporaryDirectory() as tmp:
        articles, stories = run(folder, Path(tmp), workers=workers)
        figures = flatten(score(folder, articles, stories))
    with tempfile.TemporaryDirectory() as tmp:
        articles, stories = run(folder, Path(tmp), workers=workers, shuffle=1, perturb=("half-published",))
        figures.update({f"half_published_{k}": v for k, v in flatten(score(folder, articles, stories)).items()})
    return figures


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


def _seeds(text: str | None) -> list[int | None]:
    """``--shuffle`` as a list of seeds: "3" is one seed, "1..10" every seed from 1 to 10; None is input order."""
    if text is None:
        return [None]
    if ".." in text:
        a, b = (int(x) for x in text.split("..", 1))
        return list(range(a, b + 1))
    return [int(text)]


def _perturbations(text: str | None) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in (text or "").split(",") if k.strip())
    unknown = [k for k in kinds if k not in PERTURBATIONS]
    if unknown:
        raise SystemExit(f"unknown perturbation {', '.join(unknown)} (known: {', '.join(PERTURBATIONS)})")
    return kinds


SUMMARY = (("stories_bcubed", "f1"), ("dates_value_acc", None), ("dates_value_acc_dated", None),
           ("dates_value_acc_undated", None), ("syndication", "f1"))
"""The figures a run of several seeds prints per seed (stories, story dates, copies)."""


def _summary(res: dict) -> list[float]:
    return [float(res[k][stat] if stat else res[k]) for k, stat in SUMMARY]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", nargs="?", const=",".join(KINDS), default=None,
                        help="list per-article errors (dev set only) for these kinds, comma-separated")
    parser.add_argument("--keep", type=Path, default=None, help="write the output files into this folder")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--shuffle", default=None, metavar="SEED|A..B",
                        help="feed the articles in a random order drawn with this seed (order robustness); "
                             "A..B runs every seed from A to B and prints each run's figures, mean and minimum")
    parser.add_argument("--perturb", default=None, metavar="KIND,...",
                        help="take fields away or reorder the stream: " + ", ".join(PERTURBATIONS))
    args = parser.parse_args(argv)
    folder = shared_or_exit("newsdev")
    seeds = _seeds(args.shuffle)
    perturb = _perturbations(args.perturb)
    rows_by_seed: list[tuple[int | None, list[float], dict | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            out_dir = (args.keep or Path(tmp)) / (f"seed-{seed}" if len(seeds) > 1 else "")
            out_dir.mkdir(parents=True, exist_ok=True)
            articles, stories = run(folder, out_dir, workers=args.workers, shuffle=seed, perturb=perturb)
            mixed = split_mix(folder, articles, stories) if "mix" in perturb else None
            res = score(folder, articles, stories)
            rows_by_seed.append((seed, _summary(res), mixed))
            if len(seeds) > 1:
                if args.errors:
                    print(f"\n=== seed {seed}")
                    list_errors(folder, articles, stories, set(args.errors.split(",")))
                continue
            rows = []
            for key, value in res.items():
                if isinstance(value, dict):
                    rows.append((key,) + tuple(str(value.get(s, "")) for s in ("p", "r", "f1", "tp", "pred", "gold"))
                                + (str(value.get("speaker_acc", "")),))
                else:
                    rows.append((key, "", "", str(value), "", "", "", ""))
            order = "input order" if seed is None else f"shuffled with seed {seed}"
            if perturb:
                order += ", perturbed: " + ",".join(perturb)
            print(f"newsdev: {res.get('articles')} real reports ({order}), scored by {folder / 'score.py'}")
            print_table("measures", rows, header=("measure", "p", "r", "f1/value", "tp", "pred", "gold", "speaker_acc"))
            if mixed is not None:
                _print_mix(mixed)
            if args.errors:
                list_errors(folder, articles, stories, set(args.errors.split(",")))
    if len(seeds) > 1:
        names = [k + (f"_{stat}" if stat else "") for k, stat in SUMMARY]
        extra = ("crossing", "union_f1", "team_f1") if "mix" in perturb else ()
        table = [(str(seed),) + tuple(f"{v:.3f}" for v in vals)
                 + ((str(len(m["crossing"])), str(m["union_f1"]), str(m["team_f1"])) if m else ())
                 for seed, vals, m in rows_by_seed]
        cols = list(zip(*(vals for _, vals, _ in rows_by_seed)))
        table.append(("mean",) + tuple(f"{sum(c) / len(c):.3f}" for c in cols) + ("",) * len(extra))
        table.append(("min",) + tuple(f"{min(c):.3f}" for c in cols) + ("",) * len(extra))
        title = f"newsdev over seeds {seeds[0]}..{seeds[-1]}" + (f", perturbed: {','.join(perturb)}" if perturb else "")
        print_table(title, table, header=("seed", *names, *extra))
        if "mix" in perturb:
            for seed, _, m in rows_by_seed:
                for st in m["crossing"]:
                    print(f"  seed {seed} crossing: " + " ".join(st))
    return 0


def _print_mix(mixed: dict) -> None:
    print(f"\nmixed with the team corpus: union B-cubed P {mixed['union_p']} R {mixed['union_r']} "
          f"F1 {mixed['union_f1']}, team corpus F1 {mixed['team_f1']}, "
          f"{len(mixed['crossing'])} stories hold reports of both sets")
    for st in mixed["crossing"]:
        print("  crossing: " + " ".join(st))


if __name__ == "__main__":
    sys.exit(main())
