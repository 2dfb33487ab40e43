"""Follow-up time: the days of a story no report dates, read from the dated story it follows.

Half of real pages carry no publication date, so some stories have no dated
report, no full date in their text and no dated address. When such a story is
the sequel of a dated story about the same people (the purge after a coup, the
march after the protest) its reports usually say so: they tell of the earlier
story's day ("the army seized power on Wednesday") beside the day of their own
news ("on Sunday"). ``FollowUps`` is the part of ``StoryClusterer`` that finds
that earlier story (the most similar dated story the index proposes, as the
merge of split stories looks it up) and reads the follow-up's days from it
(``story_time.follow_up_days``).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .story_time import StoryDays, follow_up_days

if TYPE_CHECKING:
    from .cluster import _Story

NEIGHBOURS = 8
"""Stories the index proposes as the earlier story of an undated one (a few: the cost stays flat)."""


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
