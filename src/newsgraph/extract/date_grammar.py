"""The date-expression grammar: regular expressions built from ``lexicons/date_words.tsv``.

Why a grammar of our own: the small spaCy models miss bare weekdays after a
preposition, cut "Sept. 16" at the abbreviation dot, and label durations, ages
and phone-like numbers as DATE. The grammar finds candidate spans in the raw
text (fast: a handful of compiled patterns per article); ``date_resolve`` turns
the named groups of a match into calendar values, and ``dates`` checks the
context (tense, ages, bare years and months) with the parse.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lexicons import load_rows

_LEXICON = "date_words.tsv"
MONTH_STEM = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
"""A month written out or cut short ("Jan.", "June", "Sept"), lower case: for patterns that need no value."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One grammar match: ``kind`` names the pattern, ``parts`` its non-empty named groups."""

    start: int
    end: int
    kind: str
    parts: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        """The text of named group ``name``, or None when it did not take part."""
        for key, value in self.parts:
            if key == name:
                return value
        return None


@functools.lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """The date lexicon as ``{kind: {lower-cased word: value}}``."""
    out: dict[str, dict[str, str]] = {}
    for row in load_rows(_LEXICON):
        out.setdefault(row.kind, {})[row.word] = row.value
    return out


def _alt(items, *, capital: bool = False) -> str:
    """A regex alternation of ``items``, longest first; ``capital`` demands an initial capital."""
    forms = []
    for w in sorted(items, key=len, reverse=True):
        if capital:
            forms.extend([w.capitalize(), w.upper()])
        else:
            forms.append(w)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def _ci(items) -> str:
    """A case-insensitive alternation (first letter either case, rest lower)."""
    forms = []
    for w in sorted(items, key=len, reverse=True):
        forms.extend([w, w[:1].upper() + w[1:]])
    return "(?:" + "|".join(re.escape(f) for f in dict.fromkeys(forms)) + ")"


def _titled(items) -> str:
    """An alternation of multi-word names in title case ("New Year's Eve")."""
    forms = [" ".join(p[:1].upper() + p[1:] for p in w.split()) for w in sorted(items, key=len, reverse=True)]
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


MODS = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of|Early|Late|Mid)"


@functools.lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled grammar as ``(kind, pattern)`` pairs (built once per process)."""
    w = words()
    month = (f"(?:{_alt(w['month'], capital=True)}"
             f"|{_alt(w['month_abbr'], capital=True)}(?:\\.|\\b(?=\\s*\\d)))")
    weekday = _alt(w["weekday"], capital=True)
    wd_abbr = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."
    weekday_any = f"(?:{weekday}|{wd_abbr})"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    nums = _ci(w["number"])
    num = rf"(?:\d+(?:\.\d+)?|(?:{_ci(k for k in w['number'] if w['number'][k].isdigit() and int(w['number'][k]) >= 20)}-)?{nums})"
    unit_words = [u for u in w["unit"]]
    unit = _ci(unit_words)
    daypart = "(?:morning|afternoon|evening|night|overnight)"
    season = _ci(w["season"])
    ordinal = rf"(?:{_ci(w['ordinal'])}|\d{{1,2}}(?:st|nd|rd|th))"
    no_age = r"(?!-old|\s+old\b|\s+of\s+age\b|-olds?\b)"
    rel_word = r"(?:last|next|this|past|coming|Last|Next|This)"
    specs: list[tuple[str, str]] = [
        ("iso", rf"\b(?P<y>{year})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                rf"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?)?\b(?!-)"),
        ("ymd", rf"\b(?P<y>{year})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])\b(?!/)"),
        ("numeric", rf"(?<![\d/.,:-])(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)"
                    rf"(?P<y>{year}|\d\d)(?![\d/.,]\d)(?!\d)"),
        ("mdy", rf"(?:(?P<wd>{weekday_any}),?\s+)?(?P<mon>{month})\s+(?P<d>{day})\b(?![,.:]?\d)"
                rf"(?!\s*(?:%|percent|per\s+cent))(?:,?\s+(?P<y>{year})\b(?![,.]\d))?"),
        ("dmy", rf"(?:(?P<wd>{weekday_any}),?\s+)?(?:the\s+)?(?<![\d,.])(?P<d>{day})\s+(?:of\s+)?(?P<mon>{month})"
                rf"(?:,?\s+(?P<y>{year})\b(?![,.]\d))?"),
        # "on the 24th", "the 3rd of this month": a day of the month without the month's name (the
        # context check in ``dates`` asks for a preposition before it and no noun after it)
        ("mday", rf"(?<![\w-])(?:the|The)\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!-)"
                 rf"(?:\s+of\s+(?P<rel>this|last|next|the)\s+month\b)?"),
        ("my", rf"(?:(?P<mod>{MODS})[\s-]+)?(?P<mon>{month})\s*,?\s+(?:of\s+)?(?P<y>{year})\b(?![,.]\d)"),
        # "in March last year", "June of this year": the year word names the month's year
        ("month", rf"(?:(?P<mod>{MODS})[\s-]+)?(?:(?P<rel>{rel_word})\s+)?(?P<mon>{month})\b(?!\s*\d)"
                  rf"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b)?"),
        ("year", rf"(?:(?P<mod>{MODS})[\s-]+)?(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*)?(?<![\d$£€#.,/])(?<!\d-)(?P<y>{year})\b"
                 rf"(?![.,/:]\d|-\d|\s*(?:%|percent|per\s+cent))"),
        ("decade", rf"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d)0|'(?P<dd>\d)0)'?s\b"),
        ("century", rf"(?:the\s+)?(?P<ord>{ordinal})[\s-]+[Cc]entury\b"),
        # "late Thursday", "early on Saturday", "earlier on Tuesday": the part of the day is part of the
        # expression (TIMEX3 keeps "early"/"late" in the extent, as a mod)
        ("weekday", rf"(?:(?P<part>[Ee]arl(?:y|ier)|[Ll]ater?)\s+(?:on\s+)?)?(?:(?P<rel>{rel_word})\s+)?"
                    rf"(?P<wd>{weekday})(?:\s+(?P<dp>{daypart}))?\b"),
        ("relday", rf"(?P<rd>{_ci(w['relday'])})\b(?:\s+(?P<dp>{daypart}))?(?!\s*'s\s+(?:paper|edition))"),
        ("reldp", rf"(?P<rel>this|last|This|Last)\s+(?P<dp>morning|afternoon|evening|night)\b"),
        ("relunit", rf"(?:(?P<mod>earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                    rf"|Earlier|Later|Early|Late)\s+)?(?P<rel>this|last|next|the\s+last|the\s+next|the\s+previous"
                    rf"|the\s+coming|the\s+following|the\s+current|This|Last|Next|The\s+last|The\s+next|the)\s+"
                    rf"(?:(?P<fy>fiscal|financial|calendar|school|academic)\s+)?"
                    rf"(?P<unit>week|weekend|month|year|quarter|decade|century|{season})\b"),
        ("ago", rf"\b(?P<num>{num})\s+(?P<unit>{unit})s?\s+(?P<ago>ago)\b"),
        ("vague_ago", rf"(?:(?P<num>many|several|a\s+few|few|some)\s+)?(?P<unit>year|decade|month|week|day)s\s+ago\b"),
        ("duration", rf"(?:(?P<rel>(?:the|The)\s+(?:past|last|next|first|previous|following|coming|final|latest)"
                     rf"|(?:past|next|first|coming|final|another|Another)))?\s*"
                     rf"\b(?P<num>{num})(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|full|straight|consecutive|long))?"
                     rf"[\s-]+(?P<unit>{unit})s?\b{no_age}(?P<half2>\s+and\s+a\s+half\b)?"),
        ("past_unit", rf"(?P<rel>(?:the|The)\s+(?:past|previous))\s+(?P<unit>minute|hour|day|week|month|year|decade)\b"),
        ("bare_duration", rf"(?:(?P<rel>(?:the|The)\s+(?:past|last|next|coming)(?:\s+(?:several|few|many))?"
                          rf"|[Rr]ecent|[Ss]everal|(?:a\s+)?[Ff]ew|[Mm]any)\s+)?"
                          rf"\b(?P<unit>minute|hour|day|week|month|year|decade)s\b"),
        ("year_range", rf"(?<![\d$£€#.,/-])(?P<y>{year})\s*[-–/]\s*(?P<y2>{year}|\d\d)\b(?![-–/.,]\d)"),
        ("num_range", rf"\b(?P<num>{num})\s+(?:and|to|or|-|–)\s+(?P<num2>{num})\s+(?P<unit>{unit})s?\b{no_age}"),
        ("set", rf"(?P<q>every|each|Every|Each)\s+(?:(?P<num>\d+|other|{nums})\s+)?"
                rf"(?P<unit>{unit}|{weekday}|{daypart}|{season})s?\b"),
        ("set_adv", rf"(?P<adv>{_alt(w['set'])})\b"),
        ("time", rf"(?<![\d:.])(?P<hh>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
                 rf"(?:\s+(?P<tz>GMT|UTC|EST|EDT|ET|PT|PST|BST|CET|local\s+time))?"),
        ("clock", rf"(?<![\d:.])(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:\d|\d)"
                  rf"(?:\s+(?P<tz>GMT|UTC|EST|EDT|ET|PT|PST|BST|CET|local\s+time|hours|hrs))?"),
        ("noon", r"\b(?P<hw>noon|midday|midnight)\b"),
        # a lower-case word after a one-word name makes it a modifier ("Christmas shoppers"); a name ending
        # in Day or Eve names the day whatever follows ("on New Year's Eve the toll rose")
        ("holiday", rf"(?:(?P<rel>{rel_word})\s+)?(?P<hol>{_titled(w['holiday'])})(?:\s+(?P<dp>{daypart}))?"
                    rf"(?:(?<=Day)|(?<=Eve)|(?!\s+[a-z]))"),
        ("weekend", rf"(?:(?<=\b[Oo]ver\s)|(?<=\b[Aa]t\s)|(?<=\b[Dd]uring\s))(?P<the>the)\s+weekend\b"),
        ("ref", rf"(?P<ref>\b(?:now|Now|currently|Currently|presently|nowadays|Nowadays|at\s+present|At\s+present)\b"
                rf"|(?<=\b[Ii]n\s)the\s+(?:past|future)\b(?!\s+(?:few|several|two|three|four|five|six|ten|\d|decade|year|month|week)))"),
    ]
    return tuple((kind, re.compile(rx)) for kind, rx in specs)


# which words can start a search for each pattern (its "triggers"): scanning only the
# few characters around them keeps the grammar cheap next to the parse
_KIND_TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("year4",), "ymd": ("year4",), "numeric": ("num",), "mdy": ("month",), "dmy": ("month",),
    "my": ("month",), "mday": ("num",), "month": ("month",), "year": ("year4",), "decade": ("year4", "dec"),
    "century": ("century",), "weekday": ("weekday",), "relday": ("relday",), "reldp": ("daypart",),
    "relunit": ("unit", "season", "weekend"), "ago": ("ago",), "vague_ago": ("ago",), "duration": ("unit",),
    "bare_duration": ("unit",), "past_unit": ("unit",), "year_range": ("year4",), "num_range": ("unit",), "set": ("every",),
    "set_adv": ("set",), "time": ("num",), "clock": ("num",), "noon": ("noon",), "holiday": ("holiday",),
    "weekend": ("weekend",), "ref": ("ref",),
}
_FIXED_TRIGGERS = {"ago": "ago", "every": "every", "each": "every", "noon": "noon", "midnight": "noon",
                   "midday": "noon", "weekend": "weekend", "century": "century", "centuries": "century"}


@functools.lru_cache(maxsize=1)
def _trigger_words() -> dict[str, frozenset[str]]:
    """Lower-cased trigger word -> the trigger categories it belongs to."""
    w = words()
    out: dict[str, set[str]] = {}
    for word, cat in _FIXED_TRIGGERS.items():
        out.setdefault(word, set()).add(cat)
    for kind, cat in (("month", "month"), ("month_abbr", "month"), ("weekday", "weekday"), ("unit", "unit"),
                      ("season", "season"), ("daypart", "daypart"), ("relday", "relday"), ("set", "set")):
        for word in w[kind]:
            out.setdefault(word, set()).add(cat)
            out.setdefault(word + "s", set()).add(cat)
    for kind in ("holiday", "ref"):
        for word in w[kind]:
            for part in word.replace("’", "'").replace("'", " ").split():
                if part not in ("the", "at", "day", "s"):
                    out.setdefault(part, set()).add(kind)
    return {k: frozenset(v) for k, v in out.items()}


_WORD = re.compile(r"[A-Za-z]+|\d+|'\d")
_BEFORE, _AFTER = 60, 45  # characters a pattern may extend before / after its trigger word


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger category, the merged stretches of text around its trigger words."""
    trig = _trigger_words()
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for m in _WORD.finditer(text):
        tok = m.group()
        if tok[-1].isdigit():
            cats: frozenset[str] | tuple[str, ...] = (
                ("dec",) if tok[0] == "'" else ("num", "year4") if len(tok) == 4 and 1600 <= int(tok) < 2100
                else ("num",))
        else:
            cats = trig.get(tok.lower(), ())
        if not cats:
            continue
        lo, hi = max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < n and not text[hi].isspace():
            hi += 1
        for cat in cats:
            spans = out.setdefault(cat, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
            else:
                spans.append((lo, hi))
    return out


def _merged(windows: dict[str, list[tuple[int, int]]], cats: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = sorted(s for c in cats for s in windows.get(c, ()))
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def find(text: str) -> list[Candidate]:
    """Every grammar match in ``text`` (overlapping; the caller chooses among them).

    Ranges are split into their two ends ("2009-2010" is two years; "12 and 18
    months" is two durations), as TimeML annotates them.
    """
    out = []
    windows = _windows(text)
    for kind, rx in patterns():
        spans = _merged(windows, _KIND_TRIGGERS[kind])
        for m in (m for lo, hi in spans for m in rx.finditer(text, lo, hi)):
            start, end = m.span()
            if end <= start:
                continue
            parts = tuple((k, v) for k, v in m.groupdict().items() if v)
            if kind == "year_range":
                y, y2 = m.group("y"), m.group("y2")
                if len(y2) == 2:
                    y2 = y[:2] + y2
                if not int(y) < int(y2) <= int(y) + 100:
                    continue
                out.append(Candidate(m.start("y"), m.end("y"), "year", (("y", y), ("range", "1"))))
                out.append(Candidate(m.start("y2"), m.end("y2"), "year", (("y", y2), ("range", "1"))))
                continue
            if kind == "num_range":
                out.append(Candidate(m.start("num"), m.end("num"), "duration",
                                     (("num", m.group("num")), ("unit", m.group("unit")), ("range", "1"))))
                continue
            # strip leading whitespace a pattern's optional prefix left behind
            while start < end and text[start].isspace():
                start += 1
            out.append(Candidate(start, end, kind, parts))
    return out


def number_value(word: str) -> float | str | None:
    """The value of a number word or digits ("three" 3, "twenty-five" 25, "1.5", "several" "X")."""
    w = words()["number"]
    low = " ".join(word.lower().split())
    if low in w:
        v = w[low]
        return v if v == "X" else float(v)
    if "-" in low:
        tens, _, ones = low.partition("-")
        if tens in w and ones in w and w[tens] != "X" and w[ones] != "X":
            return float(w[tens]) + float(w[ones])
    try:
        return float(low)
    except ValueError:
        return None


def month_number(word: str) -> int:
    """1..12 for a month name or abbreviation (with or without the dot)."""
    low = word.lower().rstrip(".")
    w = words()
    return int(w["month"].get(low) or w["month_abbr"][low])


def weekday_number(word: str) -> int:
    """0 (Monday)..6 for a weekday name or abbreviation."""
    low = word.lower().rstrip(".")
    for name, value in words()["weekday"].items():
        if name.startswith(low[:3]):
            return int(value)
    raise KeyError(word)
