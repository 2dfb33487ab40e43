"""Number expressions in a spaCy Doc: digits, words, scales, hedges, ranges and currencies.

Figures need the *value* of "some 220,000", "7.6 million", "two dozen",
"hundreds of", "half a million", "$3-4 billion" or "£3m", and where the
expression starts and ends. spaCy's CARDINAL/MONEY entities are a useful hint
but cut expressions in odd places ("Between 40" as a DATE), so this module reads
the tokens itself; what a number counts is decided in ``figures.py``.

Values are computed with ``Decimal`` so "7.6 million" is exactly 7600000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..lexicons import load_rows
from .doc_memo import token_strings

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_GLUED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$", re.I)
_RANGE_WORDS = frozenset({"-", "–", "—", "to", "or"})
_PERCENT_WORDS = frozenset({"%", "percent", "pc", "pct"})


@dataclass(frozen=True, slots=True)
class NumberExpr:
    """One number expression found in a Doc (token offsets are ``[start, end)``).

    ``start``/``end`` cover the whole expression including hedge and currency;
    ``num_start``/``num_end`` cover the number words themselves (and a range).
    ``bound`` is the hedge's meaning ("about", "min", "max") or None.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: Decimal
    value_max: Decimal | None = None
    hedge: str | None = None
    bound: str | None = None
    currency: str | None = None
    percent: bool = False
    vague: bool = False
    fraction: bool = False
    words_only: bool = False


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[Decimal, str]]:
    return {r.word: (r.value, r.type) for r in load_rows("numbers.tsv")}


@lru_cache(maxsize=1)
def _hedges() -> dict[tuple[str, ...], str]:
    return {tuple(r.phrase.split()): r.bound for r in load_rows("figure_hedges.tsv")
            if r.where != "after"}


@lru_cache(maxsize=1)
def _post_hedges() -> dict[tuple[str, ...], str]:
    return {tuple(r.phrase.split()): r.bound for r in load_rows("figure_hedges.tsv")
            if r.where == "after"}


@lru_cache(maxsize=1)
def _currencies() -> dict[tuple[str, ...], tuple[str, str]]:
    table = {tuple(r.form.split()): (r.code, r.where) for r in load_rows("currencies.tsv")}
    for form, (code, where) in list(table.items()):
        if len(form) > 1 and where == "after" and form[-1].endswith("s"):
            # "the Canadian dollar", "per US dollar": a named currency in the singular
            table.setdefault(form[:-1] + (form[-1][:-1],), (code, where))
    return table


def names_currency(word: str) -> bool:
    """"euros", "yuan", "crowns": a word that names money after an amount ("2 million euros")."""
    return (word.lower(),) in _currencies()


def _rate_currency(doc, lo: int, num_start: int, end: int, hi: int) -> tuple[int, str] | None:
    """An exchange rate: "(the rupee fell) to 83.5 per dollar" -> (end, "INR").

    The number after "to"/"at" is an amount of the currency the sentence names
    before it, per one unit of the currency after "per".
    """
    if end + 1 >= hi or _low(doc[end]) != "per":
        return None
    per = _match_after(doc, end + 1, _currencies(), hi)
    if per is None or per[1][1] not in ("after", "both"):
        return None
    for i in range(num_start - 1, lo - 1, -1):
        named = _match_after(doc, i, _currencies(), num_start)
        if named is not None and named[1][1] in ("after", "both") and named[1][0] != per[1][0]:
            return per[0], named[1][0]
    return None


def _low(tok) -> str:
    return tok.text.lower()


def digit_value(text: str) -> Decimal | None:
    """The value of a digit token ("220,000", "7.6", "1.2bn", "5k"), else None."""
    if _DIGITS.match(text):
        return Decimal(text.replace(",", ""))
    m = _GLUED.match(text)
    if m:
        info = _words().get(m.group(2).lower())
        if info and info[1] in ("abbrev", "scale"):
            return Decimal(m.group(1).replace(",", "")) * info[0]
    return None


def _word(tok) -> tuple[Decimal, str] | None:
    return _words().get(_low(tok))


def _words_value(parts: list[tuple[Decimal, str]]) -> Decimal | None:
    """Value of a sequence of (value, type) parts: "two hundred and fifty thousand", "7.6 million"."""
    total, current, seen = Decimal(0), Decimal(0), False
    for value, kind in parts:
        if kind in ("digits", "unit", "tens"):
            current += value
            seen = True
        elif kind == "hundred":
            current = (current or Decimal(1)) * value
            seen = True
        elif kind == "multiplier":
            current = (current or Decimal(1)) * value
            seen = True
        elif kind in ("scale", "abbrev"):
            total += (current or Decimal(1)) * value
            current = Decimal(0)
            seen = True
        else:
            return None
    return total + current if seen else None


def _scan_number(doc, i: int, limit: int) -> tuple[int, Decimal, dict] | None:
    """Read one number starting at token ``i``; returns (end, value, flags) or None."""
    tok = doc[i]
    low = _low(tok)
    info = _word(tok)
    flags: dict = {"vague": False, "fraction": False, "words_only": True}
    # "a million", "a dozen", "a hundred", "a third of", "half a million"
    if low in ("a", "an") and i + 1 < limit:
        nxt = _word(doc[i + 1])
        if nxt and nxt[1] in ("hundred", "scale", "multiplier"):
            return _scan_from(doc, i + 1, limit, [(Decimal(1), "unit")], flags)
        if nxt and nxt[1] == "fraction" and doc[i + 1].text.lower() in ("third", "quarter", "fifth", "tenth", "half"):
            return _scan_fraction(doc, i + 1, limit, Decimal(1), flags)
        return None
    # "several thousand", "a few hundred", "many thousands": a vague count of that order
    vague_det = low in ("several", "few", "many") or (
        low in ("a", "an") and i + 1 < limit and _low(doc[i + 1]) == "few")
    if vague_det:
        k = i + 2 if low in ("a", "an") else i + 1
        nxt = _word(doc[k]) if k < limit else None
        if nxt and nxt[1] in ("hundred", "scale", "multiplier", "vague") and nxt[0] >= 12:
            end, value = k + 1, nxt[0]
            if end + 1 < limit and _low(doc[end]) in ("of",):
                more = _word(doc[end + 1])
                if more and more[1] == "vague" and more[0] >= 1000:
                    end, value = end + 2, value * more[0]
            elif end < limit and (_word(doc[end]) or (None, ""))[1] == "scale":
                end, value = end + 1, value * _word(doc[end])[0]
            flags["vague"] = True
            return end, value, flags
        return None
    if info and info[1] == "fraction" and low == "half":
        return _scan_fraction(doc, i, limit, Decimal(1), flags)
    if info and info[1] == "vague":
        end, value = i + 1, info[0]
        # "tens of thousands", "hundreds of millions"
        if end + 1 < limit and _low(doc[end]) == "of":
            nxt = _word(doc[end + 1])
            if nxt and nxt[1] == "vague" and nxt[0] >= 1000:
                end, value = end + 2, value * nxt[0]
        elif low == "tens":
            return None
        flags["vague"] = True
        return end, value, flags
    dv = digit_value(tok.text)
    if dv is None and _glued_currency(tok):  # "R2", "Sh500", "Rs500": currency letters glued on
        dv = digit_value(re.sub(r"^[^\d\s]{1,3}", "", tok.text))
    if dv is not None:
        flags["words_only"] = False
        if tok.text[0] == "0" and len(tok.text) > 1 and "." not in tok.text[:2]:
            return None  # "020", "007": phone numbers and codes, not counts
        return _scan_from(doc, i + 1, limit, [(dv, "digits")], flags, after_digits=True)
    if info and info[1] in ("unit", "tens", "hundred", "multiplier", "scale"):
        if info[1] == "scale":
            return None
        # "two-thirds of", "three quarters of"
        if i + 1 < limit:
            j = i + 1
            if doc[j].text == "-" and j + 1 < limit:
                j += 1
            nxt = _word(doc[j])
            if info[1] == "unit" and nxt and nxt[1] == "fraction" and _low(doc[j]) not in ("half",):
                res = _scan_fraction(doc, j, limit, info[0], flags)
                if res is not None:
                    return res
        return _scan_from(doc, i + 1, limit, [info], flags)
    return None


def _scan_from(doc, j: int, limit: int, parts: list, flags: dict, *, after_digits: bool = False):
    """Continue a number after its first part: more number words, scales, "and", hyphens."""
    while j < limit:
        tok = doc[j]
        low = _low(tok)
        info = _word(tok)
        if info is None and low.endswith(".") and not doc[j - 1].whitespace_:
            # "£300m." closing a sentence: the tokenizer keeps the full stop on the abbreviation
            info = _words().get(low[:-1])
            info = info if info and info[1] == "abbrev" else None
        last_type = parts[-1][1]
        if info and info[1] == "abbrev":
            if last_type != "digits":
                break
            if doc[j - 1].whitespace_ and low in ("m", "b", "k"):
                break  # "5 m" is more likely metres; only glued abbreviations count
            parts.append(info)
            j += 1
            continue
        if info and info[1] in ("scale", "hundred", "multiplier"):
            parts.append(info)
            j += 1
            continue
        if info and info[1] in ("unit", "tens") and last_type in ("tens", "hundred", "scale") and not after_digits:
            if last_type == "tens" and info[1] == "tens":
                break
            parts.append(info)
            j += 1
            continue
        if low == "-" and last_type == "tens" and j + 1 < limit:
            nxt = _word(doc[j + 1])
            if nxt and nxt[1] == "unit" and not tok.whitespace_:
                parts.append(nxt)
                j += 2
                continue
        if low == "and" and last_type in ("hundred", "scale") and j + 1 < limit and not after_digits:
            nxt = _word(doc[j + 1])
            if nxt and nxt[1] in ("unit", "tens"):
                j += 1
                continue
        break
    value = _words_value(parts)
    if value is None:
        return None
    return j, value, flags


def _scan_fraction(doc, j: int, limit: int, numerator: Decimal, flags: dict):
    """"a third of" (a share), "half a million" / "a quarter of a million" (a count)."""
    frac = _word(doc[j])
    if frac is None:
        return None
    share = numerator * frac[0]
    k = j + 1
    # "half a million", "a quarter of a million", "half a billion"
    if k < limit and _low(doc[k]) == "of":
        k += 1
    if k + 1 < limit and _low(doc[k]) in ("a", "an"):
        nxt = _word(doc[k + 1])
        if nxt and nxt[1] == "scale":
            return k + 2, (share * nxt[0]).quantize(Decimal(1)), flags
    if j + 1 < limit and _low(doc[j + 1]) == "of":
        flags["fraction"] = True
        return j + 1, share, flags
    return None


def _match_before(doc, end: int, table: dict, lo: int) -> tuple[int, object] | None:
    """Longest phrase of ``table`` ending right before token ``end`` (not before ``lo``)."""
    for n in (3, 2, 1):
        s = end - n
        if s < lo:
            continue
        key = tuple(token_strings(doc, "lower")[s:end])
        if key in table:
            return s, table[key]
    return None


def _match_after(doc, start: int, table: dict, hi: int) -> tuple[int, object] | None:
    for n in (3, 2, 1):
        e = start + n
        if e > hi:
            continue
        key = tuple(token_strings(doc, "lower")[start:e])
        if key in table:
            return e, table[key]
    return None


def _glued_currency(tok) -> str | None:
    """Currency written inside the number token ("US$1.2bn" split oddly, "$3bn", "RM5")."""
    m = re.match(r"^([^\d\s]{1,3})\d", tok.text)
    if m:
        hit = _currencies().get((m.group(1).lower(),))
        if hit and hit[1] in _BEFORE:
            return hit[0]
    return None


_BEFORE = ("before", "both", "before_large")


_ROAD_WORDS = frozenset({"route", "highway", "onto", "road", "motorway", "interstate"})


def _large_enough(where: str | None, value: Decimal, doc, letters: int, num: tuple[int, int]) -> bool:
    """"before_large" letters ("SR", "QR", "Nu") name money only before an amount of 1,000 or more
    written as money is ("SR 1.5 billion", "RM 2,500", "Dh 3.5m"), since the same letters label roads
    and codes ("SR 520", "closed SR 1010", "onto RM 2222"): a plain run of digits is a label, and so is
    anything after a road word."""
    if where != "before_large":
        return True
    if value < 1000 or letters > 0 and doc[letters - 1].lower_ in _ROAD_WORDS:
        return False
    digits = [re.sub(r"^[^\d]+", "", t.text) for t in doc[num[0]:num[1]] if t.text not in _RANGE_WORDS]
    return not all(d.isdigit() for d in digits)  # a scale word, a separator, a decimal or "bn"/"m"/"k"


def find_numbers(doc) -> list[NumberExpr]:
    """All number expressions in ``doc``, in text order, not overlapping.

    Ranges ("between 40 and 45", "40-45", "$3-4 billion", "30 or 40") become
    one expression with ``value_max``; a scale written only on the upper bound
    applies to both ("3-4 billion" is 3e9 to 4e9).
    """
    out: list[NumberExpr] = []
    n = len(doc)
    ends = [n] * n
    sent_starts = [0] * n
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in doc.sents:
            ends[sent.start:sent.end] = [sent.end] * (sent.end - sent.start)
            sent_starts[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
    # (one pass over the tokens; indexing the Doc per token is slow)
    words = _words()
    starters = ("a", "an", "several", "few", "many")
    lows = token_strings(doc, "lower")
    i = 0
    while i < n:
        low = lows[i]
        head = low[:4]  # a letter is never a digit: most words are settled by isalpha alone
        if not (low in words or low in starters or (not head.isalpha() and any(ch.isdigit() for ch in head))):
            i += 1  # cheap test first: most tokens cannot start a number
            continue
        if low in ("a", "an") and (i + 1 >= n or lows[i + 1] not in words and lows[i + 1] != "few"):
            i += 1
            continue
        sent_end = ends[i]
        res = _scan_number(doc, i, sent_end)
        if res is None:
            i += 1
            continue
        end, value, flags = res
        num_start, value_max = i, None
        # range: "40-45", "3 to 4 million", "30 or 40", "between 40 and 45"
        # "between $2 billion and $3 billion": a currency sign before each bound
        sign = _match_before(doc, i, _currencies(), sent_starts[i])
        lead = sign[0] if sign and sign[1][1] in _BEFORE else i
        between = lead > 0 and _low(doc[lead - 1]) == "between"
        joiner = ("and",) if between else tuple(_RANGE_WORDS)
        if end + 1 < sent_end and _low(doc[end]) in joiner and not flags["fraction"]:
            from_before = lead > 0 and _low(doc[lead - 1]) in ("from", "by")  # "rose from 40 to 45"
            again = _match_after(doc, end + 1, _currencies(), sent_end) if lead < i else None
            second = _scan_number(doc, again[0] if again and again[1] == sign[1] else end + 1, sent_end)
            pct_only_second = second is not None and second[0] < sent_end and \
                _low(doc[second[0]]) in ("%", "percent") and _low(doc[end]) not in ("%", "percent") and \
                bool(_match_before(doc, i, _currencies(), 0) or _glued_currency(doc[i]))
            if second is not None and not from_before and not (flags["vague"] or second[2]["vague"]) \
                    and not pct_only_second:  # "$1.28 or 2.5%": two amounts, not a range
                end2, value2, flags2 = second
                if value2 >= value or value2 >= 1000:
                    lo = value
                    if 0 < lo < value2 and value2 >= 1000 and lo < 1000 and value2 / lo > 100 and \
                            _low(doc[end]) != "or":
                        # "3-4 billion": the scale on the upper bound applies to the lower one
                        scale = value2 / _leading(doc, end + 1, end2)
                        lo = value * scale
                    if lo < value2:
                        value, value_max, end = lo, value2, end2
                        flags = {**flags, "words_only": flags["words_only"] and flags2["words_only"]}
        start = num_start
        hedge, bound = None, None
        currency, percent = None, False
        # currency before the number: "$", "US$", "£", "USD"
        cur = _match_before(doc, start, _currencies(), 0)
        if cur and cur[1][1] in _BEFORE and _large_enough(cur[1][1], value, doc, cur[0], (num_start, end)):
            start, currency = cur[0], cur[1][0]
        else:
            currency = _glued_currency(doc[num_start])
            glued = _currencies().get((re.sub(r"\d.*$", "", doc[num_start].text).lower(),))
            if currency and not _large_enough(glued[1] if glued else None, value, doc, num_start, (num_start, end)):
                i += 1
                continue  # "SR520": a label, as before the letters were known
        if between:
            start = lead - 1
            hedge, bound = "between", "about"
        else:
            hd = _match_before(doc, start, _hedges(), 0)
            if hd:
                hedge = doc[hd[0]:start].text
                start, bound = hd[0], hd[1]
        num_end = end
        if currency is None:
            cur = _match_after(doc, end, _currencies(), sent_end)
            if cur and (cur[1][1] in ("after", "both") or cur[1][1] == "after_large" and value >= 1000):
                # "after_large": a word that names other things too ("won three crowns") is money only
                # after an amount ("2.4 million crowns")
                end, currency = cur[0], cur[1][0]
            elif flags["vague"] and end + 1 < sent_end and _low(doc[end]) == "of":
                # "millions of dollars", "hundreds of billions of euros"
                k = end + 1
                scale = _word(doc[k])
                if scale and scale[1] == "vague" and k + 2 < sent_end and _low(doc[k + 1]) == "of":
                    value, k = value * scale[0], k + 2
                cur = _match_after(doc, k, _currencies(), sent_end)
                if cur and cur[1][1] == "after":
                    end, currency = cur[0], cur[1][0]
        if currency is None:
            rate = _rate_currency(doc, sent_starts[i], num_start, end, sent_end)
            if rate is not None:
                end, currency = rate
        if currency is None and end < sent_end:
            low = _low(doc[end])
            if low in _PERCENT_WORDS:
                end, percent = end + 1, True
            elif low == "per" and end + 1 < sent_end and _low(doc[end + 1]) == "cent":
                end, percent = end + 2, True
        if hedge is None and value_max is None:
            post = _match_after(doc, end, _post_hedges(), sent_end)
            if post:  # "1,000 or so", "40-odd", "1,000-plus"
                hedge, bound = doc[end:post[0]].text.lstrip("-–").strip(), post[1]
                end = post[0]
        out.append(NumberExpr(start=start, end=end, num_start=num_start, num_end=num_end,
                              value=value, value_max=value_max, hedge=hedge, bound=bound,
                              currency=currency, percent=percent, vague=flags["vague"],
                              fraction=flags["fraction"], words_only=flags["words_only"]))
        i = max(end, i + 1)
    return out


def _leading(doc, start: int, end: int) -> Decimal:
    """The value of a number without its trailing scale words ("4" in "4 billion")."""
    res = _scan_number(doc, start, start + 1)
    if res is None:
        return Decimal(1)
    try:
        return res[1] or Decimal(1)
    except InvalidOperation:
        return Decimal(1)


def plain(value: Decimal | None) -> int | float | None:
    """A JSON-friendly number: int when whole ("7.6 million" -> 7600000), else float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, 4))
