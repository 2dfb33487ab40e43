"""Dates: date expressions found in the text and resolved to the calendar.

The grammar (``date_grammar``) proposes spans, the parse decides what they mean
here: a bare "May" must look like a date (a cue word before it, or spaCy calls
it DATE), a bare "2014" must not be a count ("2014 people"), an age is not a
duration. Relative expressions ("on Wednesday", "last month") are resolved
against the article's ``published`` date using the tense of the clause that
governs them (``date_tense``); without ``published`` the dateline or the latest
explicit full date in the text is the anchor, and ``anchor_from`` says which.
A year is never invented: with no anchor, year-less expressions keep no value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import logging
import re

from ..model import Article, DateMention, Found
from .date_anaphora import resolve_frames
from .date_grammar import MONTH_STEM, Candidate, find, month_number
from .date_resolve import Resolved, resolve, with_time
from .date_tense import clause_tense, reported_backshift
from .doc_memo import entity_spans

log = logging.getLogger(__name__)

_MONTH_CUES = frozenset(
    "in since until till by from through throughout during before after between of "
    "early late mid last next this past coming end beginning start middle ending".split())
_YEAR_CUES = _MONTH_CUES | frozenset("and or to as year years fiscal circa c. around about spring summer autumn "
                                     "fall winter".split())
_NAME_MONTHS = frozenset("april may june august march".split())
_MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\b(?:\s+\d{1,2})?,?\s+(?:to|and|or|through|until|till|-|–)\s+$")
_SET_FOR = re.compile(r"\b(?:set|scheduled|slated|planned|penciled|pencilled|fixed)\s+for\s+$", re.I)
_AHEAD = re.compile(r"\b(?:ahead of|in the run-up to|in the lead-up to|in preparation for)\s+(?:the\s+|this\s+)?$",
                    re.I)
_SINCE = re.compile(r"\bsince\s+$", re.I)
_AS_SOON_AS = re.compile(r"\bas\s+(?:soon|early|late)\s+as\s+$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|til|through|by|before)\s+$", re.I)
_UNTIL_STATE = re.compile(r"\b(?:until|till|til|through)\s+$", re.I)
_FORWARD_KINDS = frozenset("weekday mdy dmy mday".split())
_MDAY_CUES = frozenset("on by until till since from before after through and or to between".split())
_MDAY_OF = re.compile(r"\b(?:night|morning|afternoon|evening|hours|eve)\s+of\s+$", re.I)
_AGE_WORDS = frozenset("aged age ages".split())
_BARE_UNIT_CUES = frozenset("for over within take takes took taking last lasted lasting spent spend "
                            "spending wait waited waiting in".split())
_BARE_UNIT_AFTER = frozenset("before after later earlier".split())
_CLOCK_CUES = frozenset("at by until till from before after around about to and than since".split())
_NAME_KINDS = frozenset("month weekday holiday".split())
_NAME_LABELS = frozenset("PERSON ORG NORP FAC GPE LOC PRODUCT WORK_OF_ART LAW".split())
_DAY_KINDS = frozenset("iso ymd mdy dmy mday weekday relday reldp".split())
_TIME_KINDS = frozenset("time clock noon".split())
_FULL_KINDS = frozenset("iso ymd numeric mdy dmy".split())
_DAY_WORD_END = re.compile(r"(?i)(?:day|night|morning|afternoon|evening|tonight|tomorrow|yesterday)$")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'’ -]{1,30})?,?[ \t]*\(?$")
# what follows the dateline's date; not a range's second day ("March 30-31", "March 30-April 2")
_DATELINE_AFTER = re.compile(r"^(?:,?[ \t]*\d{4})?[ \t]*\)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*|/[^/\n]{1,40}/[ \t]*)?"
                             r"(?:[-–—:](?!\d|(?i:" + MONTH_STEM + r")\s*\d))")


def parse_published(value: str | None) -> dt.date | None:
    """The calendar day of a ``published`` string (ISO date/datetime or RFC 2822), else None."""
    if not value:
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed:
        return parsed.date()
    # other spellings ("Sept. 17, 2015", "17/09/2015"): our own grammar reads them
    for c in find(text):
        if c.kind in _FULL_KINDS and (c.kind not in ("mdy", "dmy") or c.get("y")):
            r = resolve(c, None, None)
            if r and r.value and len(r.value) == 10:
                return dt.date.fromisoformat(r.value)
    log.debug("unreadable published date %r", value)
    return None


_URL_DAY = re.compile(r"(?<![0-9a-z])((?:19|20)[0-9]{2})(?:([/_.-])([01]?[0-9]|[a-z]{3,9})([/_.-])([0-3]?[0-9])"
                      r"|([01][0-9])([0-3][0-9]))(?![0-9a-z])", re.I)


def url_day(url: str | None) -> dt.date | None:
    """The calendar day a page's address names ("/2021/03/04/", "/2021-03-04-", "/2021/mar/04/",
    "-20210304-"), else None: the day many sites file a page under, kept when the page is updated.

    Only the path counts (never the host), only a month and day of two digits (or a month's name, or
    one digit as a folder of its own: "/2021/3/4/") and only a real date; "/2021/03/04-dead-in-..."
    is a year and month before a headline that starts with a number, and an address naming two
    different days names none.
    """
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.I)
    days = set()
    for m in _URL_DAY.finditer(path):
        month, day = m.group(3) or m.group(6), m.group(5) or m.group(7)
        if m.group(4) and m.group(4) != "-" and path.startswith("-", m.end()):
            continue
        if (len(month) == 1 or len(day) == 1) and not (
                m.group(2) == m.group(4) == "/" and path[m.end():m.end() + 1] in ("", "/")):
            continue  # "/2021/3/4/" is a day; "/2021/03/4-dead-..." a month and a headline
        if month.isdigit():
            month_no = int(month)
        else:
            try:
                month_no = month_number(month if len(month) > 4 else month[:3])
            except KeyError:
                continue
        try:
            days.add(dt.date(int(m.group(1)), month_no, int(day)))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


def published_time(value: str) -> dt.datetime | None:
    """The moment an ISO 8601 ``published`` datetime names, in UTC when it carries an offset; None when
    ``value`` is not an ISO datetime (an ISO date alone reads as its midnight, without an offset).

    Times of two reports compare only on one clock ("09:00+02:00" came before "08:00Z"). A time
    without an offset stays naive: its zone is unknown, and a guessed one could reorder it.
    """
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is None else when.astimezone(dt.timezone.utc)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z.]+)[^A-Za-z\n]{0,3}$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _in_ents(c: Candidate, ents: list[tuple[int, int]]) -> bool:
    return any(s < c.end and c.start < e for s, e in ents)


def _token_after(doc, end: int):
    """The token right after character ``end`` (None at the end of the text)."""
    span = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    return doc[span.end]


def _holiday_tagged_as_name(c: Candidate, names: list[tuple[int, int]]) -> bool:
    """The parse named the holiday itself ("Boxing Day" tagged PERSON): the names overlapping it lie within it,
    unlike a name that goes on past it ("Christmas Island", "the Good Friday Agreement")."""
    return all(c.start <= s and e <= c.end for s, e in names if s < c.end and c.start < e)


def _plausible(c: Candidate, doc, text: str, ents: list[tuple[int, int]],
               names: list[tuple[int, int]]) -> bool:
    """Context checks the regular expressions cannot make on their own."""
    prev = _prev_word(text, c.start)
    if c.kind in _NAME_KINDS and _in_ents(c, names) and not (c.kind == "holiday" and _holiday_tagged_as_name(c, names)):
        return False  # "Theresa May", "Good Friday Agreement"
    if c.kind == "holiday":
        return bool(c.get("rel")) or prev in _MONTH_CUES or prev in ("on", "at", "over", "for", "around")
    if c.kind == "relunit" and " ".join(c.get("rel").lower().split()) == "the":
        return bool(c.get("mod")) and c.get("unit").lower() in ("year", "month", "week")
    if c.kind == "duration" and (c.get("unit") or "").lower() == "second" and \
            (c.get("num") or "").lower() in ("a", "an"):
        return False  # "a second referendum"
    if c.kind == "month":
        if c.get("mod") or c.get("rel") or prev in _MONTH_CUES:
            return True
        if _AS_SOON_AS.search(text[max(0, c.start - 20):c.start]):
            return True  # "a cut could come as soon as August"
        if c.get("mon").lower() in _NAME_MONTHS:
            # "spoke to May": a month that is also a name needs another month just before it
            return bool(_MONTH_BEFORE.search(text[max(0, c.start - 30):c.start]))
        return _in_ents(c, ents)
    if c.kind == "year":
        if c.get("mod") or c.get("fy") or c.get("range"):
            return True
        nxt = _token_after(doc, c.end)
        if nxt is not None and getattr(nxt, "tag_", "") == "NNS" and nxt.text.lower() not in ("s",):
            return False
        return prev in _YEAR_CUES or _in_ents(c, ents)
    if c.kind == "bare_duration" and not c.get("rel"):
        nxt = re.match(r"\s+([a-z]+)", text[c.end:c.end + 20])
        return prev in _BARE_UNIT_CUES or bool(nxt and nxt.group(1) in _BARE_UNIT_AFTER)
    if c.kind in ("duration", "bare_duration"):
        if prev in _AGE_WORDS or re.match(r"-(?:point|percentage)\b", text[c.end:c.end + 12]):
            return False  # "aged 40 years"; "a quarter-point rise" is a size, not a time
        num = (c.get("num") or "").replace(",", "")
        if num.isdigit() and int(num) >= 1000:
            return False
        return True
    if c.kind == "mday":
        # "on the 24th", "until the 3rd of next month"; not "the 5th floor", "on the 15th anniversary"
        if prev not in _MDAY_CUES and not _MDAY_OF.search(text[max(0, c.start - 20):c.start]):
            return False
        nxt = _token_after(doc, c.end)
        return c.get("rel") is not None or nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
    if c.kind == "clock":
        return bool(c.get("tz")) or prev in _CLOCK_CUES or _in_ents(c, ents)
    if c.kind == "ref":
        return not text.startswith("-", c.end)
    return True


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest non-overlapping candidates, earliest first (deterministic)."""
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.kind))
    taken: list[Candidate] = []
    for c in ordered:
        if all(c.end <= t.start or t.end <= c.start for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _dateline(c: Candidate, text: str) -> bool:
    """Whether a full date sits in a dateline ("WASHINGTON, Sept 16 (Reuters) -")."""
    return c.kind in ("mdy", "dmy") and in_dateline(text, c.start, c.end)


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is a dateline's, which dates the report, not what it tells;
    not a range's first day ("on June 29-30")."""
    return start <= 400 and bool(_DATELINE_BEFORE.search(text[max(0, start - 60):start])
                                 and _DATELINE_AFTER.match(text[end:end + 50]))


def _anchor(article: Article, chosen: list[Candidate], text: str,
            tenses: dict[int, str | None]) -> tuple[dt.date | None, str | None]:
    published = parse_published(article.published)
    if published is not None:
        # a wire story's dateline is the day it was filed; a timestamp may be a day or two later
        for c in chosen:
            if _dateline(c, text):
                r = resolve(c, published, "past")
                if r and r.value and len(r.value) == 10:
                    filed = dt.date.fromisoformat(r.value)
                    if published - dt.timedelta(days=3) <= filed < published:
                        return filed, "dateline"
                break
        return published, "published"
    for c in chosen:
        if _dateline(c, text) and c.get("y"):
            r = resolve(c, None, None)
            if r and r.value:
                return dt.date.fromisoformat(r.value), "dateline"
    latest: dt.date | None = None
    for c in chosen:
        if c.kind in _FULL_KINDS and (c.kind != "mdy" and c.kind != "dmy" or c.get("y")) \
                and tenses.get(c.start) != "future":
            r = resolve(c, None, None)
            if r and r.value and len(r.value) == 10:
                d = dt.date.fromisoformat(r.value)
                latest = d if latest is None or d > latest else latest
    return (latest, "text") if latest else (None, None)


_COORDINATED = re.compile(r",?\s+(?:and|or|to|through)\s+(?:on\s+|early\s+|late\s+)?|\s*[-–]\s*")
_COORDINATED_KINDS = frozenset("weekday relday reldp mdy dmy mday".split())


def _coordinated(chosen: list[Candidate], text: str, tenses: dict[int, str | None]) -> dict[int, str | None]:
    """``tenses`` with the second of two coordinated days told in the first one's tense.

    "will be sworn in Wednesday or Thursday", "talks on Monday and Tuesday": both days hang on one
    verb, but the parse hangs the second on the first (a noun), which leaves its tense open.
    """
    out = dict(tenses)
    for prev, c in zip(chosen, chosen[1:]):
        if (prev.kind in _COORDINATED_KINDS and c.kind in _COORDINATED_KINDS and out.get(prev.start) is not None
                and _COORDINATED.fullmatch(text, prev.end, c.start)):
            out[c.start] = out[prev.start]
    return out


def _set_for(c: Candidate, tense: str | None) -> str | None:
    """The tense of a day something is "set/scheduled for": a plan told now lies ahead ("elections are set
    for Sunday"); one told in the past ("the vote, set for Oct. 12, was delayed"), or a calendar day
    however told, is the nearer reading (planned from some day for a day near it)."""
    if tense in ("present", "present_simple"):
        return "future"
    if tense == "future" and c.kind not in ("mdy", "dmy", "mday"):
        return tense
    return "near"


_HEADING_AFTER = re.compile(r"[ \t]*(?:[:\u2013\u2014]|-(?=\s))")


def _entry_heading(c: Candidate, text: str) -> bool:
    """Does the weekday head an entry of its own line ("Friday: ...", "Friday - ...")?"""
    if c.kind != "weekday" or text[text.rfind("\n", 0, c.start) + 1:c.start].strip():
        return False
    return bool(_HEADING_AFTER.match(text, c.end))


def limit_before(text: str, start: int) -> bool:
    """Whether the expression at ``start`` follows a limit word ("until", "till", "through", "by", "before")."""
    return bool(_UNTIL.search(text[max(0, start - 12):start]))


def _ends_ahead(c: Candidate, text: str, doc, tense: str | None) -> bool:
    """Whether a day after "until", "by", "before" ... is the end of something still running.

    "Schools stay closed until Thursday", "a decision is due by Friday": unless
    the clause is told in the past, the limit lies ahead of the report. A past
    clause keeps its past ("the road stayed shut until Monday"), except a state
    reported in the past by a reporting verb ("the minister said protests were
    banned until Thursday" reports "are banned"). The day must be a weekday or a
    year-less date, not a possessive ("by Friday's blast" names what did it).
    """
    if c.kind not in _FORWARD_KINDS or c.get("rel") or c.get("y") or text.startswith(("'s", "’s"), c.end):
        return False
    if not limit_before(text, c.start):
        return False
    if tense != "past":
        return True
    return bool(_UNTIL_STATE.search(text[max(0, c.start - 12):c.start])) and reported_backshift(doc, c.start, c.end)


def _as_set(c: Candidate, text: str, doc) -> bool:
    """ "$3 billion a year", "twice a day": a rate, not a duration."""
    if c.kind != "duration" or (c.get("num") or "").lower() not in ("a", "an", "per") or c.get("rel"):
        return False
    if re.match(r"\s+(?:earlier|later|before|after|ago)\b", text[c.end:c.end + 12]):
        return False  # "a year earlier" is a shift, not a rate
    before = text[max(0, c.start - 25):c.start].lower()
    return bool(re.search(r"(once|twice|times|\d|million|billion|percent|%|\bper)\W*$", before))


def extract(doc, article: Article, found: Found) -> list[DateMention]:
    """Date mentions of one article, resolved against its publication date.

    Args:
        doc: the parsed article (spaCy ``Doc`` of ``article.text``), read only.
        article: the article; ``published`` anchors relative expressions.
        found: earlier extractors' facts (unused: dates need only the parse).

    Returns:
        ``DateMention`` records sorted by span start.
    """
    text = article.text
    ents = [(e.start_char, e.end_char) for e in entity_spans(doc) if e.label_ in ("DATE", "TIME")]
    names = [(e.start_char, e.end_char) for e in entity_spans(doc) if e.label_ in _NAME_LABELS]
    cands = [c for c in find(text) if _plausible(c, doc, text, ents, names)]
    chosen = _select(cands)
    tenses = _coordinated(chosen, text, {c.start: clause_tense(doc, c.start, c.end) for c in chosen})
    anchor, anchor_from = _anchor(article, chosen, text, tenses)
    resolved: list[tuple[Candidate, Resolved]] = []
    used: dict[int, str | None] = {}
    for c in chosen:
        tense = "past" if _dateline(c, text) else tenses.get(c.start)
        if _SINCE.search(text[max(0, c.start - 8):c.start]) and c.kind in _FORWARD_KINDS:
            tense = "past"  # "searching since Monday": a day something runs from lies before the report
        elif _AHEAD.search(text[max(0, c.start - 30):c.start]):
            tense = "future"  # "shares rose ahead of Friday's jobs report"
        elif _SET_FOR.search(text[max(0, c.start - 20):c.start]):
            tense = _set_for(c, tense)
        elif _ends_ahead(c, text, doc, tense):
            tense = "future"  # "demonstrations are banned until Thursday"
        elif tense == "present_simple" and _entry_heading(c, text):
            tense = "present"  # a live-blog entry "Friday: The death toll rises to 14." tells that day, in the
            # historical present of news; it is the latest such day, not the next
        used[c.start] = tense
        r = resolve(c, anchor, tense)
        if r is None:
            continue
        if _as_set(c, text, doc):
            r = Resolved(None, "other", "SET", r.timex_value)
        resolved.append((c, r))
    published = parse_published(article.published)
    dateline = next((c.start for c in chosen if _dateline(c, text)), None)
    out = []
    for s, e, r in _join_times(resolved, text):
        if r.granularity == "day" and text[e:e + 2] in ("'s", "’s") and _DAY_WORD_END.search(text, s, e):
            e += 2  # "Thursday's vote": the possessive is part of the expression (one day, as written)
        base, base_from = (anchor, anchor_from) if r.relative else (None, None)
        if s == dateline and base_from == "dateline":
            base, base_from = published, "published"  # the dateline itself was read against publication
        out.append(DateMention(text=text[s:e], span=(s, e), value=r.value, granularity=r.granularity,
                               anchor=base.isoformat() if base else None, anchor_from=base_from if base else None,
                               timex_type=r.timex_type, timex_value=r.timex_value,
                               tense=(used.get(s) or "none") if anchor is None and r.value is None else None))
    return list(resolve_frames(text, out))


def reresolve(mention: DateMention, anchor: dt.date, anchor_from: str) -> DateMention | None:
    """``mention`` resolved against ``anchor`` (a date its story establishes), or None if it cannot be.

    Used for the expressions of an article without a publication date once its
    story is known: they were found and their clause tense kept (``tense``) at
    extraction, only the anchor was missing (the caller passes only mentions
    left without a value: "Tuesday, March 22" needs the anchor's year too).
    """
    tense = None if mention.tense in (None, "none") else mention.tense
    cands = _select(find(mention.text))
    if not cands:
        return None
    resolved = [(c, r) for c in cands if (r := _resolved_near(c, anchor, tense)) is not None]
    if not resolved:
        return None
    joined = _join_times(resolved, mention.text)
    s, e, r = max(joined, key=lambda t: (t[2].granularity == "day", t[1] - t[0]))
    if r.value is None:
        return None
    return dataclasses.replace(mention, value=r.value, granularity=r.granularity, anchor=anchor.isoformat(),
                               anchor_from=anchor_from, timex_type=r.timex_type, timex_value=r.timex_value)


_INFERRED_SLACK = 31
"""Days an inferred anchor may be off the page's own day: a year-less calendar day this near it is that day."""


def _resolved_near(c: Candidate, anchor: dt.date, tense: str | None) -> Resolved | None:
    """``c`` resolved against an anchor a story inferred: a year-less calendar day ("March 25") within
    a month of the anchor is that occurrence, whatever side of the anchor the clause tense asks for.

    An inferred anchor is the story's day, not the page's, and the page may be days later: "the
    mayor promised a vote on March 25", anchored on the story's March 18, is a day of the coming
    week, and the report may well have been written after it; tense is no reason to move it a year.
    A day further off still follows the tense ("repairs begin on Dec. 9", told in March).
    """
    r = resolve(c, anchor, tense)
    if (r is None or tense is None or c.kind not in ("mdy", "dmy") or c.get("y") or c.get("wd")
            or not r.value or len(r.value) < 10):
        return r
    near = resolve(c, anchor, None)
    if near is not None and near.value and abs((dt.date.fromisoformat(near.value[:10]) - anchor).days) \
            <= _INFERRED_SLACK:
        return near
    return r


def _join_times(resolved: list[tuple[Candidate, Resolved]], text: str) -> list[tuple[int, int, Resolved]]:
    """Clock times take the day beside them.

    "15:00 GMT Saturday" becomes one expression; in "8 p.m. on Sunday" and
    "Sunday at 8 p.m." the two stay apart (as TimeML marks them) but the time
    gets Sunday's date instead of the anchor's.
    """
    out: list[tuple[int, int, Resolved, str]] = []
    for c, r in resolved:
        if out and _adjacent(text, out[-1][1], c.start):
            ps, pe, pr, pk = out[-1]
            if c.kind in _TIME_KINDS and pk in _DAY_KINDS and pr.granularity == "day":
                out[-1] = (ps, c.end, with_time(pr, r), pk)
                continue
            if pk in _TIME_KINDS and c.kind in _DAY_KINDS and r.granularity == "day":
                out[-1] = (ps, c.end, with_time(r, pr), c.kind)
                continue
        out.append((c.start, c.end, r, c.kind))
    for i, (s, e, r, k) in enumerate(out):
        if k not in _TIME_KINDS:
            continue
        day = None
        if i + 1 < len(out) and out[i + 1][3] in _DAY_KINDS and re.fullmatch(r"\s*(?:\([^()]{1,25}\)\s*)?(?:on|of)\s+", text[e:out[i + 1][0]]):
            day = out[i + 1][2]
        elif i and out[i - 1][3] in _DAY_KINDS and re.fullmatch(r",?\s*(?:at|from|by|until)\s+", text[out[i - 1][1]:s]):
            day = out[i - 1][2]
        if day is not None and day.value and day.granularity == "day":
            out[i] = (s, e, Resolved(day.value, "day", "TIME", with_time(day, r).timex_value, day.relative), k)
    return [(s, e, r) for s, e, r, _ in out]


def _adjacent(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return 0 < len(gap) <= 2 and gap.strip(" ,") == ""
