"""Main-event profiles: what a report's news is, to tell apart stories that share their actors.

Text similarity says two reports name the same actors and places; it cannot say
whether they report the same happening. Talks proposed one week and air strikes
the next name the same countries and ministers; a coup and the purge that
follows it name the same generals. The event extractor marks each report's main
reported actions (``Event.main``); a story remembers which actions its reports
lead with, and a new report is weighed against them:

* **same news**: the report's lead action (its first main event) is one a
  report of the story leads with, or one at least two of them carry, with a
  named actor in common: a small bonus to its similarity, so differently
  worded reports of one happening still meet (a story's background actions,
  such as the earlier attacks an alert report recalls, earn nothing; a country
  alone is too common a party, "the United States agreed", to say "same"). When
  the text dates the lead action days away from every lead action of the story,
  it is the same kind of action on another day (a protest, then the march four
  days later): other news;
* **other news**: the report's main actions share actors with the story's
  protagonists (actors at least two of its reports give main actions to) but
  none of them is an action the story has seen: the report needs a slightly
  higher similarity to join (event extraction is noisy, so this alone decides
  little), and it may not join at all when time says the two are days apart
  (publication days, or the days its main events are told on). A report that
  shares actions with the story without leading with one of the story's is
  other news too when the text dates its lead action days away from every
  lead action of the story and tells each shared action either days away from
  every day the story tells it on (the protest of the day of a crackdown in a
  report of the march days later) or days away from its own lead (it recalls
  the story as background). An undated
  report that names no day at all does not join a story as other news
  (``StoryClusterer.add``): nothing shows it is of the story's days, and once
  in, its action would lead later reports of its own news into that story.

A report that recounts the earlier story as background still joins the story
of its own news: only its main events count, and its lead action is what
matches. A story's profile is a small counter (at most ``PROFILE_KEYS``
entries), so the check costs the same however many stories exist.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from ..extract import AnalysedArticle, gazetteer
from ..model import Actor
from .merge import event_day
from .recall import toll_keys
from .story_time import mention_mark

PROFILE_KEYS = 48
"""(action, actor) pairs a story keeps: its reports' main actions, the most carried first."""

SAME_BONUS = 0.05
"""Added to the similarity of a report whose lead action the story carries (the threshold is 0.18)."""

OTHER_PENALTY = 0.05
"""Taken from the similarity of a report telling other news about the story's actors, when time is unknown."""

APART_DAYS = 2.0
"""Days between a report and its story's span beyond which other news about the same actors is another story."""

_ROLES = frozenset({"GOV", "MIL", "REB", "OPP", "CVL", "COP", "JUD", "BUS", "MED", "EDU", "LEG", "HLH", "REL",
                    "ELI", "LAB", "AGR", "REF", "SPY", "CRM", "UAF", "INS", "SEP", "IGO", "NGO", "MNC", "PTY"})
"""CAMEO role codes: a code starting with one of them names no country ("MIL" is any army)."""


def actor_tokens(actor: Actor | None) -> frozenset[str]:
    """What identifies an actor across reports: its country code ("BEL" of "BEL GOV") and, for a
    named entity, its canonical name. A state's government described ("Belgian authorities", "the
    government") is the party the state's name names ("Belgium"): one report says "Belgium shut the
    metro", another "the authorities shut it". Other descriptions ("residents", "police") give no name."""
    if actor is None:
        return frozenset()
    out = set()
    codes = (actor.code or "").split()
    if codes and len(codes[0]) == 3 and codes[0].isalpha() and codes[0].upper() not in _ROLES:
        out.add(codes[0].upper())
        if codes[1:] == ["GOV"] and not actor.entity and (state := gazetteer.country_name(codes[0])):
            out.add("n:" + state.lower())  # "Belgian authorities", "the government": the state "Belgium" names
    if actor.entity and actor.name:
        out.add("n:" + " ".join(actor.name.lower().split()))
    return frozenset(out)


def state_tokens(actor: Actor | None, tokens: frozenset[str] | None = None) -> frozenset[str]:
    """The name tokens of ``actor`` (``actor_tokens``, or ``tokens`` when the caller has them) that name its
    country as a whole ("n:gabon" of "Gabon" or of "Gabon's rulers"): a party two different happenings in
    one country share."""
    if actor is None:
        return frozenset()
    codes = (actor.code or "").split()
    if not codes or len(codes[0]) != 3 or not codes[0].isalpha():
        return frozenset()
    state = gazetteer.country_name(codes[0])
    if not state:
        return frozenset()
    return frozenset({"n:" + state.lower()}) & (actor_tokens(actor) if tokens is None else tokens)


def forces_of(actor: Actor | None) -> str | None:
    """The name token of the state whose armed forces ``actor`` is, described without a name ("Northland's
    jets", "the Northland army": "n:northland"), else None."""
    if actor is None or actor.entity:
        return None
    codes = (actor.code or "").split()
    if codes[1:] != ["MIL"] or len(codes[0]) != 3 or not codes[0].isalpha():
        return None
    state = gazetteer.country_name(codes[0])
    return "n:" + state.lower() if state else None


_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
"""PLOVER's cooperative event types (verbal and material cooperation); the others are conflict."""


@dataclass(frozen=True, slots=True)
class MainEvents:
    """A report's main actions as (PLOVER type, actor token) keys.

    An event with a named party is keyed by its named parties only, one without
    by its parties' countries: the army arresting named ministers is not the
    army holding the named president, though both are "the country's army
    coerces someone".

    ``lead`` holds the keys of its first main event (the news its lead tells),
    ``parties`` every actor token of its main events (countries and names),
    ``marks`` the year-less days (``story_time.day_marks`` shape) named inside
    its main events' sentences: when the news happened, for an undated report;
    ``lead_days`` the calendar day (proleptic ordinal) the text gives its lead
    action, when it gives one.
    """

    keys: frozenset[tuple[str, str]] = frozenset()
    lead: frozenset[tuple[str, str]] = frozenset()
    marks: tuple[tuple[str, int, int], ...] = ()
    parties: frozenset[str] = frozenset()
    lead_days: frozenset[int] = frozenset()
    states: frozenset[str] = frozenset()
    """The name tokens of ``parties`` that name a whole country (``state_tokens``)."""
    tolls: frozenset[tuple[str, float]] = frozenset()
    """The dead and injured counts (kind, value) the report tells as its news (``recall.toll_keys``)."""
    recalled_tolls: frozenset[tuple[str, float]] = frozenset()
    """The counts it states only to recall an earlier happening."""
    lead_forces: frozenset[tuple[str, str]] = frozenset()
    """The lead action keyed by the state whose armed forces, described without a name, take part in it
    ("Northland's jets struck": the state "n:northland" acting). Kept apart from ``lead``: one state's army
    coerces many people in many happenings, so it says nothing of "same news"; it tells talks offered from
    strikes launched (``split.conflicting_cores``)."""
    key_days: frozenset[tuple[str, str, int]] = frozenset()
    """(type, actor token, day) of the main actions the text gives a calendar day: when it tells each."""


def main_events(article: AnalysedArticle) -> MainEvents:
    """The main-event keys of ``article`` (empty when the extractor marked none)."""
    events = sorted((e for e in article.events if e.main and not e.negated), key=lambda e: e.span[0])
    keys: set[tuple[str, str]] = set()
    lead: frozenset[tuple[str, str]] = frozenset()
    marks: set[tuple[str, int, int]] = set()
    parties: set[str] = set()
    lead_days: frozenset[int] = frozenset()
    forces: frozenset[tuple[str, str]] = frozenset()
    states: set[str] = set()
    key_days: set[tuple[str, str, int]] = set()
    for e in events:
        by_source, by_target = actor_tokens(e.source), actor_tokens(e.target)
        tokens = by_source | by_target
        parties |= tokens
        states |= state_tokens(e.source, by_source) | state_tokens(e.target, by_target)
        if any(t.startswith("n:") for t in tokens):
            tokens = frozenset(t for t in tokens if t.startswith("n:"))
        mine = {(e.type, t) for t in tokens}
        if mine and not lead:
            lead = frozenset(mine)
            forces = frozenset((e.type, state) for actor in (e.source, e.target) if (state := forces_of(actor)))
            lead_days = frozenset({day}) if (day := event_day(e.date)) is not None else frozenset()
        keys |= mine
        if (day := event_day(e.date)) is not None:
            key_days.update((kind, t, day) for kind, t in mine)
        for m in article.dates:
            if e.span[0] <= m.span[0] < e.span[1] and (mark := mention_mark(m)) is not None:
                marks.add(mark)
    tolls, recalled_tolls = toll_keys(article)
    return MainEvents(keys=frozenset(keys), lead=lead, marks=tuple(sorted(marks)), parties=frozenset(parties),
                      lead_days=lead_days, states=frozenset(states), tolls=tolls, recalled_tolls=recalled_tolls,
                      lead_forces=forces, key_days=frozenset(key_days))


@dataclass
class EventProfile:
    """The main actions of a story's reports, counted once per report (compact: ``PROFILE_KEYS`` at most)."""

    counts: Counter = dataclasses.field(default_factory=Counter)
    leads: Counter = dataclasses.field(default_factory=Counter)
    actors: Counter = dataclasses.field(default_factory=Counter)
    days: Counter = dataclasses.field(default_factory=Counter)
    reports: int = 0
    """The reports with main events counted."""
    tolls: Counter = dataclasses.field(default_factory=Counter)
    """The dead and injured counts its reports tell as news (``MainEvents.tolls``), and those they recall."""
    recalled: Counter = dataclasses.field(default_factory=Counter)
    sides: Counter = dataclasses.field(default_factory=Counter)
    """(party, cooperative) per report: the half of PLOVER its lead action for a named party (or a state's
    unnamed forces, ``MainEvents.lead_forces``) is of."""
    key_days: Counter = dataclasses.field(default_factory=Counter)
    """(type, actor token, day) per report: the days its reports tell each main action on."""

    def add(self, sig: MainEvents) -> None:
        self.tolls.update(sig.tolls)
        self.recalled.update(sig.recalled_tolls)
        if not sig.keys:
            return
        self.reports += 1
        for counter, items in self._counted(sig):
            counter.update(items)
            if len(counter) > 2 * PROFILE_KEYS:
                kept = counter.most_common(PROFILE_KEYS)
                counter.clear()
                counter.update(dict(kept))

    def remove(self, sig: MainEvents) -> None:
        """Take back what ``add`` counted for one report (its report is re-assigned)."""
        _take(self.tolls, sig.tolls)
        _take(self.recalled, sig.recalled_tolls)
        if not sig.keys:
            return
        self.reports = max(0, self.reports - 1)
        for counter, items in self._counted(sig):
            _take(counter, items)

    def _counted(self, sig: MainEvents):
        return ((self.counts, sig.keys), (self.leads, sig.lead), (self.actors, sig.parties),
                (self.days, sig.lead_days), (self.sides, lead_sides(sig)), (self.key_days, sig.key_days))

    def established(self) -> frozenset[tuple[str, str]]:
        """The actions at least two of the story's reports carry."""
        return frozenset(k for k, n in self.counts.items() if n >= 2)

    def protagonists(self) -> frozenset[str]:
        """The actors at least two of the story's reports give main actions to."""
        return frozenset(t for t, n in self.actors.items() if n >= 2)

    def as_main_events(self) -> MainEvents:
        """This story seen as one report (to compare two stories): its established actions lead."""
        return MainEvents(keys=frozenset(self.counts), lead=self.established() | frozenset(self.leads),
                          parties=frozenset(self.actors), lead_days=frozenset(self.days),
                          tolls=frozenset(self.tolls), recalled_tolls=frozenset(self.recalled) - frozenset(self.tolls),
                          key_days=frozenset(self.key_days))

    def _other_day(self, sig: MainEvents) -> bool:
        """Whether the text puts the report's lead action days away from every lead action of the story:
        the same parties doing the same kind of thing on another day (a protest, then the march days
        later) is another happening."""
        return bool(sig.lead_days and self.days) and min(
            abs(a - b) for a in sig.lead_days for b in self.days) >= APART_DAYS

    def _leads_with(self, key: tuple[str, str]) -> bool:
        """Whether the story leads with action ``key``: two of its reports lead with it, or its only report with
        main events does. In a larger story one report's lead may be a side thread (the arrests abroad a report
        of the attacks leads with), and a report of another happening that leads with it is not shown to be the
        story's news."""
        n = self.leads[key]
        return n >= 2 or (n == 1 and self.reports == 1)

    def led_by_several(self, sig: MainEvents) -> bool:
        """Whether two or more of the story's reports lead with the report's lead action (a named party's):
        the story's news, not one report's reading of it. A lone report's lead may be the extractor's
        slip, and a whole country is a party two happenings in it share ("the rulers of Kesh arrested
        ministers" and "soldiers seized power in Kesh" both coerce "Kesh"): neither vouches that a report
        told of other days is of the story."""
        return any(k[1].startswith("n:") and k[1] not in sig.states and self.leads[k] >= 2 for k in sig.lead)

    def relation(self, sig: MainEvents) -> str:
        """"same" (the report's lead action is one of the story's), "other" (other actions of the
        story's established actors) or "" (nothing to tell: no main events on one side)."""
        if not sig.keys or not self.counts:
            return ""
        if any(k[1].startswith("n:") and (self._leads_with(k) or self.counts[k] >= 2) for k in sig.lead):
            return "other" if self._other_day(sig) else "same"
        shared = [k for k in sig.keys if k in self.counts]
        if not shared:
            return "other" if sig.parties & self.protagonists() and not self._unnamed_alike(sig) else ""
        return "other" if self._other_day(sig) and all(self._told_elsewhen(sig, k) for k in shared) else ""

    def _told_elsewhen(self, sig: MainEvents, key: tuple[str, str]) -> bool:
        """Whether an action ``key`` the report shares with the story is not shown to be the report's news
        told by the story: the report dates it days away from every day the story's reports tell it on (the
        same kind of action on another day: the protest of Thursday in a report of Sunday's march, told of
        Thursday, or the march's "police broke up a protest" told of Sunday beside the story's Thursday), or
        dates it days away from its own lead action (it recalls the story as background). An action dated on
        neither side ties the report to the story as before."""
        mine = [d for kind, t, d in sig.key_days if (kind, t) == key]
        theirs = [d for (kind, t, d), n in self.key_days.items() if n and (kind, t) == key]
        if not mine or not theirs:
            return False
        if min(abs(a - b) for a in mine for b in theirs) >= APART_DAYS:
            return True
        return bool(sig.lead_days) and min(abs(a - b) for a in mine for b in sig.lead_days) >= APART_DAYS

    def recalls_other(self, sig: MainEvents) -> bool:
        """Whether the report and the story count the dead or injured of two happenings, one of which the
        other recalls as background (always days before its news, ``background``), each with a count of its
        own: the report recalls a count the story tells as news while it tells another count of that kind as
        its own news, none of the story's (a second quake "killed two, two weeks after a stronger quake
        killed 14", and a story of 14 dead); or the report tells as news a count the story's reports only
        recall, and none of the counts of that kind the story tells as news. Counts rise as a story goes on,
        so a different count alone shows nothing, and a count named with no background word around it may
        still be an earlier happening's; a count one report places days before a count of its own does."""
        for kind, value in sig.recalled_tolls:
            own = [(k, v) for k, v in sig.tolls if k == kind]
            if own and self.tolls[kind, value] and not any(self.tolls[key] for key in own) \
                    and all(v < value for _, v in own):  # (a toll "raised to 20" from 14 last week has risen)
                return True
        for kind, value in sig.tolls:
            if not self.recalled[kind, value] or self.tolls[kind, value]:
                continue
            theirs = [key for key, n in self.tolls.items() if n and key[0] == kind]
            if theirs and not any(key in sig.tolls for key in theirs):
                return True
        return False

    def conflicts(self, sig: MainEvents) -> bool:
        """Whether the report's lead gives a named party a cooperative action where at least two of the
        story's reports lead with a hostile one for that party, or the reverse (PLOVER's cooperation and
        conflict halves), and the report carries neither that action among its main events nor the story
        its own lead: the army holding a named president is not the president resigning, talks offered are
        not air strikes, and a report of the resignation that does not tell the takeover as news of its
        own is of another happening (it may recall the takeover only as background). Two actions of one
        half ("agreed to buy", "reached a deal") may be one happening told in other words. The rival half
        also counts as a whole (``sides``: air strikes by a state's jets, then its threats), when no report
        of the story leads with the report's own half for that party and the report tells none of the rival
        half among its main events."""
        if not sig.lead or not self.leads:
            return False
        for kind, party in sig.lead:
            if not party.startswith("n:") or (kind, party) in self.leads:
                continue
            if any(p == party and (k in _COOPERATIVE) != (kind in _COOPERATIVE) and n >= 2 and (k, p) not in sig.keys
                   for (k, p), n in self.leads.items()):
                return True
            rival = kind not in _COOPERATIVE
            if self.sides[party, rival] >= 2 and not self.sides[party, not rival] and not any(
                    p == party and (k in _COOPERATIVE) == rival for k, p in sig.keys):
                return True  # the rival half told in several actions (air strikes, then threats)
        return False

    def _unnamed_alike(self, sig: MainEvents) -> bool:
        """Whether one of the report's actions that names no party (keyed by country) has the type of an
        action of the story with that country among its parties: "the army took control" may be the story's
        "the army holds the president" told without the name, so it is not other news (nor the same)."""
        unnamed = [(kind, t) for kind, t in sig.keys if not t.startswith("n:") and t in self.actors]
        if not unnamed:
            return False
        kinds = {kind for kind, _ in self.counts}
        return any(kind in kinds for kind, _ in unnamed)


def lead_sides(sig: MainEvents) -> frozenset[tuple[str, bool]]:
    """The (party, cooperative) halves of a report's lead action for its named parties and its states' forces."""
    return frozenset((p, k in _COOPERATIVE) for k, p in sig.lead | sig.lead_forces if p.startswith("n:"))


def _take(counter: Counter, items) -> None:
    """Count each of ``items`` once less in ``counter`` (dropping what reaches zero)."""
    for item in items:
        if counter[item] > 1:
            counter[item] -= 1
        else:
            counter.pop(item, None)


def weigh(score: float, relation: str, *, apart: bool) -> float | None:
    """A report's similarity to a story given their main-event ``relation``; None when it may not join.

    ``apart`` says time shows the report's news days away from the story's: other news may then not
    join, and the same kind of action earns no bonus (it is not shown to be the same happening).
    """
    if relation == "same":
        return score if apart else score + SAME_BONUS
    if relation == "other":
        return None if apart else score - OTHER_PENALTY
    return score
