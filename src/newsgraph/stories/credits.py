"""Wire credit lines: which agency an article says its text comes from, and where it says so.

Outlets that carry wire copy credit it in a handful of shapes and places: in the
dateline ("SEOUL, South Korea (AP) —", "London (AFP) -", "LONDON, (APP/AFP) –"),
on a line of its own at the top or the bottom ("The Associated Press", "ASSOCIATED PRESS", "- AFP",
"Source – Reuters", "Credit : Voice of America (VOA)", "Published By: VOA Africa", "Published via PTI",
"Xinhua | Updated: 2017-03-10", "IANS | New Delhi", "AFP, 10 March 2017", a page's field label "Author:
AFP"; an outlet that sells its text alone on the last line, "BBC"), opening the text with a dash
("Reuters - The talks ...") or after the dateline's comma ("TEHRAN, May 3, IRNA --"),
as the last word of the text ("... the attacks. AFP", "... the attacks (ANSA)."), after a dash closing any paragraph but the first ("... the
attacks. — Reuters", then the outlet's own lines), in brackets at the start or the
end ("(AA) The talks ...", "... the talks. (TNS)", also above page furniture, "[AFP]"), as the outlet's
edit of one agency's text ("(With inputs from PTI)", "(With PTI inputs)", "— With AFP", "(FRANCE 24 with
AFP)"; not "with inputs from agencies", which names no one original), in a byline ("By Jane Roe,
Associated Press", "By JANE ROE Associated Press", "Jane Roe and John Doe / USA Today", a desk line
under the name, "AP Business Writer"), in a copyright line ("© 2016 AFP"), a provenance note ("This
story was provided by Reuters", "republished from The Conversation", "Originally published on bbc.co.uk",
"Published by X with permission from ANI") or the wire's footer naming its writers ("Associated Press
writer Jane Roe contributed to this report", "... contributed from Lima"; Reuters' trailer "(Reporting by
Jane Roe; Editing by John Doe)", with its brackets or without, or with commas in brackets; a line listing
agencies, "AFP, REUTERS", names no one original; "The Associated Press contributed to
this report" is an outlet's own story using wire material, and does not count). An article that only
*cites* an agency ("told Reuters", "AFP reported") is not a copy of it, so those
phrases do not count, nor does a photo's credit ("Jane Roe/Reuters", "AFP/Getty Images", a caption
closing in "(AFP)" above the text); "was quoted by IANS as saying", the house phrase of wire
copy reprinted whole, does, and so does the one agency a text names when its outlet notes that the text
is unedited wire copy ("published from a wire agency feed") without naming the wire.

The agency names come from ``wire_agencies.tsv`` (the world's wire services and
their usual short forms), never from any one corpus. Its ``outlet`` rows name the
newspapers and broadcasters that sell their text to others; a bare mention of
those is common ("CNN reported"), so they count only in explicit credits (a cue
word, a byline, a copyright line, a provenance note, a bracketed dateline); so do
its ``short`` rows, abbreviations common in other senses ("AA").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..extract.date_grammar import MONTH_STEM
from ..lexicons import load_rows
from .wire_footers import house_footer

_DASH = r"(?:-{1,2}|[—–])"
_CUE = re.compile(
    r"^\W{0,3}(?:(?:source|sources|credit|credits|courtesy(?: of)?|(?:posted|filed)\s+by|"
    r"(?:(?:originally|first)\s+)?(?:published|distributed|syndicated|written)\s+(?:by|via)|"
    r"(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at)|"
    r"(?:story|report|article|content|words)\s+(?:by|from)|"
    r"re(?:printed|published|produced)(?:\s+with\s+(?:kind\s+)?permission)?\s+(?:from|of|by)|"
    r"from|via|by|copyright|photo and text|text)\b|©|"
    # a page's field label, which names the agency only with its colon ("Author: AFP", not "Agency reports")
    r"(?:authors?|(?:news\s+)?agency|wire(?:\s+service)?|story|report)\s*:)"
    r"\s*[:\-—–]?\s*(?:©\s*)?(?:\d{4}\b\s*,?\s*)?(?:the\s+)?",
    re.IGNORECASE)
_PHOTO = re.compile(r"\b(?:photo|photos|photograph|image|picture|video|file|graphic)\b", re.IGNORECASE)
_URL = re.compile(r"\s*(?:https?://|www\.)\S+")
_TAIL_WORDS = frozenset("news service wire staff agency today africa online english world reports report "
                        "and writers writer correspondents correspondent editorial international".split())
_MAX_LINE = 90
_MONTH = MONTH_STEM + r"\s"
_DATE_STAMP = re.compile(r"(?:\s*[|·•]|\s+/|,(?=\s*(?:\d{1,2}\s+)?" + _MONTH + r"|\s*\d{4}-\d\d-\d\d))\s*"
                         r"(?:(?:updated|published|posted|last updated)\s*:?\s*)?"
                         r"(?=[^|·•]*\d)[\w ,:./+-]*$", re.IGNORECASE)
"""A date stamp after a bar, a spaced slash or a comma closing a credit line or a byline ("Xinhua | Updated:
2017-03-10 09:12", "Associated Press / June 24, 2016", "AFP, 10 March 2017", "By Jane Roe | AFP | June 24,
2016")."""


_PLACE_STAMP = re.compile(r"\s*\|\s*[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}\s*$")
"""A place after a bar closing a credit line ("IANS | New Delhi", "Press Trust of India | Lima, Peru"): the
dateline set beside the agency in a page's byline."""


@functools.lru_cache(maxsize=1)
def _desk_initials() -> re.Pattern:
    """A last line of an agency's name and its desk's initials in capitals ("PTI ABC XYZ", "--IANS SRS")."""
    return re.compile(rf"\W{{0,3}}(?P<n>{_agencies()})(?:\s+[A-Z]{{2,4}}){{1,4}}\s*$")


class Credit(NamedTuple):
    """A credit: the canonical agency name and the ``[start, end)`` span of the credit in the text.

    ``field`` names the article field the credit was read from instead of the text
    (``"author"``: the byline the page declared; ``"title"``); ``span`` then indexes that field.
    ``dateline`` is true for the wire's own dateline opening a paragraph ("LIMA (AP) —", "Reuters -
    The talks"): the agency's text as it issued it, which an outlet re-editing the text drops, where a
    credit line ("Source: Reuters", "— AFP") is the carrying outlet's note.
    """

    agency: str
    span: tuple[int, int]
    field: str | None = None
    dateline: bool = False


def _alternation(aliases) -> str:
    return "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _agencies() -> str:
    """A regex alternation of every wire agency alias (the lexicon's "agency" kind), longest first."""
    return _alternation(r.alias for r in load_rows("wire_agencies.tsv") if r.kind == "agency")


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Agency patterns: bracketed credits (every name), a bare agency alias, every alias's name."""
    names = {r.alias: r.name for r in load_rows("wire_agencies.tsv")}
    agencies = _agencies()
    # "(AP) —", "(APP/AFP) –", "(CNN) —", "(AA)", "[AFP]", TASS's "/TASS/": only credited names and
    # separators inside the brackets; TASS's slashes stand apart ("Jane Roe/AFP/Getty Images" credits a photo)
    inner = rf"(?:\s*(?:{_alternation(names)})\s*[/,&-]?\s*)+"
    paren = re.compile(rf"\({inner}\)|\[{inner}\]|(?<![\w/])/(?:{agencies})/")
    alias = re.compile(rf"(?<![\w-])(?:{agencies})(?![\w-])")
    return paren, alias, names


@functools.lru_cache(maxsize=1)
def _shouted() -> re.Pattern:
    """A bare agency alias in any letter case, for lines set wholly in capitals ("ASSOCIATED PRESS")."""
    return re.compile(rf"(?<![\w-])(?:{_agencies()})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _explicit() -> tuple[re.Pattern, ...]:
    """Patterns of explicit credits, which may name an outlet as well as an agency."""
    rows = load_rows("wire_agencies.tsv")
    alt = _alternation(r.alias for r in rows)
    any_alias = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    name = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da|la|le))*"
    # a slash joins the writer and the agency with a space ("Jane Roe / USA Today"); unspaced it is a photo's
    # credit, the photographer's name and the agency ("Jane Roe/Reuters", "Photograph: Jane Roe/AP")
    byline = re.compile(
        rf"^\W{{0,3}}(?:by\s+)?{name}(?:\s*(?:,|\band\b|&)\s*{name})*\s*(?:,|\||\s/|/\s|{_DASH}|\bfor\b)\s*"
        rf"(?:the\s+)?(?P<n>{alt})(?![\w-])[\s\w]{{0,30}}$", re.IGNORECASE)
    # "By Jane Roe Associated Press", "BY JANE ROE THE ASSOCIATED PRESS": no separator, so the names must
    # look like names (capitalised, not IGNORECASE) and nothing but house words may follow the agency
    bare_name = r"(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da|la|le)"
    tail = "|".join(sorted(_TAIL_WORDS))
    byline_bare = re.compile(
        rf"^\W{{0,3}}(?:By|BY)\s+{bare_name}(?:\s+{bare_name})*?(?:\s*(?:,|\band\b|\bAND\b|&)\s*"
        rf"{bare_name}(?:\s+{bare_name})*?)*\s+(?:(?:the|The|THE)\s+)?(?P<n>(?i:{alt}))(?![\w-])"
        rf"(?:\s+(?i:{tail}))*\s*$")
    # "c.2017 New York Times News Service": the news services' own copyright mark
    copyright = re.compile(rf"(?:©|\(c\)|\bcopyright\b|\bc\.(?=\s?\d{{4}}\b))\s*(?:©\s*)?(?:\d{{4}}\b\s*,?\s*)?"
                           rf"(?:by\s+)?(?:the\s+)?"
                           rf"(?P<n>{alt})(?![\w-])", re.IGNORECASE)
    # "This story was provided by Reuters", "This article appeared in The Washington Post" (but "the report
    # appeared on Reuters" in running text only cites it), "Published by X Digital with permission from ANI" (a
    # reprint licensed whole; opening its line, not "footage ... aired with permission from Reuters" in running text)
    provided = re.compile(
        rf"(?:\b(?:(?:story|article|report|content|text|piece)\s+(?:was\s+|is\s+|has\s+been\s+)?"
        rf"(?:provided|distributed|supplied|syndicated|produced|written|republished|reproduced|"
        rf"(?:first|originally)\s+(?:published|appeared|ran))|this\s+(?:story|article)\s+appeared)"
        rf"\s+(?:by|on|in|at|from|with)|^\W{{0,3}}(?:re)?(?:published|printed|produced)\b[^\n]{{0,80}}?\bwith\s+"
        rf"(?:kind\s+)?permission\s+(?:from|of))\s+(?:the\s+)?(?P<n>{alt})(?![\w-])", re.IGNORECASE)
    # "The post Ferry capsizes on lake appeared first on Reuters.": the feed footer of the site that published
    # the text first, which a site reposting the feed keeps
    feed = re.compile(rf"\bthe post\b.{{3,300}}?\bappeared first on\s+(?:the\s+)?(?P<n>{alt})(?![\w-])",
                      re.IGNORECASE)
    # "Associated Press writer Jane Roe in Lima contributed to this report.": the wire's own footer, naming
    # its writers; an outlet's own story using wire material says "The Associated Press contributed" instead
    contributed = re.compile(
        rf"^\W{{0,3}}(?P<n>{alt})(?![\w-])\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)"
        rf"\s+[A-Z][^\n]*\bcontributed(?:\s+(?:reporting|(?:to\s+)?(?:this|the)\s+(?:report|story)|"
        rf"from\s+[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){{0,3}}))*[\s.]*$")
    # "(With inputs from PTI)", "(With PTI inputs)", "— With AFP", "(FRANCE 24 with AFP)": the outlet's edit of
    # one agency's text, the whole line (or the closing bracket of the text); several sources ("with AFP and
    # Reuters", "with inputs from agencies") name no one original
    house = r"(?-i:[A-Z][\w.'’&-]*|\d+)(?:\s+(?-i:[A-Z][\w.'’&-]*|\d+)){0,3}"  # "FRANCE 24", "The Hindu"
    with_credit = re.compile(
        rf"(?:^|(?<=[.!?\"”’])\s+)\W{{0,3}}(?:\(\s*(?:{house}\s+)?)?with\s+(?:(?:additional\s+)?inputs?\s+from\s+)?"
        rf"(?:the\s+)?(?P<n>{alt})(?![\w-])(?:\s+inputs?)?\s*\)?[\s.]*$", re.IGNORECASE)
    # "This report by The Canadian Press was first published June 2, 2024.": the wire's footer dating its
    # text, which outlets carrying the text keep
    first_published = re.compile(
        rf"\bthis\s+(?:story|article|report)\s+by\s+(?:the\s+)?(?P<n>{alt})(?![\w-])\s+was\s+"
        rf"(?:first|originally)\s+published\b", re.IGNORECASE)
    # "AP Business Writer", "Associated Press Writer", "Reuters Correspondent": the line under a writer's name
    # naming the wire's desk, a byline that names no writer on its own line
    desk = re.compile(rf"^\W{{0,3}}(?:(?i:the)\s+)?(?P<n>{alt})(?![\w-])(?:\s+[A-Z][\w&'’-]*){{0,3}}\s+"
                      rf"(?i:writers?|correspondents?|reporters?)\s*$")
    return any_alias, byline, copyright, provided, byline_bare, contributed, with_credit, feed, first_published, desk


def _canonical(alias: str) -> str | None:
    """The canonical name of an alias as written, else in any letter case."""
    return _patterns()[2].get(alias) or _folded_names().get(alias.lower())


def agency_name(source: str | None) -> str | None:
    """The canonical agency name of an outlet name ("Associated Press" -> "AP"), or None.

    Outlets that sell their text ("The Washington Post") have canonical names too,
    so that their own article is not taken for a copy of their credit.
    """
    if not source:
        return None
    for form in _source_forms(source.strip()):
        if name := _canonical(form):
            return name
    return None


_SITE_WORDS = _TAIL_WORDS | {"uk", "us", "com", "net", "online", "website", "site"}


def _source_forms(s: str) -> list[str]:
    """Spellings under which an outlet's name may be in the lexicon: as given, without "The", the site
    address's host ("https://www.reuters.com/..." -> "reuters.com", "reuters"), without trailing house words
    ("VOA News" -> "VOA", "Reuters UK" -> "Reuters")."""
    forms = [s, s.removeprefix("The ").strip()]
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", s.lower()).split("/")[0]
    if "." in host and " " not in host:
        forms += [host, host.split(".")[0]]
    words = forms[1].replace(".", " ").split()
    while len(words) > 1 and words[-1].lower() in _SITE_WORDS:
        words.pop()
        forms.append(" ".join(words))
    return forms


@functools.lru_cache(maxsize=1)
def _folded_names() -> dict[str, str]:
    """Canonical names by lower-cased alias."""
    return {a.lower(): n for a, n in _patterns()[2].items()}


def _names_in(fragment: str, *, outlets: bool = False, shouted: bool = False) -> list[str]:
    """The canonical names credited in ``fragment`` (agencies; outlets too with ``outlets``), in order;
    with ``shouted``, spelled in any letter case ("(ANTARA)", "(THE CANADIAN PRESS)")."""
    _, alias, names = _patterns()
    out: list[str] = []
    pattern = _explicit()[0] if outlets else alias
    if shouted:
        pattern = _any_case(pattern)
    for hit in pattern.finditer(fragment):
        name = _canonical(hit.group()) if shouted else names[hit.group()]
        if name not in out:
            out.append(name)
    return out


def _dateline_credit(text: str) -> Credit | None:
    """A bracketed agency at the start of a paragraph's dateline ("MEXICO CITY (AP) --", "MOSCOW, June 1. /TASS/.")."""
    for m, shouted in _bracketed(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        rest = text[m.end():]
        last = ((not rest.strip(" \t\n.") and not _names_before(text, m.start()))
                or _closes_narration(text, line_start, m))
        if m.start() - line_start > 60 and not last:
            continue  # a bracketed name in running text, not a dateline nor a closing "(TNS)"
        if not last and _caption_close(text, line_start, m):
            continue  # "Rescue crews at work. (AFP)": a photo's caption above the text credits the photo
        if ((_only_short(m.group()) or m.group().startswith("[")) and not last
                and text[line_start:m.start()].strip() and not _DASH_AFTER.match(text, m.end())):
            continue  # "(AA)", "[AFP]" are credits opening a paragraph, before a dash or closing the text only
        # "(AFP-Jiji)": two agencies joined by a hyphen, which the alias pattern's word edges do not split: the
        # wire's text as the second relays it, so listed as a slash lists them, the relay first ("Jiji/AFP",
        # like "(APP/AFP)")
        names = (_names_in(m.group(), outlets=True, shouted=shouted)
                 or _names_in(m.group().replace("-", " - "), outlets=True, shouted=shouted)[::-1])
        if len(names) > 1 and re.search(r"[,&]", m.group()):
            continue  # "(Reuters, AFP, dpa)": the outlet's own text compiled from several, no one's copy
        if names:
            line_end = text.find("\n", m.end())
            opens = bool(text[m.end():len(text) if line_end < 0 else line_end].strip(" -—–:.\t"))
            return Credit("/".join(names), m.span(), dateline=opens)
    return None


_DASH_AFTER = re.compile(r"\s*" + _DASH)
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"”’]?\s*$")


def _caption_close(text: str, line_start: int, m: re.Match) -> bool:
    """Whether a bracketed credit closes its line after a sentence ("Rescue crews at work. (AFP)"): a photo's
    caption, where a dateline credit is set after a place or a date ("LIMA (AP) —", "NEW DELHI, May 3 (PTI)")
    and opens the text it credits."""
    line_end = text.find("\n", m.end())
    if text[m.end():len(text) if line_end < 0 else line_end].strip(" \t."):
        return False
    return bool(_SENTENCE_END.search(text, line_start, m.start()))


_ATTRIBUTION_WORDS = frozenset("told to by carried quoted according said".split())
_MEDIA_NOUNS = frozenset("media outlet broadcaster television radio newspaper channel agency service wire".split())
_ATTRIBUTION_SPAN = 3
"""How many words before a bracket closing the text may attribute it ("told state media (X)")."""


def _names_before(text: str, end: int) -> bool:
    """Whether the words ending ``text[:end]`` name or attribute to a source: a bracket after them closing the
    text is that source's abbreviation ("... told the news agency (AFP).", "... told Agence France-Presse
    (AFP).", "... told state media (X).", "... carried by the official outlet (X)."), not the credit a wire
    sets before its last full stop ("... the talks (ANSA).")."""
    before = text[max(0, end - 60):end].rstrip()
    sentence = re.split(r"[.!?\"”’](?:\s|$)", before)[-1]  # "... police said. (AA)" is a credit after a sentence
    words = re.findall(r"\w+", sentence.lower())[-_ATTRIBUTION_SPAN:]
    if words and (words[-1] in _MEDIA_NOUNS or _ATTRIBUTION_WORDS.intersection(words)):
        return True
    return any(hit.end() == len(before) for hit in _explicit()[0].finditer(before))


_FURNITURE_WORDS = 12


def _closes_narration(text: str, line_start: int, m: re.Match) -> bool:
    """Whether a bracketed credit closes the text's last paragraph of narration after a sentence ("... the
    talks. (TNS)"), with only short lines below it (page furniture: "Visit us at ...", "Share this story")."""
    line_end = text.find("\n", m.end())
    if line_end < 0 or text[m.end():line_end].strip() or not re.search(r"[.!?\"”’]\s*$", text[line_start:m.start()]):
        return False
    return all(len(line.split()) <= _FURNITURE_WORDS for line in text[line_end:].splitlines())


@functools.lru_cache(maxsize=8)
def _any_case(pattern: re.Pattern) -> re.Pattern:
    """The same pattern in any letter case: a bracketed credit or a name set wholly in capitals
    (only those count: ``_bracketed``, ``_names_in``)."""
    return re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)


def _bracketed(text: str) -> list[tuple[re.Match, bool]]:
    """Bracketed credits in ``text`` in order, each with whether it is set in capitals only.

    Agencies print their own names in capitals in their datelines ("JAKARTA (ANTARA) -", "BEIJING
    (XINHUA) --", "OTTAWA (THE CANADIAN PRESS) -"), which the case-true pattern does not see; a bracket of
    capitals holding nothing but credited names is the same credit. Other letter cases ("(reuters)")
    are not taken: only the name as its owner writes it, or shouted.
    """
    found = [(m, False) for m in _patterns()[0].finditer(text)]
    taken = {m.start() for m, _ in found}
    for m in _any_case(_patterns()[0]).finditer(text):
        if m.start() not in taken and m.group() == m.group().upper() and any(c.isalpha() for c in m.group()):
            found.append((m, True))
    return sorted(found, key=lambda hit: hit[0].start())


def _only_short(bracketed: str) -> bool:
    """Whether every name in a bracketed credit is an abbreviation of the lexicon's ``short`` kind."""
    short = _short_aliases()
    return all(part in short for part in re.findall(r"[^\s()\[\]/,&-][^()\[\]/,&]*?(?=\s*[)\]/,&])", bracketed))


@functools.lru_cache(maxsize=1)
def _short_aliases() -> frozenset[str]:
    return frozenset(r.alias for r in load_rows("wire_agencies.tsv") if r.kind == "short")


def _line_credit(text: str, start: int, end: int) -> Credit | None:
    """A line that is a credit: a cue word and an agency, the agency alone, a byline, a copyright line."""
    line = text[start:end]
    explicit = _explicit_credit(text, start, end)
    if explicit:
        return explicit
    stripped = _DATE_STAMP.sub("", _URL.sub(_known_host, line)).strip()
    if (place := _PLACE_STAMP.search(stripped)) and "|" not in stripped[:place.start()] \
            and not _PHOTO.search(place.group()):  # ("Reuters | Photo" credits a picture, not the text)
        stripped = stripped[:place.start()]  # "IANS | New Delhi": the agency, then the dateline's place
    if not stripped or len(stripped) > _MAX_LINE:
        return None
    cue = _CUE.match(stripped)
    rest = stripped[cue.end():] if cue else stripped.lstrip("-—–•=~ ").strip()  # "==Kyodo" closes Kyodo's copy
    bare = cue is None or cue.group().strip(" :-—–").lower() == "via"
    _, alias, names = _patterns()
    if rest.isupper() and (bare or not _explicit()[0].match(rest)):
        alias = _shouted()  # "ASSOCIATED PRESS", "SOURCE: REUTERS": a line set in capitals (not "Source: NPR")
    m = (alias if bare or alias is _shouted() else _explicit()[0]).match(rest)
    if m is None:
        return None
    found = _names_in(rest, outlets=not bare, shouted=alias is _shouted())  # "AFP, REUTERS" names two
    if bare:
        # without a cue, the line must be the agency's name and nothing but house words
        words = re.findall(r"[^\W\d_]+", alias.sub(" ", rest))
        if any(w.lower() not in _TAIL_WORDS for w in words):
            return None
    if len(found) != 1 and (cue is None or "&" in rest or " and " in rest or "," in rest):
        return None  # "(Via CNN & Reuters)", "Sources: AFP, Reuters": compiled from several, no one's copy
    offset = text.find(m.group(), start)
    return Credit(_canonical(m.group()), (offset, offset + len(m.group())))


def _cued_credit(text: str, start: int, end: int) -> Credit | None:
    """A credit line opened by a cue word that only credits ("Source: AFP", "Credit: Reuters", "Published by
    VOA"), not by a bare name or a word of running text ("From Reuters reports ...")."""
    cue = _CUE.match(text[start:end].strip())
    word = re.sub(r"[\W\d_]+", " ", cue.group()).strip().lower() if cue else ""
    return _line_credit(text, start, end) if word not in ("", "via", "from", "by", "text", "the") else None


_FIELD = re.compile(r"\s*(?:[A-Z][\w ]{0,20}:\s*\S.*|(?=[^\d]*\d)[\w ,:./+-]+)\s*$")
"""A page field set between bars: a labelled value ("Editor: Jane Roe") or a date stamp ("2017-03-10 09:12")."""


def _field_credit(text: str, start: int, end: int) -> Credit | None:
    """A credit among a page's fields set on one line between bars ("Editor: Jane Roe | Source: Xinhua"), or
    the agency alone among fields that are all labelled values or date stamps ("Xinhua | 2017-03-10 09:12 |
    Editor: Jane Roe"), not among a page's menu ("Home | World | Reuters")."""
    parts = text[start:end].split("|")
    fields = sum(bool(_FIELD.match(part)) for part in parts)
    pos = start
    for part in parts:
        lead = len(part) - len(part.lstrip())
        if part.strip() and (_CUE.match(part.strip()) or (len(parts) > 1 and fields == len(parts) - 1
                                                          and not _FIELD.match(part))):
            if credit := _line_credit(text, pos + lead, pos + len(part)):
                return credit
        pos += len(part) + 1
    return None


def _known_host(url: re.Match) -> str:
    """A link in a credit line as its host when the host is a credited name ("Source:
    https://www.reuters.com/world/..." reads "Source: reuters.com"), else nothing (a feed's or a
    shortener's link names no one)."""
    host = re.match(r"\s*(?:https?://)?(?:www\.)?([^/\s?#]+)", url.group()).group(1).lower().rstrip(".")
    return " " + host if host in _patterns()[2] else ""


def _explicit_credit(text: str, start: int, end: int) -> Credit | None:
    """A byline naming the agency or outlet, a copyright line, or a provenance note, on one line."""
    _, byline, copyright, provided, byline_bare, contributed, with_credit, feed, first_published, desk = _explicit()
    line = text[start:end]
    stripped = line.strip()
    hit = None
    if len(stripped) <= _MAX_LINE and not _PHOTO.search(stripped):
        undated = _DATE_STAMP.sub("", stripped)  # "By Jane Roe | AFP | June 24, 2016": the byline before the date
        hit = byline.match(undated) or byline_bare.match(undated) or with_credit.match(stripped)
        if hit is not None and hit.re in (byline, byline_bare) and (pair := _listed(undated, hit)) is not None:
            lead = len(line) - len(line.lstrip())
            return pair and Credit(pair[0], (start + lead + pair[1][0], start + lead + pair[1][1]))
    if hit is None and (hit := copyright.search(line)) and _PHOTO.search(line, 0, hit.start()):
        hit = None  # "Image copyright Reuters", "Photo © AFP": the picture's credit, not the text's
    if (note := provided.search(line)) and _PHOTO.search(line, 0, note.start("n")):
        note = None  # "Photo reprinted with permission from AFP": the picture's
    hit = (hit or note or first_published.search(line) or contributed.match(stripped)
           or desk.match(stripped) or feed.search(line))
    if hit is None:
        return None
    name = _canonical(hit.group("n"))
    if name is None:
        return None
    lead = len(line) - len(line.lstrip()) if hit.re in (byline, byline_bare, contributed, with_credit, desk) else 0
    offset = start + lead + hit.start("n")
    return Credit(name, (offset, offset + len(hit.group("n"))))


def _listed(line: str, hit: re.Match) -> tuple[str, tuple[int, int]] | bool | None:
    """What a byline whose writers' part names an agency is ("AFP, REUTERS", "Kyodo, AFP-JIJI"): False for
    agencies listed (compiled from several, no one's copy), the relay and its span for two joined by a
    hyphen ("AFP-JIJI": Jiji carries AFP's text, named "Jiji/AFP" like "(APP/AFP)"); None for a writer's name."""
    writers = line[:hit.start("n")]
    pattern = _any_case(_explicit()[0]) if writers.isupper() else _explicit()[0]
    if re.sub(r"(?i)\b(?:by|and)\b|[\W_]", "", pattern.sub(" ", writers.replace("-", " "))):
        return None  # a writer's name ("BY MENA ROE, REUTERS" names a writer and the wire)
    names = _names_in(writers.replace("-", " "), outlets=True, shouted=writers.isupper())
    if not names:
        return None
    first = re.fullmatch(r"(\W{0,3})[^\W_]+-", writers)
    if first is None or len(names) != 1:
        return False
    return f"{_canonical(hit.group('n'))}/{names[0]}", (first.end(1), hit.end("n"))


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n"):
        if part.strip():
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _closing_outlet(text: str, start: int, end: int) -> Credit | None:
    """The last line of the text when it is an outlet's name and nothing else ("BBC", "— CNN"): a
    credit line, where the same name in running text ("CNN reported") would only cite the outlet."""
    line = text[start:end].strip().lstrip("-—–•").strip().rstrip(".")
    if len(text) - len(line) < 200:
        return None  # a text of one line or two is a headline or a teaser, not a credited article
    m = _explicit()[0].fullmatch(line)
    if m is None:
        return None
    offset = text.rfind(line, start, end + 1)
    return Credit(_patterns()[2][m.group()], (offset, offset + len(line)))


@functools.lru_cache(maxsize=1)
def _opening_agency() -> re.Pattern:
    """A wire agency and a dash opening the text, a dateline without a place ("Reuters - The talks ...") or
    after one, between dashes ("GENEVA — AFP — The talks ...", "LIMA, Peru - Reuters - ...") or after a comma
    without brackets ("TEHRAN, March 3, IRNA -- The talks ...", "SYDNEY, AAP - ...")."""
    place = r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z0-9][\w.'’-]*){0,4}"
    return re.compile(rf"\s*(?:{place}\s*(?:{_DASH}|,)\s*)?(?P<n>{_agencies()})\s*{_DASH}\s+(?=[A-Z“\"])")


@functools.lru_cache(maxsize=1)
def _dash_close() -> re.Pattern:
    """A dash and a wire agency closing a paragraph or standing as a line of its own ("... the talks. — Reuters",
    "- AFP"), wherever in the text: an outlet may carry a paragraph of its own or page furniture past the
    wire's credit."""
    return re.compile(rf"(?:^|(?<=[.!?\"”’)]))[ \t]*{_DASH}[ \t]*(?P<n>{_agencies()})[ \t]*\.?[ \t]*$", re.MULTILINE)


_WIRE_FEED = re.compile(
    r"\b(?:(?:published|generated|taken|sourced|carried)\s+(?:as\s+it\s+is\s+)?from\s+(?:a|an|the)\s+"
    r"(?:(?:wire|news)\s+)?(?:agency|syndicated|wire|news\s+agency)\s+(?:feed|copy|service)|"
    r"auto-generated\s+from\s+(?:(?:a|the)\s+)?(?:syndicated|(?:news\s+)?agency|wire)\s+(?:news\s+)?feeds?)\b",
    re.IGNORECASE)
"""An outlet's note that the text is wire copy it did not edit ("This story has been published from a wire
agency feed without modifications to the text", "auto-generated from a syndicated feed", "... from news agency
feeds"), naming no agency."""


def _feed_credit(text: str) -> Credit | None:
    """The agency of a text its outlet declares wire copy without naming the wire (``_WIRE_FEED``): the one
    wire agency the text names ("the official told Reuters" is the wire speaking of itself), when it names
    exactly one; or the one the note names after its own sentence ("... from news agency feeds. Source: PTI")."""
    note = _WIRE_FEED.search(text)
    if note is None:
        return None
    _, alias, names = _patterns()
    line_end = text.find("\n", note.end())
    if m := re.search(r"[.)]\s+source\s*[:\-–—]\s*", text[note.end():len(text) if line_end < 0 else line_end], re.I):
        start = note.end() + m.end()
        named = alias.match(text, start)
        return Credit(names[named.group()], named.span()) if named else None
    found = {names[hit.group()] for hit in alias.finditer(text)}
    if len(found) != 1:
        return None
    return Credit(found.pop(), note.span())


_LAST_WORD = re.compile(r"[.!?\"”’)]\s+" + _DASH + r"?\s*([A-Za-z][\w&/ -]{0,30}?)\s*\.?\s*$")
"""A name closing the last paragraph ("... the talks. AFP", "... the talks. dpa": an agency may write its
name in lower case)."""
_QUOTED_BY = re.compile(r"\bquoted by (?:the\s+)?$")


def find_credit(text: str) -> Credit | None:
    """The wire credit of an article (see the module docstring for the shapes), or None.

    Example:
        >>> find_credit("SEOUL, South Korea (AP) — The court ruled on Friday.").agency
        'AP'
        >>> find_credit("The ship sank near the coast.\\n\\nSource – Reuters").agency
        'Reuters'
        >>> find_credit("Officials told Reuters the ship sank.") is None
        True
    """
    if not text:
        return None
    credit = _dateline_credit(text)
    if credit:
        return credit
    lines = _lines(text)
    for start, end in lines[:3] + lines[-3:]:
        credit = _line_credit(text, start, end) or _field_credit(text, start, end)
        if credit:
            return credit
    for start, end in lines[3:-3]:
        # between paragraphs an outlet added (its own lead, its own closing lines), a credit line with a cue or
        # a byline, never a bare name (there, a photo's credit left in the text)
        if credit := _explicit_credit(text, start, end) or _cued_credit(text, start, end):
            return credit
    if lines and (credit := _closing_outlet(text, *lines[-1])):
        return credit
    if m := _opening_agency().match(text):
        return Credit(_patterns()[2][m.group("n")], m.span("n"), dateline=True)
    if m := _dash_close().search(text, lines[1][0] if len(lines) > 1 else len(text)):
        return Credit(_patterns()[2][m.group("n")], m.span("n"))
    tail = max(0, len(text) - 120)
    m = _explicit()[6].search(text, tail)
    if m and ("(" in m.group() or "input" in m.group().lower()) and (name := _canonical(m.group("n"))):
        # "... the talks. (With inputs from PTI)", "... the talks. With inputs from PTI" closing the last paragraph
        return Credit(name, m.span("n"))
    if footer := house_footer(text):
        return Credit(*footer)  # a wire's footer that names no agency ("(Reporting by ...; Editing by ...)")
    if lines and (m := _desk_initials().match(text, *lines[-1])) and not _PHOTO.search(m.group()):
        return Credit(_patterns()[2][m.group("n")], m.span("n"))
    m = _LAST_WORD.search(text[-60:])
    if m:
        names = _names_in(m.group(1))
        if len(names) == 1 and _patterns()[1].fullmatch(m.group(1).strip()):
            start = max(0, len(text) - 60) + m.start(1)
            return Credit(names[0], (start, start + len(m.group(1).strip())))
    _, alias, names = _patterns()
    for hit in alias.finditer(text):
        if _QUOTED_BY.search(text, max(0, hit.start() - 20), hit.start()):
            return Credit(names[hit.group()], hit.span())
    return _feed_credit(text)
