"""The accuracy gate: every benchmark figure pinned in benchmarks/baseline.json must hold.

Benchmarks that need ../shared skip here when it is absent (they exit with a message).
With ``NEWSGRAPH_REQUIRE_BENCHMARKS=1`` (set by ``.ci/run`` when ../shared is
there) a benchmark that cannot run fails instead: a figure nobody measured must
not pass as held.
"""

import importlib.util
import json
import os
import sys

import pytest

from conftest import ROOT

BASELINE = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))
ENTRIES = sorted(BASELINE["benchmarks"].items())


def _load(name):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in a benchmark look their module up here
    spec.loader.exec_module(module)
    return module


def test_baseline_entries_are_well_formed():
    for name, entry in ENTRIES:
        assert (ROOT / "benchmarks" / f"{name}.py").exists(), name
        assert entry["floors"] and all(0 <= v <= 1e9 for v in entry["floors"].values()), name
        for note in entry.get("lowered", []):
            assert note.get("reason"), f"{name}: a lowered floor needs a reason"


@pytest.mark.model
@pytest.mark.parametrize("name,entry", ENTRIES, ids=[n for n, _ in ENTRIES])
def test_baseline_benchmark_meets_floors(name, entry):
    module = _load(name)
    try:
        figures = module.measure(**entry.get("args", {}))
    except SystemExit as exc:  # data absent (exit 0, shared_or_exit) or the benchmark failed (a message)
        if exc.code not in (0, None):
            pytest.fail(f"{name}: the benchmark failed: {exc.code}")
        if os.environ.get("NEWSGRAPH_REQUIRE_BENCHMARKS") == "1":
            pytest.fail(f"{name}: its benchmark data is missing although NEWSGRAPH_REQUIRE_BENCHMARKS=1 "
                        "(.ci/run sets it when ../shared/benchmarks is present)")
        pytest.skip(f"{name}: its benchmark data (../shared/benchmarks) is not present here")
    below = {k: (figures.get(k), floor) for k, floor in entry["floors"].items()
             if figures.get(k) is None or figures[k] < floor}
    assert not below, f"{name} below its floors (measured, floor): {below}"
