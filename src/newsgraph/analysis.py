"""The step every engine runs: parsed articles in, analysed records out.

``pipeline`` (in-process and worker processes) and the cluster runners
(``runners/``) both call ``analyse_batch``; it lives below both so neither has to
import the other.
"""

from __future__ import annotations

from .extract import REGISTRY, AnalysedArticle, run_extractors
from .ingest.language import detect_language
from .model import Article
from .nlp import load_pipeline
from .settings import Settings


def analyse_parsed(doc, article: Article, *, problems: list[str] | None = None) -> AnalysedArticle:
    """The analysed record of one article from its parsed ``Doc``."""
    facts = run_extractors(doc, article, problems=problems)
    return REGISTRY.analysed(article, facts, language=detect_language(article.text))


def analyse_batch(articles: list[Article], settings: Settings) -> list[AnalysedArticle]:
    """Parse ``articles`` in one ``nlp.pipe`` stream and analyse each (input order kept)."""
    nlp = load_pipeline(settings.model)
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    return [analyse_parsed(doc, art) for doc, art in zip(docs, articles)]
