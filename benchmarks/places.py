"""Places on LGL, GeoWebNews and GeoVirus: toponym recognition and resolution, beside published figures.

Resolution ("geocoding on gold toponyms", as CamCoder and the Pragmatic Guide report it): every gold
toponym with coordinates is resolved by ``place_resolve.resolve`` with the article's text and its
other gold toponyms as context (the places a geotagger would hand over); the great-circle error to
the gold point gives Acc@161 km, mean and median error, and the AUC of the log-error curve
(trapezoid over sorted ln(1 + error) / ln(20039), lower is better; Gritta et al. 2018).

Recognition: the real pipeline (``analyze_many``) runs on the article text and its ``places`` are
compared with the gold toponym spans: precision, recall and F1 for exact spans and for overlapping
spans. Gold toponyms: LGL all annotated toponyms; GeoVirus all locations; GeoWebNews the mentions of
types that name a place (literal, metonymic, mixed, modifiers, embedded; not demonyms, languages,
common-noun expressions or non-toponyms).

Dev and test: each corpus's articles are split by a fixed hash of the article id (``split_of``, salt
the corpus name). Tune and read errors on dev (``--errors``); figures are reported for test.

Usage: python benchmarks/places.py [--corpus lgl|gwn|geovirus] [--docs N] [--no-recognition] [--errors [--limit N]]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_table, shared_or_exit, split_of  # noqa: E402

from newsgraph.extract.place_index import great_circle_km as km  # noqa: E402
from newsgraph.extract.place_resolve import Mention, resolve  # noqa: E402

# Published Acc@161 / mean km / AUC (Gritta et al. 2018, Table 1; READMEs of the gold folders).
PUBLISHED = {
    "lgl": [("CamCoder (Gritta et al. 2018)", 0.76, 700, 0.22), ("Edinburgh Geoparser", 0.76, 800, 0.25),
            ("Population baseline", 0.70, 1200, 0.27)],
    "geovirus": [("CamCoder (Gritta et al. 2018)", 0.82, 300, 0.31), ("Edinburgh Geoparser", 0.78, 500, 0.33),
                 ("Population baseline", 0.80, 500, 0.32)],
    "gwn": [("Mordecai 3 (own subset, N=1,564; trained on overlapping data)", 0.957, 178, None)],
}
_GWN_PLACE_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Metonymic", "Literal_Modifier",
                              "Non_Literal_Modifier", "Embedded_Literal", "Embedded_Non_Lit"})


@dataclass(frozen=True)
class Gold:
    """One gold toponym: span, surface, and its point (None when the corpus gives none)."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Doc:
    """One article: id, text, gold toponyms for resolution and for recognition."""

    id: str
    text: str
    resolve: tuple[Gold, ...]
    recognise: tuple[tuple[int, int], ...]


def _f(x: str | None) -> float | None:
    return float(x) if x not in (None, "") else None


def load_lgl() -> list[Doc]:
    root = ET.parse(shared_or_exit("lgl", "lgl.xml")).getroot()
    docs = []
    for a in root:
        text = a.findtext("text") or ""
        res, rec = [], []
        for t in a.find("toponyms") or ():
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            rec.append((s, e))
            g = t.find("gaztag")
            if g is not None and g.findtext("lat"):
                res.append(Gold(s, e, text[s:e], _f(g.findtext("lat")), _f(g.findtext("lon"))))
        docs.append(Doc(a.get("docid"), text, tuple(res), tuple(sorted(set(rec)))))
    return docs


def load_geovirus() -> list[Doc]:
    root = ET.parse(shared_or_exit("geovirus", "GeoVirus.xml")).getroot()
    docs = []
    for a in root:
        text = a.findtext("text") or ""
        res = []
        for loc in a.find("locations") or ():
            # the file's offsets count one character more than its text holds (checked: every name
            # sits at start-1); mentions whose name is not there either way are left out
            s, e = int(loc.findtext("start")), int(loc.findtext("end"))
            if text[s - 1:e - 1] == loc.findtext("name"):
                s, e = s - 1, e - 1
            elif text[s:e] != loc.findtext("name"):
                continue
            res.append(Gold(s, e, text[s:e], _f(loc.findtext("lat")), _f(loc.findtext("lon"))))
        docs.append(Doc(a.findtext("source") or str(len(docs)), text, tuple(g for g in res if g.lat is not None),
                        tuple(sorted({(g.start, g.end) for g in res}))))
    return docs


def load_gwn() -> list[Doc]:
    base = shared_or_exit("geowebnews")
    root = ET.parse(base / "GWN.xml").getroot()
    lines = (base / "gwn_geocoding_gold.txt").read_text(encoding="utf-8").splitlines()
    docs = []
    for i, a in enumerate(root):
        text = a.findtext("text") or ""
        rec = []
        for t in a.find("toponyms") or ():
            if t.findtext("type") in _GWN_PLACE_TYPES:
                rec.append((int(t.findtext("start")), int(t.findtext("end"))))
        res = []
        for item in (lines[i].split("||") if i < len(lines) and lines[i].strip() else []):
            parts = item.split(",,")
            if len(parts) != 6:
                continue
            s, e = int(parts[4]), int(parts[5])
            res.append(Gold(s, e, text[s:e], float(parts[2]), float(parts[3])))
        docs.append(Doc(a.get("file") or str(i), text, tuple(res), tuple(sorted(set(rec)))))
    return docs


LOADERS = {"lgl": load_lgl, "gwn": load_gwn, "geovirus": load_geovirus}


def resolution_errors(docs: list[Doc]) -> list[tuple[Doc, Gold, object, float]]:
    """(doc, gold, predicted place, error km) for every gold toponym; unresolved count as 20039 km."""
    out = []
    for d in docs:
        mentions = [Mention(name=g.name, span=(g.start, g.end)) for g in d.resolve]
        for g, p in zip(d.resolve, resolve(d.text, mentions)):
            err = km(g.lat, g.lon, p.lat, p.lon) if p.lat is not None else 20039.0
            out.append((d, g, p, err))
    return out


def geocoding_scores(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0}
    logs = sorted(math.log(1 + e) / math.log(20039) for e in errors)
    auc = sum((a + b) / 2 for a, b in zip(logs, logs[1:])) / max(1, len(logs) - 1) if len(logs) > 1 else logs[0]
    return {"n": len(errors), "acc161": sum(e <= 161 for e in errors) / len(errors),
            "mean_km": statistics.fmean(errors), "median_km": statistics.median(errors), "auc": auc}


def recognition_scores(docs: list[Doc], predicted: list[list[tuple[int, int]]]) -> dict[str, float]:
    tp_e = tp_o_p = tp_o_g = n_pred = n_gold = 0
    for d, pred in zip(docs, predicted):
        gold = set(d.recognise)
        pred_set = set(pred)
        n_pred += len(pred_set)
        n_gold += len(gold)
        tp_e += len(gold & pred_set)
        tp_o_p += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred_set)
        tp_o_g += sum(any(s < ge and gs < e for s, e in pred_set) for gs, ge in gold)
    out = {}
    for tag, tp_p, tp_g in (("exact", tp_e, tp_e), ("overlap", tp_o_p, tp_o_g)):
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_g / n_gold if n_gold else 0.0
        out.update({f"{tag}_p": p, f"{tag}_r": r, f"{tag}_f1": 2 * p * r / (p + r) if p + r else 0.0})
    return out


def recognise(docs: list[Doc]) -> list[list[tuple[int, int]]]:
    from newsgraph.pipeline import analyze_many
    from newsgraph.model import Rejected

    items = [{"id": d.id, "text": d.text} for d in docs]
    out = []
    for rec in analyze_many(items):
        out.append([] if isinstance(rec, Rejected) else [tuple(p.span) for p in rec.places])
    return out


def measure(*, corpora: tuple[str, ...] = ("lgl", "geovirus", "gwn"), recognition: bool = True,
            docs: int | None = None, recognition_parts: tuple[str, ...] = ("dev", "test")) -> dict[str, float]:
    """Flat figures: ``{corpus}_{dev|test}_{acc161,mean_km,median_km,auc,n}`` and, with recognition,
    ``{corpus}_{dev|test}_{exact,overlap}_{p,r,f1}`` (recognition on the first ``docs`` articles of each split)."""
    figures: dict[str, float] = {}
    for name in corpora:
        all_docs = LOADERS[name]()
        t0 = time.perf_counter()
        for part in ("dev", "test"):
            part_docs = [d for d in all_docs if split_of(d.id, salt=name) == part]
            errs = [e for *_, e in resolution_errors(part_docs)]
            figures.update({f"{name}_{part}_{k}": v for k, v in geocoding_scores(errs).items()})
            if recognition and part in recognition_parts:
                sub = part_docs[:docs] if docs else part_docs
                got = recognition_scores(sub, recognise(sub))
                figures.update({f"{name}_{part}_{k}": v for k, v in got.items()})
        figures[f"{name}_seconds"] = time.perf_counter() - t0
    return figures


def print_errors(name: str, *, limit: int = 80) -> None:
    """The worst dev resolution errors of one corpus (for development; never the test split)."""
    dev = [d for d in LOADERS[name]() if split_of(d.id, salt=name) == "dev"]
    bad = [(d, g, p, e) for d, g, p, e in resolution_errors(dev) if e > 161]
    for d, g, p, e in bad[:limit]:
        ctx = d.text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
        print(f"{e:8.0f} km  {g.name!r:24} gold ({g.lat:.2f},{g.lon:.2f}) got {p.feature} {p.country} "
              f"{p.admin1} ({p.lat},{p.lon})  ..{ctx}..")
    print(f"{len(bad)} errors > 161 km on dev")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=sorted(LOADERS), action="append")
    ap.add_argument("--docs", type=int, default=None, help="recognition on the first N articles of each split")
    ap.add_argument("--no-recognition", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list dev resolution errors instead")
    ap.add_argument("--limit", type=int, default=80, help="with --errors: how many errors per corpus")
    args = ap.parse_args()
    corpora = tuple(args.corpus or ("lgl", "geovirus", "gwn"))
    if args.errors:
        for c in corpora:
            print_errors(c, limit=args.limit)
        return
    fig = measure(corpora=corpora, recognition=not args.no_recognition, docs=args.docs)
    rows = []
    for c in corpora:
        for part in ("dev", "test"):
            p = f"{c}_{part}_"
            rows.append((f"{c} {part}", f"{fig[p + 'n']:.0f}", f"{fig[p + 'acc161']:.3f}", f"{fig[p + 'mean_km']:.0f}",
                         f"{fig[p + 'median_km']:.1f}", f"{fig[p + 'auc']:.3f}",
                         f"{fig.get(p + 'exact_f1', float('nan')):.3f}", f"{fig.get(p + 'overlap_f1', float('nan')):.3f}",
                         f"{fig.get(p + 'overlap_p', float('nan')):.3f}", f"{fig.get(p + 'overlap_r', float('nan')):.3f}"))
    print_table("Places: resolution on gold toponyms (Acc@161 km, error km, AUC lower=better) and recognition F1",
                rows, ("corpus split", "n", "acc@161", "mean km", "median km", "AUC", "exact F1", "overlap F1",
                       "overlap P", "overlap R"))
    pub = []
    for c in corpora:
        pub.append((f"ours {c} test", f"{fig[c + '_test_acc161']:.2f}", f"{fig[c + '_test_mean_km']:.0f}",
                    f"{fig[c + '_test_auc']:.2f}"))
        for sys_name, acc, mean, auc in PUBLISHED.get(c, []):
            pub.append((f"  {sys_name} ({c}, whole corpus)", f"{acc:.2f}", f"~{mean}", "-" if auc is None else f"{auc:.2f}"))
    print_table("Side by side with published figures (theirs: whole corpus, mean rounded to 100 km)", pub,
                ("system", "acc@161", "mean km", "AUC"))
    print(f"\nseconds: " + ", ".join(f"{c} {fig[c + '_seconds']:.1f}" for c in corpora))


if __name__ == "__main__":
    main()
