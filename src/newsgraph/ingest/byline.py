"""The byline a page declares: who its markup and metadata say wrote the article.

Outlets that run wire copy often say so only in the byline ("By Jane Roe – UPI",
"Agence France-Presse", "Jane Roe and John Doe, USA Today") or in metadata (a
``<meta name="author">``, JSON-LD ``author`` or ``sourceOrganization``), and text
extraction drops bylines with the rest of the page furniture. The byline is kept as
the article's ``author`` so that syndication can read a wire credit from it
(``stories.field_credits.byline_credit``). trafilatura's own ``author`` is not used: it
normalises names for display, cutting "– UPI" after a name and skipping
organisations, which are exactly the part a credit needs.
"""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

MAX_BYLINE = 300
"""Characters kept of the joined byline (a few names and an agency; more is page text, not a byline)."""

_PART_MAX = 120
"""Characters of one byline string; a longer "author" element holds a biography or the article."""

_META_NAMES = frozenset({"author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
                         "article:author", "og:article:author", "cxenseparse:author", "twitter:creator"})
_JSON_KEYS = ("author", "creator", "sourceOrganization")
_VISIBLE = ("//*[@rel='author' or @itemprop='author' or contains(concat(' ', normalize-space(@class), ' '), "
            "' byline ') or contains(concat(' ', normalize-space(@class), ' '), ' author ') or "
            "contains(@class, 'byline__') or contains(@class, 'article-byline') or contains(@class, 'story-byline') "
            "or contains(@class, 'author-name') or contains(@class, 'article-author')]")
_URL = re.compile(r"^(?:https?:)?//|^www\.")
_SPACE = re.compile(r"\s+")


def page_byline(page: str | HtmlElement) -> str | None:
    """The page's byline strings, visible byline first, then metadata, joined by "; " (None if none).

    Args:
        page: the page's markup, or its tree when the caller has parsed it already (only read).

    Example:
        >>> page_byline('<html><head><meta name="author" content="Agence France-Presse"></head>'
        ...             '<body><p>Text.</p></body></html>')
        'Agence France-Presse'
    """
    root = _document(page) if isinstance(page, str) else page
    if root is None:
        return None
    seen: dict[str, str] = {}
    for value in _candidates(root):
        value = _SPACE.sub(" ", value).strip(" |·•-–—")
        if not value or len(value) > _PART_MAX or _URL.match(value):
            continue
        key = value.casefold()
        if any(key in k for k in seen):  # "Jane Roe" after "By Jane Roe, Reuters" adds nothing
            continue
        seen[key] = value
    joined = "; ".join(seen.values())
    return joined[:MAX_BYLINE] or None


def _document(page: str) -> HtmlElement | None:
    try:
        import lxml.html

        return lxml.html.document_fromstring(page)
    except Exception as exc:  # noqa: BLE001 - a page lxml cannot read has no byline we can find
        log.debug("no byline read: %s", exc)
        return None


def _candidates(root: Any) -> Iterator[str]:
    for el in root.xpath(_VISIBLE)[:4]:
        yield el.text_content()
    for el in root.xpath("//meta[@content]"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if name in _META_NAMES:
            yield el.get("content") or ""
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from _json_names(data, 0)


def _json_names(data: Any, depth: int) -> Iterator[str]:
    """Names under ``author``, ``creator`` and ``sourceOrganization`` anywhere in a JSON-LD block."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:20]:
            yield from _json_names(item, depth + 1)
    elif isinstance(data, dict):
        for key in _JSON_KEYS:
            yield from _names(data.get(key))
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _json_names(data[key], depth + 1)


def _names(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict) and isinstance(value.get("name"), str):
        yield value["name"]
    elif isinstance(value, list):
        for item in value[:10]:
            yield from _names(item)


__all__ = ["page_byline", "MAX_BYLINE"]
