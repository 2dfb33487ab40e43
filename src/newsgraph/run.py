"""A whole analysis run: inputs in, JSONL out, a summary back.

``run_analyze`` is what ``newsgraph analyze`` calls; it holds no printing, so
notebooks and tests get the same run and the same summary.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from .extract import extractors
from .lexicons import lexicon_hashes
from .extract import FACT_FIELDS, AnalysedArticle
from .model import Article, Rejected, to_dict
from .nlp import load_pipeline, pipeline_label
from .pipeline import analyze_many
from .settings import Settings
from .store import JsonlSink

if TYPE_CHECKING:
    from .stories import StoryClusterer
    from .store.sink import ArticleSink


@dataclass
class RunSummary:
    """What a run did: counts by outcome and fact kind, speed, and what produced it."""

    analysed: int = 0
    already_done: int = 0
    rejected: Counter = field(default_factory=Counter)
    rejected_examples: list[Rejected] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0
    model: str = ""
    extractors: tuple[str, ...] = ()
    lexicons: dict[str, str] = field(default_factory=dict)
    output: str | None = None
    stories: dict | None = None
    story_counts: dict | None = None
    files: int = 0
    skipped: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    quarantined: int = 0

    @property
    def read(self) -> int:
        """Inputs that became articles (analysed now or in an earlier, resumed run)."""
        return self.analysed + self.already_done

    @property
    def articles_per_s(self) -> float:
        return self.analysed / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict:
        return {
            "analysed": self.analysed, "already_done": self.already_done,
            "rejected": dict(sorted(self.rejected.items())),
            "facts": {k: self.facts.get(k, 0) for k in FACT_FIELDS},
            "words": self.words, "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2), "model": self.model,
            "extractors": list(self.extractors), "lexicons": self.lexicons, "output": self.output,
            "stories": self.stories, "story_counts": self.story_counts, "files": self.files, "skipped": dict(sorted(self.skipped.items())),
            "dropped": dict(sorted(self.dropped.items())), "quarantined": self.quarantined,
        }


def _skip_done(items: Iterable[Article | Rejected], done: set[str], summary: RunSummary,
               sinks: Sequence["ArticleSink"] = ()) -> Iterator[Article | Rejected]:
    for item in items:
        if isinstance(item, Article) and (item.id in done or not all(s.accept(item) for s in sinks)):
            summary.already_done += 1
            continue
        yield item


def run_analyze(inputs: Iterable[str | Path], out: str | Path | None, *, settings: Settings,
                resume: bool = False, stdin: IO[bytes] | None = None, stories: bool = False,
                stories_out: str | Path | None = None,
                on_article: Callable[[AnalysedArticle | Rejected], None] | None = None,
                sinks: Sequence["ArticleSink"] = ()) -> RunSummary:
    """Read ``inputs``, analyse every article, write one JSON line each to ``out``.

    Args:
        inputs: files, directories, or ``-`` for ``stdin``.
        out: JSONL path, ``-`` for standard output, or None for none (when ``sinks`` keep the results).
        settings: model, workers, batch size, limits.
        resume: keep ``out``'s complete records and skip articles already in it.
        stdin: the stream ``-`` reads (binary).
        stories: also group the analysed articles into stories (``summary.stories``
            then holds the SCHEMA stories object and ``summary.story_counts`` its counts).
        stories_out: group into stories and stream the SCHEMA stories JSON to this path
            (``-`` for standard output) instead of holding it: ``summary.story_counts``
            then holds the counts (``stories.summarise``) and ``summary.stories`` stays None,
            so memory does not grow with the number of stories.
        on_article: called after each input is handled (progress bars).
        sinks: also receive every article (``store.sink.ArticleSink``: the database);
            an article a sink has done already is skipped and counted as already done.
    """
    from .ingest import read_inputs
    from .ingest.stats import ReadStats

    nlp = load_pipeline(settings.model)
    stats = ReadStats()
    summary = RunSummary(model=pipeline_label(nlp), extractors=tuple(e.name for e in extractors()),
                         lexicons=lexicon_hashes(), output=str(out))
    with (JsonlSink(out, resume=resume) if out is not None else contextlib.nullcontext()) as sink:
        summary.quarantined = len(sink.quarantined) if sink is not None else 0
        clusterer = None
        if stories or stories_out is not None:
            from .stories import StoryClusterer

            clusterer = StoryClusterer()
            if resume and out is not None and str(out) != "-" and Path(out).exists():
                from .store import read_analysed

                for done in read_analysed(out):  # checked and cleaned by the sink
                    clusterer.add(done)
        start = time.perf_counter()
        done = sink.done_ids if sink is not None else set()
        items = _skip_done(read_inputs(inputs, stdin=stdin, stats=stats), done, summary, sinks)
        for result in analyze_many(items, settings=settings):
            for extra in sinks:
                (extra.reject if isinstance(result, Rejected) else extra.write)(result)
            if isinstance(result, Rejected):
                summary.rejected[result.reason] += 1
                if len(summary.rejected_examples) < 20:
                    summary.rejected_examples.append(result)
            else:
                if sink is not None:
                    sink.write(to_dict(result))
                summary.analysed += 1
                summary.words += len(result.text.split())
                for kind in FACT_FIELDS:
                    summary.facts[kind] += len(getattr(result, kind))
                if clusterer is not None:
                    clusterer.add(result)
            if on_article is not None:
                on_article(result)
        summary.seconds = time.perf_counter() - start
        if clusterer is not None:
            if stories_out is not None:
                summary.story_counts = write_stories(clusterer, stories_out)
            else:
                from .stories import stories_to_dict, summarise

                summary.stories = stories_to_dict(clusterer.result())
                summary.story_counts = summarise(summary.stories)
            if out is not None and str(out) != "-":
                from .stories.story_time import rewrite_jsonl

                # undated articles get the dates their story establishes (SCHEMA 1.1
                # anchor_from "story"); still under the output's lock, so no other run
                # can start writing the file this rewrite is about to replace
                rewrite_jsonl(out, clusterer.updated)
    summary.files, summary.skipped, summary.dropped = stats.files, stats.skipped, stats.dropped
    return summary


def _is_analysed_jsonl(path: Path, *, sample: int = 20) -> bool:
    """Output of ``analyze`` (not input records): most of the first lines carry the keys every
    analysed record has, so one damaged first line does not send the file to be re-analysed."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    from .store import read_jsonl_records
    from .store.jsonl import ANALYSED_KEYS

    votes = [obj is not None and all(k in obj for k in ANALYSED_KEYS)
             for _, obj, _ in itertools.islice(read_jsonl_records(path), sample)]
    return 2 * sum(votes) > len(votes)


def write_stories(clusterer: "StoryClusterer", out: str | Path) -> dict:
    """Stream ``clusterer``'s stories JSON to ``out`` (``-``: standard output), whole or not at all;
    returns its counts (``stories.summarise``). Call once every article is added."""
    from .files import replaced_atomically
    from .stories import write_stories_json

    stories, syndication = clusterer.final()
    if str(out) == "-":
        return write_stories_json(stories, syndication, sys.stdout)
    with replaced_atomically(out) as fh:
        return write_stories_json(stories, syndication, fh)


def run_stories(inputs: Iterable[str | Path], out: str | Path, *, settings: Settings,
                stdin: IO[bytes] | None = None) -> tuple[dict, int]:
    """Group articles into stories, streamed as SCHEMA stories JSON to ``out`` (``-``: standard output);
    returns the stories' counts (``stories.summarise``) and the article count.

    Analysed JSONL (the output of ``analyze``) is used as it is; any other input
    is read and analysed first, so ``newsgraph stories`` works on raw articles too.
    """
    from .ingest import read_inputs
    from .stories import StoryClusterer
    from .store import read_analysed

    clusterer = StoryClusterer()
    n = 0
    raw: list[str | Path] = []
    for item in inputs:
        path = Path(item)
        if str(item) != "-" and _is_analysed_jsonl(path):
            for done in read_analysed(path):
                clusterer.add(done)
                n += 1
        else:
            raw.append(item)
    if raw:
        for result in analyze_many(read_inputs(raw, stdin=stdin), settings=settings):
            if isinstance(result, AnalysedArticle):
                clusterer.add(result)
                n += 1
    return write_stories(clusterer, out), n


def stories_summary(counts: dict) -> dict[str, str]:
    """Readable counts for the CLI's closing summary, from ``stories.summarise`` counts."""
    largest = "; ".join(f"{s['articles']} × {(s.get('title') or s.get('id') or '')[:60]}"
                        for s in counts.get("largest", []))
    return {
        "stories": str(counts.get("stories", 0)),
        "articles": str(counts.get("articles", 0)),
        "largest": largest or "-",
        "copies found": str(counts.get("copies", 0)),
        "discrepancies found": str(counts.get("discrepancies", 0)),
        "merged events": str(counts.get("merged_events", 0)),
    }
