"""A worker process killed mid-run: the run completes with every article exactly once (issue 17)."""

from __future__ import annotations

import os
import signal

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed: pip install 'newsgraph[dask]'")

from newsgraph import analyze_many, to_dict  # noqa: E402

from .runners_helpers import invented_articles  # noqa: E402

pytestmark = pytest.mark.model


def test_dask_fault_killed_worker_loses_and_repeats_nothing(dask_scheduler):
    from distributed import Client

    records = invented_articles(24)
    expected = [to_dict(r) for r in analyze_many(records, batch_size=2)]
    with Client(dask_scheduler) as client:
        client.wait_for_workers(2, timeout=60)
        before = client.run(os.getpid)  # worker address -> process id
    victim = sorted(before.values())[0]
    out = []
    for r in analyze_many(records, engine="dask", scheduler=dask_scheduler, batch_size=2):
        out.append(to_dict(r))
        if len(out) == 4:  # mid-run: 4 of 24 written, the other batches queued or running
            os.kill(victim, signal.SIGKILL)
    assert [r["id"] for r in out] == [r["id"] for r in records]  # each article once, in order
    assert out == expected
    with Client(dask_scheduler) as client:
        client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed process
        after = client.run(os.getpid)
    assert victim not in after.values()
