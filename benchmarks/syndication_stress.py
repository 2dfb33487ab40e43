"""Syndication stress benchmark: how copy detection holds up on copies made in the ways outlets make them.

newsdev's 27 copies are too few to show *which kinds* of copy are missed, and the
misses left there carry no evidence in their text. This benchmark makes its own
copies of real reports (the newsdev inputs and the team corpus, read at run time,
never stored), with seeded random transformations of the kinds a held-out set of
real pages shows:

* ``cut``: the first k paragraphs or sentences (wire copy cut to fit; at least 25 words);
* ``extend``: paragraphs of another report added at the end or at the start (a new lead);
* ``edit``: words dropped, swapped or replaced (5%, 10%, 20%, 30% of the words; ``narration``
  keeps the quotations), alone or with a cut or an added paragraph;
* ``house style``: British spelling and numbers written another way ("1500", "four", "40%"), two
  paragraphs swapped, an inner paragraph dropped, a first paragraph and a headline of the outlet's own;
* ``page furniture``: "Advertisement", "READ MORE:" and related-story lines between paragraphs;
* ``credit``: a credit line in one of 45 shapes and places ("CITY (AP) —", "— AFP",
  "(Reuters) -", "Source: ...", the agency alone on the last line, a byline, a copyright line,
  "(With inputs from PTI)"...; six more, two per seed: Reuters' trailer without brackets, a credit
  followed by page furniture or a paragraph of the outlet's own, "Editor: X | Source: A", a wire-feed
  note; two more per seed from a later set of shapes: "Published via A", "A | City", "-- A", "By A
  Staff", an unedited-feed note), on the wire text carried in the set (a copy of the agency, itself copied
  by a later outlet) or on a copy whose original is outside the set; ``decoy`` lines name an agency
  without crediting the text ("told Reuters", "Photo: AFP", and two per seed of a photographer's
  "X/AFP", a caption's "(AFP)", "according to AFP", "Information from AFP was used"); a third round, two
  shapes and two decoys per seed: "CITY, date, A --", "A writer X contributed from City", Reuters' trailer
  with commas, an agency-feed disclaimer ending "Source: A", "Originally published on A", "Published by X
  with permission from A"; decoys "AFP, IANS", "With files from A", "Contributing: X; A", "jr/xy (A, B)";
* ``light`` (``syndication_edits.py``): a close paraphrase (one or two words changed in every sentence),
  sentences reordered, the lead sentence trimmed under a headline of the outlet's own, a paraphrase with a
  paragraph of the outlet's own, all three light edits at once, and an edited copy of an edited copy;
* ``copy of copy`` and ``chain of 3``: copies of copies, whose original is the copy they were
  made from; ``fuller copy after a cut``: a later copy holding more of the text (and a lead of its
  own) than an earlier cut of it, whose original is the text, not the cut.

Each case is a stream: the seed report (unless its original is outside the set),
the other real reports of the same story (independent reports that share quotes and
names: the false-positive risk) and the derived copies, fed to ``StoryClusterer`` in
id order as ``newsgraph analyze --stories`` feeds its input. A copy's id sorts after
its seed's and its publication is the seed's day (three hours later when the seed has a
time) or a day later; an undated seed gives undated copies. Scored: P/R/F1 of the
``(copy, original)`` pairs of the derived copies, of the seed and of the real reports that
are no copies (a link made for one of those is a false copy); an agency original matches by
name as newsdev's scorer does, an article original only by its exact id (a derived copy's id holds its
seed's, which the name match would take for the same article). Rows per class, per credit shape and per dating.

Run: ``.venv/bin/python benchmarks/syndication_stress.py [--seeds N] [--errors] [--only CLASS]``
(about four minutes for every seed; ``--seeds 10`` takes ten seeds of each set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SHARED, print_table  # noqa: E402
from syndication_edits import light_edit_cases  # noqa: E402
from syndication_copies import (  # noqa: E402
    Case, Report, _derive, _extra, cut_paragraphs, cut_sentences, edit_words, paragraphs, renumber, respell,
    single_copies)

TEAM = ROOT / "benchmarks" / "data" / "stories"

AGENCIES = [  # (short form, long form, canonical name) of the world's wire services and syndicating outlets
    ("AP", "Associated Press", "AP"), ("AFP", "Agence France-Presse", "AFP"), ("Reuters", "Reuters", "Reuters"),
    ("UPI", "United Press International", "UPI"), ("Bloomberg", "Bloomberg News", "Bloomberg"),
    ("VOA", "Voice of America", "VOA"), ("dpa", "Deutsche Presse-Agentur", "dpa"),
    ("Xinhua", "Xinhua News Agency", "Xinhua"), ("EFE", "Agencia EFE", "EFE"),
    ("TNS", "Tribune News Service", "TNS"), ("Kyodo", "Kyodo News", "Kyodo"), ("PTI", "Press Trust of India", "PTI"),
]
CITIES = ["GENEVA", "NAIROBI", "LIMA", "OSLO", "HANOI", "QUITO", "ACCRA", "TBILISI", "MANILA", "DAKAR"]
COUNTRIES = ["Switzerland", "Kenya", "Peru", "Norway", "Vietnam", "Ecuador", "Ghana", "Georgia"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WRITERS = ["Mara Lind", "Tomas Vale", "Ines Okafor", "Piet Sander", "Lena Marsh"]


def _city_date(rng: random.Random, day: dt.date | None) -> str:
    """A dateline's place and day: the story's day (a dateline never dates a text at random), or the place
    alone when the story has no dated report."""
    city = rng.choice(CITIES)
    return f"{city}, {MONTHS[day.month - 1]} {day.day}" if day else city


# credit shapes: name -> (where, template); where is "lead" (prefix of the first paragraph), "top" (a line
# before the text), "end" (a line after it) or "tail" (appended to the last paragraph)
CREDITS: dict[str, tuple[str, str]] = {
    "CITY (A) —": ("lead", "{city} ({s}) — "),
    "CITY (A) --": ("lead", "{city} ({s}) -- "),
    "CITY, Country (A) -": ("lead", "{city}, {country} ({s}) - "),
    "CITY, date (A) -": ("lead", "{citydate} ({s}) - "),
    "CITY, date (A):": ("lead", "{citydate} ({s}): "),
    "CITY, d Month yyyy (A) -": ("lead", "{citydmy} ({s}) - "),
    "CITY: (A)": ("lead", "{city}: ({s}) "),
    "CITY /A/ -": ("lead", "{citydate}. /{s}/. "),
    "CITY (A/B) –": ("lead", "{city}, ({s2}/{s}) – "),
    "CITY — A —": ("lead", "{city} — {s} — "),
    "(A) - lead": ("lead", "({s}) - "),
    "(A) -- lead": ("lead", "({s}) -- "),
    "A - lead": ("lead", "{s} - "),
    "line: A News": ("top", "{s} News"),
    "line: long": ("top", "{long}"),
    "line: LONG": ("top", "{LONG}"),
    "line: By A": ("top", "By {s}"),
    "line: A | Updated": ("top", "{s} | Updated: {iso} 09:12"),
    "line: long / date": ("top", "{long}{slashdate}"),
    "line: A Staff": ("top", "{long} Staff"),
    "byline: By X, A": ("top", "By {writer}, {long}"),
    "byline: BY X LONG": ("top", "By {WRITER} {LONG}"),
    "byline: X / A": ("top", "{writer} / {s}"),
    "byline: X | A": ("top", "{writer} | {s}"),
    "end: — A": ("end", "— {s}"),
    "end: - A": ("end", "- {s}"),
    "end: (A)": ("end", "({s})"),
    "end: Source: A": ("end", "Source: {s}"),
    "end: SOURCE: A": ("end", "SOURCE: {S}"),
    "end: Sources: A": ("end", "Sources: {s}"),
    "end: Source – long": ("end", "Source – {long}"),
    "end: A alone": ("end", "{s}"),
    "end: long alone": ("end", "{long}"),
    "end: Credit: A": ("end", "Credit: {long} ({s})"),
    "end: copyright": ("end", "Copyright {year} {long}. All rights reserved."),
    "end: © year A": ("end", "© {year} {s}"),
    "end: © A year": ("end", "© {s} {year}"),
    "end: provided by": ("end", "This article was originally published by {long}."),
    "end: With A": ("end", "— With {s}"),
    "end: With inputs from A": ("end", "(With inputs from {s})"),
    "end: via A": ("end", "Via {s}"),
    "tail: . A": ("tail", " {s}"),
    "tail: (A)": ("tail", " ({s})"),
    "tail: — A": ("tail", " — {s}"),
}
LATE_CREDITS: dict[str, tuple[str, str]] = {
    "end: Reporting by; Editing by": ("end", "Reporting by {writer} in {city}; Editing by {writer2}"),
    "tail: With inputs from A": ("tail", " With inputs from {s}"),
    "end: — A, then furniture": ("end", "— {s}\n\nShare this story\n\nRelated articles\n\nComments"),
    "tail: — A, then own paragraph": ("tail", " — {s}\n\nOur reporter adds that the local council will meet "
                                               "on the matter next month to decide what comes next."),
    "line: Editor | Source: A": ("end", "Editor: {writer} | Source: {s}"),
    "feed note, text names A": ("feed", "This story has been published from a wire agency feed without "
                                        "modifications to the text."),
}
"""Credit shapes tried once per seed past the sampled ``CREDITS`` (a seeded pair of them, the original outside
the set), kept apart so that the cases drawn from ``CREDITS`` stay the same; a shape without ``{s}`` credits
Reuters (its staff trailer), and ``feed`` adds a sentence naming the agency as the one told."""
DECOYS: dict[str, tuple[str, str]] = {
    "decoy: told A": ("tail", " Officials told {long} the count could rise."),
    "decoy: A reported": ("tail", " {s} reported the figures earlier on its website."),
    "decoy: Photo: A": ("top", "Photo: {s}"),
    "decoy: A contributed": ("end", "{long} contributed to this report."),
    "decoy: File (A)": ("end", "FILE - Rescue workers at the scene. ({s} Photo/{writer})"),
}
"""Lines that name an agency without crediting the text to it: a copy carrying them, whose original is
outside the set, is no one's copy."""
MORE_CREDITS: dict[str, tuple[str, str]] = {
    "end: Published via A": ("end", "Published via {s}"),
    "top: A | City": ("top", "{s} | {City}"),
    "top: long | City | Updated": ("top", "{long} | {City} | Updated: {iso} 10:12"),
    "end: -- A": ("end", "-- {s}"),
    "top: By A Staff": ("top", "By {s} Staff"),
    "feed note: not edited, auto-generated": ("feed", "(This story has not been edited by our staff and is "
                                                      "auto-generated from a syndicated feed.)"),
}
"""Credit shapes added later, tried twice per seed (a seeded pair, the original outside the set) past
the shapes above, so that the cases drawn from those stay the same."""
MORE_DECOYS: dict[str, tuple[str, str]] = {
    "decoy: X/A photo": ("top", "{writer}/{s}"),
    "decoy: X/A/Getty": ("end", "{writer}/{s}/Getty Images"),
    "decoy: caption (A)": ("top", "Rescue workers at the scene. ({s})"),
    "decoy: according to A": ("tail", " The count may rise, according to {long}."),
    "decoy: information from A": ("end", "Information from {long} was used in this report."),
}
"""Lines added later that name an agency without crediting the text (a photo's credit, a caption, a
citation, an outlet's own story using wire material), tried twice per seed."""
LATEST_CREDITS: dict[str, tuple[str, str]] = {
    "lead: CITY, date, A --": ("lead", "{citydate}, {s} -- "),
    "end: A writer contributed from City": ("end", "{long} writer {writer} contributed from {City}."),
    "end: (Reporting by, Editing by) with commas": ("end", "(Reporting by {writer}, Editing by {writer2})"),
    "end: feed note, Source: A": ("end", "Disclaimer: This story has not been edited by our staff and is "
                                         "auto-generated from news agency feeds. Source: {s}"),
    "end: Originally published on A": ("end", "Originally published on {long}"),
    "end: with permission from A": ("end", "Published by Stress Digital Services with permission from {long}."),
}
"""Credit shapes added in a third round (the agency in an unbracketed dateline, a wire writer contributing
from a place, Reuters' trailer with commas, an agency-feed disclaimer, a provenance note), tried twice per
seed after every shape above, so that the cases drawn before stay the same."""
LATEST_DECOYS: dict[str, tuple[str, str]] = {
    "decoy: two agencies on a line": ("end", "{S}, {S2}"),
    "decoy: With files from A": ("end", "With files from {long}"),
    "decoy: Contributing: X; A": ("end", "Contributing: {writer}; {long}"),
    "decoy: initials (A, B)": ("end", "jr/xy ({s}, {s2})"),
}
"""Lines of the third round that name agencies without crediting the text to one: a list of two agencies
(compiled from several), an outlet's own story with wire material ("With files from", "Contributing:")."""
DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
                       "morning evening night week month year".split())
"""Words an edit never puts in (a weekday dropped into a text moves the day its story gives it)."""
NO_CREDIT = "none"
MIN_WORDS = 25
"""Words a cut copy keeps at least: a headline or a line of a text is no copy of it."""
SHAPES_PER_SEED = 10
"""Credit shapes tried per seed (a seeded sample, half with the original in the set, half outside)."""


def add_credit(text: str, shape: str, rng: random.Random, agency: str | None = None,
               day: dt.date | None = None) -> tuple[str, str]:
    """``text`` with a credit line of ``shape`` naming ``agency`` (a random one when None) and, where the
    shape dates the text, the story's ``day``; returns the text and the agency."""
    short, long, name = rng.choice([a for a in AGENCIES if agency in (None, a[2])])
    where, tmpl = (CREDITS.get(shape) or LATE_CREDITS.get(shape) or MORE_CREDITS.get(shape) or DECOYS.get(shape)
                   or MORE_DECOYS.get(shape) or LATEST_CREDITS.get(shape) or LATEST_DECOYS[shape])
    writer = rng.choice(WRITERS)
    line = tmpl.format(s=short, S=short.upper(), long=long, LONG=long.upper(), city=rng.choice(CITIES),
                       writer2=rng.choice([w for w in WRITERS if w != writer]),
                       citydate=_city_date(rng, day), writer=writer, WRITER=writer.upper(), year=rng.randint(2014, 2018),
                       country=rng.choice(COUNTRIES),
                       s2=(s2 := rng.choice(["APP", "IANS", "NNA"])), S2=s2,
                       citydmy=(f"{rng.choice(CITIES)}, {day.day} {MONTHS[day.month - 1].rstrip('.')} {day.year}"
                                if day else rng.choice(CITIES)),
                       iso=day.isoformat() if day else "",
                       slashdate=f" / {MONTHS[day.month - 1]} {day.day}, {day.year}" if day else "",
                       City=rng.choice(CITIES).title() if "{City}" in tmpl else "")  # drawn last: the same draws
    pars = paragraphs(text)
    if where == "lead":
        pars[0] = line + pars[0]
    elif where == "top":
        pars.insert(0, line)
    elif where == "end":
        pars.append(line)
    elif where == "feed":
        pars[-1] += f" A witness told {long} the scene was calm."
        pars.append(line)
    else:
        pars[-1] = pars[-1] + line
    return "\n\n".join(pars), name


def house_edit_cases(seed: Report, pool: list[Report], first: int) -> list[Case]:
    """Copies an outlet made in its house style, numbered from ``first`` (after every case of ``make_cases``,
    so that those stay the same): British spelling and numbers written another way, two paragraphs
    swapped, an inner paragraph dropped, a first paragraph and a headline of its own."""
    pars = paragraphs(seed.record["text"])
    others = [r for r in pool if r.story != seed.story]
    kinds: list[tuple[str, object]] = [("house style: British spelling, numbers",
                                        lambda rng: renumber(respell("\n\n".join(pars))))]
    if len(pars) > 3:
        def swapped(rng: random.Random) -> str:
            p, i = pars[:], rng.randrange(1, len(pars) - 2)
            p[i], p[i + 1] = p[i + 1], p[i]
            return "\n\n".join(p)
        kinds += [("house style: two paragraphs swapped", swapped),
                  ("house style: inner paragraph dropped",
                   lambda rng: "\n\n".join(p for k, p in enumerate(pars) if k != rng.randrange(1, len(pars) - 1)))]
    if len(pars) > 2 and len(" ".join(pars[1:]).split()) >= 2 / 3 * len(" ".join(pars).split()):
        # (a text whose first paragraph holds a third of it or more is no longer the same text without it)
        kinds.append(("house style: own first paragraph and headline",
                      lambda rng: "\n\n".join(_extra(rng, others)[:1] + pars[1:])))
    return single_copies(seed, kinds, others, first)


def make_cases(seed: Report, pool: list[Report], vocab: list[str], credit_ok: bool) -> list[Case]:
    """Every transformation of one seed (each with its own seeded generator)."""
    cases = _cases(seed, pool, vocab, credit_ok)
    cases += house_edit_cases(seed, pool, len(cases))
    return cases + light_edit_cases(seed, pool, vocab, len(cases))


def _cases(seed: Report, pool: list[Report], vocab: list[str], credit_ok: bool) -> list[Case]:
    """The transformations of one seed before ``house_edit_cases``."""
    text = seed.record["text"]
    dated = sorted(r.record["published"][:10] for r in pool if r.story == seed.story and r.record.get("published"))
    day = dt.date.fromisoformat((seed.record.get("published") or (dated[0] if dated else ""))[:10] or "1-01-01")
    day = None if day.year == 1 else day
    pars = paragraphs(text)
    others = [r for r in pool if r.story != seed.story]
    cases: list[Case] = []

    def case(cls: str) -> tuple[Case, random.Random]:
        c = Case(cls, seed, number=len(cases))
        rng = random.Random(f"{seed.id}|{cls}")
        c.dating = "undated" if not seed.record.get("published") else ""
        cases.append(c)
        return c, rng

    def days(rng: random.Random, c: Case) -> int:
        d = rng.choice((0, 1))
        if not c.dating:
            c.dating = "same day" if d == 0 else "day after"
        return d

    def one(c: Case, rng: random.Random, copy_text: str) -> None:
        cid = _derive(c, copy_text, 1, days(rng, c))
        c.gold.add((cid, seed.id))

    c, rng = case("exact")
    one(c, rng, "\n\n".join(pars))
    words = len(text.split())
    for k in (1, 2, 3):
        if k < len(pars) and len(cut_paragraphs(text, k).split()) >= MIN_WORDS:
            share = len(cut_paragraphs(text, k).split()) / words
            c, rng = case(f"cut {k} par ({'<1/3' if share < 1 / 3 else '<2/3' if share < 2 / 3 else '>2/3'})")
            one(c, rng, cut_paragraphs(text, k))
    for k in (2, 4):
        if len(cut_sentences(text, k).split()) < MIN_WORDS:
            continue
        c, rng = case(f"cut {k} sentences")
        one(c, rng, cut_sentences(text, k))
    c, rng = case("extend end (+1-2 par)")
    one(c, rng, "\n\n".join(pars + _extra(rng, others)[:rng.choice((1, 2))]))
    c, rng = case("extend start (new lead)")
    one(c, rng, "\n\n".join(_extra(rng, others)[:1] + pars))
    if len(pars) > 2:
        c, rng = case("cut 1 + extend 1")
        one(c, rng, "\n\n".join(pars[:-1] + _extra(rng, others)[:1]))
    for rate in (0.05, 0.10, 0.20):
        c, rng = case(f"edit {int(rate * 100)}%")
        one(c, rng, edit_words(text, rate, rng, vocab))
    c, rng = case("edit 30%")
    one(c, rng, edit_words(text, 0.30, rng, vocab))
    c, rng = case("narration 30% (quotes kept)")
    one(c, rng, edit_words(text, 0.30, rng, vocab, keep_quotes=True))
    c, rng = case("page furniture between paragraphs")
    furnished = []
    for par in pars:
        furnished.append(par)
        if rng.random() < 0.4:
            furnished.append(rng.choice(["Advertisement", "READ MORE:", "Story continues below",
                                         "Related: " + (rng.choice(others).record.get("title") or "More news")]))
    one(c, rng, "\n\n".join(furnished))
    c, rng = case("edit 10% + cut half")
    one(c, rng, edit_words(cut_paragraphs(text, max(1, len(pars) // 2)), 0.10, rng, vocab))
    c, rng = case("edit 10% + extend")
    one(c, rng, edit_words(text, 0.10, rng, vocab) + "\n\n" + _extra(rng, others)[0])
    # a copy of a copy: the second copy shares the first one's edits, so the first is its original
    c, rng = case("copy of copy")
    c1 = edit_words(text, 0.05, rng, vocab) + "\n\n" + _extra(rng, others)[0]
    id1 = _derive(c, c1, 1, 1)
    id2 = _derive(c, edit_words(cut_paragraphs(c1, max(2, len(pars) - 1)), 0.05, rng, vocab), 2, 2)
    c.gold |= {(id1, seed.id), (id2, id1)}
    c.dating = c.dating or "day after"
    # a fuller copy after a cut one: a later outlet carries more of the text (with a lead of its own) than
    # an earlier one that cut it, so it was made from the text, not from the cut lying wholly inside it
    if len(pars) > 2:
        c, rng = case("fuller copy after a cut")
        id1 = _derive(c, cut_paragraphs(text, len(pars) // 2), 1, 0)
        id2 = _derive(c, "\n\n".join(_extra(rng, others)[:1] + pars[:-1]), 2, 1)
        c.gold |= {(id1, seed.id), (id2, seed.id)}
        c.dating = c.dating or "day after"
    # a chain on one day: the wire text, a copy of it cut and edited, a copy of that copy edited again
    c, rng = case("chain of 3, same day")
    id1 = _derive(c, edit_words(cut_paragraphs(text, max(2, len(pars) - 1)), 0.05, rng, vocab), 1, 0)
    id2 = _derive(c, edit_words(c.derived[-1]["text"], 0.05, rng, vocab), 2, 0)
    id3 = _derive(c, edit_words(c.derived[-1]["text"], 0.05, rng, vocab), 3, 0)
    c.gold |= {(id1, seed.id), (id2, id1), (id3, id2)}
    c.dating = c.dating or "same day"
    if not credit_ok:
        return cases
    # credits: the seed stands for an uncredited text; its credited version is in the set (the wire's
    # text as an outlet carried it: a copy of the agency, itself copied by a later outlet that credits the
    # agency in another shape or not at all) or only a copy crediting the agency is
    shapes = random.Random(f"{seed.id}|shapes").sample(sorted(CREDITS), SHAPES_PER_SEED)
    for shape in shapes[:SHAPES_PER_SEED // 2]:
        c, rng = case(f"credit in set: {shape}")
        c.with_seed = False
        first, agency = add_credit(text, shape, rng, day=day)
        id0 = _derive(c, first, 0, 0)
        again = rng.choice([s for s in CREDITS if s != shape] + [NO_CREDIT])
        second = edit_words(text, 0.05, rng, vocab)
        second = add_credit(second, again, rng, agency, day) if again != NO_CREDIT else second
        id1 = _derive(c, second[0] if again != NO_CREDIT else second, 1, days(rng, c))
        c.gold |= {(id0, agency), (id1, id0)}
    def credit_outside(shape: str, fixed: str | None = None) -> None:
        c, rng = case(f"credit outside: {shape}")
        c.with_seed = False
        credited, agency = add_credit(edit_words(text, 0.05, rng, vocab), shape, rng, fixed, day)
        cid = _derive(c, credited, 1, days(rng, c))
        c.gold.add((cid, agency))

    def decoy_outside(shape: str) -> None:
        c, rng = case(f"decoy outside: {shape}")
        c.with_seed = False
        decoyed, _ = add_credit(edit_words(text, 0.05, rng, vocab), shape, rng, day=day)
        _derive(c, decoyed, 1, days(rng, c))

    for shape in shapes[SHAPES_PER_SEED // 2:]:
        credit_outside(shape)
    for shape in random.Random(f"{seed.id}|late").sample(sorted(LATE_CREDITS), 2):
        credit_outside(shape, None if "{s}" in LATE_CREDITS[shape][1] else "Reuters")
    for shape in random.Random(f"{seed.id}|decoys").sample(sorted(DECOYS), 2):
        decoy_outside(shape)
    c, rng = case("copy of credited copy, wire outside")
    c.with_seed = False
    c1, agency = add_credit(edit_words(text, 0.05, rng, vocab), rng.choice(sorted(CREDITS)), rng, day=day)
    id1 = _derive(c, c1, 1, 0)
    id2 = _derive(c, edit_words(c1, 0.05, rng, vocab), 2, 1)
    c.gold |= {(id1, agency), (id2, id1)}
    c.dating = c.dating or "day after"
    for shape in random.Random(f"{seed.id}|more").sample(sorted(MORE_CREDITS), 2):
        credit_outside(shape)
    for shape in random.Random(f"{seed.id}|more decoys").sample(sorted(MORE_DECOYS), 2):
        decoy_outside(shape)
    for shape in random.Random(f"{seed.id}|latest").sample(sorted(LATEST_CREDITS), 2):
        credit_outside(shape, None if "{s}" in LATEST_CREDITS[shape][1] or "{long}" in LATEST_CREDITS[shape][1]
                       else "Reuters")
    for shape in random.Random(f"{seed.id}|latest decoys").sample(sorted(LATEST_DECOYS), 2):
        decoy_outside(shape)
    return cases


# --------------------------------------------------------------------------- data


def load_reports() -> tuple[list[Report], list[Report]]:
    """(newsdev reports, team corpus reports); newsdev is empty when ../shared is absent."""
    dev: list[Report] = []
    folder = SHARED / "newsdev"
    if folder.exists():
        gold = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
        story = {a: s for s, v in gold["stories"].items() for a in v["articles"]}
        copies = {x["copy"]: x["original"] for x in gold["syndication"]}
        for line in (folder / "input.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                dev.append(Report(r["id"], "dev:" + story[r["id"]], r, copies.get(r["id"])))
    team: list[Report] = []
    for name, gold_name in (("articles", "gold.json"), ("check", "check_gold.json")):
        gold = json.loads((TEAM / gold_name).read_text(encoding="utf-8"))
        story = {a: s for s, ids in gold["stories"].items() for a in ids}
        copies = {x["copy"]: x["original"] for x in gold["syndication"]}
        for line in (TEAM / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                team.append(Report(r["id"], "team:" + story[r["id"]], r, copies.get(r["id"])))
    return dev, team


def seeds_of(reports: list[Report]) -> list[Report]:
    """Reports fit to be copied: not copies of another report of the set and not copied by one (their
    near-twins in the set would make the original of a derived copy ambiguous)."""
    ids = {r.id for r in reports}
    in_set = {r.id for r in reports if r.copy_of in ids} | {r.copy_of for r in reports if r.copy_of in ids}
    return [r for r in reports if r.id not in in_set and len(paragraphs(r.record["text"])) >= 2]


def _same_actor():
    path = SHARED / "newsdev" / "score.py"
    if not path.exists():
        return lambda a, b: a == b
    spec = importlib.util.spec_from_file_location("newsdev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.same_actor


# --------------------------------------------------------------------------- run and score


def run_case(case: Case, mates: list, analysed: dict) -> list[tuple[str, str]]:
    from newsgraph.stories import StoryClusterer, stories_to_dict

    stream = list(mates) + ([analysed[case.seed.id]] if case.with_seed else [])
    stream += [analysed[d["id"]] for d in case.derived]
    stream.sort(key=lambda a: a.id)
    clusterer = StoryClusterer()
    for a in stream:
        clusterer.add(a)
    out = stories_to_dict(clusterer.result())
    return [(x["copy"], x["original"]) for x in out["syndication"]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=0, help="at most N seeds per set (0: all)")
    ap.add_argument("--errors", action="store_true", help="list the missed and wrong pairs")
    ap.add_argument("--only", default="", help="only classes whose name contains this")
    args = ap.parse_args()

    dev, team = load_reports()
    if not dev:
        print(f"note: {SHARED / 'newsdev'} is not present; seeds come from the team corpus only")
    from newsgraph import analyze_many
    from newsgraph.extract import AnalysedArticle
    from newsgraph.stories import find_credit

    same_actor = _same_actor()
    vocab = sorted({w for r in dev + team for w in re.findall(r"\b[a-z]{4,}\b", r.record["text"])} - DATE_WORDS)
    cases: list[Case] = []
    for reports in (dev, team):
        seeds = seeds_of(reports)
        if args.seeds:
            seeds = random.Random(0).sample(seeds, min(args.seeds, len(seeds)))
        for s in seeds:
            credit_ok = s.copy_of is None and find_credit(s.record["text"]) is None
            cases += [c for c in make_cases(s, reports, vocab, credit_ok) if args.only in c.cls]
    records = [r.record for r in dev + team] + [d for c in cases for d in c.derived]
    analysed = {a.id: a for a in analyze_many(records) if isinstance(a, AnalysedArticle)}
    by_story: dict[str, list[Report]] = {}
    for r in dev + team:
        by_story.setdefault(r.story, []).append(r)

    rows: dict[str, list[int]] = {}
    errors: list[str] = []
    for case in cases:
        mates = [m for m in by_story[case.seed.story] if m.id != case.seed.id]
        pred = run_case(case, [analysed[m.id] for m in mates], analysed)
        judged = {d["id"] for d in case.derived} | {m.id for m in mates if m.copy_of is None}
        if case.with_seed and case.seed.copy_of is None:
            judged.add(case.seed.id)
        pred = [(c, o) for c, o in pred if c in judged]
        # an article id matches only itself: the name match would take a copy "d05~21.1" for its seed "d05"
        ids = judged | {case.seed.id} | {m.id for m in mates}
        tp = sum(1 for c, o in pred if any(c == gc and (o == go or (go not in ids and o not in ids
                                                                    and same_actor(o, go)))
                                           for gc, go in case.gold))
        keys = [case.cls, f"[{case.dating}]", "ALL"]
        if case.cls.startswith(("credit", "decoy")):
            keys = [case.cls.split(":")[0], "shape:" + case.cls.split(":", 1)[1]] + keys[1:]
        for key in keys:
            row = rows.setdefault(key, [0, 0, 0, 0])
            row[0] += 1
            row[1] += tp
            row[2] += len(pred)
            row[3] += len(case.gold)
        if args.errors and tp < max(len(pred), len(case.gold)):
            errors.append(f"{case.cls} [{case.dating}] seed {case.seed.id}: gold {sorted(case.gold)} "
                          f"pred {sorted(pred)}")
    table = []
    for key, (n, tp, np_, ng) in sorted(rows.items(), key=lambda kv: (kv[0] == "ALL", kv[0].startswith("["),
                                                                      kv[0].startswith("shape:"), kv[0])):
        p = tp / np_ if np_ else 1.0
        r = tp / ng if ng else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table.append((key, str(n), str(tp), str(np_), str(ng), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"))
    print_table(f"syndication stress: {len(cases)} cases from {len(dev)} newsdev + {len(team)} team reports",
                table, header=("class", "cases", "tp", "pred", "gold", "P", "R", "F1"))
    if errors:
        print("\nerrors")
        for e in errors:
            print("  " + e)


if __name__ == "__main__":
    main()
