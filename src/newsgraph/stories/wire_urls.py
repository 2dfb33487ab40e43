"""Wire credits in a page's address: the section where an outlet files the wire copy it carries unedited.

Sites that run agency feeds file them under a section named for the feed ("/wires/afp/...",
"/wire/ap/...", "/article/pti-stories/...", "/article/news-ians/..."): the address names the wire
whose text the page carries when the page itself (its byline removed) no longer does. Only a section that
says it holds wire copy counts, never an agency's name alone in a path ("/news/pa/" may be a state, "/map/"
a map).
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from ..lexicons import load_rows
from .credits import Credit

_WIRE_SECTIONS = frozenset("wire wires newswire newswires wirestories wire-stories agency agencies agency-feeds "
                           "feeds".split())
"""Path segments that name a section of wire copy; the segment after one names the wire."""

_JOINED = re.compile(r"^(?:(?:news|wire|wires|feed)[-_](?P<a>[a-z][\w.]+)|(?P<b>[a-z][\w.]+)[-_](?:stories|wire|wires|"
                     r"news|feed|feeds))$")
"""A section named for its feed in one segment ("pti-stories", "news-ians", "afp-wire")."""


@functools.lru_cache(maxsize=1)
def _agency_names() -> dict[str, str]:
    """Canonical names by lower-cased alias of the lexicon's wire agencies (not outlets nor short forms)."""
    return {r.alias.lower(): r.name for r in load_rows("wire_agencies.tsv") if r.kind == "agency"}


def url_credit(url: str | None) -> Credit | None:
    """The wire credited by a page's address (``field`` "url", ``span`` indexing the address), or None.

    Example:
        >>> url_credit("https://www.example.com/wires/afp/article-123/Ferry-capsizes.html").agency
        'AFP'
        >>> url_credit("https://www.example.com/news/pa/ferry-capsizes") is None
        True
    """
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    agencies = _agency_names()
    offset = url.find(path) if path else -1  # where the segment at hand starts in ``url``
    segments = path.split("/")
    for i, seg in enumerate(segments):
        low = seg.lower()
        name, part, start = None, seg, offset
        if low in _WIRE_SECTIONS and i + 1 < len(segments):
            part, start = segments[i + 1], offset + len(seg) + 1
            name = agencies.get(part.lower())
        elif (m := _JOINED.match(low)) and len(alias := m.group("a") or m.group("b")) >= 3:
            name = agencies.get(alias)
        if name and offset >= 0:
            return Credit(name, (start, start + len(part)), "url")
        offset += len(seg) + 1
    return None
