"""Background: the passages of a report that recall an earlier happening rather than tell its news.

A report of a second quake says "two weeks after a stronger quake killed 14 in the same region";
a report of air strikes says "last week's offer of talks now appears dead"; a march "came three
days after police broke up a protest". Those words name the earlier story's people, places and
figures, so they pull the report toward that story although they are not its news. A passage is
background when a time word puts it days or more before the report's own news: what follows
"<three days or more | a week | N weeks | a month...> after/since", and a sentence (other than the
opening one, which tells the news) holding "<span> ago/earlier", "last week('s)/month('s)",
"earlier this month/year". A day or two ("a day after the coup", "two days after the quake") is the
same happening told later, not another one, so it is never background.
"""

from __future__ import annotations

import functools
import re

_COUNT = r"(?:\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|" \
         r"seventeen|eighteen|nineteen|twenty|thirty|several|a few)"  # not "a couple of days": a day or two
_MANY = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"
_SPAN = (rf"(?:(?:about|nearly|almost|more than|less than|just over|just under|barely|only|some)\s+)?"
         rf"(?:{_COUNT}\s+days|(?:a|one)\s+(?:week|fortnight|month|year)|{_MANY}\s+(?:weeks|months|years))")
_AFTER = re.compile(rf"\b{_SPAN}\s+(?:after|since)\b", re.IGNORECASE)
"""A span of days or more before the report's news, then what happened at its start: the rest of the
clause is the earlier happening."""
_RECALL = re.compile(rf"(?<!from )(?<!than )\b{_SPAN}\s+(?:ago|earlier)\b|\blast\s+(?:week|month|year)\b|"
                     r"\bearlier\s+this\s+(?:month|year)\b", re.IGNORECASE)
"""A sentence that places what it tells days or more before the report's news (not a comparison: "rose 3%
from a year earlier")."""
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s\"”’)])|(?<=\b[A-Z])\.)+(?:[.!?]+[\"”’)]*|$)", re.MULTILINE)
"""A sentence: up to a full stop, question or exclamation mark followed by a space (not "6.8", nor the
stop after a lone capital: "U.S. officials")."""
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|as|when|where)\b|\s+[—–]\s+")


def background_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that recall an earlier happening (see the module docstring), in order.

    Asked of each report by its fingerprint, its recalled terms and its tolls: found once per text."""
    return list(_background_spans(text))


@functools.lru_cache(maxsize=256)
def _background_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    first = True
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        sentence = m.group()
        if not sentence.strip():
            continue
        if not first and _RECALL.search(sentence):
            spans.append((start, end))
        elif (after := _AFTER.search(sentence)) is not None:
            stop = _CLAUSE_END.search(sentence, after.end())
            spans.append((start + after.end(), start + (stop.start() if stop else len(sentence))))
        first = False
    return tuple(spans)
