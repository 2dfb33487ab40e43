"""SCHEMA input records (JSON objects) to articles: ``text`` or ``html``, fields checked.

The dispatch between the plain-text and the HTML path lives here, above both
``records`` (which builds every ``Article``) and ``html``, so neither imports the other
in a circle. ``jsonl``, ``ingest`` and the Python API call ``article_from_record``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..model import Article, Rejected
from .html import article_from_html
from .records import _MAX_META_CHARS, INPUT_FIELDS, _drop, clean_text, make_article

if TYPE_CHECKING:
    from .stats import ReadStats


def _string_field(record: Mapping[str, Any], key: str, origin: str,
                  stats: ReadStats | None) -> str | None:
    """A metadata field as a string: numbers (not booleans) are written as their digits;
    other types (lists, objects, booleans) are dropped with a warning, never turned into a repr."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value[:_MAX_META_CHARS] if isinstance(value, str) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "title":
        return str(value)
    _drop(key, value, origin, f"expected {INPUT_FIELDS[key]}, got {type(value).__name__}", stats)
    return None


def _record_id(value: Any) -> str | None | Rejected:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return Rejected("", "bad-id", f"'id' must be a non-empty string or an integer, "
                              f"got {type(value).__name__} {str(value)[:40]!r}")


def article_from_record(record: Mapping[str, Any], *, origin: str = "<record>",
                        stats: ReadStats | None = None) -> Article | Rejected:
    """An article from a SCHEMA input record (``text`` or ``html`` required).

    The record is checked against ``INPUT_FIELDS``: an ``id`` that is neither a string nor
    an integer rejects the record ("bad-id": the id is the article's identity, a guessed
    one would be wrong silently); other fields of a wrong type are dropped with a warning
    and counted; fields the schema does not name are allowed.
    """
    if not isinstance(record, Mapping):
        return Rejected(origin, "not-an-object", f"expected a JSON object, got {type(record).__name__}")
    id = _record_id(record.get("id"))
    if isinstance(id, Rejected):
        return Rejected(origin, id.reason, id.detail)
    meta = {k: _string_field(record, k, origin, stats) for k in ("url", "source", "title", "published", "author")}
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return make_article(text, origin=origin, id=id, stats=stats, **meta)
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return article_from_html(clean_text(html), origin=origin, id=id, stats=stats, **meta)
    return Rejected(origin, "no-text", "record has neither a non-empty 'text' nor 'html'")


__all__ = ["INPUT_FIELDS", "article_from_record", "clean_text", "is_iso_date", "make_article",
           "normalise_published"]
