"""Quotes without marks: headline attributions by colon and reported (indirect) speech.

"Russia had proposed talks: Kerry" is a headline quote; "Putin said on Tuesday
that Moscow will ..." gives the indirect quote "Moscow will ...", the
complement clause of a strong reporting verb, clipped to its paragraph.
"""

from __future__ import annotations

import re

from ..model import Quote, Span
from .quote_frames import _according, _cue_info, _cues, _Doc, _is_cue, _speaker_for_cue
from .quote_speakers import SpeakerResolver
from .doc_memo import sentence_of
from .event_lexicon import conj_host

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


# "KYIV, April 8 (Wire) - ", "LA PAZ, Bolivia (AP) — ", "N'DJAMENA, ...", "ST. JOHN'S, ...": a city in capitals
# (two short words count)
_DATELINE = re.compile(r"(?:[A-Z]['’]?[A-Z]{2}|[A-Z]{2}\.? [A-Z]{2})[A-Z .'’-]*(?:\([^)]*\))?,?[^\n]{0,30}?\s[-–—]+\s")
# "New Delhi: ", "Mumbai: ": a city in title case closed by a colon, as some outlets open a report
_COLON_DATELINE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}:\s")


def _loose_end(tok) -> bool:
    """Punctuation or space a reported clause does not end on; a per cent sign is part of its number."""
    return (tok.is_punct or tok.is_space) and tok.text != "%"


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
    head = _DATELINE.match(text, para_start) or _COLON_DATELINE.match(text, para_start)
    if head is not None and s < head.end() < e:
        s = head.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _passive_without_agent(tok) -> bool:
    return (any(c.dep_ == "auxpass" for c in tok.children)
            and not any(c.dep_ == "agent" for c in tok.children))


def _bare_participle(tok) -> bool:
    """ "Asked whether he would resign, Johnson replied": a participle with no subject of its own
    reports what someone unnamed said to the speaker, not the speaker's words."""
    # a sentence-opening "Told that ..." is the same participle, often tagged as a past tense
    participle = tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.i == sentence_of(tok).start)
    return participle and tok.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "agent")
                                                          for c in tok.children)


def _own_report(tok) -> bool:
    """A clause hung on a reported clause that reports with a speaker of its own."""
    return (tok.dep_ in ("advcl", "conj", "parataxis") and _is_cue(tok)
            and any(c.dep_ == "nsubj" for c in tok.children))


def _indirect(doc, d: _Doc, resolver: SpeakerResolver, direct_spans: list[Span]) -> list[Quote]:
    """Reported speech without marks: the complement clause of a strong reporting verb."""
    out: list[Quote] = []
    cues = _cues()
    for tok in doc:
        if d.in_quote(tok.idx):
            continue
        content: tuple[int, int] | None = None
        if _is_cue(tok) and cues[tok.lemma_.lower()] == "strong" and not _bare_participle(tok):
            # a ccomp without a verb is a small clause the parser took for speech ("declared Smith the winner")
            comps = [c for c in tok.children if c.dep_ == "ccomp"
                     and any(t.pos_ in ("VERB", "AUX") for t in c.subtree)]
            if comps:
                comp = comps[0]
                left = comp.left_edge
                while left.i < comp.i and (left.dep_ == "mark" or left.is_punct):
                    left = doc[left.i + 1]
                right = comp.right_edge
                nested = [t.left_edge.i for t in comp.subtree if t.i > comp.i and (
                    _own_report(t) or t.dep_ == "conj" and conj_host(t).i == tok.i)]  # "... and added that"
                if nested:  # "... was peaceful, although police said they arrested 23": two reports
                    right = doc[max(min(nested) - 1, left.i)]
                    while right.i > left.i and (right.dep_ in ("cc", "mark") or right.is_punct):
                        right = doc[right.i - 1]
                while right.i > left.i and _loose_end(right) and right.text not in ("”", "\"", "’"):
                    right = doc[right.i - 1]
                content = (left.idx, right.idx + len(right))
            elif (tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i and tok.tag_ != "VBG"
                  and tok.head.pos_ in ("VERB", "AUX") and not _passive_without_agent(tok)
                  and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                  and not (tok.dep_ == "ccomp" and _is_cue(tok.head))
                  and not any(c.dep_ == "mark" and c.lower_ != "as" for c in tok.children)):
                # "Russia has proposed talks, Kerry said on Wednesday"; not "officials said
                # 36 people were confirmed dead", where the passive cue has no speaker of its own,
                # nor "crowds marched on Saturday demanding elections", a participle of the march,
                # nor "crowds gathered to demand a recount", an infinitive of purpose,
                # nor "his lawyer said he would appeal", a cue inside what the lawyer said, nor "an appeal on
                # Tuesday, a day after the government declared an emergency", a clause of time
                head = tok.head
                left = head.left_edge
                right = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else head
                while right.i > left.i and _loose_end(right):
                    right = doc[right.i - 1]
                if right.i > left.i:
                    content = (left.idx, right.idx + len(right))
        elif _according(tok) and tok.head.pos_ in ("VERB", "AUX"):
            head = tok.head
            sent = sentence_of(tok)
            a_left, a_right = tok.left_edge.i, tok.right_edge.i
            left_part = (sent.start, a_left - 1)
            right_part = (a_right + 1, sent.end - 1)
            lo, hi = max((left_part, right_part), key=lambda p: p[1] - p[0])
            while hi > lo and _loose_end(doc[hi]):
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
