"""Follow-up time: the days of a story no report dates, read from the dated story it follows.

Half of real pages carry no publication date, so some stories have no dated
report, no full date in their text and no dated address. When such a story is
the sequel of a dated story about the same people (the purge after a coup, the
march after the protest) its reports usually say so: they tell of the earlier
story's day ("the army seized power on Wednesday") beside the day of their own
news ("on Sunday"). ``FollowUps`` is the part of ``StoryClusterer`` that finds
that earlier story (the most similar dated story the index proposes, as the
merge of split stories looks it up) and reads the follow-up's days from it
(``follow_up_days``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from .story_time import StoryDays

if TYPE_CHECKING:
    from .cluster import _Story

NEIGHBOURS = 8
"""Stories the index proposes as the earlier story of an undated one (a few: the cost stays flat)."""


def follow_up_days(told: Iterable[int], leads: Counter, earlier: StoryDays) -> StoryDays:
    """The days of a story no report dates, read as the follow-up of ``earlier``, a dated story about
    the same people; empty when its reports give no sign of following it.

    ``told`` are the weekdays its reports tell of in the past or present (``own_weekdays`` with
    ``told``), ``leads`` the year-less days their leads name (``lead_mark``), counted per report. A
    report that tells of a weekday the earlier story holds ("the army took the capital on Wednesday",
    in a story of the purge that followed) was written after that day, and the day its lead names is
    the first such day after the earlier story's days: a purge "on Sunday" after Wednesday's coup. Only
    the follow-up's own days count (once per report whose lead names them): the earlier story's are
    not its news, and a report's "on Wednesday" is read as any other weekday it tells of. A lead
    naming a calendar day ("October 12") is that day in the month after the earlier story, or none.
    """
    known = [dt.date.fromisoformat(d) for d in earlier.counts]
    told = set(told) - {a for kind, a, _ in leads if kind == "wd"}  # the lead's own day shows nothing
    recalled = [d for d in known if d.isoweekday() in told]
    out = StoryDays()
    if not recalled:
        return out
    last = max(known)
    for (kind, a, b), n in sorted(leads.items()):
        if (day := _after(last, kind, a, b)) is not None:
            out.counts[day.isoformat()] += n
    return out


def _after(last: dt.date, kind: str, a: int, b: int) -> dt.date | None:
    """The first day after ``last`` a year-less day mark (``mention_mark`` shape) can name."""
    if kind == "wd":
        return last + dt.timedelta(days=(a - last.isoweekday()) % 7 or 7)
    for year in (last.year, last.year + 1):
        try:
            day = dt.date(year, a, b)
        except ValueError:
            return None
        if day > last:
            return day if (day - last).days <= _FOLLOW_DAYS else None
    return None


_FOLLOW_DAYS = 31
"""Days after the earlier story a calendar day named by a follow-up's lead may lie (a weekday lies within
a week): further off, the lead names something else (a day recalled from before the earlier story)."""


class FollowUps:
    """Follow-up days for ``StoryClusterer`` (uses its stories, members, kept records and index)."""

    def _follow_up_days(self, group: list[_Story], head_of: dict[str, str],
                        days_of: dict[str, StoryDays]) -> StoryDays | None:
        """The days of story ``group`` (no day of its own) read from the dated story it follows, or None.

        ``head_of`` maps each story to the first story of its final group, ``days_of`` each group's
        first story to its days. The earlier story must be as similar as a report must be to join a
        story (the two share their people and places, not only a word), and the most similar one wins.
        """
        story = group[0]
        if not story.active or not story.weights:
            return None
        members = [a for s in group for a in s.articles]
        told = {w for a in members if (k := self._kept.get(a)) is not None for w in k.weekdays}
        leads = Counter(m.lead for a in members if (m := self._members.get(a)) is not None and m.lead)
        if not leads:
            leads = Counter({lead: 1 for s in group for lead in s.leads})
        if not told or not leads:
            return None
        vec = {t: v / story.norm for t, v in story.weights.items()}
        best, best_score = None, self.threshold
        for other in self._candidates(vec, NEIGHBOURS):
            days = days_of.get(head_of.get(other.id, ""))
            if head_of.get(other.id) == story.id or not days:
                continue
            if (score := self._cosine(vec, other)) >= best_score:
                best, best_score = days, score
        if best is None:
            return None
        return follow_up_days(told, leads, best) or None
