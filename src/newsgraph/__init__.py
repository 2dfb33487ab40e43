"""newsgraph: who said what, who did what to whom, when, how many and where, from news text."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import BadInput, NewsgraphError  # noqa: E402
from .extract import AnalysedArticle
from .model import Article, Rejected, to_dict  # noqa: E402
from .pipeline import analyze, analyze_many  # noqa: E402

__all__ = ["__version__", "analyze", "analyze_many", "AnalysedArticle", "Article", "BadInput",
           "NewsgraphError", "Rejected", "to_dict", "Store"]


def __getattr__(name: str):
    """``newsgraph.Store`` (the database) is imported on first use: analysing needs no SQL."""
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
