"""Re-assignment: the reports of joinable stories placed again once every report is in.

An article joins the best story *when it arrives*. On a stream out of time order
(a back-fill, a shuffled batch, undated pages) an undated report that came first
may have seeded a story that reports of another event (same actors, days apart)
then joined, before the story knew its days or its main events. ``Refiner`` is
the part of ``StoryClusterer`` that, at ``result()``, takes each report of a
joinable story out of it and places it again as ``add`` would, against stories
that now know their days and main events (see ``Refiner._refine``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .main_events import MainEvents

if TYPE_CHECKING:
    from .cluster import _Story


@dataclass(frozen=True, slots=True)
class Member:
    """What re-assigning an article of a joinable story needs: its vector, main events and time.

    Kept only while its story is joinable (dropped when the story retires), so
    memory stays bounded by the active stories, as their centroids are.
    """

    vec: dict[str, float]
    sig: MainEvents
    when: float | None
    marks: tuple
    days: tuple[str, ...]
    copy_of: str | None


def admits(story: _Story, sig: MainEvents, *, when: float | None, marks: tuple) -> bool:
    """Whether ``story`` may take a report at all, whatever their similarity (as ``add`` places it,
    and as a report is placed again).

    An undated report naming days (``marks``) the story never saw tells other news. A report that
    nothing dates (no publication time, no day named in it or in its main events) may not join a
    story that calls its main actions other news about the story's actors: that news may be days away.
    """
    if marks and not story.days.fits(marks):
        return False
    return not (when is None and not marks and not sig.marks and story.events.relation(sig) == "other")


class Refiner:
    """Re-assignment for ``StoryClusterer`` (uses its stories, members, index and syndication)."""

    def _detach(self, story: _Story, article_id: str, member: Member) -> None:
        """Take one report out of a joinable story: its vector, days, main events, marks and time."""
        story.articles.remove(article_id)
        w = story.weights
        for t, v in member.vec.items():
            if t in w:
                left = w[t] - v
                if left > 1e-9:
                    w[t] = left
                else:
                    del w[t]
        story.norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        story.days.remove(member.days)
        story.events.remove(member.sig)
        # the span and marks are rebuilt from the other members only when this report set them
        if member.when is not None and member.when in (story.first, story.last):
            whens = [m.when for a in story.articles if (m := self._members.get(a)) and m.when is not None]
            story.first, story.last = (min(whens), max(whens)) if whens else (None, None)
        if member.marks:
            story.marks = set()
            for a in story.articles:
                m = self._members.get(a)
                if m is not None and m.when is None and len(story.marks) < 32:
                    story.marks.update(m.marks)

    def _attach(self, story: _Story, article_id: str, member: Member) -> None:
        self._join(story, article_id, member.vec, member.when)
        story.days.add(list(member.days))
        story.events.add(member.sig)
        if member.when is None and len(story.marks) < 32:
            story.marks.update(member.marks)

    def _placement(self, member: Member, own: _Story) -> tuple[_Story | None, float, float | None]:
        """The best story for a detached report (as ``add`` chooses), its score, and the score in ``own``
        (None when ``own`` does not admit it)."""
        best, best_score, own_score = None, self.threshold, None
        candidates = self._candidates(member.vec, when=member.when)
        if own not in candidates and own.active and self._in_window(own, member.when):
            candidates.append(own)
        for story in candidates:
            if not story.articles:
                continue
            if not admits(story, member.sig, when=member.when, marks=member.marks):
                continue
            sc = self._similarity(member.vec, story, member.sig, when=member.when)
            if sc is None:
                continue
            if story is own:
                own_score = sc
            if sc >= best_score:
                best, best_score = story, sc
        return best, best_score, own_score

    @staticmethod
    def _other_news_elsewhere(member: Member, own: _Story, best: _Story) -> bool:
        """Whether a report's own story now says other news (its main actions are not the story's)
        while the more similar ``best`` does not: it goes where its news is, without the margin.

        An undated report of air raids that came first was joined by reports of talks a month
        earlier; once all are in, the talks story calls its main action other news (a penalised
        score) and the raid story, a little more similar but by less than the margin, does not.
        """
        return own.events.relation(member.sig) == "other" and best.events.relation(member.sig) != "other"

    def _refine(self) -> None:
        """Re-assign the reports of joinable stories now that every report is in.

        An article joins the best story *when it arrives*; an undated report that
        came first may have seeded a story that later reports of another event
        (same actors, days apart) then joined. Once all are in, each report is
        taken out of its story and placed again as ``add`` would place it,
        against stories that now know their days and main events: it moves
        when its own story no longer admits it (its days or main events say
        other news) and another does, when its own story calls its news other
        and a more similar one does not, or when another is ``refine_margin``
        more similar. Copies then follow their original. Each report costs one
        candidate look-up, as in ``add``, so the pass is flat per article.
        """
        movers: list[str] = []
        for _ in range(2):
            moved = 0
            order = sorted((a for a in self._members if self._members[a].copy_of is None),
                           key=lambda a: self._kept[a].order)
            for aid in order:
                own = self._stories[self._story_of[aid]]
                if not own.active:
                    continue
                member = self._members[aid]
                self._detach(own, aid, member)
                best, best_score, own_score = self._placement(member, own)
                target = own
                if best is not None and best is not own and (
                        own_score is None or best_score >= own_score + self.refine_margin
                        or self._other_news_elsewhere(member, own, best)):
                    target = best
                    moved += 1
                self._attach(target, aid, member)
                if target is not own:
                    movers.append(aid)
            for aid in sorted((a for a in self._members if self._members[a].copy_of is not None),
                              key=lambda a: self._kept[a].order):
                member = self._members[aid]
                own = self._stories[self._story_of[aid]]
                home = self._stories.get(self._story_of.get(member.copy_of, ""))
                if home is None or home is own or not home.active or not own.active:
                    continue
                self._detach(own, aid, member)
                self._attach(home, aid, member)
                movers.append(aid)
                moved += 1
            if not moved:
                break
        if self._synd is not None and movers:
            # a moved report meets its new story's reports: versions of one wire text it could not see
            moving = set(movers)
            related: dict[str, set[str]] = {}
            for a, b, _ in self._synd.links + self._synd.siblings:
                if a in moving or b in moving:
                    related.setdefault(a, set()).add(b)
                    related.setdefault(b, set()).add(a)
            for aid in dict.fromkeys(movers):
                story = self._stories[self._story_of[aid]]
                seen = related.get(aid, set())
                others = [a for a in story.articles if a != aid and a not in seen][-self.compare_members:]
                self._synd.relate(aid, None, others)
