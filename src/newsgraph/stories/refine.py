"""Re-assignment: the reports of joinable stories placed again once every report is in.

An article joins the best story *when it arrives*. On a stream out of time order
(a back-fill, a shuffled batch, undated pages) an undated report that came first
may have seeded a story that reports of another event (same actors, days apart)
then joined, before the story knew its days or its main events. ``Refiner`` is
the part of ``StoryClusterer`` that, at ``result()``, first places every report
of the joinable stories again from scratch in time order (``Refiner._rebuild``:
dated reports by publication time, then undated ones, as ``build_stories`` feeds
a batch), then takes each report out of its story and places it again as ``add``
would, against stories that now know their days and main events (see
``Refiner._refine``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..model import stable_id
from .compact import RetiredStory, Weights
from .main_events import APART_DAYS, EventProfile, MainEvents
from .name_variants import NameSet
from .story_time import StoryDays, mark_distance
from .recall import recalled_terms, tells_recalled  # noqa: F401 (recalled_terms: for cluster)
from .term_counts import tfidf

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
    lead: tuple[str, int, int] | None = None
    tf: array | None = None
    """The term counts of ``vec``'s terms (in its order), to weigh it again with the IDF of the whole run."""
    recall: frozenset[str] = frozenset()
    """The terms an undated report uses only to recall an earlier happening (``recall.recalled_terms``)."""
    names: NameSet = NameSet()
    """Every entity the report names (``fingerprint.entity_names``), whether or not its vector keeps it, with
    keys to find other spellings of them (``name_variants``)."""


_NAMES_CHECKED = 32
"""A story's latest reports whose names a report joining it must meet one of (a long story's first reports
may name what its later ones no longer do)."""

_MAX_MARKS = 32
"""Days named by a story's undated reports kept to tell other news: a few dozen are enough, and a story
of many reports need not keep them all."""


def note_undated(story: _Story, marks: Iterable, lead: tuple[str, int, int] | None) -> None:
    """Keep what an undated member says of its days: the days it names (``marks``) and its lead's."""
    if len(story.marks) < _MAX_MARKS:
        story.marks.update(marks)
        if lead is not None:
            story.leads.add(lead)


def lead_apart(story: _Story, lead: tuple[str, int, int] | None) -> bool:
    """Whether, where no dated report dates ``story``, the day an undated report's lead names (``lead``)
    lies ``APART_DAYS`` or more from every day the leads of the story's undated reports name."""
    return lead is not None and not story.days and (gap := mark_distance(story.leads, lead)) is not None \
        and gap >= APART_DAYS


def days_apart(story: _Story, days: Iterable[str]) -> bool:
    """Whether, where no dated report dates ``story``, every day of a dated report (``days``: its
    publication day and the days it names) lies ``APART_DAYS`` or more from every day (weekday or day of
    the month) its undated reports name: a report of Monday's rally is not of a story told of a Friday."""
    if story.days or not story.marks:
        return False
    gaps = []
    for day in days:
        d = dt.date.fromisoformat(day)
        gaps += [g for mark in (("wd", d.isoweekday(), 0), ("md", d.month, d.day))
                 if (g := mark_distance(story.marks, mark)) is not None]
    return bool(gaps) and min(gaps) >= APART_DAYS


def admits(story: _Story, sig: MainEvents, *, when: float | None, marks: tuple,
           lead: tuple[str, int, int] | None = None, days: tuple[str, ...] = ()) -> bool:
    """Whether ``story`` may take a report at all, whatever their similarity (as ``add`` places it,
    and as a report is placed again).

    An undated report naming days (``marks``) the story never saw tells other news, unless its lead names
    the day the leads of the story's undated reports name (``lead``): breaking news told of Friday night
    is of a story whose only dated report came out on the Saturday and whose undated ones lead with
    that Friday. A report that
    nothing dates (no publication time, no day named in it or in its main events) may not join a
    story that calls its main actions other news about the story's actors: that news may be days away.
    A dated report (its days ``days``) may not join a story no dated report dates whose undated reports
    name only days apart from its own (``days_apart``). Where no dated report dates the story either, the
    day an undated report's lead names (``lead``)
    must lie within ``APART_DAYS`` of a day the leads of the story's undated reports name, unless two or
    more of the story's reports lead with its lead action of a party other than a whole country
    (``EventProfile.led_by_several``; a lead may name a background day, last Friday's share price): two
    quakes in one region, one told of Tuesday and one of Friday, are two stories in nearly the same words,
    and so are a takeover and the arrests its rulers make days later.
    """
    if story.events.recalls_other(sig):
        return False  # one of the two counts its dead as the other's background: another happening
    if marks and not story.days.fits(marks) and (lead is None or lead not in story.leads):
        return False  # the day its lead names is not the lead day of undated reports of the story either
    if when is not None and days_apart(story, days):
        return False
    if lead_apart(story, lead) and not story.events.led_by_several(sig):
        return False  # undated both: the report's lead tells of a day no lead of the story's reports is near
    return not (when is None and not marks and not sig.marks and story.events.relation(sig) == "other")


def near_lead(scored: list[tuple[_Story, float]], lead: tuple[str, int, int] | None, *,
              threshold: float) -> list[tuple[_Story, float]]:
    """The scored stories an undated report may join, given the day its lead names (``lead_mark``).

    When a story the report could join (scored at least ``threshold``) holds that day or the day next
    to it, stories ``APART_DAYS`` or more away from it are dropped: a report of explosions "early
    Tuesday" that recalls an arrest on Friday fits a story of Tuesday's attacks and one of an alert on
    the Friday before, and it tells Tuesday's news. A story no dated report dates knows its days only
    by the days its undated reports name (a weekday may be any week): it stays unless a dated story
    holds the lead's very day and its own reports never name that day, or it lies ``APART_DAYS`` away.
    """
    if lead is None:
        return scored
    gaps = [story.days.distance((lead,)) if story.days else None for story, _ in scored]
    joinable = [g for g, (_, sc) in zip(gaps, scored) if g is not None and sc >= threshold]
    if not any(g < APART_DAYS for g in joinable):
        return scored
    exact = 0 in joinable
    kept = []
    for pair, g in zip(scored, gaps):
        if g is None:
            g = mark_distance(pair[0].marks, lead)
            if g is None or (g == 0 if exact else g < APART_DAYS):
                kept.append(pair)
        elif g < APART_DAYS:
            kept.append(pair)
    return kept


def sharing_a_day(scored: list[tuple[_Story, float]], marks: tuple, *,
                  threshold: float) -> list[tuple[_Story, float]]:
    """The scored stories an undated report naming the days ``marks`` may join, among stories no dated
    report dates: when one it could join (scored at least ``threshold``) has reports naming one of those
    days, such stories whose reports name none of them are dropped. Two quakes in one region, one told of
    Thursday and Friday, the next of Tuesday and Wednesday, are worded nearly alike; a report of the
    second that recalls the first goes to the story whose reports name its days."""
    if not marks:
        return scored
    named = set(marks)
    undated = [(story, sc) for story, sc in scored if not story.days and story.marks]
    if not any(sc >= threshold and story.marks & named for story, sc in undated):
        return scored
    return [(story, sc) for story, sc in scored if story.days or not story.marks or story.marks & named]


class Refiner:
    """Re-assignment for ``StoryClusterer`` (uses its stories, members, index and syndication)."""

    def _scored(self, candidates: list[_Story], vec: dict[str, float], sig: MainEvents, *, when: float | None,
                marks: tuple, lead: tuple[str, int, int] | None,
                days: tuple[str, ...] = (), recall: frozenset[str] = frozenset(),
                names: NameSet = NameSet()) -> list[tuple[_Story, float]]:
        """The candidate stories a report may join, with its similarity to each (as ``add`` weighs them).
        A story telling the happening an undated report recalls as background (``recall``) is not its story,
        nor one none of whose recent reports names any entity the report names (``names``)."""
        scored = []
        for story in candidates:
            if not story.articles or not admits(story, sig, when=when, marks=marks, lead=lead, days=days):
                continue
            if names and not self._names_one_of(story, names):
                continue
            if recall and tells_recalled(story.weights, vec, recall):
                continue
            sc = self._similarity(vec, story, sig, when=when, lead=lead)
            if sc is not None:
                scored.append((story, sc))
        return sharing_a_day(near_lead(scored, lead, threshold=self.threshold), marks, threshold=self.threshold)

    def _names_one_of(self, story: _Story, names: NameSet) -> bool:
        """Whether one of ``story``'s latest reports names an entity of ``names`` (or none of them names any):
        two protests broken up by police in two countries, with no person, place or body in common, are
        two stories however alike their words ("police", "protesters", "detained"). A name spelled
        otherwise ("Kharkov" for "Kharkiv"), or a surname for a whole name, counts (``NameSet.meets``)."""
        known = [m.names for a in story.articles[-_NAMES_CHECKED:] if (m := self._members.get(a)) and m.names]
        return not known or any(names.meets(n) for n in known)

    def _best(self, scored: list[tuple[_Story, float]]) -> tuple[_Story | None, float]:
        """The most similar story at least ``threshold`` similar (the later on a tie, as ``add`` chose)."""
        best, best_score = None, self.threshold
        for story, sc in scored:
            if sc >= best_score:
                best, best_score = story, sc
        return best, best_score

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
            story.marks, story.leads = set(), set()
            for a in story.articles:
                m = self._members.get(a)
                if m is not None and m.when is None:
                    note_undated(story, m.marks, m.lead)

    def _attach(self, story: _Story, article_id: str, member: Member) -> None:
        self._join(story, article_id, member.vec, member.when)
        story.days.add(list(member.days))
        story.events.add(member.sig)
        if member.when is None:
            note_undated(story, member.marks, member.lead)

    def _candidates_with(self, member: Member, own: _Story) -> list[_Story]:
        """The indexed candidate stories for ``member``, and ``own`` (a story it belongs or belonged to) when
        active and in its time window: weighed with the whole run's counts, a report's heaviest terms may be
        only its own news ("toll", "mourning"), under which ``own`` is not indexed."""
        candidates = self._candidates(member.vec, when=member.when)
        if own not in candidates and own.active and self._in_window(own, member.when):
            candidates.append(own)
        return candidates

    def _placement(self, member: Member, own: _Story) -> tuple[_Story | None, float, float | None]:
        """The best story for a detached report (as ``add`` chooses), its score, and the score in ``own``
        (None when ``own`` does not admit it)."""
        scored = self._scored(self._candidates_with(member, own), member.vec, member.sig, when=member.when,
                              marks=member.marks, lead=member.lead, days=member.days,
                              recall=member.recall, names=member.names)
        own_score = next((sc for story, sc in scored if story is own), None)
        best, best_score = self._best(scored)
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

    def _empty(self, story: _Story) -> None:
        """Take every report out of a joinable story and out of the index (``_rebuild`` fills it again)."""
        story.articles = []
        story.weights = {}
        story.norm = 1.0
        story.first = story.last = None
        story.days = StoryDays()
        story.events = EventProfile()
        story.marks, story.leads = set(), set()
        self._unindex(story)
        story.indexed = set()

    def _reweighed(self, member: Member) -> Member:
        """``member`` with its vector weighed with the document frequencies of the whole run so far.

        A report that came early in a stream was weighed with the counts of the few reports before it,
        where a word every story uses ("attack", "said") still looked rare; placed again, it is weighed as
        a report arriving now would be (as ``prime`` weighs a batch), so where reports go depends less on
        the order they came in. Its terms stay the ones it kept on arrival.
        """
        if member.tf is None:
            return member
        terms = list(member.vec)
        n, p = self._n, self.idf_power
        weights = [tfidf(c, d, n, p) for c, d in zip(member.tf, self._df.counts(terms))]
        norm = math.sqrt(sum(w * w for w in weights)) or 1.0
        return dataclasses.replace(member, vec=Weights({t: w / norm for t, w in zip(terms, weights)}))

    def _rebuild(self) -> list[str]:
        """Place every report of the joinable stories again from scratch, in time order: dated reports
        by publication time, then undated ones in arrival order. Returns the reports that meet other
        reports than before (for syndication).

        Where a report lands depends on what its story held when it arrived. Fed latest first, or in a
        shuffled order, an undated report of one event may seed a story that an undated report of the
        next event (the same people, days later, a different action) joins before any dated report
        says the two are days apart; once dated reports of both events join that story through them,
        no single report is misplaced and re-placing one at a time cannot split it. Fed in time order,
        dated reports found each story with its days first, and undated reports meet stories that know
        their days and main events (the order ``build_stories`` gives a batch). Copies join their
        original's story when it is placed already, as in ``add``. Each report costs one candidate
        look-up, as in ``add``, so the pass is flat per report.
        """
        members = self._members
        for aid in members:
            members[aid] = self._reweighed(members[aid])
        before = {aid: self._story_of[aid] for aid in members}
        for sid in dict.fromkeys(before.values()):
            self._empty(self._stories[sid])
        placed: set[str] = set()
        order = sorted(members, key=lambda a: (members[a].when is None,
                                                members[a].when if members[a].when is not None else 0.0,
                                                self._kept[a].order))
        for aid in order:
            member = members[aid]
            target = None
            if member.copy_of in placed:
                target = self._stories[self._story_of[member.copy_of]]
            if target is None:
                # the story the report joined on arrival stays a candidate
                candidates = self._candidates_with(member, self._stories[before[aid]])
                target, _ = self._best(self._scored(candidates, member.vec, member.sig, when=member.when,
                                                    marks=member.marks, lead=member.lead, days=member.days,
                                                    recall=member.recall, names=member.names))
            if target is None:
                target = self._stories.get(stable_id(aid, prefix="s"))
                if target is None or target.articles or not target.active:
                    target = self._new_story(aid)
            self._attach(target, aid, member)
            placed.add(aid)
        for sid in dict.fromkeys(before.values()):
            story = self._stories[sid]
            if not story.articles:  # every report went elsewhere: nothing is left to join or to write
                self._active -= 1
                self._stories[sid] = self._by_seq[story.seq] = RetiredStory(sid, story.seq, (), story.days)
        # a report meets new reports when it is not of the largest share its new story took from one old story
        movers: list[str] = []
        by_story: dict[str, list[str]] = {}
        for aid in order:
            by_story.setdefault(self._story_of[aid], []).append(aid)
        for aids in by_story.values():
            shares: dict[str, list[str]] = {}
            for aid in aids:
                shares.setdefault(before[aid], []).append(aid)
            if len(shares) > 1:
                largest = max(shares.values(), key=len)
                movers.extend(a for part in shares.values() if part is not largest for a in part)
        return movers

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
        movers: list[str] = self._rebuild()
        if self.split:
            self._split()
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
