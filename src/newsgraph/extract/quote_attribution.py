"""Attributing a direct quote: which cue and speaker, and carrying a speaker over.

The cue is looked for in the frame next to the quote (after it, then before
it), then in a colon or dash attribution, a short cue clause after the previous
quote, an introducing line ("He said:"), or the last reporting verb of the
paragraph before; a quote with none of these continues the previous speaker's
words (several paragraphs or sentences of one speaker).
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Quote

from .quote_frames import (_DASH_NAME, _TERMINAL, _according, _Cand, _colon_speaker, _cue_info, _Doc,
                           _find_cue, _frame_after, _frame_before, _is_cue, _speaker_for_cue)
from .quote_marks import Marked
from .quote_speakers import SpeakerResolver
from .doc_memo import sentence_of

def _attribute_direct(c: _Cand, d: _Doc, resolver: SpeakerResolver) -> None:
    m = c.marked
    after = _frame_after(d, m)
    before = _frame_before(d, m)
    cue = _find_cue(after, side="after") if after else None
    side = "after"
    if cue is None:
        cue = _find_cue(before, side="before") if before else None
        side = "before"
    if cue is not None:
        c.cue, c.cue_side = cue, side
        c.cue_text, c.cue_span = _cue_info(cue)
        c.speaker, c.speaker_span = _speaker_for_cue(cue, resolver, d)
        if after:
            c.frame_after = (after[0].i, after[-1].i)
        return
    for toks, where in ((before, "before"), (after, "after")):
        got = _colon_speaker(toks, resolver, side=where)
        if got is not None:
            c.speaker, c.speaker_span, c.cue_span = got
            c.cue_text, c.cue_side = ":", "colon"
            return
    # a dash line: “...” ― Pamela Padilla
    dash = _DASH_NAME.match(d.text, m.outer[1])
    if dash is not None and (dash.end() >= len(d.text) or d.text[dash.end():dash.end() + 1] in "\n,\xa0 ("
                             or d.text[dash.end():dash.end() + 2] in (".", ".\n")):
        toks = [t for t in d.doc if dash.start(1) <= t.idx < dash.end(1) and t.pos_ == "PROPN"]
        if toks:
            c.speaker, c.speaker_span = resolver.resolve(toks[-1])
            c.cue_text, c.cue_side, c.cue_span = "―", "colon", (m.outer[1], dash.start(1))
            return
    # a clause ending with a colon right before the quote: "the leader was blunt: «...»"
    if before and before[-1].text == ":":
        for t in reversed(before[:-1]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "PRON", "NOUN"):
                c.speaker, c.speaker_span = resolver.resolve(t)
                c.cue_text, c.cue_side, c.cue_span = ":", "colon", (before[-1].idx, before[-1].idx + 1)
                return
    # the short cue clause just before, after another quote: “...,” she said. “We have ...”
    prev_clause = _previous_cue_clause(d, m)
    if prev_clause is not None:
        c.cue, c.cue_side = prev_clause, "previous"
        c.cue_text, c.cue_span = _cue_info(prev_clause)
        c.speaker, c.speaker_span = _speaker_for_cue(prev_clause, resolver, d)
        if c.speaker is not None:
            return
        c.cue = c.cue_side = c.cue_text = c.cue_span = None
    # an introducing line ending with a colon: "Caddell continued:" / "He said:"
    intro = _intro_line(d, m)
    if intro is not None:
        c.cue, c.cue_side = intro, "intro"
        c.cue_text, c.cue_span = _cue_info(intro)
        c.speaker, c.speaker_span = _speaker_for_cue(intro, resolver, d)
        return
    # a paragraph of quoted words after a paragraph of reported speech ("She said the
    # process ..." / “At the end of the talks ...”): the last reporter there goes on
    prev_cue = _previous_paragraph_cue(d, m)
    if prev_cue is not None:
        speaker, sspan = _speaker_for_cue(prev_cue, resolver, d)
        if speaker is not None:
            c.speaker, c.speaker_span = speaker, sspan
            c.cue_text, c.cue_span = _cue_info(prev_cue)
            c.cue_side = "paragraph"
        return
    # a paragraph of quoted words after a paragraph telling what one named person did ("Interior
    # Minister Daniel Roth visited the town on Tuesday." / “The priority now is to save lives.”)
    subj = _previous_paragraph_person(d, m)
    if subj is not None:
        speaker, sspan = resolver.resolve(subj)
        ent = resolver.index.by_id.get(speaker.entity) if speaker is not None and speaker.entity else None
        if ent is not None and resolver.canonical(ent).type == "PERSON":
            c.speaker, c.speaker_span, c.cue_side = speaker, sspan, "paragraph"


def _paragraph_before(d: _Doc, line_start: int) -> tuple[int, int] | None:
    """Token range [first, last) of the paragraph before the one starting at ``line_start`` (blank
    lines between them skipped), or None at the top of the text."""
    text = d.text
    j = line_start - 1
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j <= 0:
        return None
    return d.first_token_from(text.rfind("\n", 0, j) + 1), d.first_token_from(j)


def _previous_paragraph_person(d: _Doc, m: Marked):
    """The named subject of the last sentence of the paragraph before a paragraph that is all one
    quote, when that paragraph quotes nobody and reports no speech (else None)."""
    text = d.text
    start = m.outer[0]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", m.outer[1])
    if text[line_start:start].strip() or text[m.outer[1]:len(text) if line_end < 0 else line_end].strip():
        return None  # the quote is not a paragraph of its own
    bounds = _paragraph_before(d, line_start)
    if bounds is None:
        return None
    first, last = bounds
    if first >= last or any(d.in_quote(d.doc[i].idx) or _is_cue(d.doc[i]) or _according(d.doc[i])
                            for i in range(first, last)):
        return None
    root = sentence_of(d.doc[last - 1]).root
    if root.lemma_.lower() in ("die", "perish") or any(c.dep_ == "auxpass" for c in root.children) or any(
            w in _THIRD_PERSON for w in _WORD.findall(text[m.outer[0]:m.outer[1]].lower())):
        return None  # "Maria Delgado died in the fire." then "She was the heart of this street": about her
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subjects) == 1 and (subjects[0].pos_ == "PROPN" or any(
            c.dep_ == "appos" and c.pos_ == "PROPN" for c in subjects[0].children)):
        return subjects[0]  # "Daniel Roth visited ...", "The governor, Nadia Sorensen, defended ..."
    return None


def _previous_paragraph_cue(d: _Doc, m: Marked):
    """The last cue verb outside quotes in the paragraph before a paragraph-initial quote."""
    text = d.text
    start = m.outer[0]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # the quote does not open its paragraph
    bounds = _paragraph_before(d, line_start)
    if bounds is None:
        return None
    first, last = bounds
    for i in range(last - 1, first - 1, -1):
        tok = d.doc[i]
        if not d.in_quote(tok.idx) and (_is_cue(tok) or _according(tok)):
            return tok
    return None


def _previous_cue_clause(d: _Doc, m: Marked):
    """The cue of a short clause ending the sentence right before the quote ("she said.")."""
    i = d.first_token_from(m.outer[0]) - 1
    doc = d.doc
    if i > 0 and doc[i].pos_ == "CCONJ" and doc[i - 1].text in _TERMINAL:
        i -= 1  # "..." he said. And "time is short."
    if i < 0 or doc[i].text not in _TERMINAL or "\n" in d.text[doc[i].idx:m.outer[0]]:
        return None
    j = i - 1
    clause = []
    while j >= 0 and len(clause) < 8:
        tok = doc[j]
        if d.in_quote(tok.idx) or tok.text in _TERMINAL or "\n" in tok.text:
            break
        clause.append(tok)
        j -= 1
    if not clause or j < 0 or not d.in_quote(doc[j].idx):
        return None  # only a clause that follows another quote
    for tok in reversed(clause):
        if _is_cue(tok):
            return tok
    return None


def _intro_line(d: _Doc, m: Marked):
    text = d.text
    j = m.outer[0] - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    tok = d.token_at(j)
    sent = sentence_of(tok)
    for t in reversed(list(sent)):
        if t.i < tok.i and not d.in_quote(t.idx) and (_is_cue(t) or _according(t)):
            return t
    return None


def _merge_split(cands: list[_Cand], d: _Doc) -> list[_Cand]:
    """Join the pieces of a quote split around its cue into one candidate."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        same_cue = (prev is not None and c.cue is not None and prev.cue is not None
                    and c.cue.i == prev.cue.i)
        if prev is not None and c.kind == "direct" and prev.kind == "direct" and (c.cue is None or same_cue):
            gap = d.text[prev.marked.outer[1]:c.marked.outer[0]]
            if ("\n" not in gap and prev.cue is not None and prev.cue_side == "after"
                    and prev.cue_span is not None and prev.cue_span[0] >= prev.marked.outer[1]
                    and len(gap) <= 120):
                merged = Marked(prev.marked.pieces + c.marked.pieces,
                                (prev.marked.outer[0], c.marked.outer[1]), c.marked.closed)
                prev.marked = merged
                continue
        out.append(c)
    return out


def _carry_speakers(cands: list[_Cand], d: _Doc) -> None:
    """A direct quote with no cue of its own continues the previous speaker's words."""
    prev: _Cand | None = None
    for c in cands:
        if c.kind != "direct":
            continue
        if c.speaker is None and c.cue is None and c.cue_side is None and prev is not None:
            gap = d.text[prev.marked.outer[1]:c.marked.outer[0]]
            paras = gap.count("\n")
            if paras <= 2 and prev.speaker is not None and len(gap) < 400:
                c.speaker, c.cue_side = prev.speaker, "carried"
                c.cue_text = prev.cue_text
        prev = c


_WORD = re.compile(r"\w+")
_THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})


def speakers_of_repeats(quotes: list[Quote]) -> list[Quote]:
    """A quote nobody is credited with takes the speaker of a quote that repeats its words.

    A headline or a summary line quotes words the body gives with their speaker ("'We saw the
    water coming': villagers flee" over "“We saw the water coming down the hill,” said ...");
    the words are that speaker's. At least three words must recur, in order.
    """
    said = [(" " + " ".join(_WORD.findall(q.text.lower())) + " ", q) for q in quotes
            if q.speaker is not None and q.kind != "indirect"]
    out = []
    for q in quotes:
        if q.speaker is None and q.kind != "indirect":
            words = _WORD.findall(q.text.lower())
            key = " " + " ".join(words) + " "
            donors = {o.speaker.name: o for text, o in said if len(words) >= 3 and o is not q
                      and (key in text or text in key and text.count(" ") >= 4)}  # three words both sides
            if len(donors) == 1:
                o = next(iter(donors.values()))
                q = dataclasses.replace(q, speaker=o.speaker, speaker_span=o.speaker_span)
        out.append(q)
    return out
