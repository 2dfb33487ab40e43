"""Dates told from another date of the text: "two days later", "a week earlier", "the following day".

News tells a sequence from one explicit day: "The protests began on March 2. Two
days later, police opened fire." The frame has no value against the publication
date; against the last day the text named before it, it has one. Such frames are
not dates of their own in the annotation conventions (they are not counted as
found dates), but an analyst asking "when" wants the day, with the day it was
counted from as its anchor (``anchor_from`` "frame").

Everything is read from the mention's own words, so running the step again, for
instance after a story dated an undated report's days, gives the same frames
their new values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Sequence

from ..model import DateMention
from .date_grammar import number_value

_REACH = 400
"""Characters back to the day a frame counts from (a frame opens the next sentence or paragraph)."""

_NUM = r"(?P<num>\w+)"
_COUNTED = re.compile(rf"(?i){_NUM}\s+(?P<unit>day|week)s?\s+(?P<dir>later|earlier|afterwards|after|before)$")
# "the day after" / "two days before" close the phrase; "three days after the vote" counts from an event
_DIRECTION_AFTER = re.compile(r"\s+(?P<dir>later|earlier|afterwards|after|before)(?=\s*[,.;:)\n]|$)")
_NAMED = re.compile(r"(?i)\b(?:the\s+(?:following|next|previous)\s+day|the\s+day\s+(?:before|after)(?=\s*[,.;:)\n]|$)"
                    r"|the\s+same\s+day)\b")
_FORWARD = ("later", "afterwards", "after", "following", "next")


def frame_offset(text: str) -> int | None:
    """Days from the day counted from, as the frame's words say; None when they are no frame."""
    low = " ".join(text.lower().split())
    if low == "the same day":
        return 0
    if low.startswith(("the following", "the next", "the day after")):
        return 1
    if low.startswith(("the previous", "the day before")):
        return -1
    m = _COUNTED.match(low)
    if m is None:
        return None
    n = number_value(m.group("num"))
    if not isinstance(n, float) or n != int(n) or not 0 < n < 60:
        return None
    days = int(n) * (7 if m.group("unit") == "week" else 1)
    return days if m.group("dir") in _FORWARD else -days


def _framed(text: str, m: DateMention) -> DateMention | None:
    """The mention widened to its frame word ("Two days" + " later"), when it is a frame."""
    if m.timex_type != "DURATION" or not (m.timex_value or "").endswith(("D", "W")):
        return None
    if _NAMED.fullmatch(m.text):
        return m  # "the previous day" (found by the grammar), "the following day"
    after = _DIRECTION_AFTER.match(text, m.span[1])
    if after is None:
        return None
    end = after.end("dir")
    return dataclasses.replace(m, text=text[m.span[0]:end], span=(m.span[0], end))


def _named_frames(text: str, taken: Sequence[DateMention]) -> list[DateMention]:
    """"the following day", "the day before", "the same day": phrases the date grammar leaves out."""
    out = []
    for m in _NAMED.finditer(text):
        if any(d.span[0] < m.end() and m.start() < d.span[1] for d in taken):
            continue
        out.append(DateMention(text=m.group(), span=(m.start(), m.end()), value=None, granularity="other",
                               timex_type="DURATION", timex_value="P1D"))
    return out


def resolve_frames(text: str, mentions: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """``mentions`` with each frame resolved against the last day named before it within ``_REACH``.

    A named frame ("the following day") the grammar did not find is added only when it resolves.
    """
    added = _named_frames(text, mentions)
    extra = {id(m) for m in added}
    out: list[DateMention] = []
    last: tuple[int, dt.date] | None = None
    for m in sorted([*mentions, *added], key=lambda d: d.span):
        frame = m if m.anchor_from == "frame" else _framed(text, m)
        offset = frame_offset(frame.text) if frame is not None else None
        if offset is not None and last is not None and m.span[0] - last[0] <= _REACH:
            day = last[1] + dt.timedelta(days=offset)
            m = dataclasses.replace(frame, value=day.isoformat(), granularity="day", anchor=last[1].isoformat(),
                                    anchor_from="frame", timex_type="DATE", timex_value=day.isoformat(), tense=None)
        elif id(m) in extra:
            continue
        if m.granularity == "day" and m.value:
            try:
                last = (m.span[1], dt.date.fromisoformat(m.value[:10]))
            except ValueError:
                pass
        out.append(m)
    return tuple(out)
