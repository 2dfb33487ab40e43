"""Splitting: a joinable story that holds two established happenings is cut in two once every report is in.

A report joins the best story when it arrives. Fed latest first or shuffled, an
early report may bridge two happenings about the same people before either is
established: the coup report that came first is joined by a report of the
resignation a week later, and from then on each new report of either finds its
own lead action in the story. Re-placing one report at a time (``Refiner``)
cannot undo that: every report has company of its own kind in the story.
``Splitter`` looks at each joinable story as a whole after the rebuild and cuts
it where its reports fall into two cores that cannot be one happening:

* **conflicting leads**: at least two reports lead with a cooperative action of
  a named party and at least two with a hostile one of the same party (PLOVER's
  halves, as ``EventProfile.conflicts``; the actions of one half count together,
  and a state's unnamed armed forces act for the state): talks offered and air
  strikes, the army holding a president and the president resigning; a report
  that carries the rival half among its main events tells both and is in neither core.
  Reports published within ``APART_DAYS`` of each other on both sides keep
  their story (one day can bring both), and so do undated cores whose leads
  most often name the same day;
* **days apart** (a story no dated report dates): its undated reports fall into
  groups that share no day they name (reports linked when they name a common
  weekday or calendar day), two of them of two reports or more, whose leads
  most often name days ``APART_DAYS`` or more apart: a quake told of Thursday
  and Friday and another told of Tuesday and Wednesday.

Each core becomes a story of its own; the reports of neither core (no lead
action of the two, no day named) go with the core whose reports they are most
similar to, and the re-placement pass that follows may move any of them again.
The check costs a pass over a story's members, so it stays flat per report.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from ..model import stable_id
from .main_events import _COOPERATIVE, APART_DAYS
from .story_time import mark_distance

if TYPE_CHECKING:
    from .cluster import _Story
    from .refine import Member

MIN_CORE = 2
"""Reports a core must hold: one report's lead or days may be a slip of the extractor."""


def conflicting_cores(members: dict[str, Member]) -> tuple[set[str], set[str]] | None:
    """Two sets of reports of one story that lead with a cooperative and a hostile action of one named party,
    each of ``MIN_CORE`` reports or more (the larger pair of such sets, of equal ones the first in party order),
    or None. The actions of one half count together (talks offered and a deal agreed; air strikes and the
    threats that follow them). A report that carries an action of the other set's half for that party among
    its main events is in neither set."""
    by_side: dict[tuple[str, bool], set[str]] = {}
    for aid, m in members.items():
        for kind, party in m.sig.lead | m.sig.lead_forces:
            if party.startswith("n:"):
                by_side.setdefault((party, kind in _COOPERATIVE), set()).add(aid)
    best = None
    for party in sorted({p for p, _ in by_side}):  # the same whatever the input order
        aids, rivals = by_side.get((party, True), set()), by_side.get((party, False), set())
        if len(aids) < MIN_CORE or len(rivals) < MIN_CORE:
            continue
        # a report carrying the rival half's action among its main events tells both (talks amid strikes)
        a = {x for x in aids - rivals if not _acts(members[x], party, cooperative=False)}
        b = {x for x in rivals - aids if not _acts(members[x], party, cooperative=True)}
        if len(a) >= MIN_CORE and len(b) >= MIN_CORE and (best is None or len(a) + len(b) > sum(map(len, best))):
            best = (a, b)
    return best


def _acts(member: Member, party: str, *, cooperative: bool) -> bool:
    """Whether ``member``'s main events give ``party`` an action of the cooperative (or the hostile) half."""
    return any(p == party and (k in _COOPERATIVE) == cooperative for k, p in member.sig.keys)


def day_cores(members: dict[str, Member]) -> tuple[set[str], set[str]] | None:
    """Two groups of a story's undated reports whose leads name days ``APART_DAYS`` or more apart (each day
    the lead of ``MIN_CORE`` reports or more; the pair holding the most reports), or None. Reports whose
    lead names another day go with the nearer of the two, when one is nearer. Leads that share a named
    lead action are one happening told on two days (a deal agreed on Monday, still told on Friday)."""
    undated = {aid: m for aid, m in members.items() if m.when is None and m.lead is not None}
    counts = Counter(m.lead for m in undated.values())
    days = sorted(d for d, n in counts.items() if n >= MIN_CORE)
    best = None
    for i, one in enumerate(days):
        for two in days[i + 1:]:
            gap = mark_distance((one,), two)
            if gap is None or gap < APART_DAYS:
                continue
            a = {aid for aid, m in undated.items() if _nearer(m.lead, one, two)}
            b = {aid for aid, m in undated.items() if _nearer(m.lead, two, one)}
            if _named_leads(members, a) & _named_leads(members, b):
                continue
            if best is None or len(a) + len(b) > len(best[0]) + len(best[1]):
                best = (a, b)
    return best


def _nearer(mark: tuple, one: tuple, two: tuple) -> bool:
    """Whether day ``mark`` lies nearer ``one`` than ``two`` (a mark of another kind is near neither)."""
    d1, d2 = mark_distance((one,), mark), mark_distance((two,), mark)
    return d1 is not None and (d2 is None or d1 < d2)


def _named_leads(members: dict[str, Member], aids: set[str]) -> set[tuple[str, str]]:
    """The lead actions with a named party that two or more of ``aids`` lead with."""
    counts = Counter(k for a in aids for k in members[a].sig.lead if k[1].startswith("n:"))
    return {k for k, n in counts.items() if n >= MIN_CORE}


class Splitter:
    """The split pass of ``StoryClusterer`` (uses its stories, members and the ``Refiner`` moves)."""

    def _near_in_time(self, a: set[str], b: set[str]) -> bool:
        """Whether time puts cores ``a`` and ``b`` on one day's news (one day can bring both): a report of ``a``
        published within ``APART_DAYS`` of one of ``b`` or, when a core has no dated report, the leads of
        their undated reports most often naming one day (a lead's day is the news's own, not a publication
        day: the day after is the next news; days unknown: nothing shows them near)."""
        ta = sorted(m.when for x in a if (m := self._members[x]).when is not None)
        tb = [m.when for x in b if (m := self._members[x]).when is not None]
        if ta and tb:
            return any((i := bisect_right(ta, y - APART_DAYS)) < len(ta) and ta[i] < y + APART_DAYS for y in tb)
        one, two = self._lead_day(a), self._lead_day(b)
        return one is not None and two is not None and mark_distance((one,), two) == 0

    def _lead_day(self, aids: set[str]) -> tuple[str, int, int] | None:
        """The day the leads of the undated reports of ``aids`` most often name (of equal counts the first)."""
        counts = Counter(m.lead for x in aids if (m := self._members[x]).when is None and m.lead is not None)
        return min(counts, key=lambda d: (-counts[d], d), default=None)

    def _split(self) -> int:
        """Cut every joinable story holding two cores (see the module doc) in two; returns the cuts made."""
        cuts = 0
        for story in list(self._by_seq):
            if not story.active or len(story.articles) < 2 * MIN_CORE:
                continue
            while True:
                members = {a: self._members[a] for a in story.articles if a in self._members}
                cores = conflicting_cores(members)
                if cores is not None and self._near_in_time(*cores):
                    cores = None
                if cores is None and not story.days:
                    cores = day_cores(members)
                if cores is None:
                    break
                self._cut(story, members, *cores)
                cuts += 1
        return cuts

    def _cut(self, story: _Story, members: dict[str, Member], keep: set[str], away: set[str]) -> None:
        """Move core ``away`` (and the reports of neither core more similar to it) to a new story."""
        rest = [a for a in story.articles if a not in keep and a not in away]
        cent_keep = self._centroid(keep)
        cent_away = self._centroid(away)
        moving = set(away)
        for aid in rest:
            vec = members[aid].vec
            if _dot(vec, cent_away) > _dot(vec, cent_keep):
                moving.add(aid)
        order = [a for a in story.articles if a in moving]
        new = self._fresh_story(order)
        for aid in order:
            member = self._members[aid]
            self._detach(story, aid, member)
            self._attach(new, aid, member)

    def _centroid(self, aids: set[str]) -> dict[str, float]:
        out: dict[str, float] = {}
        for a in aids:
            for t, v in self._members[a].vec.items():
                out[t] = out.get(t, 0.0) + v
        norm = sum(v * v for v in out.values()) ** 0.5 or 1.0
        return {t: v / norm for t, v in out.items()}

    def _fresh_story(self, order: list[str]) -> _Story:
        """A new empty story named after the first of ``order`` whose story id is still free."""
        for aid in order:
            if stable_id(aid, prefix="s") not in self._stories:
                return self._new_story(aid)
        n = 1
        while stable_id(f"{order[0]}#{n}", prefix="s") in self._stories:
            n += 1
        return self._new_story(f"{order[0]}#{n}")


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(t, 0.0) for t, v in a.items())
