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
  verb governs are still someone's words (speaker from the frame, else None);
  names and titles in quotes (a film called "Sully", the "Remain" campaign) are
  not quotes.
- **indirect**: the complement clause of a reporting verb outside quote marks
  ("Putin said on Tuesday that Moscow will ..." -> "Moscow will ...").

Every stretch between marks is one quote and ``text == article.text[span]``
(the annotation convention of real-report benchmarks): a quote split around its
cue (``"We will," he said, "go on."``) gives two quotes, and a quotation running
over several paragraphs one quote per paragraph, all with the same cue and
speaker.
"""

from __future__ import annotations

import logging

from ..model import Article, Found, Quote
from .quote_attribution import _attribute_direct, _carry_speakers, _merge_split, speakers_of_repeats
from .quote_frames import (_SCARE_WORDS, _MINOR_WORDS, _according, _Cand, _cue_info,
                           _cues, _Doc, _frame_after, _frame_before, _is_cue, _speaker_for_cue)
from .quote_marks import Marked, find_marked
from .quote_reported import _headline, _indirect
from .actors import noun_kind, sector_of_noun
from .quote_issuers import DOCUMENT_NOUNS
from .quote_speakers import SpeakerResolver, subject_of
from .doc_memo import sentence_of
from .modal_words import FUTURE_AUX, POSSIBILITY_AUX

# weak cues that are also deeds: "would respond with force" foretells an act, "would describe it as" a speech
_REPLIES = frozenset({"respond", "reply", "answer", "react", "retaliate", "counter"})

log = logging.getLogger(__name__)


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


def _thing(tok) -> bool:
    """A common noun naming no one who could speak: no name, no sector ("officials"), no people."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and sector_of_noun(tok.lemma_.lower(), tok.text) is None \
        and noun_kind(tok.text) != "people"


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
            subj = subject_of(cur, skip=d.in_quote)
            if subj is not None and subj.lemma_.lower() in DOCUMENT_NOUNS and _higher_cue(d, cur):
                pass  # "the tip suggested that ... "...," he said": the one who reports it speaks
            elif cur.lemma_.lower() in _REPLIES and any(
                    c.dep_ == "aux" and c.lower_ in FUTURE_AUX | POSSIBILITY_AUX | {"would"} for c in cur.children) \
                    and _higher_cue(d, cur):
                pass  # "warned that X would respond "with force"": a deed foretold, the one who warned speaks
            elif subj is not None and cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and _thing(subj) \
                    and _higher_cue(d, cur):
                # "monitors said the vote was orderly but noted "serious concerns"": the parse hangs
                # "noted" on "was" and lends it the vote as subject; a thing notes nothing, the monitors do
                weak = weak or cur
            elif _cues()[cur.lemma_.lower()] == "strong" or subj is not None and not (
                    cur.dep_ == "ccomp" and _thing(subj)
                    and any(_is_cue(a) and not d.in_quote(a.idx) for a in cur.ancestors)):
                # (not a weak cue whose subject is a thing, inside what a cue above reports: "warned that
                # the blockades would continue "as long as necessary"" quotes the one who warned, while
                # "officials said Iran called it "an act of war"" quotes Iran)
                # the nearest cue with a subject of its own: "X claims the attacks that Y
                # calls "an act of war"" quotes Y, not X
                return cur
            else:
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
    sent = sentence_of(tok)
    for t in sent:
        if not d.in_quote(t.idx) and (_is_cue(t) and _cues()[t.lemma_.lower()] == "strong"):
            return t
    return None


def _higher_cue(d: _Doc, verb) -> bool:
    """Is there a reporting verb with a subject above ``verb`` in the parse?"""
    cur = verb
    for _ in range(6):
        if cur.head is cur:
            return False
        cur = cur.head
        if not d.in_quote(cur.idx) and _is_cue(cur) and subject_of(cur, skip=d.in_quote) is not None:
            return True
    return False


def _is_scare(d: _Doc, m: Marked) -> bool:
    """Names and titles of works in quotes ("a film called "Sully"") are not quotations."""
    inner = d.text[m.pieces[0][0]:m.pieces[-1][1]]
    words = inner.split()
    prev = d.text[max(0, m.outer[0] - 30):m.outer[0]].lower().split()
    if prev and prev[-1].strip(",:") in _SCARE_WORDS and not _someone_names_it(d, m, prev[-1]):
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


# verbs that name a thing ("a band called "X"") or, with someone doing it, judge it ("what she called "a
# disgrace"", "which he branded "a stitch-up""): the second is that someone's words
_JUDGING = frozenset({"called", "dubbed", "branded", "labelled", "labeled", "termed"})


def _someone_names_it(d: _Doc, m: Marked, word: str) -> bool:
    """Does a naming verb right before the quote have a subject of its own ("which he called "a disgrace"")?

    Then the quoted words are the subject's verdict, a quote, unless they read as a name (the title-case
    test after this one still holds for "the operation, which the army called "Northern Shield""); a
    participle with no subject ("a band called "Quiet Rivers"", "was dubbed "the Bulldozer"") names a thing.
    """
    if word not in _JUDGING:
        return False
    verb = d.token_at(m.outer[0] - 1)
    while verb is not None and verb.i > 0 and (verb.is_space or verb.is_punct):
        verb = verb.doc[verb.i - 1]
    return verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lower_ == word and any(
        c.dep_ == "nsubj" for c in verb.children)


def _has_cue_frame(d: _Doc, m: Marked) -> bool:
    return any(_is_cue(t) or _according(t) for t in _frame_after(d, m) + _frame_before(d, m)[-5:])


def _short_sentence_after_quote(d: _Doc, m: Marked, inner: str) -> bool:
    """Is this short quote a whole sentence of its own ("We lost.") following a quotation in its paragraph?"""
    text, (start, end) = d.text, m.outer
    if not (inner[:1].isupper() and inner.rstrip().endswith((".", "!", "?"))):
        return False
    para = text.rfind("\n", 0, start) + 1
    before = text[para:start].rstrip()
    after = text[end:end + 2].lstrip(" ")
    closed = max(before.rfind(ch) for ch in '"\u201d\u00bb')
    if closed < 0 or len(before) - closed > 80 or not before.endswith((".", "!", "?")) or not (
            not after or after[0] == "\n" or after[0].isupper() or after[0] in '"\u201c\u00ab'):
        return False
    frame = d.doc.char_span(para + closed + 1, para + len(before), alignment_mode="expand")
    return frame is not None and any(_is_cue(t) for t in frame)  # 'he said.' between the two


def _direct_or_partial(d: _Doc, m: Marked) -> str:
    if len(m.pieces) > 1:
        return "direct"
    inner = d.text[m.pieces[0][0]:m.pieces[0][1]]
    if len(inner.split()) <= 2 and not _has_cue_frame(d, m):
        if _short_sentence_after_quote(d, m, inner):
            return "direct"  # '"It's over," he said. "We lost."': a speaker's next sentence, however short
        return "partial"  # a word or two ("unstable") stand as a quote only next to a cue
    if _starts_sentence(d, m):
        return "direct"
    inner = d.text[m.pieces[0][0]:m.pieces[0][1]]
    # He said "We will go on." -- a full sentence quoted right after a cue
    before = _frame_before(d, m)
    if before and _is_cue(before[-1]) and inner[:1].isupper() and len(inner.split()) >= 4:
        return "direct"
    return "partial"


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
    resolver.prime(_is_cue, d.in_quote, tokens=d.speaker_tokens())
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
            if cue is None:
                # quoted words no reporting verb governs ("And "time is against us."", a
                # phrase a report hails or describes): still someone's words; the speaker
                # comes from the frame when there is one, else stays unknown
                _attribute_direct(c, d, resolver)
            else:
                c.cue = cue
                c.cue_text, c.cue_span = _cue_info(cue)
                c.speaker, c.speaker_span = _speaker_for_cue(cue, resolver, d)
        # one quote per stretch between marks: the pieces of a quote split around its cue
        # and the paragraphs of a long quotation share the cue and the speaker
        for k, (s, e) in enumerate(m.pieces):
            quotes.append(Quote(text=text[s:e], span=(s, e), speaker=c.speaker, cue=c.cue_text,
                                kind=c.kind, speaker_span=c.speaker_span, cue_span=c.cue_span,
                                continues=k > 0))
    quotes = speakers_of_repeats(quotes)
    direct_spans = [q.span for q in quotes if q.kind == "direct"]
    quotes.extend(_headline(doc, d, resolver, [m.outer for m in marked]))
    quotes.extend(_indirect(doc, d, resolver, direct_spans))
    if skipped:
        log.info("article %s: %d quote candidates skipped", article.id, skipped)
    quotes.sort(key=lambda q: (q.span[0], q.span[1]))
    return quotes
