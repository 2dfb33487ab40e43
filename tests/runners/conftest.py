"""A local Dask cluster for the engine tests: two worker processes on 127.0.0.1, started once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def dask_scheduler():
    """The address of a two-worker local cluster (skips when the dask extra is absent)."""
    pytest.importorskip("distributed", reason="the dask extra is not installed: pip install 'newsgraph[dask]'")
    from newsgraph.runners.dask_runner import local_cluster

    with local_cluster(2) as cluster:
        yield cluster.scheduler_address
