"""Calendar arithmetic: one grammar match plus an anchor date and a tense to a value.

Kept apart from the grammar so the rules ("on Wednesday" in a past-tense clause is
the most recent Wednesday on or before publication) can be read and tested on
their own. Values are ISO at the stated granularity; ``timex_value`` carries the
TIMEX3 value (durations "P4Y", weeks "2015-W38", "PRESENT_REF") used by the
TempEval benchmark and kept as an additive field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .date_grammar import Candidate, month_number, number_value, weekday_number, words

Tense = str | None  # "past", "future", "present", "present_simple", "near" or None


@dataclass(frozen=True, slots=True)
class Resolved:
    """What one expression means: SCHEMA value/granularity plus TIMEX3 type/value."""

    value: str | None
    granularity: str
    timex_type: str
    timex_value: str | None
    relative: bool = False


_UNIT_TIMEX = {"S": ("T", "S"), "MIN": ("T", "M"), "H": ("T", "H"), "D": ("", "D"), "W": ("", "W"),
               "2W": ("", "W"), "M": ("", "M"), "Q": ("", "M"), "Y": ("", "Y"), "10Y": ("", "Y"),
               "100Y": ("", "Y")}
_UNIT_SCALE = {"2W": 2, "Q": 3, "10Y": 10, "100Y": 100}
_DAYPART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}


def _unit_code(word: str) -> str:
    return words()["unit"][word.lower().rstrip("s") if word.lower() not in words()["unit"] else word.lower()]


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def duration_value(num: float | str | None, unit_word: str) -> str:
    """TIMEX3 duration value: ("four", "year") -> "P4Y"; vague numbers give "PXY"."""
    code = _unit_code(unit_word)
    t, letter = _UNIT_TIMEX[code]
    if num == "X" or num is None:
        return f"P{t}X{'DE' if code == '10Y' else 'CE' if code == '100Y' else letter}"
    return f"P{t}{_fmt_num(float(num) * _UNIT_SCALE.get(code, 1))}{letter}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _pick(options: list[dt.date], anchor: dt.date, tense: Tense) -> dt.date:
    """Choose among candidate dates by tense: past = latest on/before, future = earliest on/after."""
    past = [d for d in options if d <= anchor]
    future = [d for d in options if d >= anchor]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and future:
        return min(future)
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def _month_day(anchor: dt.date | None, m: int, d: int, y: int | None, tense: Tense) -> Resolved | None:
    if y is not None:
        try:
            return Resolved(dt.date(y, m, d).isoformat(), "day", "DATE", dt.date(y, m, d).isoformat())
        except ValueError:
            return None
    if anchor is None:
        return Resolved(None, "day", "DATE", f"XXXX-{m:02d}-{d:02d}")
    return _pick_day([(yy, m) for yy in (anchor.year - 1, anchor.year, anchor.year + 1)], d, anchor, tense)


def _month_day_only(anchor: dt.date | None, d: int, rel: str | None, tense: Tense) -> Resolved | None:
    """ "on the 24th" (a day of the month, the month unnamed): of the anchor's month when "of this month"
    says so ("of last/next month" the month before/after), else the day the tense points to among the
    anchor's month and the months either side ("left port on the 15th" told on the 17th is the 15th)."""
    if anchor is None:
        return Resolved(None, "day", "DATE", f"XXXX-XX-{d:02d}", True)
    shift = {"this": (0,), "the": (0,), "last": (-1,), "next": (1,)}.get((rel or "").lower(), (-1, 0, 1))
    return _pick_day([_add_months(anchor.year, anchor.month, k) for k in shift], d, anchor, tense)


def _pick_day(months: list[tuple[int, int]], d: int, anchor: dt.date, tense: Tense) -> Resolved | None:
    """Day ``d`` of the (year, month) the tense points to among ``months`` (those without that day dropped)."""
    options = []
    for y, m in months:
        try:
            options.append(dt.date(y, m, d))
        except ValueError:
            continue
    if not options:
        return None
    day = _pick(options, anchor, tense)
    return Resolved(day.isoformat(), "day", "DATE", day.isoformat(), relative=True)


def _month(anchor: dt.date | None, m: int, rel: str | None, tense: Tense) -> Resolved:
    if anchor is None:
        return Resolved(None, "month", "DATE", f"XXXX-{m:02d}")
    a = (anchor.year, anchor.month)
    rel = (rel or "").lower()
    if rel == "last" or rel == "past":
        y = anchor.year if m < anchor.month else anchor.year - 1
    elif rel in ("next", "coming"):
        y = anchor.year if m > anchor.month else anchor.year + 1
    elif rel == "this":
        y = anchor.year
    else:
        options = [dt.date(yy, m, 1) for yy in (anchor.year - 1, anchor.year, anchor.year + 1)]
        y = _pick(options, dt.date(*a, 1), tense).year
    return Resolved(f"{y}-{m:02d}", "month", "DATE", f"{y}-{m:02d}", relative=True)


def _weekday(anchor: dt.date | None, wd: int, rel: str | None, tense: Tense) -> dt.date | None:
    if anchor is None:
        return None
    rel = (rel or "").lower()
    back = (anchor.weekday() - wd) % 7  # days since the latest such day on/before the anchor
    ahead = (wd - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this" or tense in ("future", "present_simple"):
        return anchor + dt.timedelta(days=ahead)
    if tense == "near" and ahead < back:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _relunit(anchor: dt.date, unit: str, rel: str) -> Resolved | None:
    """ "last month", "this week", "next year" (fiscal years are read as calendar years)."""
    rel = " ".join(rel.lower().split())
    rel = rel if rel == "the" else rel.replace("the ", "")
    k = {"this": 0, "current": 0, "the": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel)
    if k is None:
        return None
    unit = unit.lower()
    if unit == "week":
        d = anchor + dt.timedelta(weeks=k)
        return Resolved(_week(d), "other", "DATE", _week(d), True)
    if unit == "weekend":
        d = anchor + dt.timedelta(weeks=k)
        return Resolved(_week(d) + "-WE", "other", "DATE", _week(d) + "-WE", True)
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, k)
        return Resolved(f"{y}-{m:02d}", "month", "DATE", f"{y}-{m:02d}", True)
    if unit == "year":
        y = anchor.year + k
        return Resolved(str(y), "year", "DATE", str(y), True)
    if unit == "quarter":
        y, m = _add_months(anchor.year, anchor.month, 3 * k)
        q = f"{y}-Q{(m - 1) // 3 + 1}"
        return Resolved(None, "other", "DATE", q, True)
    if unit == "decade":
        dec = str(anchor.year // 10 + k)
        return Resolved(None, "other", "DATE", dec, True)
    if unit == "century":
        return Resolved(None, "other", "DATE", f"{anchor.year // 100 + k:02d}", True)
    code = words()["season"].get(unit)
    if code:
        y = anchor.year + k
        if k == -1 and code == "WI" and anchor.month <= 3:
            y = anchor.year - 1
        return Resolved(None, "other", "DATE", f"{y}-{code}", True)
    return None


def resolve(c: Candidate, anchor: dt.date | None, tense: Tense) -> Resolved | None:
    """The meaning of candidate ``c`` against ``anchor`` (None: only absolute values resolve)."""
    k, g = c.kind, c.get
    if k in ("iso", "ymd"):
        r = _month_day(None, int(g("m")), int(g("d")), int(g("y")), tense)
        if r and g("hh"):
            return Resolved(r.value, "day", "TIME", f"{r.value}T{g('hh')}:{g('mi')}")
        return r
    if k == "numeric":
        a, b, y = int(g("a")), int(g("b")), g("y")
        year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 50 else 1900 + int(y)
        day_first = g("sep") == "." or a > 12
        m, d = (b, a) if day_first else (a, b)
        if m > 12:
            return None
        return _month_day(None, m, d, year, tense)
    if k in ("mdy", "dmy"):
        m = month_number(g("mon"))
        d = int("".join(ch for ch in g("d") if ch.isdigit()))
        y = int(g("y")) if g("y") else None
        if y is None and g("wd") and anchor is not None:
            # "Friday, March 22": the weekday fixes the year near the anchor
            wd = weekday_number(g("wd"))
            for yy in (anchor.year, anchor.year - 1, anchor.year + 1):
                try:
                    if dt.date(yy, m, d).weekday() == wd:
                        y = yy
                        break
                except ValueError:
                    return None
        return _month_day(anchor, m, d, y, tense)
    if k == "mday":
        return _month_day_only(anchor, int(g("d")), g("rel"), tense)
    if k == "my":
        m, y = month_number(g("mon")), int(g("y"))
        return Resolved(f"{y}-{m:02d}", "month", "DATE", f"{y}-{m:02d}")
    if k == "month":
        if g("yrel") and anchor is not None:  # "March last year": the year is said
            m, y = month_number(g("mon")), anchor.year + {"last": -1, "this": 0, "next": 1}[g("yrel")]
            return Resolved(f"{y}-{m:02d}", "month", "DATE", f"{y}-{m:02d}", relative=True)
        return _month(anchor, month_number(g("mon")), g("rel"), tense)
    if k == "year":
        y = g("y")
        return Resolved(y, "year", "DATE", y)
    if k == "decade":
        dec = g("dec") or (None if anchor is None else ("19" if int(g("dd")) > anchor.year % 100 else "20") + g("dd"))
        if dec is None:
            return Resolved(None, "other", "DATE", f"XX{g('dd')}")
        return Resolved(None, "other", "DATE", dec)
    if k == "century":
        o = g("ord").lower()
        n = words()["ordinal"].get(o)
        n = int(n) if n else int("".join(ch for ch in o if ch.isdigit()))
        return Resolved(None, "other", "DATE", f"{n - 1:02d}")
    if k == "weekday":
        day = _weekday(anchor, weekday_number(g("wd")), g("rel"), tense)
        if day is None:
            return Resolved(None, "day", "DATE", f"XXXX-WXX-{weekday_number(g('wd')) + 1}", True)
        if g("dp"):
            return Resolved(day.isoformat(), "day", "TIME", f"{day.isoformat()}T{_DAYPART[g('dp').lower()]}", True)
        return Resolved(day.isoformat(), "day", "DATE", day.isoformat(), True)
    if k in ("relday", "reldp"):
        if anchor is None:  # kept with no value: the story of an undated article may anchor it later
            return Resolved(None, "day", "DATE", None, True)
        if k == "relday":
            raw = words()["relday"][g("rd").lower()]
            off, _, part = raw.partition("|")
            dp = _DAYPART[g("dp").lower()] if g("dp") else part or None
        else:
            off = "-1" if g("rel").lower() == "last" else "0"
            dp = _DAYPART[g("dp").lower()]
        day = anchor + dt.timedelta(days=int(off))
        if dp:
            return Resolved(day.isoformat(), "day", "TIME", f"{day.isoformat()}T{dp}", True)
        return Resolved(day.isoformat(), "day", "DATE", day.isoformat(), True)
    if k == "relunit":
        rel = " ".join(g("rel").lower().split())
        if rel.startswith("the ") and g("unit").lower() in ("decade", "century") and not g("mod"):
            # "over the next decade" is a stretch of time, not a calendar decade
            return Resolved(None, "other", "DURATION", duration_value(1.0, g("unit")))
        if anchor is None:
            return None
        return _relunit(anchor, g("unit"), g("rel"))
    if k == "ago":
        num = number_value(g("num"))
        code = _unit_code(g("unit"))
        if anchor is None or num in ("X", None) or not float(num).is_integer():
            return Resolved(None, "other", "DATE", "PAST_REF", True)
        n = int(num) * _UNIT_SCALE.get(code, 1)
        if code in ("Y", "10Y", "100Y"):
            return Resolved(str(anchor.year - n), "year", "DATE", str(anchor.year - n), True)
        if code in ("M", "Q"):
            y, m = _add_months(anchor.year, anchor.month, -n)
            return Resolved(f"{y}-{m:02d}", "month", "DATE", f"{y}-{m:02d}", True)
        if code in ("W", "2W"):
            d = anchor - dt.timedelta(weeks=n)
            return Resolved(_week(d), "other", "DATE", _week(d), True)
        if code == "D":
            d = anchor - dt.timedelta(days=n)
            return Resolved(d.isoformat(), "day", "DATE", d.isoformat(), True)
        return Resolved(anchor.isoformat(), "day", "TIME", anchor.isoformat(), True)
    if k == "vague_ago":
        return Resolved(None, "other", "DATE", "PAST_REF", True)
    if k == "past_unit":
        return Resolved(None, "other", "DURATION", duration_value(1.0, g("unit")))
    if k in ("duration", "bare_duration"):
        num = number_value(g("num")) if g("num") else "X"
        if (g("half") or g("half2")) and isinstance(num, float):
            num += 0.5  # "seven and a half years", "two years and a half"
        return Resolved(None, "other", "DURATION", duration_value(num, g("unit")))
    if k == "set":
        unit = g("unit").lower().rstrip("s") if g("unit").lower() not in words()["unit"] else g("unit").lower()
        if unit in words()["unit"]:
            num = number_value(g("num")) if g("num") and g("num") != "other" else (2.0 if g("num") else 1.0)
            return Resolved(None, "other", "SET", duration_value(num, unit))
        if unit in _DAYPART:
            return Resolved(None, "other", "SET", f"XXXX-XX-XXT{_DAYPART[unit]}")
        if unit in words()["season"]:
            return Resolved(None, "other", "SET", f"XXXX-{words()['season'][unit]}")
        return Resolved(None, "other", "SET", f"XXXX-WXX-{weekday_number(unit) + 1}")
    if k == "set_adv":
        return Resolved(None, "other", "SET", words()["set"][g("adv").lower()])
    if k in ("time", "clock", "noon"):
        if g("hw"):
            hh, mi = (24 if g("hw").lower() == "midnight" else 12), 0
        else:
            hh, mi = int(g("hh")), int(g("mi") or 0)
            ap = (g("ap") or "").lower().replace(".", "")
            if ap == "pm" and hh < 12:
                hh += 12
            elif ap == "am" and hh == 12:
                hh = 0
        clock = f"T{hh:02d}:{mi:02d}"
        if anchor is None:
            return Resolved(None, "other", "TIME", f"XXXX-XX-XX{clock}")
        return Resolved(anchor.isoformat(), "day", "TIME", anchor.isoformat() + clock, True)
    if k == "holiday":
        mm, dd = (int(x) for x in words()["holiday"][" ".join(g("hol").lower().split())].split("-"))
        rel = (g("rel") or "").lower()
        if anchor is not None and rel in ("last", "next", "this"):
            tense = {"last": "past", "next": "future", "this": tense}[rel]
        return _month_day(anchor, mm, dd, None, tense)
    if k == "weekend":
        if anchor is None:
            return None
        sat = _weekday(anchor, 5, None, tense)
        return Resolved(_week(sat) + "-WE", "other", "DATE", _week(sat) + "-WE", True)
    if k == "ref":
        low = " ".join(g("ref").lower().split())
        return Resolved(None, "other", "DATE", words()["ref"].get(low, "PRESENT_REF"))
    return None


def with_time(day: Resolved, clock: Resolved) -> Resolved:
    """A day expression joined with an adjacent clock time ("15:00 GMT Saturday")."""
    t = (clock.timex_value or "").partition("T")[2]
    if not day.value or not t:
        return day
    return Resolved(day.value, "day", "TIME", f"{day.value}T{t}", day.relative)
