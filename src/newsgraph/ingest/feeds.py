"""RSS and Atom feeds through feedparser: items with content become articles.

feedparser is always handed a byte stream, never a string, because a string that looks
like a url makes it fetch that url; newsgraph never touches the network. An item with only
a link is reported as ``Rejected("link-only")`` with the link, so the user can fetch and
feed the pages (as HTML or WARC) themselves. Broken XML is used as far as feedparser
recovered items from it ("bozo" feeds), else the feed is rejected.
"""

from __future__ import annotations

import email.utils
import io
import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from ..model import Article, Rejected
from .html import fragment_text
from .records import make_article

if TYPE_CHECKING:
    from .stats import ReadStats

log = logging.getLogger(__name__)

_PLAIN_TYPES = ("text/plain",)


def _iso(raw: str | None, parsed: Any) -> str | None:
    """An ISO 8601 datetime keeping the feed's own UTC offset when it gave one."""
    if raw:
        try:
            return email.utils.parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
    if parsed:
        return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    return None


def published_iso(entry: Mapping[str, Any]) -> str | None:
    """The item's publication (else update) time as ISO 8601, or None."""
    for key in ("published", "updated", "created"):
        value = _iso(entry.get(key), entry.get(f"{key}_parsed"))
        if value:
            return value
    return None


def _item_text(entry: Mapping[str, Any]) -> str:
    """The longest of the item's content blocks and summary, as plain text."""
    blocks = list(entry.get("content") or ())
    if entry.get("summary_detail"):
        blocks.append(entry["summary_detail"])
    elif entry.get("summary"):
        blocks.append({"value": entry["summary"], "type": "text/html"})
    texts = []
    for block in blocks:
        value = block.get("value") or ""
        kind = block.get("type") or "text/html"
        texts.append(value.strip() if kind in _PLAIN_TYPES else fragment_text(value))
    return max(texts, key=len, default="")


def read_feed(data: bytes, *, origin: str,
              stats: ReadStats | None = None) -> Iterator[Article | Rejected]:
    """Articles from an RSS or Atom document.

    Args:
        data: the feed's bytes (feedparser detects the encoding from the XML prolog).
        origin: the file's name; item ``N`` (1-based) has origin ``origin#N``.
        stats: counts malformed metadata dropped from items.

    Yields:
        One ``Article`` per item with content; ``Rejected("link-only")`` for items with only
        a link; ``Rejected("malformed-feed")`` when broken XML left no item;
        ``Rejected("empty")`` for a feed without items.
    """
    import feedparser

    if not data.strip():
        yield Rejected(origin, "empty", "the file is empty")
        return
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=True, sanitize_html=True)
    except Exception as exc:  # noqa: BLE001 - feedparser and its XML parsers raise many types
        yield Rejected(origin, "malformed-feed", f"{type(exc).__name__}: {exc}")
        return
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        problem = str(parsed.get("bozo_exception") or "unknown problem")
        if not entries:
            yield Rejected(origin, "malformed-feed", problem)
            return
        log.warning("%s: feed is not well-formed (%s); using the %d items recovered",
                    origin, problem, len(entries))
    if not entries:
        yield Rejected(origin, "empty", "the feed has no items")
        return
    source = _str((parsed.get("feed") or {}).get("title"))
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        try:
            yield _item_article(entry, source=source, origin=where, stats=stats)
        except Exception as exc:  # noqa: BLE001 - one odd item never loses the feed's others
            yield Rejected(where, "malformed-feed", f"{type(exc).__name__}: {str(exc)[:200]}")


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _item_article(entry: Mapping[str, Any], *, source: str | None, origin: str,
                  stats: ReadStats | None) -> Article | Rejected:
    link = _str(entry.get("link"))
    title = _str(entry.get("title"))
    text = _item_text(entry)
    if not text or text == (title or "").strip():  # a title alone is no article
        if link:
            return Rejected(origin, "link-only", f"item has no content, only a link: {link}")
        return Rejected(origin, "empty", "item has neither content nor a link")
    return make_article(text, url=link, source=source, title=title,
                        published=published_iso(entry), origin=origin, stats=stats,
                        author=_str(entry.get("author")))


__all__ = ["published_iso", "read_feed"]
