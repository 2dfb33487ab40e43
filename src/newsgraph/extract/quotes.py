"""Quotations with resolved speakers: direct, partial and indirect.

Three sources of quotes, one speaker resolver:

- **direct**: text between quote marks (:mod:`.quote_marks`) that stands as a
  sentence of its own; the cue verb is looked for in the "frame" next to the
  quote (the words after it up to the sentence end, or before it back to the
  sentence start), then on the line introducing it ("Caddell continued:"), then
  the speaker of the quote just before is carried over (quotes running over
  several paragraphs or sentences).
- **partial**: a few quoted words inside a sentence, attributed to the subject of
  the reporting verb that governs them in the parse; quoted words no reporting
  verb governs (scare quotes, a film called "Sully") are dropped.
- **indirect**: the complement clause of a reporting verb outside quote marks
  ("Putin said on Tuesday that Moscow will ..." -> "Moscow will ...").

A quote split around its cue (``"We will," he said, "go on."``) is ONE quote:
``span`` runs from its first to its last quoted character (so it covers the cue
between the pieces) and ``text`` is the quoted pieces joined by one space, marks
and cue left out. For a quote in one piece ``text == article.text[span]``; a
quote running over paragraphs is such a multi-piece quote too.
"""

from __future__ import annotations

import functools
import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..lexicons import load_tsv
from ..model import Article, Found, Quote, Speaker, Span
from .quote_marks import Marked, find_marked
from .quote_speakers import SpeakerResolver, subject_of

log = logging.getLogger(__name__)

_TERMINAL = {".", "?", "!"}
_FRAME_TOKENS = 60
_SCARE_WORDS = {"called", "named", "dubbed", "titled", "entitled", "nicknamed", "labelled", "labeled",
                "branded", "term", "word", "phrase", "slogan", "hashtag", "film", "movie", "book",
                "song", "album", "show", "series", "novel", "play", "so", "known", "headline",
                "program", "programme", "documentary", "article", "column", "essay", "poem"}
_PARTIAL_MAX_NO_CUE = 8
_SUBORDINATORS = {"when", "as", "after", "because", "while", "before", "if", "since", "though",
                  "although", "whereas", "until", "unless"}
_MINOR_WORDS = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "from"}
_NOT_SPEAKER = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_NOT_SPEAKER_WORDS = {"it", "this", "that", "there", "the", "a", "an"}
# cue verbs whose object is the hearer, never the speaker ("told CNN", "assured reporters")
_HEARER_OBJECT = {"tell", "assure", "inform", "remind", "urge", "implore", "advise", "brief"}
_DASH_NAME = re.compile(r"[ \t\xa0]*[―—–-]{1,2}[ \t\xa0]*((?:[A-Z][\w.'’-]*[ \t\xa0]?){1,5})")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    """Cue lemma -> strength ("strong" or "weak")."""
    return {r["lemma"]: r["strength"] for r in load_tsv("quote_cues.tsv")}


@dataclass
class _Cand:
    """A quote being built (mutable while pieces merge)."""

    marked: Marked
    kind: str
    cue: object | None = None  # the cue token (or "according" token)
    cue_text: str | None = None
    cue_span: Span | None = None
    speaker: Speaker | None = None
    speaker_span: Span | None = None
    cue_side: str | None = None  # "after", "before", "intro", "carried", "colon"
    frame_after: tuple[int, int] | None = None  # token range of the after-frame

    @property
    def start(self) -> int:
        return self.marked.pieces[0][0]


class _Doc:
    """Token look-ups by character offset, and which characters lie inside quotes."""

    def __init__(self, doc, marked: list[Marked], *, text: str) -> None:
        self.doc = doc
        self.text = text  # the article's text: Doc.text is rebuilt from every token on each access
        self.starts = [t.idx for t in doc]
        self.quoted = sorted(m.outer for m in marked)
        self._qstarts = [s for s, _ in self.quoted]
        # quotes of a few words (a nickname, a title) do not cut a frame in two
        self.long_quoted = sorted(m.outer for m in marked
                                  if sum(len(self.text[a:b].split()) for a, b in m.pieces) > 3)
        self._lstarts = [s for s, _ in self.long_quoted]

    def token_at(self, pos: int):
        i = bisect_right(self.starts, pos) - 1
        return self.doc[max(0, i)] if len(self.doc) else None

    def first_token_from(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self._qstarts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def in_long_quote(self, pos: int) -> bool:
        i = bisect_right(self._lstarts, pos) - 1
        return i >= 0 and self.long_quoted[i][0] <= pos < self.long_quoted[i][1]


def _is_cue(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in _cues() and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
        return True
    return False


def _according(tok) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def _frame_after(d: _Doc, m: Marked) -> list:
    """Tokens after a quote up to the end of its sentence (never into another quote)."""
    end = m.outer[1]
    last_char = d.text[m.pieces[-1][1] - 1] if m.pieces[-1][1] > 0 else ""
    i = d.first_token_from(end)
    toks = []
    doc = d.doc
    while i < len(doc) and len(toks) < _FRAME_TOKENS:
        tok = doc[i]
        if d.in_long_quote(tok.idx) or "\n" in tok.text or "\n" in d.text[end:tok.idx]:
            break
        i += 1
        if d.in_quote(tok.idx):
            continue
        if tok.text in _TERMINAL or tok.text in (";",):
            break
        toks.append(tok)
    if toks and last_char in (".",) and toks[0].text[:1].isupper() and toks[0].pos_ != "VERB":
        # "... the end." Kerry added that ... : a new sentence, not this quote's frame,
        # unless it is a short cue clause ("Kerry said.")
        if len(toks) > 4 or not any(_is_cue(t) for t in toks):
            return []
    return toks


def _frame_before(d: _Doc, m: Marked) -> list:
    """Tokens before a quote back to the start of its sentence (never into another quote)."""
    start = m.outer[0]
    i = d.first_token_from(start) - 1
    toks = []
    doc = d.doc
    while i >= 0 and len(toks) < _FRAME_TOKENS:
        tok = doc[i]
        if d.in_long_quote(tok.idx) or "\n" in tok.text or "\n" in d.text[tok.idx + len(tok):start]:
            break
        i -= 1
        if d.in_quote(tok.idx):
            continue
        if tok.text in _TERMINAL or tok.text == ";":
            break
        toks.append(tok)
    toks.reverse()
    return toks


def _find_cue(toks: list, *, side: str):
    """The cue token in a frame: the first one after the quote, the last one before it."""
    order = toks if side == "after" else list(reversed(toks))
    for tok in order:
        if side == "after" and tok.lower_ in _SUBORDINATORS:
            break  # "..., when Clinton blasted him": another clause, not this quote's cue
        if _according(tok):
            return tok
        if _is_cue(tok):
            return tok
    return None


def _cue_info(tok) -> tuple[str, Span]:
    if _according(tok):
        nxt = tok.doc[tok.i + 1]
        return "according to", (tok.idx, nxt.idx + len(nxt))
    # keep particles and "as saying" with the cue ("pointed out", "quoted as saying")
    end = tok
    for child in tok.children:
        if child.dep_ == "prt" and child.i == end.i + 1:
            end = child
    # a Span's text, not Doc.text: spaCy rebuilds Doc.text from every token on each access
    return tok.doc[tok.i:end.i + 1].text, (tok.idx, end.idx + len(end))


def _speaker_for_cue(tok, resolver: SpeakerResolver, d: _Doc) -> tuple[Speaker | None, Span | None]:
    if _according(tok):
        to = tok.doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs and tok.i + 2 < len(tok.doc):
            objs = [tok.doc[tok.i + 2]]
        if objs:
            return resolver.resolve(objs[0])
        return None, None
    if tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ",":
        # "Trump was defensive about an architect who said ..., saying “...”": a participle
        # after a comma speaks for the subject of its sentence's main clause
        root = tok.sent.root
        if root is not tok and not d.in_quote(root.idx):
            subj = subject_of(root, skip=d.in_quote)
            if subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN"):
                return resolver.resolve(subj)
    subj = subject_of(tok, skip=d.in_quote)
    if subj is None:
        # parser missed the subject of an inverted cue ("said Caddell", "told Kerry")
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.lemma_.lower() in _HEARER_OBJECT:
            nxt = None  # "Trump, 70, told CNN": the name after "told" is the one told
        if (nxt is not None and nxt.pos_ in ("PROPN", "PRON", "NOUN", "DET") and not d.in_quote(nxt.idx)
                and nxt.ent_type_ not in _NOT_SPEAKER and nxt.lower_ not in _NOT_SPEAKER_WORDS):
            head = nxt
            while head.dep_ in ("compound", "det", "amod", "nmod") and head.head.i > head.i:
                head = head.head
            return resolver.resolve(head)
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and not d.in_quote(prev.idx) and (
                prev.pos_ in ("PROPN", "PRON") or resolver.named_person(prev) is not None):
            # "“Go register,” Trump implored": the name before the cue, even mistagged as a verb
            return resolver.resolve(prev)
        # "“...,” Flynn, a top Trump surrogate, said": the first name right before the cue
        for t in reversed(tok.doc[max(tok.sent.start, tok.i - 12):tok.i]):
            if d.in_quote(t.idx) or t.text in _TERMINAL:
                break
        else:
            t = None
        lo = t.i + 1 if t is not None else max(tok.sent.start, tok.i - 12)
        names = [t for t in tok.doc[lo:tok.i] if (t.pos_ == "PROPN" and t.ent_type_ not in _NOT_SPEAKER)
                 or resolver.named_person(t) is not None]
        if names:
            head = names[0]
            while head.i + 1 < tok.i and tok.doc[head.i + 1].pos_ == "PROPN":
                head = tok.doc[head.i + 1]
            return resolver.resolve(head)
        # the parse hung the cue off a clause inside the quote: the last subject before
        # the cue in its sentence, outside quotes ("Mr. Trump ..., asserting, ''...''")
        for t in reversed(tok.doc[tok.sent.start:tok.i]):
            if (t.dep_ in ("nsubj", "nsubjpass") and not d.in_quote(t.idx)
                    and t.pos_ in ("PROPN", "PRON", "NOUN")):
                return resolver.resolve(t)
        if tok.tag_ == "VBG":
            # "Moore said ... “...,” adding, “...”": the parse hung the participle inside the
            # quote; it continues the main reporting clause before it in the paragraph
            para_start = d.text.rfind("\n", 0, tok.idx) + 1
            for t in reversed(tok.doc[d.first_token_from(para_start):tok.i]):
                if t.dep_ == "ROOT" and not d.in_quote(t.idx) and _is_cue(t):
                    subj = subject_of(t, skip=d.in_quote)
                    if subj is not None:
                        return resolver.resolve(subj)
        return None, None
    return resolver.resolve(subj)


def _colon_speaker(toks: list, resolver: SpeakerResolver, *, side: str):
    """A headline-style attribution by colon: ``Kerry: "..."`` or ``"...": Kerry``."""
    words = [t for t in toks if not t.is_space]
    if not words:
        return None
    if side == "before" and words[-1].text == ":":
        name = words[:-1]
    elif side == "after" and words[0].text in (":", "―", "—", "–", "-", "--"):
        name = words[1:]
    else:
        return None
    commas = [k for k, t in enumerate(name) if t.text == ","]
    if commas and any(t.pos_ == "PROPN" for t in name[:commas[0]]):
        # "Howard Kurtz, Fox News: ...": the person before the affiliation speaks
        name = name[:commas[0]]
    if not 1 <= len(name) <= 5 or not any(t.pos_ == "PROPN" for t in name):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    head = max(name, key=lambda t: (t.pos_ == "PROPN", t.i if side == "before" else -t.i))
    if side == "after":
        head = [t for t in name if t.pos_ == "PROPN"][-1]
    speaker, span = resolver.resolve(head)
    colon = words[-1] if side == "before" else words[0]
    return speaker, span, (colon.idx, colon.idx + 1)


def _starts_sentence(d: _Doc, m: Marked) -> bool:
    """Does the quote open its own sentence (or follow a colon or a cue comma)?"""
    j = m.outer[0] - 1
    text = d.text
    while j >= 0 and text[j].isspace() and text[j] != "\n":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    ch = text[j]
    if ch in ".?!:”\"’»—–-…(":
        return True
    if ch == ",":
        # 'he said on Tuesday, "We..."' -- the cue right before the comma, no "that" clause
        before = _frame_before(d, m)
        near = before[-8:]
        return any(_is_cue(t) or _according(t) for t in near) and not any(
            t.lower_ in ("that", "if", "whether") for t in near)
    return False


def _governing_cue(d: _Doc, m: Marked):
    """The reporting verb whose clause holds a partial quote (via the parse), or None."""
    tok = d.token_at(m.pieces[0][0])
    if tok is None:
        return None
    seen = 0
    cur = tok
    weak = None
    while seen < 12:
        if not d.in_quote(cur.idx) and _according(cur):
            return cur
        if not d.in_quote(cur.idx) and _is_cue(cur):
            if _cues()[cur.lemma_.lower()] == "strong":
                return cur
            weak = weak or cur
        for child in cur.children:
            if _according(child):
                return child
        if cur.head is cur:
            break
        cur = cur.head
        seen += 1
    if weak is not None:
        return weak
    # a cue elsewhere in the same sentence, outside quotes ("..., he said")
    sent = tok.sent
    for t in sent:
        if not d.in_quote(t.idx) and (_is_cue(t) and _cues()[t.lemma_.lower()] == "strong"):
            return t
    return None


def _is_scare(d: _Doc, m: Marked) -> bool:
    """Names and titles of works in quotes ("a film called "Sully"") are not quotations."""
    inner = d.text[m.pieces[0][0]:m.pieces[-1][1]]
    words = inner.split()
    prev = d.text[max(0, m.outer[0] - 30):m.outer[0]].lower().split()
    if prev and prev[-1].strip(",:") in _SCARE_WORDS:
        return True
    if len(prev) >= 2 and prev[-2] in ("known", "so") and prev[-1] in ("as", "-called"):
        return True
    if prev and prev[-1].endswith("so-called"):
        return True
    if 0 < len(words) <= 8:
        content = [w for w in words if w.lower() not in _MINOR_WORDS]
        if content and all(w[:1].isupper() or not w[:1].isalpha() for w in content):
            if not inner.rstrip().endswith((".", ",", "!", "?")):
                return True
            # "Coal Isn't the Villain." -- headline case is a title, unless a cue frames it
            if len(content) >= 2 and not _has_cue_frame(d, m):
                return True
    return False


def _has_cue_frame(d: _Doc, m: Marked) -> bool:
    return any(_is_cue(t) or _according(t) for t in _frame_after(d, m) + _frame_before(d, m)[-5:])


def _direct_or_partial(d: _Doc, m: Marked) -> str:
    if len(m.pieces) > 1:
        return "direct"
    inner = d.text[m.pieces[0][0]:m.pieces[0][1]]
    if len(inner.split()) <= 2 and not _has_cue_frame(d, m):
        return "partial"  # a word or two ("unstable") stand as a quote only next to a cue
    if _starts_sentence(d, m):
        return "direct"
    inner = d.text[m.pieces[0][0]:m.pieces[0][1]]
    # He said "We will go on." -- a full sentence quoted right after a cue
    before = _frame_before(d, m)
    if before and _is_cue(before[-1]) and inner[:1].isupper() and len(inner.split()) >= 4:
        return "direct"
    return "partial"


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


def _previous_paragraph_cue(d: _Doc, m: Marked):
    """The last cue verb outside quotes in the paragraph before a paragraph-initial quote."""
    text = d.text
    start = m.outer[0]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # the quote does not open its paragraph
    j = line_start - 1
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j <= 0:
        return None
    prev_start = text.rfind("\n", 0, j) + 1
    first = d.first_token_from(prev_start)
    last = d.first_token_from(j)
    for i in range(last - 1, first - 1, -1):
        tok = d.doc[i]
        if not d.in_quote(tok.idx) and (_is_cue(tok) or _according(tok)):
            return tok
    return None


def _previous_cue_clause(d: _Doc, m: Marked):
    """The cue of a short clause ending the sentence right before the quote ("she said.")."""
    i = d.first_token_from(m.outer[0]) - 1
    doc = d.doc
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
    sent = tok.sent
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


def _headline(doc, d: _Doc, resolver: SpeakerResolver, taken: list[Span]) -> list[Quote]:
    """Headline quotes without marks: "Russia had proposed talks: Kerry" / "Kerry: Russia ..."."""
    text = d.text
    first = text.split("\n", 1)[0]
    if not first.strip() or len(first) > 200 or first.rstrip().endswith("."):
        return []
    if any(s < len(first) for s, _ in taken):
        return []
    colon = first.rfind(":")
    if colon <= 0:
        return []
    left, right = first[:colon], first[colon + 1:]
    out = []
    for name_part, content_part, name_off, content_off in (
            (right, left, colon + 1, 0), (left, right, 0, colon + 1)):
        name = name_part.strip()
        if not name or len(name.split()) > 4 or len(content_part.split()) < 3:
            continue
        if not all(w[:1].isupper() for w in name.split() if w.lower() not in ("of", "de", "al")):
            continue
        nstart = name_off + name_part.index(name)
        toks = [t for t in doc if nstart <= t.idx < nstart + len(name)]
        if not toks:
            continue
        head = toks[-1]
        speaker, span = resolver.resolve(head)
        if speaker is None:
            continue
        if speaker.entity is None and not any(t.ent_type_ in ("PERSON", "ORG") for t in toks):
            continue
        content = content_part.strip().strip("\"“”‘’'")
        cstart = content_off + content_part.index(content)
        out.append(Quote(text=content, span=(cstart, cstart + len(content)), speaker=speaker,
                         cue=":", kind="direct", speaker_span=(nstart, nstart + len(name)),
                         cue_span=(colon, colon + 1)))
        break
    return out


_DATELINE = re.compile(r"[A-Z]{3}[A-Z .'-]*(?:\([^)]*\))?,?[^\n]{0,30}?\s[-–—]+\s")


def _clip_to_paragraph(text: str, span: Span, anchor: int) -> Span:
    """The part of a clause in the paragraph of its cue (parses run over headlines), dateline cut."""
    s, e = span
    nl = text.rfind("\n", s, min(anchor, e))
    if nl >= 0:
        s = nl + 1
    nl = text.find("\n", max(anchor, s), e)
    if nl >= 0:
        e = nl
    para_start = text.rfind("\n", 0, s) + 1
    head = _DATELINE.match(text, para_start)
    if head is not None and s < head.end() < e:
        s = head.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _indirect(doc, d: _Doc, resolver: SpeakerResolver, direct_spans: list[Span]) -> list[Quote]:
    """Reported speech without marks: the complement clause of a strong reporting verb."""
    out: list[Quote] = []
    cues = _cues()
    for tok in doc:
        if d.in_quote(tok.idx):
            continue
        content: tuple[int, int] | None = None
        if _is_cue(tok) and cues[tok.lemma_.lower()] == "strong":
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                comp = comps[0]
                left = comp.left_edge
                while left.i < comp.i and (left.dep_ == "mark" or left.is_punct):
                    left = doc[left.i + 1]
                right = comp.right_edge
                while right.i > left.i and right.is_punct and right.text not in ("”", "\"", "’"):
                    right = doc[right.i - 1]
                content = (left.idx, right.idx + len(right))
            elif (tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i
                  and tok.head.pos_ in ("VERB", "AUX")):
                # "Russia has proposed talks, Kerry said on Wednesday"
                head = tok.head
                left = head.left_edge
                right = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else head
                while right.i > left.i and (right.is_punct or right.is_space):
                    right = doc[right.i - 1]
                if right.i > left.i:
                    content = (left.idx, right.idx + len(right))
        elif _according(tok) and tok.head.pos_ in ("VERB", "AUX"):
            head = tok.head
            sent = tok.sent
            a_left, a_right = tok.left_edge.i, tok.right_edge.i
            left_part = (sent.start, a_left - 1)
            right_part = (a_right + 1, sent.end - 1)
            lo, hi = max((left_part, right_part), key=lambda p: p[1] - p[0])
            while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
                hi -= 1
            while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
                lo += 1
            if hi > lo:
                content = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
        if content is None:
            continue
        s, e = _clip_to_paragraph(d.text, content, tok.idx)
        if e - s < 8:
            continue
        # keep the closing mark of a quote the clause ends in ("was ‘too late’")
        if e < len(d.text) and d.text[e] in "’”\"'" and any(ch in d.text[s:e] for ch in "‘“\"'"):
            e += 1
        inside = sum(min(e, qe) - max(s, qs) for qs, qe in direct_spans if qe > s and qs < e)
        if inside > 0.3 * (e - s):
            continue
        if d.in_quote(s) and d.in_quote(e - 1):
            continue
        speaker, sspan = (_speaker_for_cue(tok, resolver, d) if not _according(tok)
                          else _speaker_for_cue(tok, resolver, d))
        if speaker is None and not _according(tok):
            continue
        if sspan is not None and s <= sspan[0] < e:
            continue
        cue_text, cue_span = _cue_info(tok)
        out.append(Quote(text=d.text[s:e], span=(s, e), speaker=speaker, cue=cue_text,
                         kind="indirect", speaker_span=sspan, cue_span=cue_span))
    return out


def extract(doc, article: Article, found: Found) -> list[Quote]:
    """Direct, partial and indirect quotes of one article, each with its speaker.

    Args:
        doc: the article's spaCy ``Doc`` (not modified).
        article: the article (its ``text`` is the one the spans index).
        found: earlier facts; ``found.entities`` gives canonical speaker names.

    Returns:
        Quotes sorted by span start.
    """
    text = article.text  # what doc was parsed from; cheaper than Doc.text
    marked = find_marked(text)
    d = _Doc(doc, marked, text=text)
    resolver = SpeakerResolver(doc, found.entities, quoted=d.quoted, text=text)
    resolver.prime(_is_cue, d.in_quote)
    cands: list[_Cand] = []
    skipped = 0
    for m in marked:
        try:
            if _is_scare(d, m) and not len(m.pieces) > 1:
                kind = "scare"
            else:
                kind = _direct_or_partial(d, m)
            cands.append(_Cand(marked=m, kind=kind))
        except (IndexError, ValueError) as exc:  # an odd candidate is skipped, never the article
            skipped += 1
            log.debug("quote candidate at %s skipped: %r", m.outer, exc)
    # direct quotes: attribute, merge split quotes, carry speakers over
    for c in cands:
        if c.kind == "direct":
            _attribute_direct(c, d, resolver)
            resolver.remember(c.start, c.speaker)
    cands = _merge_split(cands, d)
    _carry_speakers(cands, d)
    quotes: list[Quote] = []
    for c in cands:
        m = c.marked
        if c.kind == "scare":
            continue
        if c.kind == "partial":
            cue = _governing_cue(d, m)
            words = len(text[m.pieces[0][0]:m.pieces[-1][1]].split())
            if cue is None:
                if words <= _PARTIAL_MAX_NO_CUE:
                    continue
                # a long quoted stretch mid-sentence that no reporting verb governs (a
                # rule, a report): kept as partial, speaker from the frame when there is one
                _attribute_direct(c, d, resolver)
            else:
                c.cue = cue
                c.cue_text, c.cue_span = _cue_info(cue)
                c.speaker, c.speaker_span = _speaker_for_cue(cue, resolver, d)
        pieces = m.pieces
        qtext = " ".join(text[s:e] for s, e in pieces)
        quotes.append(Quote(text=qtext, span=(pieces[0][0], pieces[-1][1]), speaker=c.speaker,
                            cue=c.cue_text, kind=c.kind, speaker_span=c.speaker_span,
                            cue_span=c.cue_span))
    direct_spans = [q.span for q in quotes if q.kind == "direct"]
    quotes.extend(_headline(doc, d, resolver, [m.outer for m in marked]))
    quotes.extend(_indirect(doc, d, resolver, direct_spans))
    if skipped:
        log.info("article %s: %d quote candidates skipped", article.id, skipped)
    quotes.sort(key=lambda q: (q.span[0], q.span[1]))
    return quotes
