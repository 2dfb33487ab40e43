"""No lexicon line reproduces a benchmark sentence's distinctive string.

Lexicons are written from general knowledge; a string that only a benchmark's
sentences would suggest makes that benchmark's figure a measure of memory. Three
kinds of distinctive string are checked against every PLOVER-GSR sentence:

- a *variant* of a name (an alias within two edits of its row's name, same number
  of words) that the sentences write while never writing the name itself: the
  way a benchmark misspelling ("Mitterand") gets copied in;
- an alias that carries a title ("King ...") and is written so in the sentences;
- any lexicon string of four or more words found in a sentence, unless the
  sentence writes it as a name (its words capitalised): a copied phrase.

A file may name the reference source of a variant or phrase in a header line
``# Reference variants (<source>): a, b`` or ``# Reference phrases (<source>): ...``;
those are allowed. Needs ../shared (skipped without it).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import pytest
from rapidfuzz.distance import Levenshtein

from newsgraph.extract.gazetteer import normalise

from conftest import shared_path

LEXICONS = sorted(p.name for p in resources.files("newsgraph.lexicons").iterdir() if p.name.endswith(".tsv"))
NAME_FILES = ("people.tsv", "organisations.tsv", "countries.tsv")
_SMALL = {"of", "for", "the", "and", "de", "bin", "al", "el", "in", "on", "du", "la", "le", "von", "van", "s"}


@lru_cache(maxsize=1)
def _sentences() -> tuple[str, ...]:
    data = json.loads(shared_path("benchmarks", "plover-gsr", "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    return tuple(r["text"] for r in data if isinstance(r, dict) and isinstance(r.get("text"), str))


@lru_cache(maxsize=1)
def _keyed() -> str:
    return "\n".join(f" {normalise(s)} " for s in _sentences())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _in_sentences(phrase: str) -> bool:
    return f" {normalise(phrase)} " in _keyed()


def _lines(name: str) -> tuple[list[str], list[list[str]]]:
    """Header comments, and rows as [name, aliases, other cells...] (name and aliases moved first)."""
    text = resources.files("newsgraph.lexicons").joinpath(name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    columns = [c.strip() for c in rows[0]]
    if "name" in columns and "aliases" in columns:
        first = [columns.index("name"), columns.index("aliases")]
        order = first + [i for i in range(len(columns)) if i not in first]
        return header, [[r[i] if i < len(r) else "" for i in order] for r in rows[1:]]
    return header, [[""] + r for r in rows[1:]]  # no name column: nothing is a variant


def _allowed(header: list[str], kind: str) -> set[str]:
    out: set[str] = set()
    for line in header:
        m = re.match(rf"#\s*Reference {kind}\s*\(([^)]+)\):\s*(.*)", line)
        if m:
            out |= {normalise(v.strip().rstrip(".")) for v in m.group(2).split(",") if v.strip()}
    return out


def _titles() -> set[str]:
    _, rows = _lines("titles.tsv")
    return {normalise(r[1]) for r in rows if len(r) > 1 and r[1].strip()}  # r[0]: no name column


def variant_leaks(name: str, header: list[str], rows: list[list[str]]) -> list[str]:
    allowed = _allowed(header, "variants")
    out = []
    for cells in rows:
        if len(cells) < 2 or not cells[0].strip():
            continue
        canon = normalise(cells[0])
        for alias in (a.strip() for a in cells[1].split("|") if a.strip()):
            key = normalise(alias)
            if key == canon or key in allowed or len(key.split()) != len(canon.split()):
                continue
            if Levenshtein.distance(key, canon) <= 2 and _in_sentences(alias) and not _in_sentences(cells[0]):
                out.append(f"{name}: {alias!r} (a variant of {cells[0]!r} only the benchmark writes)")
    return out


def title_leaks(name: str, rows: list[list[str]], titles: set[str]) -> list[str]:
    out = []
    for cells in rows:
        for alias in (a.strip() for a in (cells[1] if len(cells) > 1 else "").split("|") if a.strip()):
            words = normalise(alias).split()
            if any(" ".join(words[:n]) in titles for n in (1, 2, 3) if len(words) > n) and _in_sentences(alias):
                out.append(f"{name}: {alias!r} (an alias carrying a title, as the benchmark writes it)")
    return out


def _written_as_name(phrase: str) -> bool:
    """Whether some sentence writes ``phrase`` with its words capitalised (a proper name)."""
    pattern = re.compile(r"\W+".join(re.escape(w) for w in _words(phrase)), re.I)
    for s in _sentences():
        for m in pattern.finditer(s):
            if all(w[0].isupper() or w.lower() in _SMALL for w in re.findall(r"\w+", m.group(0))):
                return True
    return False


def phrase_leaks(name: str, header: list[str], rows: list[list[str]]) -> list[str]:
    allowed = _allowed(header, "phrases")
    out = []
    for cells in rows:
        for value in {v.strip() for c in cells for v in c.split("|") if v.strip()}:
            if len(normalise(value).split()) >= 4 and normalise(value) not in allowed and _in_sentences(value) \
                    and not _written_as_name(value):
                out.append(f"{name}: {value!r} (a phrase of a benchmark sentence)")
    return out


@pytest.mark.parametrize("name", NAME_FILES)
def test_leakage_no_name_variant_only_the_benchmark_writes(name):
    assert not variant_leaks(name, *_lines(name))


def test_leakage_no_title_bearing_alias_from_the_benchmark():
    assert not title_leaks("people.tsv", _lines("people.tsv")[1], _titles())


@pytest.mark.parametrize("name", LEXICONS)
def test_leakage_no_benchmark_phrase_in_a_lexicon(name):
    assert not phrase_leaks(name, *_lines(name))


def test_leakage_checks_catch_planted_strings():
    """Strings planted from the benchmark's own sentences are caught by each check."""
    titles = _titles()
    names, titled, phrases = [], [], []
    for s in _sentences():
        names += re.findall(r"\b([A-Z][a-z]{3,} [A-Z][a-z]{4,})\b", s)
        titled += [m for m in re.findall(r"\b([A-Z][a-z]+ [A-Z][a-z]{3,})\b", s)
                   if normalise(m.split()[0]) in titles]
        phrases += [" ".join(w) for w in zip(*[re.findall(r"\b[a-z]{3,}\b", s)[i:] for i in range(4)])]
    name = next(n for n in names if not _in_sentences(n[:-1] + n[-1] * 2))
    misspelt = name[:-1] + name[-1] * 2  # the "canonical" form no sentence writes
    assert variant_leaks("x", [], [[misspelt, name]])
    assert not variant_leaks("x", [f"# Reference variants (a source): {name}"], [[misspelt, name]])
    assert title_leaks("x", [[titled[0].split(" ", 1)[1], titled[0]]], titles)
    phrase = next(p for p in phrases if _in_sentences(p))
    assert phrase_leaks("x", [], [[phrase, "AGREE"]])
