"""Plain text of markup lxml cannot read, by a tokenizer that takes linear time on any input.

lxml stops building the tree below about 256 levels of nesting and asserts on some
fragments; the text of such pages is read here instead. The standard library's
``html.parser`` was used for this once, but on malformed markup it takes quadratic time
(every ``<div`` left without its ``>`` is rescanned to the end of the page when the parser
closes: a 2 MB page of them took hours, found by ``make fuzz``). This tokenizer looks at
each character a bounded number of times: a tag runs to the next ``>`` only if no ``<``
comes first (else the ``<`` is text), its pattern never backtracks, and an unclosed comment
or script ends the page.
"""

from __future__ import annotations

import html
import re

# Possessive quantifiers (``*+``): the tag name and the rest of the tag never give back what
# they took, so a ``<`` followed by a megabyte of letters and no ``>`` fails in one pass
# instead of trying every split of the name and the attributes (quadratic, found by make fuzz).
_TAG = re.compile(r"<(?:(/?)([A-Za-z][^\s/<>]*+)[^<>]*+>|!--|![^<>]*+>|\?[^<>]*+>)")
_SKIP = frozenset({"script", "style", "noscript", "template", "title", "textarea"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                    "tr", "table", "section", "article", "header", "footer", "pre", "dd", "dt"})
_closers: dict[str, re.Pattern[str]] = {}


def _closer(name: str) -> re.Pattern[str]:
    if name not in _closers:
        _closers[name] = re.compile(rf"</{name}\s*>", re.I)
    return _closers[name]


def tokenized_text(page: str) -> tuple[str, int]:
    """(text, deepest nesting of elements) of ``page``: one line per block, blank lines dropped.

    Script, style and similar elements are skipped with their content; comments,
    declarations and processing instructions are dropped; entities are decoded.
    """
    parts: list[str] = []
    depth = max_depth = 0
    pos, n = 0, len(page)
    while pos < n:
        m = _TAG.search(page, pos)
        if m is None:
            parts.append(html.unescape(page[pos:]))
            break
        if m.start() > pos:
            parts.append(html.unescape(page[pos:m.start()]))
        pos = m.end()
        token = m.group(0)
        if token == "<!--":
            end = page.find("-->", pos)
            pos = n if end < 0 else end + 3
            continue
        name = (m.group(2) or "").lower()
        if not name:  # <!doctype ...>, <?xml ...?>
            continue
        if m.group(1):  # an end tag
            if name not in _VOID:
                depth = max(0, depth - 1)
            if name in BLOCKS:
                parts.append("\n")
            continue
        if name == "br":
            parts.append("\n")
        if name in _VOID or token.endswith("/>"):
            continue
        depth += 1
        max_depth = max(max_depth, depth)
        if name in _SKIP:
            close = _closer(name).search(page, pos)
            pos = n if close is None else close.end()
            depth -= 1
        elif name in BLOCKS:
            parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line), max_depth


__all__ = ["BLOCKS", "tokenized_text"]
