"""Where analysis runs: the local process pool (``pipeline.py``) or a cluster engine.

Every engine runs the same batch function on the same batches of articles and
hands results back in input order, so ``analyze_many`` yields the same records
whichever engine ran them, and every sink (JSONL, the store) and the story
clusterer stay single consumers in the driver. Engines other than ``local`` are
optional extras: importing this package never imports them.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..errors import EngineError, SettingsError
from ..extract import AnalysedArticle
from ..model import Article, Rejected
from ..settings import Settings

__all__ = ["analyse_on_engine", "engine_available"]


def engine_available(engine: str) -> bool:
    """Whether the extra that ``engine`` needs is installed (``local`` always is)."""
    if engine == "local":
        return True
    if engine == "dask":
        import importlib.util

        return importlib.util.find_spec("distributed") is not None
    return False


def analyse_on_engine(items: Iterable[Article | Rejected],
                      settings: Settings) -> Iterator[AnalysedArticle | Rejected]:
    """Analyse ``items`` on ``settings.engine``; yields one result per item, in input order.

    Raises:
        EngineError: the engine's extra is not installed, or its cluster cannot be reached.
        SettingsError: an engine this package does not know.
    """
    if settings.engine == "dask":
        if not engine_available("dask"):
            raise EngineError("engine 'dask' needs the dask extra: pip install 'newsgraph[dask]'")
        from .dask_runner import analyse_with_dask

        return analyse_with_dask(items, settings)
    raise SettingsError(f"no runner for engine {settings.engine!r}")
