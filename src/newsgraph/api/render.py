"""Templates: one Jinja environment with autoescaping always on, and the filters pages use.

Autoescaping is on for every template (not chosen by file name), so any text
from an article, a title or a URL is escaped wherever it appears, attributes
included. ``safe_href`` is the only way a URL from the data becomes a link:
http(s) only, so a ``javascript:`` or ``data:`` URL is shown as text, never
rendered as a link.
"""

from __future__ import annotations

import functools
import json
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
import markupsafe
from jinja2 import Environment, PackageLoader, Template
from markupsafe import Markup, escape

try:  # markupsafe's C escaping, without the Markup object its public escape() wraps the result in
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - pure-Python markupsafe
    _escape_inner = None


def safe_href(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None (never a script or data URL)."""
    if not isinstance(url, str) or any(c in url for c in "\x00\r\n\t") or len(url) > 2048:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def as_json(value: Any) -> str:
    """Compact JSON of a record (escaped later by the template like any text; the page script indents it)."""
    return _JSON.encode(value)  # one encoder for all: json.dumps with options builds a new one per call


def short(value: Any, n: int = 120) -> str:
    """Text cut at ``n`` characters with an ellipsis."""
    text = "" if value is None else str(value)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def article_link(art: Any, span: Any = None) -> Markup:
    """A link to an article page (its outlet, title or id as the text), at ``span`` when given.

    A filter rather than a template macro: story pages have hundreds of these
    and a macro call costs far more. Both the address and the text are escaped
    (``escape``); plain string formatting around them, as ``Markup.format`` cost
    a story page a tenth of its time.
    """
    art = art if isinstance(art, dict) else {}
    aid = art.get("id")
    href = _article_href(str(aid or ""))
    if (isinstance(span, (list, tuple)) and len(span) == 2
            and all(type(v) is int for v in span)):
        href += f"#span={span[0]}-{span[1]}"
    return Markup(f'<a href="{escape(href)}">{escape(art.get("source") or art.get("title") or aid or "")}</a>')


@functools.lru_cache(maxsize=4096)
def _article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def text_spans(segments: Any) -> Markup:
    """An article's text as one ``<span>`` per segment (``highlight.Segment``): the facts and kinds
    covering it as data attributes and classes, every value escaped.

    A filter rather than a template loop: an article has hundreds of segments
    and the loop cost half of the article page's rendering.
    """
    out = []
    for seg in segments:
        where = f'data-start="{int(seg.start)}" data-end="{int(seg.end)}">{escape(seg.text)}</span>'
        if seg.facts:
            kinds = "".join(" k-" + k for k in seg.kinds)
            out.append(f'<span class="hl{escape(kinds)}" data-facts="{escape(" ".join(seg.facts))}" {where}')
        else:
            out.append(f"<span {where}")
    return Markup("".join(out))


def _escape_output(value: Any) -> str:
    """What a template outputs for ``{{ value }}``: ``markupsafe.escape(value)``'s text.

    Jinja escapes every value it outputs (autoescape) by ``markupsafe.escape``,
    which wraps each result in a ``Markup`` object: on a story page, a third of
    the rendering time. Output is only joined into the page, so plain text does;
    a text (the common case) is escaped by markupsafe's own C function, anything
    else (numbers, ``Markup``, undefined) by ``escape`` itself.
    """
    if type(value) is str:
        return _escape_inner(value)
    return escape(value)


class _Template(Template):
    """A template whose output escaping is ``_escape_output`` (same text as ``markupsafe.escape``)."""

    @classmethod
    def _from_namespace(cls, environment: Environment, namespace: Any, globals: Any) -> Template:
        # the compiled module imported escape from markupsafe for its output; swap in the lean twin
        if _escape_inner is not None and namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = _escape_output
        return super()._from_namespace(environment, namespace, globals)


class _Templates(Environment):
    """Jinja with ``x.name`` looked up as a key first when ``x`` is a dict.

    The pages lay out plain dicts (SCHEMA records, views), and Jinja's default
    order (attribute, then key) raises and catches an ``AttributeError`` for
    every field shown: a third of a story page's rendering time. A dict key
    named like a dict method (``items``) now means the key, as in the data.
    """

    template_class = _Template

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_templates() -> Environment:
    """The environment of the package's templates (autoescape on; a field a record lacks renders empty)."""
    env = _Templates(loader=PackageLoader("newsgraph.api", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(safe_href=safe_href, as_json=as_json, short=short, article_link=article_link,
                       text_spans=text_spans)
    return env


def render(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """A page rendered from template ``name``."""
    env: Environment = request.app.state.templates
    return HTMLResponse(env.get_template(name).render(request=request, **context), status_code=status)


__all__ = ["article_link", "text_spans", "safe_href", "as_json", "short", "make_templates", "render"]
