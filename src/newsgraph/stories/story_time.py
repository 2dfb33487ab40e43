"""Story time: the days a story establishes, and the dates of its undated reports resolved through them.

Half of real pages arrive without a publication date, so their "on Tuesday",
"yesterday" or "June 12" have no anchor of their own. Their story has one: its
dated reports say which days the news happened on (their publication days and
the days they resolve "Tuesday", "yesterday", "12 June" to). ``StoryDays`` keeps
those days as a small counter per story (a few entries, whatever the number of
reports), and ``resolve_undated`` uses it for an undated report:

* a weekday the story knows ("Tuesday" when the story's Tuesday is the 21st)
  takes that day, unless told in the future of a day before the inferred one;
* the report's inferred publication day (``published_inferred``, basis
  "story") is the story's main day (the day its reports name most), or the
  latest story day the report itself names when that is later, or the day
  after that day when the report's only word for a nearby day is "yesterday"
  and the story has no eve of that day (``told_day_before``); the weekdays undated
  reports tell of in the past count for the main day as the days dated reports
  name do (``told_days``);
* every other relative expression ("today", "yesterday", "Dec. 9", a weekday
  the story does not know) is resolved against the inferred day with the
  clause tense kept at extraction; ``anchor_from`` is "story";
* a report whose address names a day ("/2021/03/06/") reads only the story
  days of the week that page was filed in (``StoryDays.near``), where a story
  holds two weeks of news; one whose address names none reads the week of the
  story-mate it is most like (``filed_days``).

An undated report that carries its own anchor (a dated dateline, a full date in
its text) keeps it; its ``published_inferred`` then says so ("dateline",
"text").

A story that no dated report dates takes its days from what its reports state
(``stated_days``): the anchors its undated reports found in their own text, the
days they name with both weekday and calendar day ("Tuesday, March 22"), which
fall in one year every five to eleven: the one among the years the run's dated
reports cover (``pinned_day``). In every story, the days undated reports'
addresses name ("/2021/03/04/") count as story days (``told_days``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..extract import AnalysedArticle, analysed_from_dict
from ..extract.date_anaphora import resolve_frames
from ..extract.date_grammar import find, month_number, weekday_number
from ..extract.dates import parse_published, published_time, reresolve, url_day
from ..files import replaced_atomically
from ..model import DateMention, to_dict

WINDOW_DAYS = 7
"""A dated report's own dates count for its story only within a week before publication (up to its day):
news-cycle days, not the history a report recounts nor the days it looks ahead to ("the vote is tomorrow")."""

_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_SHIFTED = re.compile(r"^\s*(?:(?:early|earlier|late|later)\s+(?:on\s+)?)?"
                      r"(?:last|next|this|coming|past|the following|the previous)\b", re.I)


_DAY_AFTER = re.compile(r"\b(?:a|one|the)\s+day\s+(?:after|earlier)\b|\bthe\s+(?:previous|preceding)\s+day\b",
                        re.IGNORECASE)
"""What a sentence says when the day it names comes a day after another happening it tells ("on Saturday, a day
after the alert was raised"): that happening's day, the eve, is of the same news cycle. ("a day before the rally"
points the other way and is not read here.)"""
_SENTENCE_SPAN = re.compile(r"[^.!?\n]+")


def _eve_sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``text`` that tell something a day after something else (``_DAY_AFTER``)."""
    if not _DAY_AFTER.search(text):
        return []
    return [m.span() for m in _SENTENCE_SPAN.finditer(text) if _DAY_AFTER.search(m.group())]


def _in(spans: list[tuple[int, int]], at: int) -> bool:
    return any(s <= at < e for s, e in spans)


def article_days(article: AnalysedArticle) -> list[str]:
    """The news-cycle days a dated report establishes: its publication day and the days it names nearby, and
    the eve of a day it names in a sentence telling it came a day after another happening (``_DAY_AFTER``)."""
    published = parse_published(article.published)
    if published is None:
        return []
    days = {published}
    eves = _eve_sentences(article.text)
    for m in article.dates:
        if m.granularity != "day" or not m.value or len(m.value) < 10:
            continue
        try:
            day = dt.date.fromisoformat(m.value[:10])
        except ValueError:
            continue
        if published - dt.timedelta(days=WINDOW_DAYS) <= day <= published:
            days.add(day)
            if eves and _in(eves, m.span[0]):
                days.add(day - dt.timedelta(days=1))
    return sorted(d.isoformat() for d in days)


def own_weekdays(article: AnalysedArticle, *, told: bool = False, past: bool = False) -> tuple[int, ...]:
    """ISO weekday numbers (1 = Monday) of the plain weekday mentions left unresolved in ``article``;
    with ``told``, only those told in the past or present: a report was written on or after those
    days, where a day it looks ahead to ("the vote will be held on Thursday") may come after it; with
    ``past``, only those a past-tense clause tells of ("resigned on Tuesday"): the news it reports,
    not a day it only refers to ("Friday's closing price", "after Thursday's vote", however told)."""
    out = []
    for m in article.dates:
        if past and (m.tense != "past" or m.text.endswith(("'s", "’s"))):
            continue
        if _needs_story(m) and not (told and m.tense == "future"):
            hit = _WEEKDAY.match(m.timex_value or "")
            if hit and not _SHIFTED.match(m.text):
                out.append(int(hit.group(1)))
    return tuple(sorted(set(out)))


_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)")


def mention_mark(m: DateMention) -> tuple[str, int, int] | None:
    """The day a mention left unresolved names without a year: ``("wd", weekday, 0)`` or ``("md", month, day)``."""
    if not _needs_story(m):
        return None
    hit = _WEEKDAY.match(m.timex_value or "")
    if hit and not _SHIFTED.match(m.text):
        return ("wd", int(hit.group(1)), 0)
    hit = _MONTH_DAY.match(m.timex_value or "")
    return ("md", int(hit.group(1)), int(hit.group(2))) if hit else None


def day_marks(article: AnalysedArticle) -> tuple[tuple[str, int, int], ...]:
    """The days an undated article names without a year (``mention_mark`` of each date mention).

    They say *when* the report's news happened even with no publication date:
    a report naming Thursday and Friday is not about a story whose days are a
    Tuesday, and one naming 21 November is not about a story of March.
    """
    marks = {mark for m in article.dates if (mark := mention_mark(m)) is not None}
    if eves := _eve_sentences(article.text):
        # "deserted on Thursday, a day after the coup": the coup's Wednesday is the report's too
        marks |= {("wd", (mark[1] - 2) % 7 + 1, 0) for m in article.dates
                  if _in(eves, m.span[0]) and (mark := mention_mark(m)) is not None and mark[0] == "wd"}
    return tuple(sorted(marks))


def lead_mark(article: AnalysedArticle) -> tuple[str, int, int] | None:
    """The first day an undated article names without a year (``mention_mark`` shape), or None.

    A report says early when its news happened ("explosions hit the airport early Tuesday"); the days
    it recounts (last week's arrest, the attacks of a month before) come after. Of two stories a report
    fits, the one holding the day its lead names is the story of its news.
    """
    first = min(((m.span[0], mark) for m in article.dates if (mark := mention_mark(m)) is not None),
                default=None)
    return first[1] if first is not None else None


def weekday_gap(a: int, b: int) -> int:
    """Days between two ISO weekdays on the week's circle (Sunday and Monday are one day apart)."""
    gap = abs(a - b) % 7
    return min(gap, 7 - gap)


def mark_distance(marks: Iterable[tuple[str, int, int]], mark: tuple[str, int, int]) -> int | None:
    """Days from ``mark`` to the nearest of ``marks`` (weekdays on the week's circle, month-days in a
    common year); None when no mark of the same kind is given."""
    best: int | None = None
    for kind, a, b in marks:
        if kind != mark[0]:
            continue
        if kind == "wd":
            gap = weekday_gap(a, mark[1])
        else:
            try:
                gap = abs((dt.date(2001, a, b) - dt.date(2001, mark[1], mark[2])).days)
            except ValueError:
                continue
            gap = min(gap, 365 - gap)
        best = gap if best is None else min(best, gap)
    return best


def own_anchor(article: AnalysedArticle) -> tuple[str, str] | None:
    """The anchor an undated article found in its own text (``(day, "dateline"|"text")``), if any."""
    for m in article.dates:
        if m.anchor and m.anchor_from in ("dateline", "text"):
            return m.anchor, m.anchor_from
    return None


def pinned_days(article: AnalysedArticle) -> tuple[tuple[int, int, int], ...]:
    """The year-less days an undated article names with their weekday, as ``(ISO weekday, month, day)``.

    "Tuesday, March 22" is a day in a handful of years only; with the years a run covers it is one
    day (``pinned_day``), where a bare "Tuesday" or "March 22" stays any week or any year.
    """
    out = set()
    for m in article.dates:
        if m.value is not None or not _MONTH_DAY.match(m.timex_value or ""):
            continue
        for c in find(m.text):
            if c.kind in ("mdy", "dmy") and c.get("wd") and not c.get("y"):
                try:
                    out.add((weekday_number(c.get("wd")) + 1, month_number(c.get("mon")),
                             int("".join(ch for ch in c.get("d") if ch.isdigit()))))
                except (KeyError, ValueError):
                    continue
    return tuple(sorted(out))


def pinned_day(pin: tuple[int, int, int], years: Iterable[int]) -> dt.date | None:
    """The one day of ``pin`` (``pinned_days`` shape) in the years ``years`` span (a year either side),
    or None when no such year or more than one lies there (a weekday falls on a calendar day again
    five, six or eleven years on, so a span of a few years leaves at most one)."""
    years = list(years)
    if not years:
        return None
    found = []
    for y in range(min(years) - 1, max(years) + 2):
        try:
            day = dt.date(y, pin[1], pin[2])
        except ValueError:
            continue
        if day.isoweekday() == pin[0]:
            found.append(day)
    return found[0] if len(found) == 1 else None


def stated_days(reports: Iterable, years: Iterable[int]) -> "StoryDays":
    """The days a story's undated reports state, for a story no dated report dates.

    ``reports`` are the story's ``compact.Kept`` records (None for one no longer kept): an undated
    one states its own anchor (``own_anchor``: a dated dateline, the latest full date in its text),
    its weekday-named days (``pins``, placed with ``years``: the publication years of the run's
    dated reports); the days their addresses name are counted by ``told_days``, as for any story.
    Each counts once per report, as a dated report's days do, so the story's main day is the one
    most of them state.
    """
    years = tuple(years)
    out = StoryDays()
    for k in reports:
        if k is None or k.published:
            continue
        if k.own_anchor:
            out.add([k.own_anchor[:10]])
        for pin in k.pins:
            if (day := pinned_day(pin, years)) is not None:
                out.add([day.isoformat()])
    return out


def told_days(days: "StoryDays", reports: Iterable) -> "StoryDays":
    """``days`` with the story days its undated reports are filed under or tell of counted too, once per report.

    ``reports`` are the story's ``compact.Kept`` records (None for one no longer kept). The day an
    undated report's address names (``url_day``: the day the site filed the page under) is a story
    day as a dated report's publication day is (only a story day, never the report's own anchor, as
    the page may have been updated since): a page filed a week before the story's dated reports
    (two stories grouped together) gives the story that week, and the page reads it (``near``,
    ``filed_days``), not the other week's days. An undated
    report that tells in the past tense of a weekday the story knows (``Kept.told``: "resigned on
    Tuesday", in a story whose Tuesday is the 21st) speaks for that day as a dated report speaks for
    the days it names: when the dated
    reports are few, the day most reports tell of, not the publication day of the one dated
    follow-up, is the story's main day. Only weekdays the story already knows count (from ``days``
    and the filing days, so the order of ``reports`` does not matter).
    """
    reports = list(reports)
    out = StoryDays(Counter(days.counts))
    for k in reports:
        if k is not None and not k.published and k.url_day and k.url_day != (k.own_anchor or "")[:10]:
            out.add([k.url_day])
    wmap = out.weekday_map()
    if not wmap:
        return out
    for k in reports:
        if k is None or k.published or k.own_anchor:
            continue
        for day in {wmap[w] for w in k.told if w in wmap}:
            out.counts[day.isoformat()] += 1
    return out


MATES = 64
"""Story-mates with a day of their own an undated report is compared with (``filed_days``): the cost stays flat."""


def filed_days(days: "StoryDays", reports: Iterable[tuple[str, Mapping[str, float] | None, str | None]]
               ) -> dict[str, dt.date]:
    """The day each undated report of a story holding more than a week of news reads its week from
    (``StoryDays.near``) when its address names none: the day of the story-mate most like it.

    ``reports`` are ``(id, unit term vector or None, the report's own day or None)``, the own day
    being its publication day, its own anchor or the day its address names. Two weeks of news in one
    story (a quake and an aftershock twelve days on, grouped together) have two Thursdays; an undated
    report of the first quake reads like the reports filed that week, not like those of the second.
    At most ``MATES`` mates are compared, spread over their days (``_mates``), whatever the order the
    reports come in. Empty when the story's days fit in a week.
    """
    spread = [dt.date.fromisoformat(d) for d in days.counts]
    if not spread or (max(spread) - min(spread)).days <= _FILED_BEFORE + 1:
        return {}
    unfiled: list[tuple[str, Mapping[str, float]]] = []
    by_day: dict[dt.date, list[tuple[str, Mapping[str, float]]]] = {}
    for aid, vec, day in reports:
        if vec is None:
            continue
        if day is None:
            unfiled.append((aid, vec))
        elif (when := parse_published(day)) is not None:
            by_day.setdefault(when, []).append((aid, vec))
    out: dict[str, dt.date] = {}
    known = _mates(by_day) if unfiled else []
    for aid, vec in unfiled:
        best, score = None, 0.0
        for other, when in known:
            if (sim := sum(v * other.get(t, 0.0) for t, v in vec.items())) > score:
                best, score = when, sim
        if best is not None:
            out[aid] = best
    return out


def _mates(by_day: dict[dt.date, list[tuple[str, Mapping[str, float]]]]) -> list[tuple[dict, dt.date]]:
    """Up to ``MATES`` story-mates (term vector, day), a day's report in turn for each day (latest day first,
    a day's reports by id): a week filed with many reports does not crowd out another's few, and of mates
    alike the later day is read (a page is filed on or after the days of its news)."""
    rows = [(day, sorted(by_day[day], key=lambda r: r[0])) for day in sorted(by_day, reverse=True)]
    out: list[tuple[dict, dt.date]] = []
    for i in range(max((len(row) for _, row in rows), default=0)):
        for day, row in rows:
            if i < len(row):
                out.append((dict(row[i][1].items()), day))
                if len(out) == MATES:
                    return out
    return out


def epoch_days(published: str | None) -> float | None:
    """Days since the epoch (UTC) of an ISO date or datetime, or None when absent or unreadable; a
    string that only starts with an ISO day ("2015-09-17 evening") counts from that day's midnight."""
    if not published:
        return None
    when = published_time(published)
    if when is None:
        try:
            day = dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None
        when = dt.datetime(day.year, day.month, day.day)
    return (when.replace(tzinfo=None) - dt.datetime(1970, 1, 1)).total_seconds() / 86400.0


def _needs_story(m: DateMention) -> bool:
    return (m.value is None and m.tense is not None) or m.anchor_from == "story"


@dataclasses.dataclass
class StoryDays:
    """The days a story's dated reports establish, counted (compact: a few entries per story)."""

    counts: Counter = dataclasses.field(default_factory=Counter)

    def add(self, days: list[str]) -> None:
        for d in days:
            self.counts[d] += 1

    def remove(self, days: Iterable[str]) -> None:
        """Take back what ``add`` counted for one report (its report is re-assigned)."""
        for d in days:
            self.counts[d] -= 1
            if self.counts[d] <= 0:
                del self.counts[d]

    def merge(self, other: "StoryDays") -> None:
        self.counts.update(other.counts)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def near(self, day: dt.date | None) -> "StoryDays":
        """The story days a page filed on ``day`` (the day an undated report's address names) can tell
        of as its news: the week up to ``day`` and the day after (the page updated), one of each
        weekday; all of them when ``day`` is None, and ``day`` alone when no story day lies there.

        A story that holds two weeks of news (a quake and its aftershock twelve days on, the reports of
        both filed together) has two Fridays; the page filed on the 9th is of the first. A page filed
        in a week its story holds no day of (two stories grouped together, the page of the other one)
        tells of the days around its own: its "Saturday" is the day after the Friday it was filed on,
        not the Saturday of a story a week or two later.
        """
        if day is None:
            return self
        kept = Counter({d: n for d, n in self.counts.items()
                        if -_FILED_BEFORE <= (dt.date.fromisoformat(d) - day).days <= 1})
        if kept or not self.counts:
            return StoryDays(kept)
        return StoryDays(Counter({day.isoformat(): 1}))

    def fits(self, marks: tuple[tuple[str, int, int], ...]) -> bool:
        """Whether any of an undated report's ``day_marks`` is a day of this story (True when it has none)."""
        if not self.counts or not marks:
            return True
        days = [dt.date.fromisoformat(d) for d in self.counts]
        for kind, a, b in marks:
            if kind == "wd" and any(d.isoweekday() == a for d in days):
                return True
            if kind == "md" and any((d.month, d.day) == (a, b) for d in days):
                return True
        return False

    def distance(self, marks: tuple[tuple[str, int, int], ...]) -> int | None:
        """Days from the nearest of ``marks`` to the nearest story day (weekdays on the week's
        circle, month-days within the year); None when either side is empty."""
        if not self.counts or not marks:
            return None
        days = [dt.date.fromisoformat(d) for d in self.counts]
        best: int | None = None
        for kind, a, b in marks:
            for d in days:
                if kind == "wd":
                    gap = weekday_gap(d.isoweekday(), a)
                else:
                    try:
                        gap = abs((dt.date(d.year, a, b) - d).days)
                    except ValueError:
                        continue
                best = gap if best is None else min(best, gap)
        return best

    def main_day(self) -> dt.date | None:
        """The day the story's reports name most (the later one on a tie: reports follow their news)."""
        if not self.counts:
            return None
        best = max(self.counts.items(), key=lambda kv: (kv[1], kv[0]))
        return dt.date.fromisoformat(best[0])

    def weekday_map(self) -> dict[int, dt.date]:
        """Each weekday the story knows to its day (the most named one, the earlier on a tie)."""
        best: dict[int, tuple[int, dt.date]] = {}
        for iso, n in self.counts.items():
            d = dt.date.fromisoformat(iso)
            wd = d.isoweekday()
            old = best.get(wd)
            if old is None or (n, -d.toordinal()) > (old[0], -old[1].toordinal()):
                best[wd] = (n, d)
        return {wd: d for wd, (_, d) in best.items()}

    def placed(self, weekdays: Iterable[int]) -> dict[int, dt.date]:
        """The days an undated report's plain ``weekdays`` (``own_weekdays``) name, as far as the story says.

        A weekday the story knows is its day. One it does not know, one or two days after the latest
        day the report names that the story knows (or after the story's main day), is that later day:
        a report of Tuesday's quake that says rescuers dug on through Wednesday was written on
        Wednesday or after, and the Wednesday six days before the quake is not its news. Other
        weekdays are left out (resolved against the inferred day, in the past, as any relative date).
        """
        weekdays = tuple(weekdays)
        main = self.main_day()
        if main is None:
            return {}
        wmap = self.weekday_map()
        out = {w: wmap[w] for w in weekdays if w in wmap}
        ref = max(out.values(), default=main)
        for w in weekdays:
            ahead = (w - ref.isoweekday()) % 7
            if w not in out and 1 <= ahead <= 2:
                out[w] = ref + dt.timedelta(days=ahead)
        return out

    def inferred_day(self, weekdays: tuple[int, ...], *, day_before: bool = False) -> dt.date | None:
        """The publication day an undated report naming ``weekdays`` is inferred to have: the story's
        main day, or the latest day the report names (``placed``) when that is later.

        With ``day_before`` (``told_day_before``: the report's only words for days near its own are
        "yesterday", "last night"), a story day whose eve is no story day is the report's yesterday, so
        the report is of the day after: a paper that tells on Thursday of "yesterday's" coup, in a story
        of Wednesday's coup, is not of Wednesday telling of a Tuesday the story never had.
        """
        main = self.main_day()
        if main is None:
            return None
        day = max([main, *self.placed(weekdays).values()])
        eve = day - dt.timedelta(days=1)
        if day_before and day.isoformat() in self.counts and eve.isoformat() not in self.counts:
            day += dt.timedelta(days=1)
        return day


_FILED_BEFORE = 5
"""Days before the day a page is filed under that its news may lie on (``StoryDays.near``; with the day
itself and the day after, a week: each weekday once)."""

_NEAR = dt.date(2001, 1, 10)
"""Any day: what ``told_day_before`` resolves a report's relative words against, to read their offsets."""


def told_day_before(article: AnalysedArticle) -> bool:
    """Whether the words an undated report has for days next to its own ("today", "yesterday", "last
    night", "tomorrow", left for its story to resolve) all name the day before it."""
    offsets = set()
    for m in article.dates:
        if not _needs_story(m) or _WEEKDAY.match(m.timex_value or "") or not any(
                c.kind in ("relday", "reldp") for c in find(m.text)):
            continue
        new = reresolve(m, _NEAR, "story")
        if new is not None and new.value and len(new.value) >= 10:
            offsets.add((dt.date.fromisoformat(new.value[:10]) - _NEAR).days)
    return offsets == {-1}


def resolve_undated(article: AnalysedArticle, days: StoryDays | None, *,
                    filed: dt.date | None = None) -> AnalysedArticle:
    """``article`` with ``published_inferred``/``published_basis`` and its dates resolved through its story.

    ``filed``: the day a story-mate like it was filed on (``filed_days``), read when its own address
    names no day.

    Dated articles and articles whose story establishes no day come back
    unchanged. Applying it twice gives the same result.
    """
    if article.published and parse_published(article.published) is not None:
        return article
    own = own_anchor(article)
    if own is not None:
        return dataclasses.replace(article, published_inferred=own[0], published_basis=own[1])
    if not days:
        return article
    days = days.near(url_day(article.url) or filed)
    inferred = days.inferred_day(own_weekdays(article, told=True), day_before=told_day_before(article))
    if inferred is None:
        return article
    wmap = days.placed(own_weekdays(article))
    dates = []
    for m in article.dates:
        if not _needs_story(m):
            dates.append(m)
            continue
        hit = _WEEKDAY.match(m.timex_value or "")
        known = wmap.get(int(hit.group(1))) if hit and not _SHIFTED.match(m.text) else None
        if known is not None and not (known < inferred and m.tense == "future"):
            # a weekday the story knows is that day, unless the clause looks ahead of the report's day
            # ("the council votes on Friday", "banned until Friday" in a report of the Monday after
            # the story's Friday: the coming Friday)
            day = known.isoformat()
            dates.append(dataclasses.replace(m, value=day, granularity="day", anchor=inferred.isoformat(),
                                             anchor_from="story"))
            continue
        new = reresolve(m, inferred, "story")
        dates.append(new if new is not None else m)
    return dataclasses.replace(article, dates=resolve_frames(article.text, dates),
                               published_inferred=inferred.isoformat(), published_basis="story")


def rewrite_jsonl(path: str | Path, update: Callable[[AnalysedArticle], AnalysedArticle]) -> int:
    """Rewrite an analysed JSONL file in place with ``update`` applied to its undated records.

    Streams line by line through ``files.replaced_atomically``, so memory does
    not grow with the file, a crash leaves the old file whole and the file keeps
    the permissions a plain ``open()`` gives. Lines that do not change are copied
    byte for byte. Returns the number of records changed.

    Raises:
        StoreError: ``path`` cannot be read, written or replaced.
    """
    changed = 0
    with replaced_atomically(path) as out, open(path, encoding="utf-8", errors="replace") as src:
        for line in src:
            obj = None
            if '"published": null' in line or '"published_inferred"' in line:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    obj = None
            if isinstance(obj, dict) and "id" in obj and not obj.get("published"):
                new = to_dict(update(analysed_from_dict(obj)))
                merged = {**obj, **{k: new[k] for k in ("dates", "published_inferred", "published_basis")}}
                if merged != obj:
                    out.write(json.dumps(merged, ensure_ascii=False) + "\n")
                    changed += 1
                    continue
            out.write(line)
    return changed
