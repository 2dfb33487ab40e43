"""Choosing an engine: unknown names and a missing extra are one clear error each."""

from __future__ import annotations

import pytest

from newsgraph import analyze_many
from newsgraph.errors import EngineError, SettingsError
from newsgraph.settings import make_settings


@pytest.mark.parametrize("engine", ["ray", "spark", ""])
def test_engines_unknown_engine_is_a_settings_error(engine):
    if engine == "":  # an empty env var means: unset
        assert make_settings(environ={"NEWSGRAPH_ENGINE": ""}).engine == "local"
        return
    with pytest.raises(SettingsError, match="engine"):
        make_settings({"engine": engine})


def test_engines_engine_and_scheduler_come_from_the_environment():
    s = make_settings(environ={"NEWSGRAPH_ENGINE": "dask", "NEWSGRAPH_SCHEDULER": "tcp://10.0.0.5:8786"})
    assert (s.engine, s.scheduler) == ("dask", "tcp://10.0.0.5:8786")


@pytest.mark.model
def test_engines_missing_extra_says_what_to_install(monkeypatch):
    import newsgraph.runners as runners

    monkeypatch.setattr(runners, "engine_available", lambda engine: engine == "local")
    with pytest.raises(EngineError, match=r"newsgraph\[dask\]"):
        list(analyze_many(["A short text about a flood in Lima."], engine="dask"))
