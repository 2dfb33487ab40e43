"""HTML pages through trafilatura: main text without boilerplate, plus metadata.

trafilatura drops navigation, footers and comments and reads the title, date, site name
and canonical url from the page. It never fetches anything when given the page itself
(we pass the url as a string only, so relative links and url dates can be used). When
trafilatura finds no main text (tiny or truncated pages), its baseline extractor is the
fallback so that whatever text there is still becomes an article; an HTML fragment
(no ``<html>``/``<body>``) that trafilatura cannot read is turned into text directly.
A page is parsed once (``_parsed``): the byline reader and both trafilatura extractors
read the same tree, and trafilatura works on copies of it.

lxml (under trafilatura) gives up on some inputs in ways no page should be able to cause:
it raises ``AssertionError: too many bodies`` on some fragments, and stops building the
tree below 256 levels of nesting, so a deeply nested page has no text for it. Any
exception from the parsers is treated as "this parser found nothing", and a page nested
deeper than lxml goes is read by a tokenizer of our own instead (``html_tokens``: linear
time on any markup, which the standard library's ``html.parser`` is not).
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from lxml import etree

from ..model import Article, Rejected
from .byline import page_byline
from .decode import BinaryData, decode_bytes, declared_encoding
from .html_tokens import BLOCKS as _BLOCKS
from .html_tokens import tokenized_text
from .records import make_article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from .stats import ReadStats

log = logging.getLogger(__name__)

# Only dates the page states in its markup or url: a guess from a copyright footer
# would anchor every relative date in the article to the wrong day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_WHOLE_PAGE = re.compile(r"<(html|body|head)[\s>]", re.I)
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# lxml and trafilatura fail on hostile markup with many exception types (AssertionError
# "too many bodies", RecursionError, UnicodeError, ...); any of them means "no text here".
_PARSE_ERRORS = (Exception,)
_LXML_MAX_DEPTH = 255


def html_to_str(html: str | bytes, *, origin: str) -> str | Rejected:
    """Decoded page text (respecting a declared charset), or ``Rejected`` for binary data."""
    if isinstance(html, str):
        return html
    if not html.strip():
        return Rejected(origin, "empty", "the page is empty")
    try:
        text, _encoding = decode_bytes(html, declared=declared_encoding(html))
    except BinaryData as exc:
        return Rejected(origin, "binary", str(exc))
    return text


def _parsed(page: str) -> HtmlElement | None:
    """The page parsed once, as trafilatura parses it (``load_html``: markup repairs, and a parse of
    the bytes when the text declares an encoding), for the byline reader and both extractors; None
    when lxml reads no document from it (each of them then finds nothing either)."""
    import trafilatura

    try:
        return trafilatura.load_html(page)
    except ImportError:
        raise
    except _PARSE_ERRORS as exc:
        log.debug("lxml cannot parse a page: %s", exc)
        return None


def _extract(tree: HtmlElement, url: str | None):
    """trafilatura's main text and metadata; it works on its own copy of ``tree``."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=_DATE_PARAMS)
    except ImportError:
        raise
    except _PARSE_ERRORS as exc:
        log.debug("trafilatura failed on a page: %s", exc)
        return None


def _baseline(tree: HtmlElement) -> str:
    """trafilatura's baseline text (any text the page has); it works on its own copy of ``tree``."""
    import trafilatura

    try:
        _tree, text, _length = trafilatura.baseline(tree)
    except ImportError:
        raise
    except _PARSE_ERRORS as exc:
        log.debug("trafilatura baseline failed on a page: %s", exc)
        return ""
    return text or ""


def article_from_html(html: str | bytes, *, origin: str = "<html>", id: str | None = None,
                      url: str | None = None, source: str | None = None,
                      title: str | None = None, published: str | None = None,
                      fallback_published: str | None = None,
                      stats: ReadStats | None = None, author: str | None = None) -> Article | Rejected:
    """Main text and metadata of a news page.

    Args:
        html: the page, as text or bytes (bytes are decoded: BOM, meta charset, detection).
        origin: where the page came from, for rejections and provenance.
        id: the article id, when known (else derived from url or text).
        url: the page's url; wins over the canonical url the page declares.
        source: the outlet; wins over the page's site name.
        title: wins over the page's title.
        published: wins over the page's date.
        fallback_published: used when neither ``published`` nor the page gives a date
            (a WARC record's capture date, a feed item's date).
        stats: counts malformed metadata dropped from the article.
        author: the byline; wins over the one the page declares (``byline.page_byline``).

    Returns:
        The article, or ``Rejected`` ("empty", "binary", "no-main-text").
    """
    try:
        return _article(html, origin=origin, id=id, url=url, source=source, title=title,
                        published=published, fallback_published=fallback_published, stats=stats,
                        author=author)
    except ImportError as exc:  # not the page's fault: every page would fail alike
        from ..errors import MissingDependency

        raise MissingDependency(f"reading HTML needs {exc.name or exc}, which is not installed: "
                                f"reinstall newsgraph (pip install newsgraph) to get its dependencies") from exc
    except _PARSE_ERRORS as exc:  # a parser bug must cost this page only, never the run
        log.warning("%s: HTML reader failed: %s: %s", origin, type(exc).__name__, exc)
        return Rejected(origin, "unreadable-html", f"{type(exc).__name__}: {str(exc)[:200]}")


def _article(html: str | bytes, *, origin: str, id: str | None, url: str | None,
             source: str | None, title: str | None, published: str | None,
             fallback_published: str | None, stats: ReadStats | None,
             author: str | None = None) -> Article | Rejected:
    page = html_to_str(html, origin=origin)
    if isinstance(page, Rejected):
        return page
    if not page.strip():
        return Rejected(origin, "empty", "the page is empty")
    tree = _parsed(page)
    # the byline is read before trafilatura is handed the tree, so that it is read from the page as parsed
    byline = author or page_byline(page if tree is None else tree)
    doc = _extract(tree, url) if tree is not None else None
    text = (getattr(doc, "text", None) or "").strip()
    if not text and tree is not None:
        text = _baseline(tree).strip()
        if text:
            log.debug("%s: no main text found, using trafilatura's baseline text", origin)
    if not text and not _WHOLE_PAGE.search(page[:4096]):
        text = fragment_text(page)  # a fragment ("<p>...</p>" in a JSONL record): its text is the article
    if not text:
        deep = deep_text(page)
        if deep:
            log.info("%s: nested deeper than lxml reads, text taken by the plain tokenizer", origin)
            text = deep
    if not text:
        return Rejected(origin, "no-main-text", "no readable text in the page")
    return make_article(
        text, id=id, url=url or _meta(doc, "url"), source=source or _meta(doc, "sitename"),
        title=title or _meta(doc, "title"),
        published=published or _meta(doc, "date") or fallback_published, origin=origin, stats=stats,
        author=byline)


def _meta(doc, name: str) -> str | None:
    value = getattr(doc, name, None)
    return value if isinstance(value, str) and value else None


def deep_text(page: str) -> str:
    """The text of a page nested deeper than lxml builds trees (about 256 levels), else "".

    Only such pages are read this way: on ordinary pages an empty result from trafilatura
    means boilerplate only, and the whole page's text would be navigation and footers.
    """
    text, depth = tokenized_text(page)
    return text if depth > _LXML_MAX_DEPTH else ""


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): one line per block.

    Feed content is a fragment without page boilerplate, so trafilatura's main-text
    search (tuned for whole pages, and reluctant on short ones) is not needed.
    """
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    fragment = _XML_UNSAFE.sub(" ", fragment)  # lxml refuses NULs and control characters
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        etree.strip_elements(root, "script", "style", etree.Comment, with_tail=False)
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag == "br":
                el.tail = "\n" + (el.tail or "")
            elif el.tag in _BLOCKS:
                el.text = "\n" + (el.text or "")
                el.tail = "\n" + (el.tail or "")
        content = root.text_content()
    except _PARSE_ERRORS as exc:  # lxml asserts "too many bodies" on "<html/>..."
        log.debug("lxml cannot parse an HTML fragment (%s): using the plain tokenizer", exc)
        return tokenized_text(fragment)[0]
    lines = (" ".join(line.split()) for line in content.split("\n"))
    return "\n".join(line for line in lines if line)


__all__ = ["article_from_html", "deep_text", "fragment_text", "html_to_str"]
