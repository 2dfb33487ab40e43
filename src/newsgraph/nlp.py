"""Loads the spaCy pipeline once per process, from installed packages only.

Nothing is ever downloaded: when no pipeline is installed the error says what to
install. The loaded pipeline is cached per name, so every extractor in a process
shares one model (parse once, reuse everywhere).
"""

from __future__ import annotations

import functools
import logging
import re

from spacy.language import Language

from .errors import MODEL_HINT, ModelNotFound
from .settings import DEFAULT_MODELS

log = logging.getLogger(__name__)

LINE_BREAKS = "newsgraph_line_breaks"
_CONTINUES = re.compile(r"[a-z,;:\-]$")


@Language.component(LINE_BREAKS)
def line_breaks(doc):
    """Start a sentence after every line break, unless the line is visibly hard-wrapped.

    News text keeps headlines, datelines and paragraphs on their own lines, often
    without a full stop; the parser alone runs a headline into the first sentence,
    which then mixes the headline's actors and cues with the story's. A break is
    kept when the line before ends like a sentence fragment (a lowercase letter or
    a comma) and the next line starts in lowercase: that is wrapping, not layout.
    """
    for tok in doc[:-1]:
        if "\n" not in tok.text_with_ws or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        before = tok.text if not tok.is_space else (doc[tok.i - 1].text if tok.i else "")
        if nxt.text[:1].islower() and _CONTINUES.search(before or ""):
            continue
        nxt.is_sent_start = True
    return doc


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
        if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAKS, before="parser")
        log.info("loaded spaCy pipeline %s (%s)", candidate, nlp.meta.get("version"))
        return nlp
    tried = ", ".join(errors)
    raise ModelNotFound(f"no spaCy pipeline could be loaded (tried {tried}). {MODEL_HINT}")


def pipeline_label(nlp) -> str:
    """A short name@version label for run summaries and benchmark output."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"
