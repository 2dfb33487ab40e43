"""The step every engine runs: parsed articles in, analysed records out.

``pipeline`` (in-process and worker processes) and the cluster runners
(``runners/``) both call ``analyse_batch``; it lives below both so neither has to
import the other. A batch that raises (a spaCy or extractor bug on one odd text) is
retried article by article, so only the article that fails is lost, as
``Rejected("analysis-failed")``.
"""

from __future__ import annotations

import logging

from .extract import REGISTRY, AnalysedArticle, run_extractors
from .ingest.language import detect_language
from .model import Article, Rejected
from .nlp import load_pipeline
from .settings import Settings

log = logging.getLogger(__name__)


def analyse_parsed(doc, article: Article, *, problems: list[str] | None = None) -> AnalysedArticle:
    """The analysed record of one article from its parsed ``Doc``."""
    facts = run_extractors(doc, article, problems=problems)
    return REGISTRY.analysed(article, facts, language=detect_language(article.text))


def analyse_batch(articles: list[Article], settings: Settings) -> list[AnalysedArticle | Rejected]:
    """The batch through ``nlp.pipe``; when anything in it raises, each article on its own."""
    nlp = load_pipeline(settings.model)
    try:
        docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
        return [analyse_parsed(doc, art) for doc, art in zip(docs, articles)]
    except Exception as exc:  # noqa: BLE001 - one bad article must not take its batch with it
        if len(articles) > 1:
            log.warning("a batch of %d articles failed (%s: %s); retrying them one by one",
                        len(articles), type(exc).__name__, exc)
        return [_analyse_one(nlp, art) for art in articles]


def _analyse_one(nlp, article: Article) -> AnalysedArticle | Rejected:
    try:
        return analyse_parsed(nlp(article.text), article)
    except Exception as exc:  # noqa: BLE001 - third-party code on one odd text
        log.warning("%s: analysis failed: %s: %s", article.origin or article.id,
                    type(exc).__name__, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        return Rejected(article.origin or article.id, "analysis-failed",
                        f"{type(exc).__name__}: {str(exc)[:200]}")
