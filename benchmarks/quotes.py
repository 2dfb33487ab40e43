"""Quotes on PolNeAR (political news attribution relations), ours beside textacy.

Each article of the split is parsed once and run through the registered
extractors quotes depend on (entities, then quotes); its ``quotes`` are
compared with the gold attribution relations (brat ``E`` lines: Content, Cue,
Source). One annotation per article: the file of the lexicographically first
annotator id (two articles per split have six).

Scoring protocol (PARC-style, as the data README suggests):

- **Direct quotes**: a gold relation is a direct quote when its Content starts
  with a quote mark and ends with one (trailing punctuation allowed); the
  predictions are our quotes of kind "direct" (the stretches of one quotation,
  marked ``continues``, joined back into one as PolNeAR annotates them), and textacy's
  ``direct_quotations`` on the same Doc. Content is compared as sets of word
  tokens (``\\w+`` runs) inside the quote marks, one-to-one greedy matching:
  *exact* = same token set, *overlap* = ``|P & G| / max(|P|, |G|) >= 0.5``.
- **Speaker accuracy** (of overlap-matched quotes): correct when the predicted
  speaker *name* (our canonical name or speaker phrase; textacy's speaker
  tokens; a bare pronoun names nobody) shares a word
  (case-folded, honorifics and stop words left out) with the gold Source or,
  when the gold Source is a pronoun or a phrase without a capitalised name word
  ("the Republican nominee": honorifics, titles and party words do not count),
  with the nearest earlier gold Source that has one and whose given name or
  honorific does not contradict "he"/"she" (the annotation has no coreference;
  this stands in for the pronoun's name). Since issue 3's follow-up a "he"/"she" skips
  earlier Sources that cannot be one person (head noun plural or a nationality word in
  the parse: "Delegates", "Few people", "European") and takes the gender of a bare
  surname from a fuller mention in the article ("Obama" -> "Barack Obama"); the
  first rule's figure is printed beside it ("first stand-in rule"). A pronoun Source
  for which the current rule finds no name at all (a "she" with no named woman among
  the earlier Sources) cannot be judged and is left out of the current figure's
  denominator (the first rule counted it wrong for every system). For "who"/"which"
  sources, the words just before the pronoun stand in instead.
  Also reported: speaker accuracy over the matches whose gold Source is itself a
  name (``*_speaker_acc_named``), free of that stand-in's noise.
- **All attributions**: every gold relation against our direct + partial +
  indirect quotes (partial quotes inside one of our indirect quotes are the same
  attribution and are left out), overlap matching on all word tokens of the
  Content, plus speaker accuracy by the same rule.

Splits: PolNeAR's own dev and test. The script prints both by default; tune on
dev (``--errors`` lists dev articles only); the floors in baseline.json are on test.

Usage: python benchmarks/quotes.py [--split both|dev|test] [--docs N] [--errors]
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_table, shared_or_exit  # noqa: E402

_WORD = re.compile(r"\w+")
_OPEN = "\"“‘'«„"
_CLOSE = "\"”’'»“"
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "his", "their"}
_RELATIVE = {"who", "which", "that", "whom"}
_SKIP = {"mr", "mrs", "ms", "dr", "the", "a", "an", "of", "and", "sen", "gov", "rep", "president",
         "former", "s", "said", "secretary", "state", "candidate", "nominee", "democratic",
         "republican", "presidential", "gop", "for"}


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    names: set[str] = field(default_factory=set)
    names_old: set[str] = field(default_factory=set)  # by the first stand-in rule (kept for comparison)
    named: bool = False  # the Source itself names someone (no pronoun or role phrase)
    scorable: bool = True  # the current rule found a name for the Source (else no speaker can be judged)


@dataclass
class Pred:
    tokens: frozenset[int]
    names: set[str]
    speaker_span: tuple[int, int] | None


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _SKIP


def _tokens(text: str, spans) -> frozenset[int]:
    out = set()
    for s, e in spans:
        for m in _WORD.finditer(text, s, e):
            out.add(m.start())
    return frozenset(out)


def _parse_ann(path: Path, text: str, doc=None) -> list[Gold]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            _label, rest = info.split(" ", 1)
            spans[tid] = [tuple(int(x) for x in part.split()) for part in rest.split(";")]
        elif line.startswith("E"):
            events.append(dict(p.split(":", 1) for p in line.split("\t")[1].split()))
    golds = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        g = Gold(content=spans[ev["Content"]], source=spans.get(ev.get("Source", ""), []))
        first, last = g.content[0], g.content[-1]
        head = text[first[0]:first[1]].strip()
        tail = text[last[0]:last[1]].strip().rstrip(".,;:!?—– ")
        g.direct = bool(head) and bool(tail) and head[0] in _OPEN and tail[-1] in _CLOSE
        golds.append(g)
    # names for the speaker rule (gold-side stand-in for coreference)
    ordered = sorted((g for g in golds if g.source), key=lambda g: g.source[0][0])
    named_before: list[tuple[str, bool]] = []  # (source text, may a he/she stand for it?)
    for g in ordered:
        src = " ".join(text[s:e] for s, e in g.source)
        words = src.split()
        low = src.lower().strip()
        g.names.add(src)
        g.names_old.add(src)
        if low in _RELATIVE:
            g.names.add(text[max(0, g.source[0][0] - 40):g.source[0][0]].split(",")[0])
            g.names_old |= g.names
        elif low in _PRONOUNS or not any(w[:1].isupper() and _words(w) for w in words
                                         if w.lower() not in _PRONOUNS):
            want = "m" if low in ("he", "him") else "f" if low in ("she", "her") else None
            old = [n for n, _one in named_before if want is None or _gender(n) in (None, want)]
            if old:
                g.names_old.add(old[-1])
            # the current rule: "he"/"she" stand only for one person (not "Delegates", "Few
            # people", "European"), and a bare surname takes its gender from a fuller mention
            # of it in the article ("Obama" is "Barack Obama" or "Mr. Obama" there)
            fitting = [n for n, one in named_before
                       if want is None or (one and _gender(n, text) in (None, want))]
            if fitting:
                g.names.add(fitting[-1])
            elif low in _PRONOUNS:
                g.scorable = False  # "she" with no named Source before: nobody to compare with
        else:
            named_before.append((src, _one_person(doc, g.source[0])))
            g.named = True
    return golds


def _gender(name: str, text: str | None = None) -> str | None:
    """"m"/"f" from a given name or honorific in a gold Source (to pick a pronoun's name).

    With ``text``, a Source without either ("Obama") is looked up as the surname of a
    fuller mention in the article ("Barack Obama", "Mr. Obama").
    """
    from newsgraph.lexicons import load_tsv

    names = {r["name"]: r["gender"] for r in load_tsv("first_names.tsv")}
    for w in name.replace(".", " ").split():
        lw = w.lower()
        if lw == "mr":
            return "m"
        if lw in ("mrs", "ms", "miss"):
            return "f"
        if lw in names and w[:1].isupper():
            return names[lw]
    caps = [w for w in re.findall(r"[A-Z][\w'’-]+", name.split(",")[0]) if w.lower() not in _SKIP]
    if text is None or len(caps) != 1:
        return None
    seen = set()
    for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss|[A-Z][a-z]+)\.? {re.escape(caps[0])}\b", text):
        w = m.group(1)
        g = "m" if w == "Mr" else "f" if w in ("Mrs", "Ms", "Miss") else names.get(w.lower())
        if g:
            seen.add(g)
    return seen.pop() if len(seen) == 1 else None


def _one_person(doc, span: tuple[int, int]) -> bool:
    """Can a gold Source be the antecedent of "he"/"she": one person, not a group or a nationality?

    Judged from the head of the Source's first part (before any apposition): a plural
    noun ("Delegates", "Few people", "Obama's aides") or a nationality word ("European")
    is not one person. Without a parse everything may be.
    """
    if doc is None:
        return True
    first = doc.char_span(*span, alignment_mode="expand")
    if first is None or not len(first):
        return True
    toks = []
    for t in first:
        if t.text in (",", "(") and toks:
            break
        toks.append(t)
    root = min(toks, key=lambda t: (sum(1 for _ in t.ancestors if _ in toks), -t.i))
    return root.tag_ not in ("NNS", "NNPS") and root.ent_type_ != "NORP" and root.pos_ != "ADJ"


def _match(preds: list[Pred], golds: list[tuple[Gold, frozenset[int]]], text: str):
    """Greedy one-to-one matching by overlap.

    Returns (exact, overlap, speaker_ok, named_n, named_ok, speaker_ok_old, speaker_n):
    named_* count the matches whose gold Source is itself a name (no pronoun chain
    needed); speaker_ok_old counts correct speakers by the first stand-in rule (over all
    matches); speaker_n the matches whose speaker the current rule can judge.
    """
    pairs = []
    for i, p in enumerate(preds):
        for j, (_g, gt) in enumerate(golds):
            inter = len(p.tokens & gt)
            if inter:
                pairs.append((inter / max(len(p.tokens), len(gt)), i, j))
    pairs.sort(reverse=True)
    used_p, used_g = set(), set()
    exact = overlap = spk_ok = named_n = named_ok = old_ok = spk_n = 0
    for score, i, j in pairs:
        if score < 0.5 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        overlap += 1
        p, (g, gt) = preds[i], golds[j]
        if p.tokens == gt:
            exact += 1
        ok = _speaker_ok(p, g)
        spk_ok += ok and g.scorable
        spk_n += g.scorable
        old_ok += _speaker_ok(p, g, old=True)
        if g.named:
            named_n += 1
            named_ok += ok
    return exact, overlap, spk_ok, named_n, named_ok, old_ok, spk_n


def _speaker_ok(p: Pred, g: Gold, *, old: bool = False) -> bool:
    if not g.source:
        return not p.names
    pred_words = set().union(*(_words(n) for n in p.names)) - _PRONOUNS if p.names else set()
    gold_words = set().union(*(_words(n) for n in (g.names_old if old else g.names))) - _PRONOUNS
    return bool(pred_words & gold_words)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ours(result, marked_spans) -> tuple[list[Pred], list[Pred]]:
    text = result.text
    direct, every = [], []
    last_direct = -1  # where the last direct quote stands in ``every``
    indirect = [q.span for q in result.quotes if q.kind == "indirect"]
    for q in result.quotes:
        names = set()
        if q.speaker is not None:
            names.add(q.speaker.name)
        if q.kind == "indirect":
            toks = _tokens(text, [q.span])
        else:
            inside = [(max(s, q.span[0]), min(e, q.span[1])) for s, e in marked_spans
                      if s < q.span[1] and q.span[0] < e]
            toks = _tokens(text, inside or [q.span])
        pred = Pred(toks, names, q.speaker_span)
        if getattr(q, "continues", False) and q.kind == "direct" and direct:
            # PolNeAR annotates a quote split around its cue (or over paragraphs) as one
            # Content: join the stretches our output gives one by one
            joined = Pred(direct[-1].tokens | toks, direct[-1].names | names, direct[-1].speaker_span)
            every[last_direct] = direct[-1] = joined
            continue
        if q.kind == "direct":
            direct.append(pred)
            last_direct = len(every)
        if q.kind == "partial" and any(s <= q.span[0] and q.span[1] <= e for s, e in indirect):
            continue
        every.append(pred)
    return direct, every


def _textacy(doc) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except (ValueError, IndexError, AttributeError) as exc:  # textacy gives up on odd marks
        logging.getLogger(__name__).debug("textacy failed: %r", exc)
        return out
    for t in triples:
        span = (t.content.start_char, t.content.end_char)
        sp = t.speaker
        names = {" ".join(tok.text for tok in sp)} if sp else set()
        sspan = (sp[0].idx, sp[-1].idx + len(sp[-1])) if sp else None
        out.append(Pred(_tokens(doc.text, [span]), names, sspan))
    return out


def measure(*, split: str = "test", docs: int | None = None, errors: bool = False) -> dict[str, float]:
    """Figures for ours and textacy on one PolNeAR split (flat floats); ``errors`` only on dev."""
    if errors and split != "dev":
        raise SystemExit("--errors lists dev articles only (test is reported, never read for errors)")
    from newsgraph.extract.quote_marks import find_marked
    from newsgraph.ingest import make_article
    from newsgraph.nlp import load_pipeline
    from newsgraph.extract import extractors, run_extractors

    root = shared_or_exit("polnear", split)
    nlp = load_pipeline(None)
    # only what quotes need (entities, then quotes): other stages do not change the score
    chosen = [ex for ex in extractors() if ex.field in ("entities", "quotes")]
    texts = sorted((root / "text").glob("*.txt"))[:docs]
    counts = {k: 0 for k in ("gold_direct", "gold_all", "ours_direct", "ours_all", "tx_direct",
                             "ours_d_exact", "ours_d_overlap", "ours_d_spk", "tx_d_exact",
                             "tx_d_overlap", "tx_d_spk", "ours_a_overlap", "ours_a_spk",
                             "ours_d_named", "ours_d_named_ok", "tx_d_named", "tx_d_named_ok",
                             "ours_d_spk_old", "tx_d_spk_old", "ours_d_spk_n", "tx_d_spk_n", "ours_a_spk_n")}
    t0 = time.perf_counter()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        anns = sorted((root / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        article = make_article(text, id=path.stem)
        doc = nlp(article.text)
        golds = _parse_ann(anns[0], text, doc if article.text == text else None)
        facts = run_extractors(doc, article, chosen=chosen)
        result = SimpleNamespace(text=article.text, quotes=facts["quotes"])
        marked = [m.outer for m in find_marked(text)]
        gd = [(g, _tokens(text, g.content)) for g in golds if g.direct]
        ga = [(g, _tokens(text, g.content)) for g in golds]
        od, oa = _ours(result, marked)
        tx = _textacy(doc)
        counts["gold_direct"] += len(gd)
        counts["gold_all"] += len(ga)
        counts["ours_direct"] += len(od)
        counts["ours_all"] += len(oa)
        counts["tx_direct"] += len(tx)
        for key, preds in (("ours_d", od), ("tx_d", tx)):
            e, o, s, nn, nok, sold, sn = _match(preds, gd, text)
            counts[f"{key}_spk_old"] += sold
            counts[f"{key}_spk_n"] += sn
            counts[f"{key}_exact"] += e
            counts[f"{key}_overlap"] += o
            counts[f"{key}_spk"] += s
            counts[f"{key}_named"] += nn
            counts[f"{key}_named_ok"] += nok
        _e, o, s, _nn, _nok, _old, sn = _match(oa, ga, text)
        counts["ours_a_spk_n"] += sn
        counts["ours_a_overlap"] += o
        counts["ours_a_spk"] += s
        if errors:
            _print_errors(path.stem, text, result, gd)
    c = counts
    out: dict[str, float] = {"docs": float(len(texts)), "seconds": time.perf_counter() - t0}
    for who, n_pred in (("ours", c["ours_direct"]), ("textacy", c["tx_direct"])):
        k = "ours_d" if who == "ours" else "tx_d"
        for mode in ("exact", "overlap"):
            p, r, f = _prf(c[f"{k}_{mode}"], n_pred, c["gold_direct"])
            out[f"{who}_direct_{mode}_p"], out[f"{who}_direct_{mode}_r"], out[f"{who}_direct_{mode}_f1"] = p, r, f
        out[f"{who}_direct_speaker_acc"] = c[f"{k}_spk"] / c[f"{k}_spk_n"] if c[f"{k}_spk_n"] else 0.0
        out[f"{who}_direct_speaker_acc_oldrule"] = (c[f"{k}_spk_old"] / c[f"{k}_overlap"]
                                                    if c[f"{k}_overlap"] else 0.0)
        out[f"{who}_direct_speaker_acc_named"] = (c[f"{k}_named_ok"] / c[f"{k}_named"]
                                                  if c[f"{k}_named"] else 0.0)
    p, r, f = _prf(c["ours_a_overlap"], c["ours_all"], c["gold_all"])
    out["ours_all_overlap_p"], out["ours_all_overlap_r"], out["ours_all_overlap_f1"] = p, r, f
    out["ours_all_source_acc"] = c["ours_a_spk"] / c["ours_a_spk_n"] if c["ours_a_spk_n"] else 0.0
    out["gold_direct"], out["gold_all"] = float(c["gold_direct"]), float(c["gold_all"])
    out["ours_minus_textacy_direct_overlap_f1"] = out["ours_direct_overlap_f1"] - out["textacy_direct_overlap_f1"]
    out["ours_minus_textacy_direct_speaker_acc"] = (out["ours_direct_speaker_acc"]
                                                    - out["textacy_direct_speaker_acc"])
    return out


def _print_errors(name: str, text: str, result, gd) -> None:
    direct = [q for q in result.quotes if q.kind == "direct"]
    print(f"\n== {name}")
    for g, _ in gd:
        s, e = g.content[0][0], g.content[-1][1]
        src = " ".join(text[a:b] for a, b in g.source)
        hit = [q for q in direct if q.span[0] < e and s < q.span[1]]
        spk = hit[0].speaker.name if hit and hit[0].speaker else None
        good = _speaker_ok(Pred(frozenset(), {spk} if spk else set(), None), g)
        mark = "MISS" if not hit else "ok  " if good else "SPK "
        extra = ""
        if hit and mark == "SPK ":
            q = hit[0]
            sp = text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None
            extra = f" [surface={sp!r} cue={q.cue!r}]"
        print(f"  {mark} gold[{src!r} names={sorted(g.names)!r}] ours={spk!r}{extra}: {text[s:e][:90]!r}")
    for q in direct:
        if not any(g.content[0][0] < q.span[1] and q.span[0] < g.content[-1][1] for g, _ in gd):
            print(f"  FP  {q.text[:90]!r} <- {q.speaker and q.speaker.name!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="both", choices=("both", "dev", "test"))
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="print misses and false positives (dev only)")
    args = ap.parse_args()
    splits = ["dev"] if args.errors else ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        _print_split(split, measure(split=split, docs=args.docs, errors=args.errors))


def _print_split(split: str, r: dict[str, float]) -> None:
    rows = []
    for label, key in (("direct exact P", "direct_exact_p"), ("direct exact R", "direct_exact_r"),
                       ("direct exact F1", "direct_exact_f1"), ("direct overlap P", "direct_overlap_p"),
                       ("direct overlap R", "direct_overlap_r"), ("direct overlap F1", "direct_overlap_f1"),
                       ("direct speaker accuracy", "direct_speaker_acc"),
                       ("  (first stand-in rule)", "direct_speaker_acc_oldrule"),
                       ("  (gold Source a name)", "direct_speaker_acc_named")):
        rows.append((label, f"{r['ours_' + key]:.3f}", f"{r['textacy_' + key]:.3f}"))
    print_table(f"PolNeAR {split}: {int(r['docs'])} articles, {int(r['gold_direct'])} gold direct "
                f"quotes ({r['seconds']:.0f} s)", rows, header=("metric", "newsgraph", "textacy"))
    print_table(f"PolNeAR {split}, all attributions ({int(r['gold_all'])} gold; overlap >= 0.5)",
                [("content P", f"{r['ours_all_overlap_p']:.3f}"), ("content R", f"{r['ours_all_overlap_r']:.3f}"),
                 ("content F1", f"{r['ours_all_overlap_f1']:.3f}"),
                 ("source accuracy", f"{r['ours_all_source_acc']:.3f}")], header=("metric", "newsgraph"))


if __name__ == "__main__":
    main()
