"""Wire footers that name no agency: the closing lines by which a wire's text is known when a site carries it
whole ("(Reporting by Jane Roe; Editing by John Doe)", AFP's desk tags "bur-jm/dl", Bloomberg's "To contact the
reporter on this story" and "--With assistance from", Xinhua's "Enditem"). Each is one wire's house style, so
it names that wire.
"""

from __future__ import annotations

import re

_STAFF_TRAILER = re.compile(
    r"(?:\(|(?:^|(?<=[.!?\"”’])\s)\s*)(?:[^()\n;]*\b(?:reporting|writing|compiled)\s+by\b[^()\n;]*;\s*)+"
    r"[^()\n;]*\bediting\s+by\b[^()\n;.]*(?:\.[^()\n;.]*)*?\)?[\s.]*$", re.IGNORECASE | re.MULTILINE)
"""Reuters' staff trailer closing its stories, "(Reporting by Jane Roe in Lima; Editing by John Doe)", bracketed
or not (a page may drop the brackets, or set the trailer on a line of its own): the wire names no agency in
it, but no other wire closes its copy with that pair of credits joined by a semicolon, and outlets that carry
the text keep it."""


_STAFF_TRAILER_COMMAS = re.compile(
    r"\(\s*(?:reporting|writing)\s+by\b[^()\n;]*?,\s*(?:(?:additional\s+)?(?:reporting|writing)\s+by\b[^()\n;]*?,\s*)*"
    r"editing\s+by\b[^()\n;]*\)[\s.]*$", re.IGNORECASE)
"""The same trailer with commas for its semicolons, "(Reporting by Jane Roe, Editing by John Doe)": only in its
brackets closing the text, where an outlet's own credit line ("Reporting by Jane Roe, Lima") is not."""


_TRUST_FOOTER = re.compile(r"\bOur Standards\s*:\s*The Thomson Reuters Trust Principles\.?\s*$")
"""The footer of Reuters' own pages, carried along when a site copies the page whole."""


_CONTACT_FOOTER = re.compile(r"^\W{0,3}To contact the (?:reporters?|editors?) (?:on|responsible for) this story\b",
                             re.MULTILINE)
"""Bloomberg's footer naming whom to contact about the story, kept by sites that carry its text whole."""

_ASSISTANCE_FOOTER = re.compile(r"^[ \t]*(?:--|—|–)[ \t]*With assistance from [A-Z]", re.MULTILINE)
"""Bloomberg's line crediting the colleagues who helped on a story ("--With assistance from Jane Roe."), set
with its double dash above the contact lines."""

_ENDITEM = re.compile(r"(?:^|(?<=[.!?\"”’])[ \t]*)(Enditem)[ \t]*\.?\s*$", re.MULTILINE)
"""Xinhua's end mark closing its English copy ("... the talks. Enditem"), kept by sites that carry its feed."""

_AFP_TAGS = re.compile(r"[.!?\"”’]\s+((?:[a-z]{2,5}-)?[a-z]{2,5}(?:/[a-z]{2,5}){1,3})\s*$")
"""AFP's desk tags closing its copy ("... the talks. bur-jm/dl"): lower-case initials joined by slashes."""


def house_footer(text: str) -> tuple[str, tuple[int, int]] | None:
    """The wire whose house footer closes ``text``, and the footer's span, or None.

    Example:
        >>> house_footer("The talks ended.\\n\\n(Reporting by Jane Roe; Editing by John Doe)")[0]
        'Reuters'
        >>> house_footer("The talks ended. Reporting was done by phone.") is None
        True
    """
    if m := _STAFF_TRAILER.search(text, max(0, len(text) - 400)):
        return "Reuters", m.span()
    if m := _STAFF_TRAILER_COMMAS.search(text, max(0, len(text) - 400)):
        return "Reuters", m.span()
    if m := _TRUST_FOOTER.search(text, max(0, len(text) - 200)):
        return "Reuters", m.span()
    if m := _CONTACT_FOOTER.search(text, max(0, len(text) - 400)):
        return "Bloomberg", m.span()
    if m := _ASSISTANCE_FOOTER.search(text, max(0, len(text) - 400)):
        return "Bloomberg", m.span()
    if m := _ENDITEM.search(text, max(0, len(text) - 40)):
        return "Xinhua", m.span(1)
    if m := _AFP_TAGS.search(text, max(0, len(text) - 40)):
        return "AFP", m.span(1)
    return None
