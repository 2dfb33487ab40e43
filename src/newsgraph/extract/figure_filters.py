"""Numbers that are not counts: years, dates, ages, times, phone numbers, scores, labels.

Each rule returns the reason a number expression is skipped, so a debug log can
say why ("Resolution 2254" is a label, "John Smith, 45," an age).
"""

from __future__ import annotations

from typing import Sequence

from .figure_kinds import (_CLOCK, _MONTHS, _STREET, _YEAR_PREP, PEOPLE_KINDS, _counted_noun, _counts_noun,
                           _cues, _noun_kind)
from .gazetteer import is_demonym
from .numbers import NumberExpr
from .doc_memo import sentence_of


def _ratio(doc, x: NumberExpr, sent, numbers: Sequence[NumberExpr]) -> bool:
    """Either side of "3 in 10 voters", "one in five children": a proportion, not two counts.
    Not "14 in 2015" or "5 in 2 hours": the second number is larger and counts no time or year.
    ``numbers`` are the article's number expressions (found once by the caller)."""
    # the words joining the two numbers, after and before this one: "in" or "out of" ("three out of four")
    ahead = [t.lower_ for t in doc[x.end:min(x.end + 2, sent.end)]]
    behind = [t.lower_ for t in doc[max(x.start - 2, sent.start):x.start]]
    gap = 2 if ahead == ["out", "of"] else 1 if ahead[:1] == ["in"] else 0
    back = 2 if behind == ["out", "of"] else 1 if behind[-1:] == ["in"] else 0
    if gap and x.end + gap < sent.end:
        first, other = x, next((y for y in numbers if y.num_start == x.end + gap), None)
    elif back and x.start - back - 1 >= sent.start:
        first, other = next((y for y in numbers if y.end == x.start - back), None), x
    else:
        return False
    if other is None or first is None or other.value is None or first.value is None or other.value <= first.value:
        return False
    after = doc[other.end] if other.end < sent.end else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "NUM") and \
            _noun_kind(after) not in PEOPLE_KINDS | {"person"} and not is_demonym(after.text):  # "one in seven Pakistanis"
        return False  # "killed 12 in 15 villages", "5 in 24 hours": a second count of places or time
    return not (1800 <= other.value <= 2100 and other.value == int(other.value) and len(doc[other.num_start].text) == 4)


_VOTE_WORDS = frozenset({"vote", "ballot", "rule", "ruling", "verdict", "impeach", "impeachment", "pass",
                         "approve", "reject", "adopt", "confirm", "acquit", "convict", "decision"})


def is_tally(doc, x: NumberExpr) -> bool:
    """One side of a vote tally written "234-56" ("parliament voted 234-56", "a 5-4 ruling"): two numbers of
    at most three digits glued by a dash, in a sentence about a vote or ruling. Sports scores look the same;
    the vote word tells them apart, and four digits ("the 2023-24 budget") are years, not votes."""
    if x.value_max is not None or x.num_end - x.num_start != 1 or x.words_only:
        return False
    sent = sentence_of(doc[x.num_start])
    tok = doc[x.num_start]
    if not (tok.text.isdigit() and len(tok.text) <= 3):
        return False
    glued_after = x.num_end + 1 < sent.end and doc[x.num_end].text in ("-", "\u2013") and \
        not tok.whitespace_ and not doc[x.num_end].whitespace_ and doc[x.num_end + 1].text.isdigit() and \
        len(doc[x.num_end + 1].text) <= 3
    glued_before = x.num_start - 2 >= sent.start and doc[x.num_start - 1].text in ("-", "\u2013") and \
        not doc[x.num_start - 1].whitespace_ and not doc[x.num_start - 2].whitespace_ and \
        doc[x.num_start - 2].text.isdigit() and len(doc[x.num_start - 2].text) <= 3
    if not (glued_after or glued_before):
        return False
    first = x.num_start if glued_after else x.num_start - 2
    if _game_score(doc, sent, first, first + 3):
        return False
    return any(t.lemma_.lower() in _VOTE_WORDS or t.lower_ in _VOTE_WORDS for t in sent)


# what names a game's result next to its score: "the 2-1 win", "a 3-3 draw", "won 2-0", "beat them 4-1"
_SCORE_AFTER = frozenset({"win", "draw", "defeat", "victory", "loss", "lead", "score", "scoreline", "home",
                          "away", "thrashing", "triumph", "rout", "comeback", "result", "game", "match"})
_SCORE_BEFORE = frozenset({"win", "won", "beat", "lose", "lost", "draw", "drew", "defeat", "score", "lead",
                           "trail", "edge", "thrash", "rout", "scoreline"})


def _game_score(doc, sent, first: int, end: int) -> bool:
    """Is the dashed pair ``doc[first:end]`` a game's score: a result word right after it ("after the
    2-1 win", "a 3-3 draw") or a scoring verb or noun just before it ("won 2-0", "beat Ostria 4-1")?
    A vote word elsewhere in the sentence ("fans voted him player of the match") does not make it a tally."""
    if end < sent.end and doc[end].lemma_.lower() in _SCORE_AFTER:
        return True
    before = doc[max(sent.start, first - 3):first]
    return any(t.lower_ in _SCORE_BEFORE or t.lemma_.lower() in _SCORE_BEFORE for t in before)


def _not_a_count(doc, x: NumberExpr, numbers: Sequence[NumberExpr] = ()) -> str | None:
    """Why a number expression is not a figure (year, age, time...), or None; ``numbers`` are the
    article's other number expressions (for proportions)."""
    cues = _cues()
    first, last = doc[x.num_start], doc[x.num_end - 1]
    sent = sentence_of(first)
    prev = doc[x.start - 1] if x.start > sent.start else None
    nxt_i = x.end
    if nxt_i < sent.end and doc[nxt_i].text in ("-", "–") and nxt_i + 1 < sent.end:
        nxt_i += 1
    nxt = doc[nxt_i] if nxt_i < sent.end else None
    if x.currency or x.percent:
        return None
    if is_tally(doc, x):
        return None  # "voted 234-56": both sides of a vote are counts, never a phone number or score
    if _ratio(doc, x, sent, numbers):
        return "ratio"
    if any(":" in t.text or "/" in t.text for t in doc[x.num_start:x.num_end]):
        return "time"
    if nxt is not None:
        nlow = nxt.text.lower()
        if nlow in _CLOCK:
            return "time"
        if cues.get("noun", {}).get(nxt.lemma_.lower(), ("",))[0] == "time" or \
                cues.get("noun", {}).get(nlow, ("",))[0] == "time":
            return "duration"
        if nlow.rstrip(".") in _MONTHS:
            return "date"
        if nlow in ("st", "nd", "rd", "th"):
            return "ordinal"
    if prev is not None:
        plow = prev.text.lower()
        if plow.rstrip(".") in _MONTHS:
            return "date"
        label = cues.get("label", {}).get(plow)
        if label and (not x.hedge or label[0] == "age"):
            return label[0]
        if plow in ("+", "#", "no", "№") or (plow == "." and prev.i > sent.start and
                                              doc[prev.i - 1].lower_ in ("no", "nos")):
            return "label"  # "No. 2 Detention Centre"
        # "Resolution 2254", "MH17", "Covid-19", "Boeing 737": a name, not a count
        if (prev.pos_ == "PROPN" or (prev.text[:1].isupper() and (prev.i != sent.start or prev.pos_ == "NOUN"))) \
                and not x.hedge and prev.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY") \
                and not _counts_noun(doc, x):
            return "label"
        if plow in ("-", "–") and prev.i > sent.start and doc[prev.i - 1].is_alpha:
            return "label"
        if plow in ("-", "–", "/") and prev.i > sent.start and doc[prev.i - 1].text.isdigit() and \
                len(doc[prev.i - 1].text) == 4 and not prev.whitespace_:
            return "year"  # "1957-58", "2015/16"
        if plow in ("every", "per") or (plow == "of" and prev.i > sent.start and
                                        doc[prev.i - 1].lower_ == "out" and x.value >= 100):
            return "rate"  # "177 out of every 100,000", "per 1,000 births"
    # "aged between 18 and 25", "aged over 65": the hedge sits between the label and the number
    if x.hedge and x.start > sent.start and \
            cues.get("label", {}).get(doc[x.start - 1].lower_, ("",))[0] == "age":
        return "age"
    if x.value < 120 and x.value_max is None and (
            any(t.lower_ in ("age", "aged", "ages", "oldest", "youngest")
                for t in doc[max(sent.start, x.start - 5):x.start]) or
            (x.end + 1 < sent.end and doc[x.end].lower_ in ("and", "or") and
             doc[x.end + 1].lower_ in ("older", "over", "above", "under", "younger"))):
        return "age"  # "ranged in age from 1 to 9", "people 65 and older"
    if prev is not None and x.value < 120 and x.value_max is None and not x.hedge and \
            (prev.lemma_.lower() in ("turn",) or (prev.lemma_.lower() == "be" and prev.i > sent.start and
                                                  doc[prev.i - 1].lower_ in ("he", "she", "i", "you", "we", "they"))):
        return "age"  # "before he is 40", "she turned 60"
    if x.hedge and x.hedge.lower() in ("under", "over", "above") and x.value < 120 and \
            x.start > sent.start and _noun_kind(doc[x.start - 1]) in PEOPLE_KINDS | {"person"}:
        return "age"  # "people under 30", "adults over 65"
    if not x.words_only and any(t.lower_ in _STREET and t.text[:1].isupper()
                                for t in doc[x.end:min(x.end + 4, sent.end)]):
        return "address"  # "131 West 23rd Street", "2301 8th Ave."
    if not x.words_only and _looks_like_phone(doc, x):
        return "phone"
    if not x.words_only and len(first.text) >= 3 and first.text[0] == "0":
        return "phone"
    # phone numbers: digit groups one after another ("7946 0321")
    if x.num_end < sent.end and not x.words_only and doc[x.num_end].like_num and \
            doc[x.num_end].text[:1].isdigit():
        return "phone"
    if prev is not None and not x.words_only and prev.like_num and prev.text[:1].isdigit():
        return "phone"
    # scores "3-1", "2–0"
    if _is_score(doc, x):
        return "score"
    # years: a bare four-digit number from 1800 to 2099
    if not x.words_only and x.value_max is not None and _is_year(first) and _is_year(last):
        return "year"  # "between 2009 and 2012", "2015-2016"
    if not x.words_only and x.value_max is None and x.num_end - x.num_start == 1 and _is_year(first):
        if prev is None or prev.text.lower() in _YEAR_PREP or first.ent_type_ == "DATE" or \
                not _counts_noun(doc, x):
            return "year"
    # ages: "John Smith, 45, was arrested"
    after = doc[x.num_end] if x.num_end < len(doc) else None
    if prev is not None and prev.text == "," and x.value < 120 and prev.i > sent.start and \
            not x.words_only and not x.hedge and \
            (after is None or after.text in (",", ";", ".", ")", ":", "—", "–", "-") or after.lower_ == "and" or
             after.is_space) and \
            (doc[prev.i - 1].ent_type_ == "PERSON" or doc[prev.i - 1].pos_ == "PROPN" or
             _noun_kind(doc[prev.i - 1]) in PEOPLE_KINDS | {"person"}):
        return "age"  # "John Smith, 45, was", "Kenneth Bonilla, 23; Edwin Luciano, 18."
    if after is not None and after.lower_ == "block" and not x.words_only:
        return "address"  # "the 3200 block of North Monticello"
    # "the two countries", "these three plans": things counted before (people are counted again:
    # "the eight attackers" is a figure of its own)
    if x.words_only and x.value < 10 and prev is not None and not x.hedge and \
            prev.lower_ in ("the", "these", "those", "both", "its", "their", "his", "her", "our") and \
            not _counts_people(doc, x):
        return "anaphora"
    # "93-year-old", "a 45-year-old man", "aged 93 years old"
    tail = [t.lower_ for t in doc[x.num_end:min(x.num_end + 4, sent.end)]]
    if x.value < 130 and (tail[:3] == ["-", "year", "-"] or tail[:2] in (["year", "old"], ["years", "old"])
                          or (tail[:1] == ["-"] and tail[1:2] in (["year"], ["years"]) and "old" in tail)):
        return "age"
    # "one of", "the one", "no one"
    if first.text.lower() == "one" and x.num_end == x.num_start + 1:
        if (nxt is not None and nxt.text.lower() in ("of", "another", "day", "side", "way", "aged")) or \
                (prev is not None and prev.text.lower() in ("the", "no", "any", "every", "this",
                                                            "that", "which", "each", "someone")):
            return "pronoun"
    if first.ent_type_ in ("TIME", "ORDINAL") and last.ent_type_ == first.ent_type_ \
            and not x.hedge and not _counts_noun(doc, x) and _ent_has_words(doc, first):
        return first.ent_type_.lower()  # spaCy's DATE is not trusted: it tags "58", "150 last year"
    return None


def _counts_people(doc, x: NumberExpr) -> bool:
    noun = _counted_noun(doc, x)
    return noun is not None and _noun_kind(noun) in PEOPLE_KINDS | {"person"}


def _ent_has_words(doc, tok) -> bool:
    """Whether the entity around ``tok`` holds words besides numbers ("58 days", "the 1990s")."""
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.is_alpha and not t.like_num and t.lower_ not in ("and", "to", "or", "between")
               for t in doc[start:end])


def _is_year(tok) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2099


def _looks_like_phone(doc, x: NumberExpr) -> bool:
    """Digit groups of a phone number: "(318) 619-3946", "1-888-234-1294", "call 0845 600 1234"."""
    sent = sentence_of(doc[x.num_start])
    toks = [t for t in doc[x.num_start:x.num_end] if t.text[:1].isdigit()]
    if any("," in t.text for t in toks):
        return False
    if x.value_max is not None and len(toks) == 2 and len(toks[-1].text) >= 4 and len(toks[0].text) <= 3:
        return True  # "619-3946" is not a range
    if x.num_start > sent.start and doc[x.num_start - 1].text == "(" and x.num_end < sent.end and \
            doc[x.num_end].text == ")" and len(toks[0].text) == 3:
        return True  # "(318)"
    if x.num_end + 1 < sent.end and doc[x.num_end].text in ("-", ")") and \
            doc[x.num_end + 1].text[:1].isdigit() and len(doc[x.num_end + 1].text) >= 3:
        return True
    if x.num_start - 2 >= sent.start and doc[x.num_start - 1].text in ("-", ")") and \
            doc[x.num_start - 2].text[:1].isdigit() and not doc[x.num_start - 1].whitespace_:
        return True
    phone = {k for k, v in _cues().get("label", {}).items() if v[0] == "phone"}
    return any(t.lower_ in phone for t in doc[max(sent.start, x.num_start - 5):x.num_start])


def _is_score(doc, x: NumberExpr) -> bool:
    """A sports score: two small numbers joined by a dash in a sentence about a game."""
    sent = sentence_of(doc[x.num_start])
    toks = doc[x.num_start:x.num_end]
    dashed = any(t.text in ("-", "–") for t in toks)
    before = x.num_start >= sent.start + 2 and doc[x.num_start - 1].text in ("-", "–") and \
        doc[x.num_start - 2].like_num
    after = x.num_end + 1 < sent.end and doc[x.num_end].text in ("-", "–") and \
        doc[x.num_end + 1].like_num and not doc[x.num_end].whitespace_
    if not (dashed or before or after) or x.value >= 30:
        return False
    if (before or after) and not dashed:
        return True  # "3-1" is never a range (the bound falls), so it is a score
    sport = _cues().get("sport", {})
    return any(t.text.lower() in sport for t in sent)
