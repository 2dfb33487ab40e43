"""Finding the text between quotation marks, robustly, without a parse.

News text mixes straight (``"``), curly (“ ”), low („) and angle (« ») marks,
nests single quotes inside double ones, and often leaves a mark unbalanced. The
scanner here works paragraph by paragraph with a small state machine, so a stray
mark costs at most the rest of its paragraph, never the document (textacy's
``direct_quotations`` gives up on the whole document instead).

Conventions kept here:
- a paragraph that ends inside an open quote whose next paragraph opens with a
  quote mark continues the same quote (the newswire multi-paragraph style); the
  result is one :class:`Marked` with one piece per paragraph;
- a quote left open at the end of a paragraph (no continuation) is closed at the
  paragraph end, flagged ``closed=False``;
- single quotes count as quotes only outside double quotes (headlines and British
  style), and only when they do not look like apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span

_OPENERS = {"“": "”", "„": "“", "«": "»", "‹": "›", "‟": "”"}
_CLOSERS = {"”", "»", "›"}
_DOUBLE = set("\"“”„«»‹›‟")
_SINGLE_OPEN = {"‘", "'", "‚"}
_SINGLE_CLOSE = {"’", "'"}
_WORD = re.compile(r"\w", re.UNICODE)
_PARA = re.compile(r"[^\n]+")
_MAX_SINGLE = 400
_SPEECH_WORDS = {"said", "says", "added", "adds", "told", "tells", "wrote", "writes", "stated", "declared",
                 "continued", "explained", "noted", "asked", "warned", "insisted", "replied", "saying"}
_JOINER = "\u2060"  # stands for the second apostrophe of a '' mark while scanning


@dataclass(frozen=True, slots=True)
class Marked:
    """One quotation found between marks.

    ``pieces`` are the spans of the quoted words (marks excluded, whitespace
    trimmed), one per paragraph; ``outer`` runs from the first opening mark to the
    last closing mark (or the paragraph end when unclosed).
    """

    pieces: tuple[Span, ...]
    outer: Span
    closed: bool
    single: bool = False


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:;,“‘" or i == 0


def _is_closing_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    return after.isspace() or not _WORD.match(after)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] == _JOINER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == _JOINER):
        end -= 1
    return start, end


def _double_quotes(text: str, para: Span) -> list[tuple[int, int, bool]]:
    """(open index, close index, closed?) of the double-quoted stretches of one paragraph.

    An unclosed quote ends at the paragraph end or where a new one of the same style opens.
    """
    out: list[tuple[int, int, bool]] = []
    start, end = para
    open_at: int | None = None
    expect: str | None = None  # the closing mark we wait for ("\"" for straight)
    depth = 0  # nested double quotes of another style inside the current quote
    nested_close: list[str] = []
    i = start
    while i < end:
        ch = text[i]
        if ch not in _DOUBLE:
            i += 1
            continue
        if open_at is None:
            if ch in _OPENERS:
                open_at, expect = i, _OPENERS[ch]
            elif ch == '"' and _is_opening_straight(text, i):
                open_at, expect = i, '"'
            elif ch == '"' and not _is_closing_straight(text, i) and not text[i + 1:i + 2].isspace():
                open_at, expect = i, '"'
            # a lone closing mark outside a quote is dropped
            i += 1
            continue
        # inside a quote
        if depth and ch == nested_close[-1]:
            nested_close.pop()
            depth -= 1
        elif ch == expect and (expect != '"' or _is_closing_straight(text, i)
                               or not _is_opening_straight(text, i)):
            out.append((open_at, i, True))
            open_at, expect, depth, nested_close = None, None, 0, []
        elif expect == "“" and ch == "”":  # „...” mixes
            out.append((open_at, i, True))
            open_at, expect, depth, nested_close = None, None, 0, []
        elif ch in _OPENERS and _OPENERS[ch] != expect:
            depth += 1
            nested_close.append(_OPENERS[ch])
        elif ch == '"' and expect != '"' and _is_opening_straight(text, i):
            depth += 1
            nested_close.append('"')
        elif ch == '"' and not depth and _is_closing_straight(text, i) and not _is_opening_straight(text, i):
            # “mixed marks," as typed: a straight close ends a curly quote
            out.append((open_at, i, True))
            open_at, expect, depth, nested_close = None, None, 0, []
        elif ch in _CLOSERS and expect == '"' and not depth and '"' not in text[i + 1:end]:
            # "mixed marks,” as typed: a curly close ends a straight quote no straight mark closes
            out.append((open_at, i, True))
            open_at, expect, depth, nested_close = None, None, 0, []
        elif ch in _CLOSERS and ch != expect and expect != '"':
            # a closing mark of another style: treat as our close (typo-tolerant)
            out.append((open_at, i, True))
            open_at, expect, depth, nested_close = None, None, 0, []
        elif (ch in _OPENERS and _OPENERS[ch] == expect and not depth and _WORD.match(text[i + 1:i + 2])
              and text[i - 1:i].isspace() and text[i + 1:end].count(expect) >= 2):
            # “... what he calls “hell” than ...”: a same-style quote nested inside, closed twice
            depth += 1
            nested_close.append(expect)
        elif ch in _OPENERS and _OPENERS[ch] == expect and not depth:
            # a second opening mark of the same style: the previous quote was never closed
            out.append((open_at, i, False))
            open_at = i
        i += 1
    if open_at is not None:
        out.append((open_at, end, False))
    return out


def _single_quotes(text: str, para: Span, taken: list[Span], *,
                   next_opens: bool = False) -> list[tuple[int, int, bool]]:
    """Single-quoted stretches outside double quotes (‘like this’), apostrophes excluded.

    Returns (open, close, closed?) triples; a quote left open is kept (to the paragraph
    end) only when it opens speech and the next paragraph opens with a single mark,
    the British multi-paragraph style.
    """
    out: list[tuple[int, int, bool]] = []
    start, end = para
    i = start
    while i < end:
        ch = text[i]
        if ch in _SINGLE_OPEN and not any(s <= i < e for s, e in taken):
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if (before.isspace() or before in "([{—–:;,\"“" or i == start) and _WORD.match(after):
                j = i + 1
                while j < min(end, i + _MAX_SINGLE):
                    c = text[j]
                    if c in _SINGLE_CLOSE:
                        nxt = text[j + 1] if j + 1 < end else " "
                        prev = text[j - 1]
                        if not _WORD.match(nxt) and not prev.isspace():
                            # "students’ union": a plural possessive is not a close when
                            # the quote would be a single plural word mid-sentence
                            out.append((i, j, True))
                            break
                    j += 1
                else:
                    if next_opens and j >= end and _opens_speech(text, i):
                        out.append((i, end, False))
                if out and out[-1][0] == i:
                    i = out[-1][1] + 1
                    continue
        i += 1
    return out


def find_marked(text: str) -> list[Marked]:
    """All quotations between marks in ``text``, in text order.

    Returns:
        One :class:`Marked` per quotation; multi-paragraph quotes are merged.
    """
    # two apostrophes stand for a double mark in some house styles (''like this''):
    # scan a same-length copy where the pair reads as one straight mark
    text = text.replace("''", '"' + _JOINER)
    paras = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    raw: list[tuple[Span, Span, bool, bool, int]] = []  # (inner, outer, closed, single, para)
    for p_index, para in enumerate(paras):
        doubles = _double_quotes(text, para)
        taken: list[Span] = []
        for open_at, close_at, closed in doubles:
            inner = (open_at + 1, close_at)
            outer = (open_at, close_at + 1) if closed else (open_at, close_at)
            if closed and outer[1] < len(text) and text[outer[1]] == _JOINER:
                outer = (outer[0], outer[1] + 1)
            taken.append(outer)
            raw.append((_trim(text, *inner), outer, closed, False, p_index))
        nxt = paras[p_index + 1] if p_index + 1 < len(paras) else None
        next_opens = nxt is not None and text[nxt[0]] in "‘'"
        for open_at, close_at, closed in _single_quotes(text, para, taken, next_opens=next_opens):
            raw.append((_trim(text, open_at + 1, close_at),
                        (open_at, close_at + 1 if closed else close_at), closed, True, p_index))
    raw.sort(key=lambda r: r[1][0])
    out: list[Marked] = []
    for inner, outer, closed, single, p_index in raw:
        if inner[1] <= inner[0]:
            continue
        if out and not out[-1].closed and single == out[-1].single:
            prev = out[-1]
            prev_para = _para_index(paras, prev.outer[1] - 1)
            if (prev.outer[1] == paras[prev_para][1] and p_index == prev_para + 1
                    and outer[0] == paras[p_index][0] and _opens_speech(text, prev.outer[0])):
                out[-1] = Marked(prev.pieces + (inner,), (prev.outer[0], outer[1]), closed, single)
                continue
        out.append(Marked((inner,), outer, closed, single))
    return out


def _opens_speech(text: str, pos: int) -> bool:
    """Does the mark at ``pos`` open a stretch of speech (paragraph start, after a colon or comma)?

    Only such a quote may run on into the next paragraph; a stray mark in the
    middle of a sentence ends with its paragraph.
    """
    j = pos - 1
    while j >= 0 and text[j] in " \t\xa0":
        j -= 1
    if j < 0 or text[j] in "\n:,.?!—–-":
        return True
    word = text[max(0, j - 12):j + 1].split()
    return bool(word) and word[-1].lower() in _SPEECH_WORDS


def _para_index(paras: list[Span], pos: int) -> int:
    lo, hi = 0, len(paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paras[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo
