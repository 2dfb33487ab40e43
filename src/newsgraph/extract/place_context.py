"""What an article's text says about where it is, beyond its place names: its dateline, the time
zones of its clock times, the names that only speak (a government reacting from afar), which
names stand together in one list, and which stand after "the" like a building's name.
``place_resolve`` weighs these signals when it votes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..model import Span

# "KABUL, Afghanistan (Reuters) --", "WASHINGTON, Sept 17 (Reuters) -": at the text's start, or in capitals at
# the start of a line after a headline ("...rules\n\nBRUSSELS, June 3 (Wire) -")
_DATELINE_TAIL = (r"(?:(?:,\s*([A-Za-z.][A-Za-z0-9., ]{1,30}?))?\s*(?:\([^)]{1,40}\))?\s*[\u2014\u2013-]{1,2}\s"
                  r"|(?:,\s*[A-Za-z.][A-Za-z0-9., ]{1,30}?)?\s*\([^)]{1,40}\)\s*:\s)")  # "QUETTA, May 3 (APP): ..."
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z.'\- ]{1,40}?)" + _DATELINE_TAIL)
# the headline may end with a full stop on the same line ("...storm shuts bridge. MERRIVALE -- Crews said"), or a byline
# stand before it ("By Jane Doe. BOSTON (Reuters) -")
_LATER_DATELINE = re.compile(r"(?:\n\s*(?=[A-Z][A-Z.'\- ]{1,40}?)|[.!?][\"'\u201d]?[ \t]+(?=[A-Z]{2}[A-Z.'\- ]{1,40}?))"
                             r"([A-Z][A-Z.'\- ]{1,40}?)" + _DATELINE_TAIL)

LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+(?:and|or|&))\s*")


def lists(text: str, spans: Sequence[Span]) -> list[int]:
    """A group number per mention (``spans``: the mentions' spans): mentions joined only by commas,
    "and", "or" form one list ("Georgia, Oklahoma, Pennsylvania and Wisconsin"; "Ghana, Niger, Nigeria and Togo")."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    group = list(range(len(spans)))
    for a, b in zip(order, order[1:]):
        gap = text[spans[a][1]:spans[b][0]]
        if gap and LIST_GAP.fullmatch(gap):
            group[b] = group[a]
    return group


_SPEAKS = re.compile(r"(?:'s?|\u2019s?)?\s+(?:(?:has|have|had|will|would|also|again|on \w+day)\s+)*"
                     r"(?:said|says|say|announced|welcomed|condemned|urged|warned|accused|denied|called|told"
                     r"|demanded|rejected|praised|criticised|criticized|insisted|argued|responded|replied)\b")


def speakers(text: str, spans: Sequence[Span], keys: list[str]) -> set[str]:
    """Names every mention of which speaks ("The United States said it welcomed the vote", "Moscow
    warned"): a government reacting from afar, not where the article is, so they do not vote for the
    country or state of the article's other names."""
    spoke: dict[str, bool] = {}
    for span, k in zip(spans, keys):
        spoke[k] = spoke.get(k, True) and bool(_SPEAKS.match(text, span[1]))
    return {k for k, v in spoke.items() if v}


# a clock time's zone says which country's clock the report keeps: "9 a.m. ET" is written for American
# readers, "6pm AEST" for Australian ones ("IST", "GMT", "CET" span many countries and are left out)
_ZONE_COUNTRY = {**dict.fromkeys("ET CT MT PT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST".split(), "USA"),
                 **dict.fromkeys("AEST AEDT ACST ACDT AWST".split(), "AUS"), "NZST": "NZL", "NZDT": "NZL",
                 "SAST": "ZAF", "BST": "GBR", "PKT": "PAK", "JST": "JPN", "KST": "KOR"}
_CLOCK_ZONE = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?\s*)?\(?(" + "|".join(_ZONE_COUNTRY) + r")\b")


def clock_countries(text: str) -> Counter:
    """The countries whose time zones the article's clock times are given in ("doors open at 9 a.m. ET"):
    one vote per zone named, like an entity's country."""
    return Counter(_ZONE_COUNTRY[z] for z in {m.group(1) for m in _CLOCK_ZONE.finditer(text)})


def _later_dateline(text: str):
    """A dateline after a headline: within the article's first lines, and followed by a sentence, not by a
    lower-case aside ("Talks stalled. NATO - the Western alliance - said ..." has no dateline)."""
    for m in _LATER_DATELINE.finditer(text[:400]):
        lines = [ln for ln in text[:m.start(1)].splitlines() if ln.strip()]
        if len(lines) <= 2 and not text[m.end():m.end() + 1].islower():
            return m
    return None


def dateline_span(text: str) -> Span | None:
    """The span of a dateline's place ("KABUL, Afghanistan (Reuters) -- ...", "WASHINGTON, Sept 17 -"), or
    None; a dateline after a headline line counts when its place is in capitals."""
    m = _DATELINE.match(text[:120])
    if m and re.search(r"[a-z]{3}[.!?] ", m.group(1)):  # "By Jane Doe. BOSTON": a sentence, then the dateline
        m = None
    m = m or _later_dateline(text)
    if not m:
        return None
    name = m.group(1).rstrip()
    return m.start(1), m.start(1) + len(name)


# "the X and Y districts", "the X, Y and Z neighbourhoods": parts of a town
_CITY_PART = re.compile(r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)*\s+"
                        r"(?:districts?|neighbou?rhoods?|suburbs?|quarters?|townships?)\b")


def city_part(text: str, end: int) -> bool:
    """True when a name ends a district's or neighbourhood's name, alone or in a list ("barricades in the
    X and Y districts"): in a report datelined in a town, a part of that town the gazetteer lacks."""
    return bool(_CITY_PART.match(text, end))


def dateline(text: str) -> str | None:
    """The place of a dateline ("KABUL, Afghanistan (Reuters) -- ..."), or None."""
    span = dateline_span(text)
    return text[span[0]:span[1]] if span else None


# "the" and up to two lower-case modifiers before a name ("the state Capitol"); a preposition ends the phrase
# the name is in ("the city of X", "the fighting in X", "the floods near X")
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:(?!(?:of|in|on|at|near|from|to|into|across|outside|around|inside|"
                       r"through|over|off|by|for|with|toward|towards|beyond|along)\s)[a-z]+\s+){0,2}$")


def definite(text: str, span: Span) -> bool:
    """An unknown name after "the" (and up to two lower-case words) is a building or landmark ("the
    Capitol", "the state Capitol"), not a misspelt town:
    towns the gazetteer knows under "the" ("the Hague") never reach the near-spelling search."""
    return bool(_DEFINITE.search(text, max(0, span[0] - 30), span[0]))
