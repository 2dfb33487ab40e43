"""Figures accuracy on the team's labelled sentences: P/R/F1 on kind+value, value only, and source.

The data are JSONL files the team wrote (``tests/data/figures_dev.jsonl``, the
rules were developed on it; ``tests/data/figures_heldout.jsonl``, written after
the rules and never tuned on). Each line: ``{"id", "text", "published",
"figures": [{"kind", "value", "value_max"?, "unit", "approximate", "source"}]}``.
Any file in that format can be scored with ``--data PATH`` (e.g. a held-out set
of real reports).

A predicted figure matches a gold one when kind and value agree (values within
0.1%); value-only matching ignores kind. Source accuracy is over kind+value
matches (None must match None; names compared case-insensitively; a gold
``source`` may list accepted names, e.g. an acronym and its expansion). Every
sentence goes through the full pipeline, so sources use the entity names the
entities extractor produced.

Usage: python benchmarks/figures.py [--data PATH ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, print_table  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT_SETS = {"dev": DATA / "figures_dev.jsonl", "heldout": DATA / "figures_heldout.jsonl"}


def load(path: Path) -> list[dict]:
    """Records of one labelled JSONL file (blank and ``#`` lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-3 * max(1.0, abs(float(b)))


def _match(pred: list[dict], gold: list[dict], *, with_kind: bool) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairs of predicted and gold figures (text order)."""
    free = list(gold)
    pairs = []
    for p in pred:
        for g in free:
            if _same_value(p["value"], g["value"]) and (not with_kind or p["kind"] == g["kind"]):
                pairs.append((p, g))
                free.remove(g)
                break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _norm(name) -> str | None:
    return None if name is None else str(name).strip().lower()


def _source_ok(pred, gold) -> bool:
    """Whether a predicted source agrees with gold (a name, a list of accepted names, or None)."""
    accepted = gold if isinstance(gold, list) else [gold]
    return _norm(pred) in {_norm(g) for g in accepted}


def score(records: list[dict], predictions: list[list[dict]]) -> tuple[dict[str, float], list[str]]:
    """Metrics for one labelled set, and a list of readable errors."""
    n_pred = n_gold = tp = tp_value = src_ok = approx_ok = 0
    errors = []
    for rec, pred in zip(records, predictions):
        gold = rec.get("figures", [])
        n_pred += len(pred)
        n_gold += len(gold)
        pairs = _match(pred, gold, with_kind=True)
        tp += len(pairs)
        tp_value += len(_match(pred, gold, with_kind=False))
        for p, g in pairs:
            src_ok += _source_ok(p.get("source"), g.get("source"))
            approx_ok += bool(p.get("approximate")) == bool(g.get("approximate"))
            if not _source_ok(p.get("source"), g.get("source")):
                errors.append(f"{rec['id']}: source {p.get('source')!r} != {g.get('source')!r} ({p['text']!r})")
        matched_p = [id(p) for p, _ in pairs]
        matched_g = [id(g) for _, g in pairs]
        for p in pred:
            if id(p) not in matched_p:
                errors.append(f"{rec['id']}: extra {p['kind']} {p['value']} ({p['text']!r})")
        for g in gold:
            if id(g) not in matched_g:
                errors.append(f"{rec['id']}: missed {g['kind']} {g['value']}")
    p, r, f = _prf(tp, n_pred, n_gold)
    vp, vr, vf = _prf(tp_value, n_pred, n_gold)
    metrics = {
        "kind_value_precision": p, "kind_value_recall": r, "kind_value_f1": f,
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
        "source_accuracy": src_ok / tp if tp else 0.0,
        "approximate_accuracy": approx_ok / tp if tp else 0.0,
        "sentences": float(len(records)), "gold_figures": float(n_gold), "predicted_figures": float(n_pred),
    }
    return metrics, errors


def predict(records: list[dict]) -> list[list[dict]]:
    """Figures the full pipeline finds in each record's text, as SCHEMA dicts."""
    from newsgraph.ingest import make_article
    from newsgraph.model import to_dict
    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import analyse_parsed

    nlp = load_pipeline(None)
    out = []
    for rec in records:
        article = make_article(rec["text"], id=rec.get("id"), published=rec.get("published"))
        analysed = analyse_parsed(nlp(article.text), article)
        out.append([to_dict(f) for f in analysed.figures])
    return out


def measure(*, data: dict[str, Path] | None = None, errors: dict[str, list[str]] | None = None) -> dict[str, float]:
    """Flat metrics ``<set>_<metric>`` for each labelled set present (default: dev and heldout)."""
    sets = data if data is not None else DEFAULT_SETS
    out: dict[str, float] = {}
    for name, path in sets.items():
        if not Path(path).exists():
            continue
        records = load(Path(path))
        metrics, errs = score(records, predict(records))
        if errors is not None:
            errors[name] = errs
        out.update({f"{name}_{k}": v for k, v in metrics.items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="*", type=Path, help="labelled JSONL files (default: dev and heldout)")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    sets = {p.stem: p for p in args.data} if args.data else DEFAULT_SETS
    missing = [str(p) for p in sets.values() if not Path(p).exists()]
    if len(missing) == len(sets):
        print(f"skipped: no labelled figures data found ({', '.join(missing)})")
        return 0
    errs: dict[str, list[str]] = {}
    figures = measure(data=sets, errors=errs)
    names = [n for n in sets if f"{n}_kind_value_f1" in figures]
    metrics = ["kind_value_precision", "kind_value_recall", "kind_value_f1", "value_precision",
               "value_recall", "value_f1", "source_accuracy", "approximate_accuracy",
               "sentences", "gold_figures", "predicted_figures"]
    counts = {"sentences", "gold_figures", "predicted_figures"}
    rows = [(m, *(f"{figures[f'{n}_{m}']:.0f}" if m in counts else f"{figures[f'{n}_{m}']:.3f}"
                  for n in names)) for m in metrics]
    print_table("figures (kind+value match; value within 0.1%)", rows, header=("metric", *names))
    if args.errors:
        for n in names:
            print(f"\n{n} mismatches:")
            for e in errs.get(n, []):
                print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
