"""Shared by the places tests: resolve hand-picked names of a sentence, as the recogniser would hand them on."""

from __future__ import annotations

from newsgraph.extract.place_resolve import Mention, resolve


def resolve_names(text: str, *names: str) -> list:
    """The places ``resolve`` makes of ``names`` (each at its first occurrence in ``text``)."""
    mentions = []
    for n in names:
        start = text.index(n)
        mentions.append(Mention(name=n, span=(start, start + len(n))))
    return resolve(text, mentions)
