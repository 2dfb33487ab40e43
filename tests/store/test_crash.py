"""Kill -9 an ingesting run at random points; the rerun must equal a clean run.

Per article id: status, every fact count and its story must be what one
uninterrupted run gives, on SQLite and on PostgreSQL. The ingesting process is
forked from the test process (the spaCy pipeline is loaded already, so each
kill costs milliseconds, not a model load) and runs what ``newsgraph analyze
--db`` runs; ``tests/test_cli.py`` covers the command itself.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

pytestmark = pytest.mark.model

TOWNS = ["Marrowby", "Kelth", "Ostrava Nova", "Dunmere", "Selvik", "Aranto"]
GROUPS = ["farmers", "teachers", "dock workers", "students"]
TOPICS = [
    "Hundreds of {group} marched through {town} on Monday to demand higher wages, the city council said. "
    "Police arrested {a} people after clashes near the port. \"We will return every week until we are heard,\" "
    "said organiser Mira Castell. The interior ministry said {b} officers were injured.",
    "Floodwater from the Tavel river cut off {town} on Tuesday and {a} families left their homes, the regional "
    "governor Piet Ansel said. Rescue boats reached the flooded villages, and {b} people are missing. "
    "The government promised $2 million in emergency aid for the valley.",
    "A fire at the Brenova chemical plant outside {town} killed {a} workers on Sunday, the factory owner said. "
    "Inspectors had warned about the storage of solvents last year. \"This was preventable,\" said union leader "
    "Tomas Leder, who called for {b} managers to resign.",
]


def invented_articles(n: int) -> list[dict]:
    """Short invented reports of three kinds (protests, floods, a factory fire) in made-up towns."""
    out = []
    for i in range(n):
        town, group = TOWNS[(i // 3) % len(TOWNS)], GROUPS[i % len(GROUPS)]
        text = TOPICS[i % 3].format(group=group, town=town, a=i + 4, b=i + 2)
        out.append({"id": f"art-{i:03d}", "url": f"https://news.example/{i}", "source": "Example Times",
                    "title": f"Report {i} from {town}", "published": f"2023-05-{3 + i % 6:02d}", "text": text})
    return out


def per_article(url: str) -> dict[str, tuple]:
    from newsgraph.store import Store
    from newsgraph.store.schema import FACT_TABLES, articles, mentions, story_members

    store = Store(url)
    out: dict[str, list] = {}
    with store.engine.connect() as conn:
        for aid, status in conn.execute(select(articles.c.id, articles.c.status)):
            out[aid] = [status]
        for table in (*FACT_TABLES.values(), mentions):
            counts = dict(conn.execute(select(table.c.article_id, func.count()).group_by(table.c.article_id)).all())
            for aid in out:
                out[aid].append(counts.get(aid, 0))
        members = dict(conn.execute(select(story_members.c.article_id, story_members.c.story_id)).all())
    # stories as a partition (which articles share a story), independent of the story id chosen
    groups: dict[str, list[str]] = {}
    for aid, sid in members.items():
        groups.setdefault(sid, []).append(aid)
    for aid in out:
        out[aid].append(tuple(sorted(groups.get(members.get(aid), []))))
    store.close()
    return {k: tuple(v) for k, v in out.items()}


def done_count(url: str) -> int:
    from sqlalchemy import create_engine

    from newsgraph.store.engine import normalise_url
    from newsgraph.store.schema import articles

    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)
                                .where(articles.c.status == "done")).scalar_one()
    except Exception:  # noqa: BLE001 - the database may not exist yet while the run starts
        return 0
    finally:
        engine.dispose()


def _ingest(inputs: str, url: str) -> None:
    from newsgraph.run import run_analyze
    from newsgraph.settings import make_settings
    from newsgraph.store import Store
    from newsgraph.store.sink import StoreSink, current_versions

    # what `analyze --db` runs, with transactions of 2 articles instead of 16: on an idle
    # machine 16 articles take less than a second, and one transaction would leave no kill point
    store = Store(url)
    with StoreSink(store, versions=current_versions(None), batch=2) as sink:
        run_analyze([inputs], None, settings=make_settings({"batch_size": 4}), sinks=[sink])
    store.close()
    os._exit(0)


def run_forked(inputs: Path, url: str, *, kill_at: int | None = None, timeout: float = 120) -> int | None:
    """Ingest in a child process; with ``kill_at``, SIGKILL it once that many articles are done.

    Returns the child's exit code (``-SIGKILL`` when it was killed).
    """
    proc = multiprocessing.get_context("fork").Process(target=_ingest, args=(str(inputs), url))
    proc.start()
    deadline = time.monotonic() + timeout
    if kill_at is not None:
        while proc.is_alive() and time.monotonic() < deadline:
            if done_count(url) >= kill_at:
                time.sleep(random.uniform(0, 0.05))  # land anywhere: between, or inside, a transaction
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
    proc.join(max(1.0, deadline - time.monotonic()))
    if proc.is_alive():
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        raise AssertionError("the ingesting process did not finish in time")
    return proc.exitcode


def test_store_crash_kill9_then_rerun_equals_clean_run(db_url, tmp_path, request, nlp):
    from newsgraph.settings import make_settings
    from newsgraph.run import run_analyze
    from newsgraph.store.sink import store_sink

    arts = invented_articles(16)
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")

    # the clean run, in this process, into a separate database of the same backend
    if db_url.startswith("postgresql"):
        from .conftest import empty_pg, pg_schema_url

        clean_url = pg_schema_url(request.getfixturevalue("pg_admin"))
        from newsgraph.store import Store

        Store(clean_url).close()
        empty_pg(clean_url)
    else:
        clean_url = str(tmp_path / "clean.db")
    with store_sink(clean_url) as sink:
        run_analyze([inputs], None, settings=make_settings({"batch_size": 4}), sinks=[sink])
    clean = per_article(clean_url)
    assert len(clean) == 16 and all(v[0] == "done" for v in clean.values())

    kills = sorted(random.sample(range(0, 14), 3))
    killed = 0
    for k in kills:
        if run_forked(inputs, db_url, kill_at=k) == -signal.SIGKILL:
            killed += 1
    assert killed >= 1, f"no run was killed before it finished (kill points {kills})"
    assert run_forked(inputs, db_url) == 0
    assert per_article(db_url) == clean, f"kill points {kills}"
    # and a rerun on the same sources is a no-op
    assert run_forked(inputs, db_url) == 0
    assert per_article(db_url) == clean
