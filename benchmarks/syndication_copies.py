"""Copies made the ways outlets make them: the report and case records and the text transformations of
``syndication_stress.py`` (cuts, word edits, credit-free extra paragraphs, house spelling and numbers), shared
with ``syndication_edits.py``."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

@dataclass
class Report:
    id: str
    story: str
    record: dict
    copy_of: str | None  # the gold original when the report is itself a copy (id or agency)


@dataclass
class Case:
    cls: str
    seed: Report
    derived: list[dict] = field(default_factory=list)
    gold: set[tuple[str, str]] = field(default_factory=set)
    with_seed: bool = True
    dating: str = ""
    number: int = 0


# --------------------------------------------------------------------------- text transformations


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z0-9])")


def sentences(par: str) -> list[str]:
    return [s for s in _SENT.split(par) if s.strip()]


def cut_paragraphs(text: str, k: int) -> str:
    return "\n\n".join(paragraphs(text)[:k])


def cut_sentences(text: str, k: int) -> str:
    out, n = [], 0
    for par in paragraphs(text):
        sents = sentences(par)[:k - n]
        if not sents:
            break
        out.append(" ".join(sents))
        n += len(sents)
    return "\n\n".join(out)


def edit_words(text: str, rate: float, rng: random.Random, vocab: list[str], *, keep_quotes: bool = False) -> str:
    """Each word, with probability ``rate``, dropped, swapped with the next, or replaced by another word
    (capitalised like the word it replaces). A paragraph's first word and short paragraphs (credit lines,
    bylines) are left alone, as an outlet editing a text leaves them; with ``keep_quotes`` so are the words
    inside quotation marks (an outlet rewording the narration keeps what people said)."""
    out_pars = []
    for par in paragraphs(text):
        words = par.split()
        if len(words) < 8:
            out_pars.append(par)
            continue
        quoted = _quoted_words(words) if keep_quotes else set()
        i, out = 1, words[:1]
        while i < len(words):
            w = words[i]
            if i not in quoted and i + 1 not in quoted and rng.random() < rate:
                op = rng.randrange(3)
                if op == 0:
                    i += 1
                    continue
                if op == 1 and i + 1 < len(words):
                    a, b = _core(w), _core(words[i + 1])
                    out.append(_with_punct(words[i + 1], a[1]))
                    out.append(_with_punct(w, b[1]))
                    i += 2
                    continue
                new = rng.choice(vocab)
                out.append(_with_punct(new.capitalize() if w[:1].isupper() else new, _core(w)[1]))
                i += 1
                continue
            out.append(w)
            i += 1
        out_pars.append(" ".join(out))
    return "\n\n".join(out_pars)


def _quoted_words(words: list[str]) -> set[int]:
    """Indexes of the words inside quotation marks."""
    inside, out = False, set()
    for i, w in enumerate(words):
        opens = w[:1] in "\"“"
        if opens or inside:
            out.add(i)
        if opens and not w.endswith(("\"", "”", "\",", "”,", "\".", "”.")):
            inside = True
        elif inside and re.search(r"[\"”][.,;:!?]?$", w):
            inside = False
    return out


def _core(word: str) -> tuple[str, str]:
    m = re.match(r"^(.*?)([.,;:!?\"”’)]*)$", word)
    return m.group(1), m.group(2)


def _with_punct(word: str, punct: str) -> str:
    return _core(word)[0] + punct


# --------------------------------------------------------------------------- cases


def _later(published: str | None, days: int) -> str | None:
    """A copy's publication: ``days`` after the seed's (a date stays a date; a time moves three hours on
    the same day, so that the copy is later even when both carry one day)."""
    if not published:
        return None
    if "T" not in published:
        return (dt.date.fromisoformat(published[:10]) + dt.timedelta(days=days)).isoformat()
    when = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    return (when + (dt.timedelta(days=days) if days else dt.timedelta(hours=3))).isoformat()


def _derive(case: Case, text: str, n: int, days: int) -> str:
    cid = f"{case.seed.id}~{case.number:02d}.{n}"
    case.derived.append({"id": cid, "source": f"Stress Outlet {n}", "title": case.seed.record.get("title"),
                         "published": _later(case.seed.record.get("published"), days) if n else
                         case.seed.record.get("published"), "url": None, "text": text})
    return cid


def single_copies(seed: Report, kinds, others: list[Report], first: int) -> list[Case]:
    """One case per (class, maker) of ``kinds``, numbered from ``first``: a copy dated the seed's day or the
    next (undated with an undated seed), taking another story's headline when its class says "headline"."""
    cases = []
    for cls, make in kinds:
        rng = random.Random(f"{seed.id}|{cls}")
        c = Case(cls, seed, number=first + len(cases))
        d = rng.choice((0, 1))
        c.dating = "undated" if not seed.record.get("published") else "same day" if d == 0 else "day after"
        cid = _derive(c, make(rng), 1, d)
        if "headline" in cls:
            c.derived[-1]["title"] = rng.choice(others).record.get("title") or "Latest news"
        c.gold.add((cid, seed.id))
        cases.append(c)
    return cases


def _extra(rng: random.Random, others: list[Report]) -> list[str]:
    """Paragraphs of another story's report to add to a copy: inner paragraphs without a credit (an
    outlet's own addition names no wire)."""
    from newsgraph.stories import find_credit

    while True:
        pars = paragraphs(rng.choice(others).record["text"])
        inner = [p for p in pars[1:-1] if len(p.split()) >= 15 and find_credit(p) is None]
        if inner:
            start = rng.randrange(len(inner))
            return inner[start:]


US_UK = {"color": "colour", "honor": "honour", "labor": "labour", "favor": "favour", "neighbor": "neighbour",
         "behavior": "behaviour", "harbor": "harbour", "rumor": "rumour", "center": "centre", "theater": "theatre",
         "defense": "defence", "offense": "offence", "program": "programme", "percent": "per cent", "gray": "grey",
         "traveled": "travelled", "canceled": "cancelled", "meters": "metres", "kilometers": "kilometres"}
"""American spellings and their British forms (an outlet carrying a wire text in its house spelling)."""
NUMBER_WORDS = "zero one two three four five six seven eight nine".split()


def respell(text: str) -> str:
    """``text`` in British spelling: the ``US_UK`` words (and their inflections) and "-ize" verbs as "-ise"."""
    def one(m: re.Match) -> str:
        word, low = m.group(), m.group().lower()
        out = None
        for us, uk in US_UK.items():
            if low == us or (low.startswith(us) and low[len(us):] in ("s", "ed", "ing", "er", "ers")):
                out = uk + low[len(us):]
        if out is None and (z := re.fullmatch(r"([a-z]{4,})iz(e|es|ed|ing|ation|ations)", low)):
            out = z.group(1) + "is" + z.group(2)
        return word if out is None else out.capitalize() if word[0].isupper() else out
    return re.sub(r"[A-Za-z]+", one, text)


def renumber(text: str) -> str:
    """``text`` with numbers in another house style: "1,500" as "1500", a lone digit spelled out, "40 percent"
    as "40%", "3 million" as "3m"."""
    text = re.sub(r"\b(\d{1,3}),(\d{3})\b(?!,\d)", r"\1\2", text)
    text = re.sub(r"(?<![\d.,$£€])\b([1-9])\b(?![\d.,%:])", lambda m: NUMBER_WORDS[int(m.group(1))], text)
    text = re.sub(r"(\d) (?:percent|per cent)\b", r"\1%", text)
    return re.sub(r"(\d) (million|billion)\b", lambda m: m.group(1) + ("m" if m.group(2) == "million" else "bn"), text)
