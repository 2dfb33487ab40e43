"""Figures: numbers with what they count, their hedge and who says so.

"Some 220,000 people have been killed ... according to United Nations
calculations" becomes ``Figure(kind="killed", value=220000, approximate=True,
hedge="Some", source="United Nations")``. Numbers are read by ``numbers.py``;
this module decides what each one counts from the dependency parse and the cue
lexicon (``figure_cues.tsv``), drops numbers that are not counts (years, dates,
ages, times, phone numbers, scores, labels such as "Resolution 2254"), and finds
the source ("according to X", "X said").

Decisions (the conventions of the real-report sets, ``benchmarks/newsdev``
README 6.2; the dev set ``tests/data/figures_dev.jsonl`` pins each one):

- ``span`` covers the hedge, the currency and the number ("more than $3
  billion", "Some 220,000"), never the counted noun ("people").
- One record per distinct (kind, value) in the article: ``mentions`` holds
  every span stating it, ``span``/``text`` the first, ``source`` the first any
  mention names.
- Percentages are kept as kind ``other`` with unit ``%``. Vague amounts
  ("hundreds", "dozens"), fractions ("a third of"), measurements (magnitudes,
  distances, weights: a value with decimals that is neither money nor a
  percentage is a measurement) and equipment ("two helicopters") are not
  figures.
- Ranges give ``value`` (lower) and ``value_max`` and are approximate.
- Small numbers written as words are kept when they count people or things
  ("three explosions", "two deputy ministers"); "one" only with a cue saying
  what happened ("one gunman was killed"), since it mostly picks somebody out;
  "the two countries" (things counted before) is not a new figure, "the eight
  attackers" is.
- Kinds: a verb or adjective cue wins over the counted noun ("45 protesters
  were killed" is killed), except that people_other verbs never override a
  specific noun ("relocate 120,000 refugees" is refugees) and never turn a
  non-person noun into people ("built 300 houses" is other); fleeing to another
  country makes refugees, fleeing home makes displaced; a part shares the kind
  of its whole ("killing 22 people, including 11 foreigners", "23 deaths, 17 of
  them in the capital"), and so does a number listed after a toll ("the toll
  rose to 45, 30 in the capital").
- ``source``: "according to X" in the sentence, else the subject of a
  reporting verb governing the figure ("police said"), else the speaker of a
  quote holding it. Entity mentions give canonical names; other phrases are
  given as written without articles ("health ministry", "officials"); words
  standing for numbers are skipped ("United Nations calculations" -> United
  Nations, "a spokesman for the ministry" -> ministry). spaCy's DATE label on
  bare numbers is not trusted (it tags "58" and "150 last year").
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from ..model import Article, Figure, Found
from .figure_filters import _not_a_count, is_tally
from .figure_kinds import _SPECIFIC, PEOPLE_KINDS, _counted_noun, _kind, _noun_kind
from .figure_sources import _source
from .linking import MentionIndex
from .numbers import NumberExpr, find_numbers, plain
from .place_links import link_figures

__all__ = ["PEOPLE_KINDS", "extract"]

log = logging.getLogger(__name__)


def _is_conversion(doc, x: NumberExpr, previous: NumberExpr | None) -> bool:
    """A currency conversion in brackets right after another money amount."""
    if previous is None or not (x.currency and previous.currency) or x.currency == previous.currency:
        return False
    return x.start - previous.end == 1 and doc[previous.end].text in ("(", "[", "—", "-", "–") \
        or (x.start - previous.end == 2 and doc[previous.end].text == "," and
            doc[previous.end + 1].lower_ in ("or", "about", "around"))


# --------------------------------------------------------------------------- extract


def extract(doc, article: Article, found: Found) -> list[Figure]:
    """Figures in one parsed article, sorted by span start.

    Args:
        doc: the article's spaCy Doc (read only).
        article: the article; spans index ``article.text``.
        found: earlier facts; entities name sources canonically, quotes attribute quoted figures.

    Returns:
        One ``Figure`` per number expression that counts something.
    """
    index = MentionIndex(found.entities)
    out: list[Figure] = []
    previous: NumberExpr | None = None
    numbers = find_numbers(doc)
    for x in numbers:
        if _is_conversion(doc, x, previous):
            continue  # "5.8 billion euros ($7.5 billion)": the same money in another currency
        previous = x
        try:
            reason = _vague_or_measured(doc, x) or _not_a_count(doc, x, numbers)
            if reason:
                log.debug("skipped %r: %s", doc[x.start:x.end].text, reason)
                continue
            kind, unit = ("other", None) if is_tally(doc, x) else _kind(doc, x)  # votes, not voters
            if kind is None:
                continue
            if x.words_only and x.value < 10 and x.value_max is None and kind != "money" \
                    and unit != "%" and not _small_count(doc, x, kind):
                continue  # "one reason he's hurting", "one suspect": not figures a reader tracks
            start = doc[x.start].idx
            end = doc[x.end - 1].idx + len(doc[x.end - 1].text.rstrip("."))  # "£300m." ends a sentence
            source = _source(doc, x, (start, end), found, index)
        except (IndexError, ValueError, ArithmeticError, TypeError, AttributeError, KeyError) as exc:
            # one odd number never costs the article its other figures
            log.debug("figure candidate %r skipped: %r", doc[x.start:x.end].text, exc)
            continue
        out.append(Figure(
            kind=kind, value=plain(x.value), unit=unit,
            approximate=bool(x.hedge or x.vague or x.value_max is not None),
            text=article.text[start:end], span=(start, end), source=source,
            hedge=x.hedge, value_max=plain(x.value_max), mentions=((start, end),)))
    out.sort(key=lambda f: f.span)
    return link_figures(doc, merge_mentions(out), found.places)  # place: where it happened (issue 14)


def _vague_or_measured(doc, x: NumberExpr) -> str | None:
    """Why a number is no figure whatever it counts: vague, a fraction, or a measurement.

    "hundreds", "dozens", "millions" and "nearly two-thirds" give no number a reader
    can compare; a value with decimals that is neither money nor a percentage
    ("8.1", "a magnitude 7.1 quake", "1.5 metres") measures something, since counts
    are whole numbers ("15.4 million votes" is one).
    """
    if x.vague:
        return "vague"
    if x.fraction:
        return "fraction"
    if not x.currency and not x.percent and (float(x.value) != int(x.value) or (
            x.value < 1000 and any(re.fullmatch(r"\d+\.\d+", t.text) for t in doc[x.num_start:x.num_end]))):
        return "measurement"  # "8.1", "a magnitude 8.0 shake"
    return None


def _small_count(doc, x: NumberExpr, kind: str) -> bool:
    """Whether a small number written in words counts something the report tracks.

    "Three explosions", "two vice-presidents", "nine raids" do; "one" mostly picks
    somebody out ("one suspect", "one of them") unless a cue says what happened to
    them ("one attacker was killed").
    """
    noun = _counted_noun(doc, x)
    if x.value == 1:  # "one in the east" after a toll, "one attacker was killed"; not "one neighbourhood"
        return kind in _SPECIFIC and (noun is None or _noun_kind(noun) in PEOPLE_KINDS | {"person"})
    if kind in _SPECIFIC:
        return True
    if noun is None:
        return kind == "people_other"  # "rescuers brought eight to the surface": a verb counts people
    if _noun_kind(noun) in PEOPLE_KINDS | {"person"}:
        return True
    return noun.tag_ in ("NNS", "NNPS") and _noun_kind(noun) not in ("time", "label", "measure", "equipment")


def merge_mentions(figures: list[Figure]) -> list[Figure]:
    """One figure per distinct (kind, value) in the article, with every mention's span.

    The first mention gives ``text`` and ``span``; the source is the first one any
    mention names (a later sentence may credit a figure first given bare).
    """
    first: dict[tuple[str, float], int] = {}
    merged: list[Figure] = []
    for f in figures:
        key = (f.kind, float(f.value))
        k = first.get(key)
        if k is None:
            first[key] = len(merged)
            merged.append(f)
            continue
        old = merged[k]
        merged[k] = replace(old, mentions=old.mentions + f.mentions, source=old.source or f.source,
                            approximate=old.approximate and f.approximate)
    return merged
