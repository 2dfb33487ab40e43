"""Incremental story clustering with compact centroids and an inverted index.

Each new article becomes a TF-IDF vector of its content terms and entity names
(document frequencies are counted as articles arrive). It is compared only with
the stories the inverted index proposes (stories whose heaviest centroid terms
include one of the article's heaviest terms) and that are active within the
publication-time window, so assigning an article costs about the same with a
thousand or a million stories. It joins the most similar story above a
threshold, or the story of an earlier article it copies near-verbatim, or
starts a new story.

Stories keep a compact centroid (the heaviest ``centroid_terms`` of the summed
article vectors). Beyond ``max_active`` stories the stalest are retired: their
centroid and copy fingerprints are dropped, only their article list stays.
``result()`` first re-assigns the reports of joinable stories now that every
report is in (``_refine``: an early undated report may have seeded a story that
reports of another event then joined; a story left holding two happenings is cut
in two, ``split``), then merges stories a stream split (two
stories whose centroids are as similar as an article must be to join, within
the window): that end-of-stream part is ``finish.Finisher``.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import sys
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..extract import AnalysedArticle
from ..extract.dates import parse_published
from ..model import stable_id
from .fingerprint import article_terms, entity_names, top_terms
from .main_events import APART_DAYS, EventProfile, MainEvents, main_events, weigh
from .finish import Finisher
from .follow_up import FollowUps
from .name_variants import name_set
from .refine import Member, Refiner, lead_apart, note_undated, recalled_terms
from .spill import StorySpill
from .split import Splitter
from .compact import IdIndex, Kept, RetiredStory, Weights
from .record import kept_record, story_record
from .story_time import StoryDays, article_days, day_marks, epoch_days, lead_mark, stated_days, told_days
from .syndication import SyndicationIndex
from .term_counts import TermCounts, tfidf

_NO_WEIGHTS: dict[str, float] = {}
"""The centroid of every retired story (never added to again)."""
_NO_TERMS: frozenset = frozenset()
_NO_PROFILE = EventProfile()
"""The main-event profile of every retired story (never added to or compared again)."""


@dataclass(slots=True)
class _Story:
    id: str
    seq: int
    weights: dict[str, float]
    norm: float
    first: float | None
    last: float | None
    indexed: set[str]
    articles: list[str]
    active: bool = True
    days: StoryDays = field(default_factory=StoryDays)
    marks: set = field(default_factory=set)
    leads: set = field(default_factory=set)
    """The days the leads of its undated reports name (``lead_mark``)."""
    events: EventProfile = field(default_factory=EventProfile)


@dataclass
class StoryClusterer(Refiner, Splitter, FollowUps, Finisher):
    """Groups articles into stories one at a time.

    Args:
        threshold: cosine similarity (article vector to story centroid) needed to
            join a story.
        window_days: an article may join a story only if it was published within
            this many days of the story's articles; undated articles match any time.
        span_days: the longest a story's dated reports may span (one happening is news for a day or three:
            a report this long after the first tells of something else, a coup's purge, a protest's march).
        article_terms_kept: terms kept per article vector.
        centroid_terms: terms kept per story centroid (its compact size).
        index_terms: heaviest centroid terms under which a story is indexed.
        query_terms: heaviest article terms used to look up candidate stories.
        posting_cap: stories remembered per index term (the newest), which bounds
            the cost of a look-up however many stories exist.
        candidates: candidate stories scored exactly per article.
        syndication: also find near-verbatim copies (MinHash LSH + containment).
        idf_power: exponent on IDF (above 1 favours rare terms more).
        entity_weight: weight of an entity-name term per mention (0 ignores entities).
        max_active: stories kept joinable; beyond it the stalest are retired and
            finished: their centroid, copy fingerprints and the facts of their
            articles are dropped once their merged events and discrepancies are
            made, so memory stays flat however long the stream (2,000 stories
            cover a week or more of a stream of a thousand articles a day).
        merge_split: let ``result()`` merge stories the stream split.
        compare_members: a story's latest reports a new report is compared with
            for copies LSH cannot propose (cut copies, differently edited versions
            of one wire text); bounds that cost per report.
        refine: let ``result()`` re-assign each report of a joinable story once
            every report is in (see ``_refine``), so the grouping depends less on
            the order reports arrived in.
        refine_margin: how much more similar another story must be for a report
            its own story still admits to move there.
        split: with ``refine``, cut a joinable story holding two cores that cannot be
            one happening (conflicting lead actions, undated leads days apart) in two
            before its reports are placed again (``split.Splitter``).

    Example:
        >>> c = StoryClusterer()
        >>> for a in analysed_articles:
        ...     c.add(a)
        >>> stories_to_dict(c.result())
    """

    threshold: float = 0.18
    window_days: float = 4.0
    span_days: float = 3.5
    article_terms_kept: int = 40
    centroid_terms: int = 80
    index_terms: int = 15
    query_terms: int = 12
    posting_cap: int = 64
    candidates: int = 24
    syndication: bool = True
    idf_power: float = 1.0
    entity_weight: float = 0.5
    max_active: int = 2_000
    merge_split: bool = True
    compare_members: int = 40
    refine: bool = True
    refine_margin: float = 0.05
    split: bool = True
    _df: TermCounts = field(default_factory=TermCounts, init=False, repr=False)
    _n: int = field(default=0, init=False, repr=False)
    _stories: dict[str, _Story | RetiredStory] = field(default_factory=dict, init=False, repr=False)
    _by_seq: list[_Story | RetiredStory] = field(default_factory=list, init=False, repr=False)
    _postings: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)
    _kept: dict[str, Kept] = field(default_factory=dict, init=False, repr=False)
    _story_of: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    """The story of each article of a joinable story (``_retired_of`` holds the others')."""
    _retired_of: IdIndex = field(default_factory=IdIndex, init=False, repr=False)
    _finished: bool = field(default=False, init=False, repr=False)
    _synd: SyndicationIndex | None = field(default=None, init=False, repr=False)
    _expiry: list = field(default_factory=list, init=False, repr=False)
    _active: int = field(default=0, init=False, repr=False)
    _primed: set[str] = field(default_factory=set, init=False, repr=False)
    _final: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _days_of: dict[str, StoryDays] = field(default_factory=dict, init=False, repr=False)
    _filed: dict[str, dt.date] = field(default_factory=dict, init=False, repr=False)  # ``filed_days``
    _done: StorySpill = field(default_factory=StorySpill, init=False, repr=False)
    _newest: float = field(default=-math.inf, init=False, repr=False)
    _dated: int = field(default=0, init=False, repr=False)
    _late: int = field(default=0, init=False, repr=False)
    _members: dict[str, Member] = field(default_factory=dict, init=False, repr=False)
    _count: int = field(default=0, init=False, repr=False)
    _linked: set[str] = field(default_factory=set, init=False, repr=False)
    _links_seen: tuple[int, int] = field(default=(0, 0), init=False, repr=False)
    _years: set[int] = field(default_factory=set, init=False, repr=False)
    """The publication years of the dated reports seen (a few): the span a weekday-named day falls in."""

    @property
    def _stale(self) -> float:
        return self.window_days + 1.0

    def __post_init__(self) -> None:
        if self.syndication:
            self._synd = SyndicationIndex()

    # ------------------------------------------------------------------ vectors

    def prime(self, articles: Iterable[AnalysedArticle]) -> None:
        """Count document frequencies over a batch before adding it.

        Online IDF is noisy for the first articles of a stream; a batch caller
        (``build_stories``) primes the counts with the whole batch, so every
        article is weighed with the same IDF. Primed articles are not counted
        again when added.
        """
        for a in articles:
            if a.id in self._primed:
                continue
            self._primed.add(a.id)
            self._n += 1
            self._df.add(article_terms(a, entity_weight=self.entity_weight))

    def _vector(self, counts: Counter, article_id: str) -> dict[str, float]:
        terms = list(counts)
        if article_id not in self._primed:
            self._n += 1
            df = self._df.add_and_count(terms)
        else:
            df = self._df.counts(terms)
        n = self._n
        p = self.idf_power
        weights = {t: tfidf(c, d, n, p) for t, c, d in zip(terms, counts.values(), df) if c > 0}
        kept = top_terms(weights, self.article_terms_kept)
        norm = math.sqrt(sum(weights[t] ** 2 for t in kept)) or 1.0
        return {t: weights[t] / norm for t in kept}

    # ------------------------------------------------------------------ retrieval

    def _candidates(self, vec: dict[str, float], limit: int | None = None, *,
                    when: float | None = None, until: float | None = None) -> list[_Story]:
        """Active stories sharing the heaviest terms of ``vec``, best first, within the window.

        ``when`` (``until``: a time span) is the publication time a story must lie within ``window_days`` of,
        its dated reports then spanning at most ``span_days`` (the tighter bound); None matches any time.
        """
        score: Counter = Counter()
        cap = self.posting_cap
        for t in top_terms(vec, self.query_terms):
            for sid in self._postings.get(t, ())[-cap:]:
                score[sid] += vec[t]
        out: list[_Story] = []
        limit = limit or self.candidates
        for sid, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0])):
            story = self._stories[sid]
            if story.active and self._in_window(story, when, until):
                out.append(story)
                if len(out) >= limit:
                    break
        return out

    def _in_window(self, story: _Story, when: float | None, until: float | None = None) -> bool:
        if when is None or story.first is None:
            return True
        until = when if until is None else until
        gap = max(0.0, when - story.last, story.first - until)
        return gap <= self.window_days and max(story.last, until) - min(story.first, when) <= self.span_days

    @staticmethod
    def _apart(story: _Story, when: float | None, until: float | None, marks: tuple) -> bool:
        """Whether time shows news published at ``when`` (to ``until``), or told on the year-less
        days ``marks`` when undated, at least ``APART_DAYS`` away from ``story``'s days."""
        if when is not None and story.first is not None:
            until = when if until is None else until
            return max(0.0, when - story.last, story.first - until) >= APART_DAYS
        gap = story.days.distance(marks) if when is None else None
        return gap is not None and gap >= APART_DAYS

    @staticmethod
    def _near(story: _Story, when: float | None, until: float | None) -> bool:
        """Whether publication times show news published at ``when`` (to ``until``) within ``APART_DAYS``
        of ``story``'s reports (a weekday alone cannot: it may be any week)."""
        if when is None or story.first is None:
            return False
        until = when if until is None else until
        return max(0.0, when - story.last, story.first - until) < APART_DAYS

    def _similarity(self, vec: dict[str, float], story: _Story, sig: MainEvents, *, when: float | None,
                    until: float | None = None, lead: tuple[str, int, int] | None = None) -> float | None:
        """Cosine to ``story`` weighed by what the main events say (``main_events.weigh``).

        ``lead`` is the day an undated report's lead names (``lead_mark``): when no dated report dates
        the story and that day lies ``APART_DAYS`` or more from every day its undated reports' leads
        name, the same kind of action by the same party is not shown to be the same happening (one
        group's bombings on a Tuesday, its attacks in another city on a Saturday).
        """
        if story.events.conflicts(sig) and not self._near(story, when, until):
            return None
        relation = story.events.relation(sig)
        if relation == "same":
            apart = lead_apart(story, lead)
        else:
            apart = relation == "other" and self._apart(story, when, until, sig.marks)
        return weigh(self._cosine(vec, story), relation, apart=apart)

    @staticmethod
    def _cosine(vec: dict[str, float], story: _Story) -> float:
        w = story.weights
        return sum(v * w.get(t, 0.0) for t, v in vec.items()) / story.norm

    # ------------------------------------------------------------------ updates

    def _new_story(self, article_id: str) -> _Story:
        sid = stable_id(article_id, prefix="s")
        story = _Story(id=sid, seq=len(self._stories), weights={}, norm=1.0, first=None, last=None,
                       indexed=set(), articles=[])
        self._stories[sid] = story
        self._by_seq.append(story)
        self._active += 1
        return story

    def _unindex(self, story: _Story) -> None:
        """Take a story out of the posting lists of every term it is indexed under."""
        for t in story.indexed:
            posting = self._postings.get(t)
            if posting is not None and story.id in posting:
                posting.remove(story.id)
                if not posting:
                    del self._postings[t]

    def _join(self, story: _Story, article_id: str, vec: dict[str, float], when: float | None) -> None:
        story.articles.append(article_id)
        w = story.weights
        for t, v in vec.items():
            w[t] = w.get(t, 0.0) + v
        if len(w) > self.centroid_terms:
            story.weights = w = {t: w[t] for t in top_terms(w, self.centroid_terms)}
        story.norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        if when is not None:
            story.first = when if story.first is None else min(story.first, when)
            story.last = when if story.last is None else max(story.last, when)
        heapq.heappush(self._expiry, (story.last if story.last is not None else -math.inf, story.id))
        for t in top_terms(w, self.index_terms):
            if t not in story.indexed:
                story.indexed.add(t)
                posting = self._postings.setdefault(t, [])
                posting.append(story.id)
                if len(posting) > 2 * self.posting_cap:
                    del posting[:-self.posting_cap]
        self._story_of[article_id] = story.id

    def _retire_old(self) -> None:
        """Retire the stalest stories beyond ``max_active``, and stories no dated report can join any more.

        A story whose latest report is more than ``window_days`` (plus a day's
        slack for input slightly out of time order) older than the newest report
        seen is out of every later report's window, so keeping it joinable only
        costs memory; the count bound covers undated streams. Retiring by time
        starts only once the stream shows it is in time order (at least 200
        dated reports, at most 2% of them older than the window behind the
        newest), so a shuffled or back-filled input keeps its stories joinable.
        """
        in_order = self._dated >= 200 and self._late <= 0.02 * self._dated
        while self._expiry and (self._active > self.max_active
                                or (in_order and self._expiry[0][0] < self._newest - self._stale)):
            last, sid = heapq.heappop(self._expiry)
            story = self._stories[sid]
            if not story.active or (story.last if story.last is not None else -math.inf) > last:
                continue  # retired already, or a newer entry for this story is still queued
            story.active = False
            self._active -= 1
            story.weights = _NO_WEIGHTS
            # out of the index too: posting lists holding only joinable stories keep a look-up's
            # cost flat, where stale entries would pile up under every term a stream reuses
            self._unindex(story)
            for aid in story.articles:
                self._members.pop(aid, None)
            # a retired story is never joined, proposed or compared again: its index terms, main
            # events and undated day marks are shared empty values (thousands of empty sets and
            # counters per 10,000 articles were most of what a finished story cost)
            story.indexed = _NO_TERMS
            story.events = _NO_PROFILE
            story.marks = story.leads = _NO_TERMS
            if self._synd is not None:
                for aid in story.articles:
                    self._synd.forget(aid)
                self._note_linked()
            # a retired story is final: make its record now (kept on disk until the output is
            # written) and keep only what syndication needs: the articles linked to a copy or
            # crediting an agency (no later article can link to a forgotten one)
            self._done.put(story_record(story.id, [self._kept[a] for a in story.articles]))
            # while its reports' records are whole
            reports = [self._kept.get(a) for a in story.articles]
            days = told_days(story.days or stated_days(reports, self._years), reports)
            for aid in story.articles:
                k = self._kept[aid]
                if k.credit is not None or aid in self._linked:
                    self._kept[aid] = k.slim()
                else:
                    del self._kept[aid]
                # no later link can name a forgotten text: its mark has done its job
                self._linked.discard(aid)
                del self._story_of[aid]
            self._retired_of.add(story.articles, story.seq)
            self._stories[sid] = self._by_seq[story.seq] = RetiredStory(sid, story.seq, story.articles, days)
        if len(self._expiry) > 4 * self._active + 64:
            # stale heap entries (every join pushes one): rebuild from the active stories only
            self._expiry = [(s.last if s.last is not None else -math.inf, s.id)
                            for s in self._stories.values() if s.active]
            heapq.heapify(self._expiry)

    def _note_linked(self) -> None:
        """Add the articles of the copy and sibling links made since the last call to ``_linked``."""
        synd = self._synd
        links, sibs = self._links_seen
        for a, b, _ in synd.links[links:]:
            self._linked.update((a, b))
        for a, b, _ in synd.siblings[sibs:]:
            self._linked.update((a, b))
        self._links_seen = (len(synd.links), len(synd.siblings))

    def add(self, article: AnalysedArticle) -> str:
        """Assign one analysed article to a story; returns the story id.

        An article seen before (same id) keeps its story.
        """
        if (seen := self._story_id(article.id)) is not None:
            return seen
        when = epoch_days(article.published)
        counts = article_terms(article, entity_weight=self.entity_weight)
        vec = self._vector(counts, article.id)
        sig = main_events(article)
        chosen: _Story | None = None
        copy_of = None
        if self._synd is not None:
            copy_of = self._synd.add(article.id, article.text)
            if copy_of is not None:
                story = self._stories.get(self._story_of.get(copy_of[0], ""))
                if story is not None and story.active:
                    chosen = story
        marks, lead, recall = ((day_marks(article), lead_mark(article), recalled_terms(article)) if when is None
                               else ((), None, frozenset()))
        days = [sys.intern(d) for d in article_days(article)]  # one string per day, whatever the stories
        names = name_set(entity_names(counts), article.entities)
        if chosen is None:
            chosen, _ = self._best(self._scored(self._candidates(vec, when=when), vec, sig, when=when, marks=marks,
                                                lead=lead, days=tuple(days), recall=recall, names=names))
        if chosen is None:
            chosen = self._new_story(article.id)
        self._join(chosen, article.id, vec, when)
        if self._synd is not None:
            # versions of one wire text and short cuts of a long one: compared within the story only
            self._synd.relate(article.id, article.text, chosen.articles[-self.compare_members - 1:-1])
        chosen.days.add(days)
        chosen.events.add(sig)
        if self.refine:
            self._members[article.id] = Member(
                vec=Weights(vec), sig=sig, when=when, marks=marks, days=tuple(days), lead=lead, recall=recall,
                tf=array("f", (counts[t] for t in vec)), names=names,
                copy_of=copy_of[0] if copy_of is not None and chosen.id == self._story_of.get(copy_of[0]) else None)
        if when is not None:
            if (day := parse_published(article.published)) is not None:
                self._years.add(day.year)
            self._dated += 1
            self._late += when < self._newest - self.window_days
            self._newest = max(self._newest, when)
        if when is None:
            note_undated(chosen, marks, lead)
        self._kept[article.id] = kept_record(article, order=self._count, when=when)
        self._count += 1
        self._retire_old()
        return chosen.id

    def add_many(self, articles: Iterable[AnalysedArticle]) -> None:
        """``add`` each article in turn."""
        for a in articles:
            self.add(a)

    def __len__(self) -> int:
        return self._count

    def _story_id(self, article_id: str) -> str | None:
        """The story ``article_id`` joined (None for an article never added)."""
        sid = self._story_of.get(article_id)
        if sid is None:
            for seq in self._retired_of.get(article_id):  # a hash match, confirmed by the story's members
                story = self._by_seq[seq]
                if article_id in story.articles:
                    return story.id
        return sid
