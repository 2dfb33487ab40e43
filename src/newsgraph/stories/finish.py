"""The final stories: what ``StoryClusterer`` makes once every report is in.

``Finisher`` is the part of ``StoryClusterer`` that runs at the end of a stream
(``result()`` / ``final()``): it re-places reports (``_refine``), merges stories the
stream split (``_merged_groups``), notes each article's final story and its
story's days, makes the syndication links and the story records, and answers
what an article's story establishes afterwards (``final_story``, ``updated``).
Kept apart from the stream's per-report work (``cluster``: vectors, look-up,
joining, retiring) because none of it runs while reports arrive.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterator

from ..extract import AnalysedArticle
from ..model import StoriesResult, Story, Syndication
from .compact import RetiredStory
from .disjoint import DisjointSets
from .record import story_record
from .refine import admits
from .story_time import StoryDays, filed_days, resolve_undated, stated_days, told_days
from .syndication import resolve, synd_key

if TYPE_CHECKING:
    from .cluster import _Story


class Finisher:
    """The end of a stream for ``StoryClusterer`` (uses its stories, index, kept records and syndication)."""

    def _merged_groups(self) -> list[list[_Story]]:
        """Stories grouped with the later stories a stream split from them.

        Each active story looks up candidates through the index with its own
        centroid; two stories merge when their centroids' cosine reaches
        ``threshold`` and their time spans lie within the window. With ``refine`` on, a story
        that no dated report dates is not merged at all: its reports were each placed against every
        story already (``_rebuild``), and weekdays cannot say which week it is of.
        """
        sets = DisjointSets()
        find = sets.find
        ordered = self._by_seq  # in ``seq`` order
        if self.merge_split:
            for story in ordered:
                if not story.active or not story.weights:
                    continue
                vec = {t: v / story.norm for t, v in story.weights.items()}
                sig = story.events.as_main_events()
                for other in self._candidates(vec, 8, when=story.first, until=story.last):
                    if other.seq <= story.seq or find(other.id) == find(story.id):
                        continue
                    if self.refine and not (story.days and other.days):
                        continue  # undated reports were placed one by one against it already (``_rebuild``)
                    if not (story.days.fits(tuple(other.marks))
                            and admits(other, sig, when=story.first, marks=tuple(story.marks))):
                        continue  # undated reports of other days, or undated other news: as ``add`` places
                    s = self._similarity(vec, other, sig, when=story.first, until=story.last)
                    if s is not None and s >= self.threshold:
                        a, b = find(story.id), find(other.id)
                        first, second = (a, b) if self._stories[a].seq < self._stories[b].seq else (b, a)
                        sets.union(first, second)
        groups: dict[str, list[_Story]] = {}
        for story in ordered:
            if story.articles:
                groups.setdefault(find(story.id), []).append(story)
        return list(groups.values())

    def _finish(self) -> tuple[list[list[_Story]], dict[str, str]]:
        """The final story groups; records each article's final story and its story's days (for
        ``updated``) and returns the day each article counts from for syndication."""
        day_key: dict[str, str] = {}
        if self.refine:
            self._refine()
        groups = self._merged_groups()
        # per story, not per article: only the reports of a story merged into another are noted in
        # ``_final`` (every other report's final story is the one it joined), and a retired story (alone
        # in its group: it never merges) keeps its own days, rebuilt only when asked (``_story_days``)
        self._final.clear()
        self._days_of.clear()
        self._filed.clear()
        self._finished = True
        head_of = {s.id: group[0].id for group in groups for s in group}
        for group in groups:
            story = group[0]
            days: StoryDays | None = None
            if story.active or len(group) > 1:
                days = StoryDays()
                for s in group:
                    days.merge(s.days)
                reports = [self._kept.get(a) for s in group for a in s.articles]
                days = told_days(days or stated_days(reports, self._years), reports)
                if days:
                    self._days_of[story.id] = days
                    self._filed.update(filed_days(days, (
                        (k.id, m.vec if (m := self._members.get(k.id)) else None,
                         k.published or k.own_anchor or k.url_day) for k in reports if k is not None)))
            for s in group:
                for aid in s.articles:
                    if s is not story:
                        self._final[aid] = story.id
                    k = self._kept.get(aid)
                    if k is None:
                        continue  # of a retired story, linked to nothing: syndication does not ask its day
                    if k.published:
                        day_key[aid] = k.published[:10]
                    elif k.own_anchor:
                        day_key[aid] = k.own_anchor[:10]
                    else:
                        if days is None:
                            days = story.days  # a retired story's, rebuilt
                        near = days.near(dt.date.fromisoformat(k.url_day) if k.url_day else self._filed.get(aid))
                        if (inferred := near.inferred_day(k.weekdays, day_before=k.day_before)) is not None:
                            day_key[aid] = inferred.isoformat()
        dated = dict(self._days_of)  # a story no report dates may follow a dated one (``FollowUps``)
        for group in groups:
            if group[0].id not in dated and (days := self._follow_up_days(group, head_of, dated)):
                self._days_of[group[0].id] = days
        return groups, day_key

    def _group_record(self, group: list[_Story]) -> Story:
        done = self._done.get(group[0].id) if len(group) == 1 else None
        if done is not None:
            return done
        kept = sorted((self._kept[a] for s in group for a in s.articles), key=lambda k: k.order)
        return story_record(group[0].id, kept)

    def final(self) -> tuple[Iterator[Story], tuple[Syndication, ...]]:
        """Every story, made (or read back from disk) one at a time as the iterator is read, and the
        syndication links: what ``result()`` holds, without holding every story at once."""
        groups, day_key = self._finish()
        syndication: tuple[Syndication, ...] = ()
        if self._synd is not None:
            syndication = tuple(resolve(
                self._synd.links,
                key={k.id: synd_key(day_key.get(k.id), published=k.published or k.own_anchor, article_id=k.id)
                     for k in self._kept.values()},
                credits={k.id: k.credit for k in self._kept.values()},
                sources={k.id: k.source for k in self._kept.values()},
                passages=self._synd.passages, jaccards=self._synd.jaccards, siblings=self._synd.siblings,
                covers=self._synd.covers, pair_passages=self._synd.pair_passages))
        return (self._group_record(g) for g in groups), syndication

    def result(self) -> StoriesResult:
        """Every story with its merged events and discrepancies, and the syndication links."""
        stories, syndication = self.final()
        return StoriesResult(stories=tuple(stories), syndication=syndication)

    def _story_days(self, sid: str) -> StoryDays | None:
        """The days of final story ``sid`` (after ``result()``; None when it establishes none)."""
        days = self._days_of.get(sid)
        if days is None and self._finished:
            story = self._stories.get(sid)
            if isinstance(story, RetiredStory) and story.has_days():
                days = story.days
        return days

    def final_story(self, article_id: str) -> str | None:
        """The story ``article_id`` ends in (after ``result()``: a story merged into another counts as it)."""
        return self._final.get(article_id) or self._story_id(article_id)

    def updated(self, article: AnalysedArticle) -> AnalysedArticle:
        """``article`` with the dates its story establishes (call after ``result()``).

        An article without a publication date gets ``published_inferred`` and
        ``published_basis`` and its relative dates resolved through its story
        (``anchor_from`` "story"); any other article comes back unchanged.
        """
        sid = self.final_story(article.id)
        return resolve_undated(article, self._story_days(sid) if sid else None, filed=self._filed.get(article.id))
