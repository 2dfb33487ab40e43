"""Shared fixtures: the spaCy pipeline (loaded once), a one-call analyser, and ../shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is not present here ({path} missing): benchmark data is optional")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="session")
def analyse(nlp):
    """analyse(text, published=None, **meta) -> AnalysedArticle, through the real pipeline."""
    from newsgraph.ingest import make_article
    from newsgraph.pipeline import analyse_parsed

    def run(text: str, **meta):
        article = make_article(text, **meta)
        return analyse_parsed(nlp(article.text), article)

    return run


@pytest.fixture(scope="session")
def syria(analyse):
    """The bundled Syria wire report, analysed (published 2015-09-17)."""
    text = (SAMPLES / "syria-military-talks.txt").read_text(encoding="utf-8")
    return analyse(text, published="2015-09-17", id="syria-military-talks")
