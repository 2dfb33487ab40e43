"""The Dask engine on a local loopback cluster: same bytes as the local engine, bounded, robust."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed: pip install 'newsgraph[dask]'")

from typer.testing import CliRunner  # noqa: E402

from newsgraph import analyze_many, to_dict  # noqa: E402
from newsgraph.cli import app  # noqa: E402
from newsgraph.extract import AnalysedArticle  # noqa: E402
from newsgraph.model import Article, Rejected  # noqa: E402
from newsgraph.settings import make_settings  # noqa: E402

from .runners_helpers import invented_articles  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def bare_batch(articles, settings):
    """A worker batch function without spaCy: records with no facts (tests of the plumbing)."""
    return [AnalysedArticle(id=a.id, url=a.url, source=a.source, title=a.title, published=a.published,
                            text="", language="en") for a in articles]


def poisoned_batch(articles, settings):
    """Fails every batch that holds an article whose text asks for it."""
    if any("POISON" in a.text for a in articles):
        raise ValueError("this article breaks the analysis")
    return bare_batch(articles, settings)


@pytest.mark.model
def test_dask_runner_cli_output_is_byte_identical_to_local(dask_scheduler, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "reports.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in invented_articles(9)) + "not json\n", encoding="utf-8")
    inputs = [str(SAMPLES), str(tmp_path / "in")]
    runner = CliRunner()
    local = runner.invoke(app, ["analyze", *inputs, "-o", str(tmp_path / "local.jsonl"), "-w", "2",
                                "--stories", str(tmp_path / "local-stories.json"), "-q"])
    dask = runner.invoke(app, ["analyze", *inputs, "-o", str(tmp_path / "dask.jsonl"), "--engine", "dask",
                               "--scheduler", dask_scheduler, "--stories", str(tmp_path / "dask-stories.json"),
                               "-q"])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    local_bytes = (tmp_path / "local.jsonl").read_bytes()
    assert local_bytes.count(b"\n") >= 20
    assert (tmp_path / "dask.jsonl").read_bytes() == local_bytes
    assert (tmp_path / "dask-stories.json").read_bytes() == (tmp_path / "local-stories.json").read_bytes()


def test_dask_runner_keeps_order_and_a_bounded_number_of_batches_in_flight(dask_scheduler):
    from newsgraph.runners.dask_runner import QUEUE_PER_THREAD, analyse_with_dask

    pulled = 0

    def reader():
        nonlocal pulled
        for i in range(400):
            pulled += 1
            yield Rejected(f"in-{i}", "empty") if i % 50 == 7 else Article(id=f"a{i}", text=f"text {i}")

    settings = make_settings({"engine": "dask", "scheduler": dask_scheduler, "batch_size": 4})
    fan_outs: list = []
    out = []
    for r in analyse_with_dask(reader(), settings, batch=bare_batch, fan_out=fan_outs):
        out.append(r)
        assert pulled - len(out) <= (2 * QUEUE_PER_THREAD + 1) * 4 + 4
    assert [getattr(r, "id", None) or r.origin for r in out] == [
        f"in-{i}" if i % 50 == 7 else f"a{i}" for i in range(400)]
    assert all(r.text == f"text {r.id[1:]}" for r in out if isinstance(r, AnalysedArticle))
    assert fan_outs[0].max_in_flight <= 2 * QUEUE_PER_THREAD + 1


def test_dask_runner_a_failing_article_is_rejected_and_the_rest_analysed(dask_scheduler):
    from newsgraph.runners.dask_runner import analyse_with_dask

    items = [Article(id=f"a{i}", text="POISON" if i == 5 else f"text {i}") for i in range(12)]
    settings = make_settings({"engine": "dask", "scheduler": dask_scheduler, "batch_size": 4})
    out = list(analyse_with_dask(items, settings, batch=poisoned_batch))
    assert [type(r).__name__ for r in out] == ["AnalysedArticle"] * 5 + ["Rejected"] + ["AnalysedArticle"] * 6
    assert out[5].reason == "analysis-failed" and "ValueError" in out[5].detail


def test_dask_runner_cluster_listens_on_loopback_only(dask_scheduler):
    import os

    import psutil

    pids = {os.getpid()} | {p.pid for p in psutil.Process().children(recursive=True)}
    listening = [c.laddr for c in psutil.net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN and c.pid in pids]
    assert len(listening) >= 3  # the scheduler and two workers at least
    assert {addr.ip for addr in listening} == {"127.0.0.1"}, listening


@pytest.mark.model
def test_dask_runner_starts_its_own_local_cluster_without_a_scheduler():
    texts = [r["text"] for r in invented_articles(3)]
    local = [to_dict(r) for r in analyze_many(texts)]
    dask = [to_dict(r) for r in analyze_many(texts, engine="dask", workers=1)]
    assert dask == local


@pytest.mark.model
def test_dask_runner_store_gets_the_same_records_as_local(dask_scheduler, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "reports.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in invented_articles(6)), encoding="utf-8")
    runner = CliRunner()
    for name, extra in (("local", ["-w", "2"]), ("dask", ["--engine", "dask", "--scheduler", dask_scheduler])):
        done = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--db", str(tmp_path / f"{name}.db"),
                                   "-q", *extra])
        assert done.exit_code == 0, done.output
        done = runner.invoke(app, ["export", "--db", str(tmp_path / f"{name}.db"), "-o",
                                   str(tmp_path / f"{name}.jsonl")])
        assert done.exit_code == 0, done.output
    local = (tmp_path / "local.jsonl").read_bytes()
    assert local.count(b"\n") == 6 and (tmp_path / "dask.jsonl").read_bytes() == local
