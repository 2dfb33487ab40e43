"""Stories benchmark: clustering (B-cubed), syndication and discrepancies on the team's labelled corpus.

The corpus (``benchmarks/data/stories/``) was written by the team: news-style
reports of real 2015 events, each told by several outlets in their own words,
plus near-verbatim reprints and stories that share entities. Articles are
analysed with ``newsgraph.analyze_many`` and grouped twice: in batch
(``build_stories``, publication order) and as a stream in a shuffled order
(``StoryClusterer.add`` one by one, as ``newsgraph analyze --stories`` does).

Run: ``.venv/bin/python benchmarks/stories.py``
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "stories"


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster maps over the same items)."""
    gold_members: dict[str, set[str]] = {}
    pred_members: dict[str, set[str]] = {}
    for item, c in gold.items():
        gold_members.setdefault(c, set()).add(item)
    for item, c in pred.items():
        pred_members.setdefault(c, set()).add(item)
    p = r = 0.0
    for item in gold:
        g, s = gold_members[gold[item]], pred_members[pred[item]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _discrepancy_scores(stories: dict, gold: dict, story_of: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of discrepancies: same kind and fact, article sets overlapping (Jaccard >= 0.5)."""
    golds = [(d["kind"], d["fact"], set(d["articles"])) for d in gold["discrepancies"]]
    preds = []
    for s in stories["stories"]:
        for d in s["discrepancies"]:
            fact = "quote" if d.get("kind") == "quote" else d["fact"].split()[0]
            preds.append((d.get("kind", "figure"), fact, set(d["values"])))
    used: set[int] = set()
    tp = 0
    for kind, fact, arts in preds:
        for i, (gk, gf, ga) in enumerate(golds):
            if i in used or gk != kind or gf != fact:
                continue
            if len(arts & ga) / len(arts | ga) >= 0.5:
                used.add(i)
                tp += 1
                break
    p = tp / len(preds) if preds else 1.0
    r = tp / len(golds) if golds else 1.0
    return p, r


def _load(data: Path, name: str) -> tuple[list[dict], dict]:
    records = [json.loads(line) for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    gold_name = "gold.json" if name == "articles" else f"{name}_gold.json"
    return records, json.loads((data / gold_name).read_text(encoding="utf-8"))


def _score(analysed: list, gold: dict, *, seed: int, only: set[str] | None = None) -> dict[str, float]:
    from newsgraph.stories import StoryClusterer, build_stories, stories_to_dict

    only = only or {a.id for a in analysed}
    gold_story = {aid: sid for sid, ids in gold["stories"].items() for aid in ids}
    batch = stories_to_dict(build_stories(analysed))
    pred = {aid: s["id"] for s in batch["stories"] for aid in s["articles"]}
    keep = lambda m: {k: v for k, v in m.items() if k in only}  # noqa: E731
    bp, br, bf = bcubed(keep(gold_story), keep(pred))

    shuffled = list(analysed)
    random.Random(seed).shuffle(shuffled)
    clusterer = StoryClusterer()
    for a in shuffled:
        clusterer.add(a)
    stream = stories_to_dict(clusterer.result())
    spred = {aid: s["id"] for s in stream["stories"] for aid in s["articles"]}
    _, _, sf = bcubed(keep(gold_story), keep(spred))

    gold_pairs = {(x["copy"], x["original"]) for x in gold["syndication"]}
    pred_pairs = {(x["copy"], x["original"]) for x in batch["syndication"] if x["copy"] in only}
    yp, yr, yf = prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    gold_copies = {c for c, _ in gold_pairs}
    pred_copies = {c for c, _ in pred_pairs}
    _, _, cf = prf(len(gold_copies & pred_copies), len(pred_copies), len(gold_copies))
    restricted = {"stories": [{**s, "discrepancies": [d for d in s["discrepancies"] if set(d["values"]) <= only]}
                              for s in batch["stories"]]}
    dp, dr = _discrepancy_scores(restricted, gold, gold_story)
    return {
        "articles": float(len(only)),
        "gold_stories": float(len(gold["stories"])),
        "pred_stories": float(len({pred[a] for a in only})),
        "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf,
        "bcubed_f1_stream_shuffled": sf,
        "syndication_p": yp, "syndication_r": yr, "syndication_f1": yf,
        "syndication_copy_f1": cf,
        "discrepancy_p": dp, "discrepancy_r": dr,
        "discrepancies_pred": float(sum(len(s["discrepancies"]) for s in restricted["stories"])),
        "discrepancies_gold": float(len(gold["discrepancies"])),
    }


def measure(*, data: Path = DATA, seed: int = 0) -> dict[str, float]:
    """Analyse the corpus and score stories, syndication and discrepancies (flat figures).

    The ``check_*`` figures score the check set (written after the thresholds
    were chosen) clustered together with the main corpus, so the main stories
    act as distractors.
    """
    from newsgraph import analyze_many
    from newsgraph.extract import AnalysedArticle

    main_records, main_gold = _load(data, "articles")
    check_records, check_gold = _load(data, "check")
    analysed = [a for a in analyze_many(main_records + check_records) if isinstance(a, AnalysedArticle)]
    main_ids = {r["id"] for r in main_records}
    figures = _score([a for a in analysed if a.id in main_ids], main_gold, seed=seed)
    both = {"stories": {**main_gold["stories"], **check_gold["stories"]},
            "syndication": check_gold["syndication"], "discrepancies": check_gold["discrepancies"]}
    check = _score(analysed, both, seed=seed, only={r["id"] for r in check_records})
    figures.update({f"check_{k}": check[k] for k in ("bcubed_f1", "bcubed_f1_stream_shuffled",
                                                     "syndication_f1", "discrepancy_p", "discrepancy_r")})
    return figures


def main() -> None:
    m = measure()
    print_table("stories (benchmarks/data/stories)", [(k, f"{v:.3f}" if v % 1 else f"{int(v)}")
                                                    for k, v in m.items()], header=("metric", "value"))


if __name__ == "__main__":
    main()
