"""Confusable-stories benchmark: different events with the same actors and places, with and without dates.

A held-out set of real reports showed stories merging when two real happenings
share almost every named entity and lie days apart: talks proposed one week and
air strikes the next, an earthquake and a second one two weeks later, a coup and
the purge four days after it, a protest and the march a few days later. Half of
real pages carry no publication date, and the merges persist there.

``benchmarks/data/confusable/`` holds 80 short reports the team invented (no
text from real reports) in 28 stories forming 14 such pairs (c37..c60 add an
election and the protests at its result, a port strike and the deal ending it, a
conviction and the sentence a week later, a kidnapping and the rescue; c61..c80 two
factory fires in one city, two floods in one country a month apart, a mayor's arrest and
his release on bail, two bus crashes on one highway); the later story
of each pair has reports that mention the earlier happening as background
("last week's proposal", "two weeks after a stronger quake"). Outlets spell names
their own way (Chittagong/Chattogram, Rahim/Raheem, Kharkiv/Kharkov), and one story
has a follow-up two days on. Every report but the four of the bus crashes (c77..c80)
carries a publication time; the benchmark takes them away:

* ``all``: every report dated;
* ``half``: each report loses its publication with even odds (drawn per report and seed, as
  ``newsdev.py --perturb half-published`` does);
* ``none``: no report dated (stories and their days come from the text alone).

Each seed feeds the reports to ``StoryClusterer.add`` in its own random order
(as ``newsgraph analyze --stories`` feeds its input) and scores B-cubed against
the gold stories. Prints, per dating, the mean and minimum B-cubed F1 and
precision over the seeds, and with ``--errors`` the predicted stories of each
run that mix gold stories.

Run: ``.venv/bin/python benchmarks/stories_confusable.py [--seeds N] [--errors]`` (about a minute).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table  # noqa: E402
from stories import bcubed  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "confusable"
DATINGS = ("all", "half", "none")


def _load() -> tuple[list[dict], dict[str, str]]:
    records = [json.loads(ln) for ln in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
               if ln.strip()]
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    return records, {a: s for s, ids in gold["stories"].items() for a in ids}


def _undated(seed: int, dating: str, aid: str) -> bool:
    """Whether a report arrives without its publication under ``dating`` in run ``seed``."""
    if dating == "half":
        return random.Random(f"half-published/{seed}/{aid}").random() < 0.5
    return dating == "none"


def _analysed(records: list[dict]) -> dict[tuple[str, bool], object]:
    """Each report analysed twice, with and without its publication (analysis reads the publication to
    resolve relative dates, so an undated report is analysed as one)."""
    from newsgraph import analyze_many
    from newsgraph.extract import AnalysedArticle

    out: dict[tuple[str, bool], object] = {}
    for undated in (False, True):
        recs = [{**r, "published": None} if undated else r for r in records]
        for a in analyze_many(recs):
            if isinstance(a, AnalysedArticle):
                out[(a.id, undated)] = a
    return out


def run_once(analysed: dict, ids: list[str], gold: dict[str, str], *, seed: int,
             dating: str) -> tuple[float, float, float, list[list[str]]]:
    """B-cubed P, R, F1 of one seeded stream, and the predicted stories that mix gold stories."""
    from newsgraph.stories import StoryClusterer, stories_to_dict

    order = list(ids)
    random.Random(seed).shuffle(order)
    clusterer = StoryClusterer()
    for aid in order:
        clusterer.add(analysed[(aid, _undated(seed, dating, aid))])
    stories = stories_to_dict(clusterer.result())["stories"]
    pred = {a: s["id"] for s in stories for a in s["articles"]}
    p, r, f = bcubed(gold, {a: pred[a] for a in gold})
    mixed = [[f"{a}:{gold[a]}{'' if not _undated(seed, dating, a) else '(u)'}" for a in sorted(s["articles"])]
             for s in stories if len({gold[a] for a in s["articles"]}) > 1]
    return p, r, f, mixed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=10, help="seeded orders per dating (1..N)")
    ap.add_argument("--errors", action="store_true", help="print the predicted stories that mix gold stories")
    args = ap.parse_args()
    records, gold = _load()
    analysed = _analysed(records)
    ids = [r["id"] for r in records]
    rows = []
    for dating in DATINGS:
        runs = []
        for seed in range(1, args.seeds + 1):
            p, r, f, mixed = run_once(analysed, ids, gold, seed=seed, dating=dating)
            runs.append((p, r, f))
            if args.errors and mixed:
                print(f"{dating} seed {seed}: F1 {f:.3f} P {p:.3f}; mixed: " + " | ".join(" ".join(m) for m in mixed))
        fs, ps, rs = [x[2] for x in runs], [x[0] for x in runs], [x[1] for x in runs]
        worst = min(range(len(fs)), key=fs.__getitem__) + 1
        rows.append((dating, f"{sum(fs) / len(fs):.3f}", f"{min(fs):.3f}", str(worst), f"{sum(ps) / len(ps):.3f}",
                     f"{min(ps):.3f}", f"{sum(rs) / len(rs):.3f}", f"{sum(f == 1.0 for f in fs)}/{len(fs)}"))
    print_table(f"stories_confusable: {len(records)} invented reports in {len(set(gold.values()))} stories, "
                f"seeds 1..{args.seeds}", rows,
                header=("dating", "f1_mean", "f1_min", "worst_seed", "p_mean", "p_min", "r_mean", "perfect"))


if __name__ == "__main__":
    main()
