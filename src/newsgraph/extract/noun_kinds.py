"""What a head noun names when it is no actor: ``plover_nonactors.tsv`` read once.

Its own module so that both the actor coder and the sentence-country guesses
(``actor_context``, which ``actors`` imports) can ask it.
"""

from __future__ import annotations

import functools

from ..lexicons import load_rows


@functools.lru_cache(maxsize=1)
def _noun_kinds() -> dict[str, str]:
    return {r.term: r.kind for r in load_rows("plover_nonactors.tsv")}


def noun_kind(word: str) -> str | None:
    """The class of a head noun from ``plover_nonactors.tsv`` ("quake" -> "natural", "rescuers" -> "people").
    Plural and capitalised forms are folded ("Tremors", "bombs"); None for nouns the list does not hold."""
    low = word.lower()
    kinds = _noun_kinds()
    for key in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "",
                low[:-3] + "y" if low.endswith("ies") else "", low[:-2] + "an" if low.endswith("men") else "",
                low[:-3] + "f" if low.endswith("ves") else ""):  # "thieves"
        if key and key in kinds:
            return kinds[key]
    return None


def is_non_actor(word: str) -> bool:
    """True for a head noun that can never act: a natural force, device, document, quantity, outcome or market."""
    kind = noun_kind(word)
    return kind is not None and kind != "people"
