"""Wire credit lines: which agency an article says its text comes from, and where it says so.

Outlets that carry wire copy credit it in a handful of shapes and places: in the
dateline ("SEOUL, South Korea (AP) —", "London (AFP) -", "LONDON, (APP/AFP) –"),
on a line of its own at the top or the bottom ("The Associated Press", "- AFP",
"Source – Reuters", "Credit : Voice of America (VOA)", "Published By: VOA Africa"),
or as the last word of the text ("... the attacks. AFP"). An article that only
*cites* an agency ("told Reuters", "AFP reported") is not a copy of it, so those
phrases do not count; "was quoted by IANS as saying", the house phrase of wire
copy reprinted whole, does.

The agency names come from ``wire_agencies.tsv`` (the world's wire services and
their usual short forms), never from any one corpus.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..lexicons import load_rows

_DASH = r"(?:-{1,2}|[—–])"
_CUE = re.compile(
    r"^\W{0,3}(?:source|sources|credit|credits|courtesy(?: of)?|published by|distributed by|syndicated by|"
    r"from|via|by|copyright|©|photo and text|text)\b\s*[:\-—–]?\s*(?:©\s*)?(?:the\s+)?",
    re.IGNORECASE)
_URL = re.compile(r"\s*(?:https?://|www\.)\S+")
_TAIL_WORDS = frozenset("news service wire staff agency today africa online english world reports report "
                        "and writers writer correspondents correspondent".split())
_MAX_LINE = 90


class Credit(NamedTuple):
    """A credit: the canonical agency name and the ``[start, end)`` span of the credit in the text."""

    agency: str
    span: tuple[int, int]


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names = {r.alias: r.name for r in load_rows("wire_agencies.tsv")}
    alt = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    # "(AP) —", "(APP/AFP) –": only agency names and separators inside the brackets, then a dash
    paren = re.compile(rf"\((?:\s*(?:{alt})\s*[/,&-]?\s*)+\)")
    alias = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    return paren, alias, names


def agency_name(source: str | None) -> str | None:
    """The canonical agency name of an outlet name ("Associated Press" -> "AP"), or None."""
    if not source:
        return None
    names = _patterns()[2]
    s = source.strip()
    return names.get(s) or names.get(s.removeprefix("The ").strip())


def _names_in(fragment: str) -> list[str]:
    _, alias, names = _patterns()
    out: list[str] = []
    for hit in alias.finditer(fragment):
        name = names[hit.group()]
        if name not in out:
            out.append(name)
    return out


def _dateline_credit(text: str) -> Credit | None:
    """A bracketed agency at the start of a paragraph's dateline ("MEXICO CITY (AP) --")."""
    paren = _patterns()[0]
    for m in paren.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start > 60 and text[m.end():].strip():
            continue  # a bracketed name in running text, not a dateline nor a closing "(TNS)"
        names = _names_in(m.group())
        if names:
            return Credit("/".join(names), m.span())
    return None


def _line_credit(text: str, start: int, end: int) -> Credit | None:
    """A short line that is a credit: a cue word and an agency, or the agency alone."""
    line = text[start:end]
    stripped = _URL.sub("", line).strip()
    if not stripped or len(stripped) > _MAX_LINE:
        return None
    cue = _CUE.match(stripped)
    rest = stripped[cue.end():] if cue else stripped.lstrip("-—–• ").strip()
    _, alias, names = _patterns()
    m = alias.match(rest)
    if m is None:
        return None
    found = _names_in(rest)
    if cue is None or cue.group().strip(" :-—–").lower() == "via":
        # without a cue, the line must be the agency's name and nothing but house words
        words = re.findall(r"[^\W\d_]+", alias.sub(" ", rest))
        if any(w.lower() not in _TAIL_WORDS for w in words):
            return None
    if len(found) != 1 and (cue is None or "&" in rest or " and " in rest):
        return None  # "(Via CNN & Reuters)": a text compiled from several sources is no one's copy
    offset = text.find(m.group(), start)
    return Credit(names[m.group()], (offset, offset + len(m.group())))


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n"):
        if part.strip():
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


_LAST_WORD = re.compile(r"[.!?\"”’)]\s+" + _DASH + r"?\s*([A-Z][\w&/ -]{0,30}?)\s*$")
_QUOTED_BY = re.compile(r"\bquoted by (?:the\s+)?$")


def find_credit(text: str) -> Credit | None:
    """The wire credit of an article (see the module docstring for the shapes), or None.

    Example:
        >>> find_credit("SEOUL, South Korea (AP) — The court ruled on Friday.").agency
        'AP'
        >>> find_credit("The ship sank near the coast.\\n\\nSource – Reuters").agency
        'Reuters'
        >>> find_credit("Officials told Reuters the ship sank.") is None
        True
    """
    if not text:
        return None
    credit = _dateline_credit(text)
    if credit:
        return credit
    lines = _lines(text)
    for start, end in lines[:2] + lines[-3:]:
        credit = _line_credit(text, start, end)
        if credit:
            return credit
    m = _LAST_WORD.search(text[-60:])
    if m:
        names = _names_in(m.group(1))
        if len(names) == 1 and _patterns()[1].fullmatch(m.group(1).strip()):
            start = max(0, len(text) - 60) + m.start(1)
            return Credit(names[0], (start, start + len(m.group(1).strip())))
    _, alias, names = _patterns()
    for hit in alias.finditer(text):
        if _QUOTED_BY.search(text, max(0, hit.start() - 20), hit.start()):
            return Credit(names[hit.group()], hit.span())
    return None
