"""Wire credits in an article's fields rather than its text: the byline the page declared and the title.

A page's byline field ("Jane Roe – UPI", "By Jane Roe, Associated Press") is read as a credit line of its
own; a title may close with the wire's name ("Ferry capsizes on lake - Reuters"). Both are read in the
shapes ``credits`` reads in the text, with the span indexing the field.
"""

from __future__ import annotations

import functools
import re

from .credits import Credit, _agencies, _dateline_credit, _line_credit, _patterns


def byline_credit(author: str | None) -> Credit | None:
    """The wire credit of an article's byline (its ``author`` field), or None.

    A byline is read as a credit line on its own: "Jane Roe – UPI", "By Jane Roe,
    Associated Press", "Agence France-Presse", "Jane Roe and John Doe, USA Today",
    "Jane Roe (AP)". A byline naming writers only ("Jane Roe") credits nobody.
    Several bylines (visible byline, meta author, JSON-LD author) come joined by
    "; "; the first that names an agency counts.

    Example:
        >>> byline_credit("Ed Roe – UPI").agency
        'UPI'
        >>> byline_credit("Jane Roe") is None
        True
    """
    if not author:
        return None
    pos = 0
    for part in author.split(";"):
        start = pos + len(part) - len(part.lstrip())
        pos += len(part) + 1
        part = part.strip()
        if not part:
            continue
        credit = _dateline_credit(part) or _line_credit(part, 0, len(part))
        if credit is not None:
            return Credit(credit.agency, (start + credit.span[0], start + credit.span[1]), "author")
    return None


@functools.lru_cache(maxsize=1)
def _title_tail() -> re.Pattern:
    return re.compile(rf"\S\s*(?:\s[-–—|]\s*|[|]\s*|\()(?P<n>{_agencies()})\)?\s*$")


def title_credit(title: str | None) -> Credit | None:
    """The wire credit closing an article's title ("Ferry capsizes on lake - Reuters", "... | AFP",
    "... (AP)"), or None; ``span`` indexes the title (``field`` "title").

    Only wire agencies count there: an outlet's name closing a title is the publishing site's own.

    Example:
        >>> title_credit("Ferry capsizes on lake - Reuters").agency
        'Reuters'
        >>> title_credit("Reuters photographer wins prize") is None
        True
    """
    if not title or len(title.split()) < 4:
        return None
    m = _title_tail().search(title)
    if m is None:
        return None
    return Credit(_patterns()[2][m.group("n")], m.span("n"), "title")
