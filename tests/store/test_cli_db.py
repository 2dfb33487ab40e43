"""``analyze --db`` and ``export`` end to end on both backends: the store is the output."""

from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.model

REPORTS = [
    {"id": "w1", "source": "Example Wire", "published": "2022-03-14", "title": "Dam talks collapse",
     "text": "Officials from Lorvania and Estmark met in Geneva on Monday but failed to agree on the dam. "
             "\"There is nothing left to discuss,\" said Lorvanian water minister Ines Varga. "
             "Estmark accused Lorvania of cutting the river's flow, and 3,000 farmers protested in the capital."},
    {"id": "w2", "source": "Daily Example", "published": "2022-03-15", "title": "Farmers protest over dam",
     "text": "About 3,000 farmers protested in the Estmark capital on Monday after the dam talks with Lorvania "
             "collapsed. Police said 12 people were arrested. Estmark's president urged calm."},
]


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS) + "not json\n", encoding="utf-8")
    return path


def test_cli_db_analyze_export_round_trip_and_rerun_noop(inputs, db_url, tmp_path):
    runner = CliRunner()
    out = tmp_path / "res.jsonl"
    first = runner.invoke(app, ["analyze", str(inputs), "--db", db_url, "-o", str(out)])
    assert first.exit_code == 0, first.output
    exported = tmp_path / "export.jsonl"
    res = runner.invoke(app, ["export", "--db", db_url, "-o", str(exported)])
    assert res.exit_code == 0, res.output
    assert exported.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")

    again = runner.invoke(app, ["analyze", str(inputs), "--db", db_url])
    assert again.exit_code == 0, again.output
    assert "already done" in again.output
    from newsgraph.store import Store

    with Store(db_url) as store:
        counts = store.counts()
        assert counts["articles_done"] == 2 and counts["story_members"] == 2
        assert counts["stories"] >= 1
        assert counts["rejections"] == 1  # the line that is not JSON, kept once with its reason

    events_csv = tmp_path / "events.csv"
    res = runner.invoke(app, ["export", "--db", db_url, "-f", "csv", "-t", "events", "-o", str(events_csv)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(events_csv.open(encoding="utf-8")))
    n_events = sum(len(json.loads(line)["events"]) for line in out.read_text(encoding="utf-8").splitlines())
    assert len(rows) == n_events
    for row in rows:
        assert row["article_url"] is not None and row["type"]
        assert row["evidence"]  # the sentence, cut from the article text by the event's span


def _analysed_at(db_url) -> dict[str, float]:
    from sqlalchemy import select

    from newsgraph.store import Store
    from newsgraph.store.schema import articles

    with Store(db_url) as store, store.engine.connect() as conn:
        return dict(conn.execute(select(articles.c.id, articles.c.analysed_at)).all())


def test_cli_db_reanalyse_redoes_only_other_versions(inputs, db_url):
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(inputs), "--db", db_url, "-q"]).exit_code == 0
    from newsgraph.store import Store
    from newsgraph.store.schema import articles

    with Store(db_url) as store:
        before = store.counts()
        with store.engine.begin() as conn:
            conn.execute(update(articles).where(articles.c.id == "w1").values(versions="older-extractors"))
    first = _analysed_at(db_url)
    assert runner.invoke(app, ["analyze", str(inputs), "--db", db_url, "-q"]).exit_code == 0
    assert _analysed_at(db_url) == first  # without --reanalyse nothing is redone
    redo = runner.invoke(app, ["analyze", str(inputs), "--db", db_url, "--reanalyse", "-q"])
    assert redo.exit_code == 0, redo.output
    after = _analysed_at(db_url)
    assert after["w1"] > first["w1"] and after["w2"] == first["w2"]
    with Store(db_url) as store:
        assert store.counts() == before
        assert store.state_of("w1").versions == store.state_of("w2").versions != "older-extractors"


def test_cli_db_export_parquet_and_bad_input(inputs, db_url, tmp_path):
    pa = pytest.importorskip("pyarrow.parquet")
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(inputs), "--db", db_url, "-q"]).exit_code == 0
    target = tmp_path / "figures.parquet"
    res = runner.invoke(app, ["export", "--db", db_url, "-f", "parquet", "-t", "figures", "-o", str(target)])
    assert res.exit_code == 0, res.output
    table = pa.read_table(target)
    assert table.num_rows >= 1 and "kind" in table.column_names and "article_url" in table.column_names
    bad = runner.invoke(app, ["export", "--db", db_url, "-t", "nope"])
    assert bad.exit_code == 1 and "unknown table" in bad.output
    bad = runner.invoke(app, ["export", "--db", db_url, "-f", "xlsx"])
    assert bad.exit_code == 1 and "unknown format" in bad.output


def test_cli_db_export_missing_sqlite_file_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "no database" in res.output
    assert not (tmp_path / "none.db").exists()
