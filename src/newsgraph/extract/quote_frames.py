"""The words around a quote: its frame, its cue verb and the cue's speaker.

A quote's frame is the stretch of its sentence after it (up to the sentence end)
or before it (back to the sentence start), never running into another long
quote; the cue is the reporting verb found there (``quote_cues.tsv``) or
"according to"; the speaker is the cue's subject, found through the parse and
the fallbacks real text needs (inverted "said Caddell", a name before the cue
the tagger took for a verb, a colon or dash line).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

from ..lexicons import load_rows
from ..model import Speaker, Span
from .quote_marks import Marked
from .quote_issuers import DOCUMENT_NOUNS
from .quote_speakers import SpeakerResolver, subject_of
from .doc_memo import positions_passing, sentence_of, string_id, token_column

_TERMINAL = {".", "?", "!"}
_FRAME_TOKENS = 60
_SCARE_WORDS = {"called", "named", "dubbed", "titled", "entitled", "nicknamed", "labelled", "labeled",
                "branded", "term", "word", "phrase", "slogan", "hashtag", "film", "movie", "book",
                "song", "album", "show", "series", "novel", "play", "so", "known", "headline",
                "program", "programme", "documentary", "article", "column", "essay", "poem"}
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
    return {r.lemma: r.strength for r in load_rows("quote_cues.tsv")}


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
        self.starts = token_column(doc, "idx")
        self._cues: list[int] | None = None
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

    def cue_indices(self) -> list[int]:
        """The indices of the tokens ``_is_cue`` holds for, in text order (read off the ids once per article:
        the rules that walk the article for cue verbs visit only these)."""
        if self._cues is None:
            self._cues = cue_indices(self.doc)
        return self._cues

    def speaker_tokens(self) -> Iterator:
        """What ``SpeakerResolver.prime`` walks, in text order: the cue verbs and every "he"/"she" subject
        (any other token passes through its loop untouched)."""
        dep, lower = token_column(self.doc, "dep"), token_column(self.doc, "lower")
        nsubj, pronouns = string_id("nsubj"), {string_id("he"), string_id("she")}
        subjects = [i for i in range(len(dep)) if dep[i] == nsubj and lower[i] in pronouns]
        for i in sorted(set(self.cue_indices()).union(subjects)):
            yield self.doc[i]

    def in_long_quote(self, pos: int) -> bool:
        i = bisect_right(self._lstarts, pos) - 1
        return i >= 0 and self.long_quoted[i][0] <= pos < self.long_quoted[i][1]


# (lemma, pos, tag ids) -> is it a cue: read off the token without building its strings
_CUE_BY_IDS: dict[tuple[int, int, int], bool] = {}


def _is_cue(tok) -> bool:
    key = (tok.lemma, tok.pos, tok.tag)
    hit = _CUE_BY_IDS.get(key)
    if hit is None:  # asked of most tokens of an article, several times over
        if len(_CUE_BY_IDS) >= 65536:
            _CUE_BY_IDS.clear()
        hit = _CUE_BY_IDS[key] = tok.lemma_.lower() in _cues() and (
            tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"))
    return hit


def cue_indices(doc) -> list[int]:
    """The indices of the tokens of ``doc`` that ``_is_cue`` holds for, in text order; a ``Token`` is made
    only for a word whose ids were not asked about before."""
    return positions_passing(doc, ("lemma", "pos", "tag"), _CUE_BY_IDS.get, _is_cue)


def _according(tok) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def _frame_after(d: _Doc, m: Marked) -> list:
    """Tokens after a quote up to the end of its sentence (never into another quote)."""
    end = m.outer[1]
    last_char = d.text[m.pieces[-1][1] - 1] if m.pieces[-1][1] > 0 else ""
    i = d.first_token_from(end)
    toks = []
    doc = d.doc
    ended = False  # the frame reached the end of its sentence
    while i < len(doc) and len(toks) < _FRAME_TOKENS:
        tok = doc[i]
        if d.in_long_quote(tok.idx) or "\n" in tok.text or "\n" in d.text[end:tok.idx]:
            break
        i += 1
        if d.in_quote(tok.idx):
            continue
        if tok.text in _TERMINAL or tok.text in (";",):
            ended = True
            break
        toks.append(tok)
    if toks and last_char in (".",) and toks[0].text[:1].isupper() and toks[0].pos_ != "VERB":
        # "... the end." Kerry added that ... : a new sentence, not this quote's frame,
        # unless it is a short cue clause that ends there ("Kerry said."), not one that
        # goes on to quote something else ("Kerry adds there's "a lot of" ...")
        if len(toks) > 4 or not ended or not any(_is_cue(t) for t in toks):
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
        root = sentence_of(tok).root
        if root is not tok and not d.in_quote(root.idx):
            subj = subject_of(root, skip=d.in_quote)
            if subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN"):
                return resolver.resolve(subj)
    if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
        # "X issued a statement praising ...": the document speaks for its issuer
        return resolver.resolve(tok.head)
    if tok.lemma_.lower() != "quote" and any(c.dep_ == "auxpass" for c in tok.children):
        # "the deal is described by a magazine as ...": the agent of a passive cue speaks
        # (but "was quoted by the agency as saying" quotes the subject)
        for child in tok.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj" and not d.in_quote(g.idx)]
                if objs:
                    return resolver.resolve(objs[0])
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
                prev.pos_ in ("PROPN", "PRON") or resolver.named_person(prev) is not None
                or (prev.pos_ == "NOUN" and tok.tag_ in ("VBD", "VBZ", "VBP") and prev.tag_ == "NN")):
            # "the transport authority tweeted" parsed without a subject: the noun before it
            # "“Go register,” Trump implored": the name before the cue, even mistagged as a verb
            return resolver.resolve(prev)
        # "“...,” Flynn, a top Trump surrogate, said": the first name right before the cue
        for t in reversed(tok.doc[max(sentence_of(tok).start, tok.i - 12):tok.i]):
            if d.in_quote(t.idx) or t.text in _TERMINAL:
                break
        else:
            t = None
        lo = t.i + 1 if t is not None else max(sentence_of(tok).start, tok.i - 12)
        names = [t for t in tok.doc[lo:tok.i] if not _in_pp(t) and (
            (t.pos_ == "PROPN" and t.ent_type_ not in _NOT_SPEAKER) or resolver.named_person(t) is not None)]
        if names:
            head = names[0]
            while head.i + 1 < tok.i and tok.doc[head.i + 1].pos_ == "PROPN":
                head = tok.doc[head.i + 1]
            return resolver.resolve(head)
        # the parse hung the cue off a clause inside the quote: the last subject before
        # the cue in its sentence, outside quotes ("Mr. Trump ..., asserting, ''...''")
        for t in reversed(tok.doc[sentence_of(tok).start:tok.i]):
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


def _in_pp(tok) -> bool:
    """Does this name head a prepositional object ("In a post on Telegram, the minister wrote")?
    Such a name is where or how something was said, not who said it."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj"


_SPACED_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015", "|"})


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
    if side == "before":
        # "11:42 GMT - Mayor Ana Ruiz: ...": a live-blog time stamp set off by a spaced dash comes before the name
        dashes = [k for k, t in enumerate(name) if t.text in _SPACED_DASHES and t.whitespace_
                  and t.i > 0 and t.doc[t.i - 1].whitespace_]
        if dashes:
            name = name[dashes[-1] + 1:]
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
