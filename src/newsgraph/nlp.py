"""Loads the spaCy pipeline once per process, from installed packages only.

Nothing is ever downloaded: when no pipeline is installed the error says what to
install. The loaded pipeline is cached per name, so every extractor in a process
shares one model (parse once, reuse everywhere).
"""

from __future__ import annotations

import functools
import logging

from .errors import MODEL_HINT, ModelNotFound
from .settings import DEFAULT_MODELS

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):  # -> spacy.language.Language
    """The spaCy pipeline ``name`` (a package name or a path), or the first default installed.

    Raises:
        ModelNotFound: nothing loadable; the message says what to install.
    """
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{candidate}: {exc.__class__.__name__}")
            continue
        log.info("loaded spaCy pipeline %s (%s)", candidate, nlp.meta.get("version"))
        return nlp
    tried = ", ".join(errors)
    raise ModelNotFound(f"no spaCy pipeline could be loaded (tried {tried}). {MODEL_HINT}")


def pipeline_label(nlp) -> str:
    """A short name@version label for run summaries and benchmark output."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"
