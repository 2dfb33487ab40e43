"""Analyse a few submitted article records and keep them in the store (what ``POST /api/articles`` does).

The same path as ``newsgraph analyze --db``: records are read by the JSONL
reader's ``article_from_record``, analysed by ``analyze_many`` and written by a
``StoreSink`` (pending first, then done with facts, stories and the clusterer's
snapshot on close). An article already done with the same content is reported
as such, not analysed again; a record that cannot become an article is kept as
a rejection and reported with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ..ingest import article_from_record
from ..model import Article, Rejected
from ..settings import Settings
from .db import Store
from .sink import StoreSink, current_versions


@dataclass
class Submitted:
    """What became of each submitted record."""

    analysed: list[dict[str, Any]] = field(default_factory=list)
    already_done: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"analysed": self.analysed, "already_done": self.already_done, "rejected": self.rejected}


def analyse_into_store(store: Store, records: Sequence[Mapping[str, Any]], *, settings: Settings,
                       origin: str = "POST") -> Submitted:
    """Analyse ``records`` (SCHEMA input records) and save them with their facts and stories.

    Args:
        store: the open database.
        records: input records (``text`` or ``html``, optional id, url, source, title, published).
        settings: model and limits; analysis runs in this process.
        origin: how rejections say where the record came from.
    """
    from ..pipeline import analyze_many

    out = Submitted()
    items: list[Article | Rejected] = [article_from_record(r, origin=f"<{origin} record {i}>")
                                       for i, r in enumerate(records)]
    with StoreSink(store, versions=current_versions(settings.model), batch=len(items) or 1) as sink:
        todo: list[Article | Rejected] = []
        for item in items:
            if isinstance(item, Article) and not sink.accept(item):
                out.already_done.append(item.id)
            else:
                todo.append(item)
        for result in analyze_many(todo, settings=settings):
            if isinstance(result, Rejected):
                sink.reject(result)
                out.rejected.append({"origin": result.origin, "reason": result.reason, "detail": result.detail})
            else:
                sink.write(result)
                out.analysed.append({"id": result.id, "title": result.title})
    return out


__all__ = ["Submitted", "analyse_into_store"]
