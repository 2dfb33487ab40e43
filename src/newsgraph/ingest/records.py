"""Building ``Article`` records: stable ids, and the typed schema of SCHEMA input records.

Every reader ends here, so this is the boundary where text becomes safe to analyse and to
write: lone surrogates (``"\\ud800"`` from a JSON escape, ``"\\udce9"`` from a file name
that is not UTF-8) cannot be encoded as UTF-8 and would make spaCy, the writer or the
database raise, and NUL (``"\\u0000"``) cannot be stored in a PostgreSQL text column, so
all of them become U+FFFD (one character for one: every span stays where it was).
Input records are checked field by field against ``INPUT_FIELDS``: a record never carries a Python repr
(``"['x', 1]"``) into the output, and a ``published`` that is not ISO 8601 is dropped with
a warning (and counted), since every relative date would be resolved against it; a date
spelled another way ("Sept. 17, 2015", RFC 2822) is written in ISO form.
"""

from __future__ import annotations

import email.utils
import logging
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..model import Article, Rejected, stable_id

if TYPE_CHECKING:
    from .stats import ReadStats

log = logging.getLogger(__name__)

_INVALID = re.compile("[\x00\ud800-\udfff]")
_MAX_META_CHARS = 10_000
_MAX_BYLINE = 300

INPUT_FIELDS: dict[str, str] = {
    "id": "string (an integer is accepted and written as its decimal digits)",
    "url": "string or null",
    "source": "string or null",
    "title": "string or null (a number is written as its digits)",
    "published": "string or null: an ISO 8601 date or datetime",
    "author": "string or null: the byline (writers, agency), e.g. \"Jane Roe – UPI\" (additive)",
    "text": "string (text or html is required)",
    "html": "string (text or html is required)",
}
"""The typed schema of an input record (SCHEMA.md "Input"); other fields are allowed and ignored."""


def clean_text(value: str) -> str:
    """``value`` with lone surrogates and NUL replaced by U+FFFD, so every writer can take it."""
    return _INVALID.sub("\ufffd", value) if _INVALID.search(value) else value


def is_iso_date(value: str) -> bool:
    """True for an ISO 8601 date (``2015-09-17``) or datetime (``2015-09-17T08:00:00+02:00``)."""
    value = value.strip()
    if not value or len(value) > 64:
        return False
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return True
        except ValueError:
            continue
    return False


def normalise_published(value: str) -> str | None:
    """``published`` as ISO 8601: kept when it is already, converted from RFC 2822 (feeds,
    e-mail: the UTC offset kept) or a spelled-out calendar day ("Sept. 17, 2015", read by the
    date extractor's own grammar); None when no calendar day can be read from it."""
    value = value.strip()
    if is_iso_date(value):
        return value
    if len(value) > 64:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    from ..extract.dates import parse_published  # the one reader of spelled dates

    day = parse_published(value)
    return day.isoformat() if day is not None else None


def _drop(field: str, value: Any, origin: str, why: str, stats: ReadStats | None) -> None:
    log.warning("%s: dropping %s=%.80r: %s", origin, field, value, why)
    if stats is not None:
        stats.drop(field)


def make_article(text: str, *, id: str | None = None, url: str | None = None,
                 source: str | None = None, title: str | None = None,
                 published: str | None = None, origin: str | None = None,
                 stats: ReadStats | None = None, author: str | None = None) -> Article | Rejected:
    """An ``Article`` with a stable id (the given one, else a hash of url, else of text).

    Text is normalised only in ways that keep it readable (``\\r\\n`` to ``\\n``, lone
    surrogates and NUL to U+FFFD; ``origin`` too, as a file name need not be UTF-8); an
    empty text yields ``Rejected(reason="empty")``. ``published`` is written as ISO 8601 (``normalise_published``); one that is not a date at all is
    dropped with a warning and counted in ``stats.dropped``.
    """
    text = clean_text((text or "").replace("\r\n", "\n").replace("\r", "\n"))
    where = origin or url or id or "<input>"
    if not text.strip():
        return Rejected(where, "empty", "no text")
    meta = {k: (clean_text(v) if v else None)
            for k, v in (("url", url), ("source", source), ("title", title), ("published", published))}
    if meta["published"] is not None:
        iso = normalise_published(meta["published"])
        if iso is None:
            _drop("published", meta["published"], where, "not a date (ISO 8601 expected)", stats)
        meta["published"] = iso
    if not id:
        id = stable_id(meta["url"]) if meta["url"] else stable_id(text)
    author = " ".join(clean_text(author).split())[:_MAX_BYLINE] if author else None
    return Article(id=clean_text(str(id)), text=text, origin=clean_text(origin) if origin else origin,
                   author=author or None, **meta)
