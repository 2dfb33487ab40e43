"""A small stop-word language guesser: enough to tell English from other news languages.

newsgraph's extractors are English-only for now; the guess lets users filter and
lets summaries warn when non-English articles were analysed with English rules.
"""

from __future__ import annotations

import re
from collections import Counter

_STOP = {
    "en": "the of and to in is that for it was on with as by he said at from his an be have are has were which".split(),
    "es": "el la de que y en los se del las por un para con una su al es lo como más pero sus".split(),
    "fr": "le la les de des et en du un une est que pour dans qui sur au pas par il ne ce avec".split(),
    "de": "der die und den das ist nicht von zu mit sich des auf für im dem ein eine auch als".split(),
    "it": "il di che la per un non una sono del della le gli con si da anche al nel come".split(),
    "pt": "o de que e do da em um para com não uma os no se na por mais as dos como mas".split(),
    "nl": "de het een van en is dat op te in voor niet met zijn aan er ook als bij door".split(),
}
_SETS = {lang: frozenset(words) for lang, words in _STOP.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, *, sample: int = 4000) -> str:
    """ISO 639-1 code of the best-matching language, "en" when the text is too short to tell."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 8:
        return "en"
    counts = Counter(words)  # one pass over the words, then a look-up per stop word
    scores = {lang: sum(counts[w] for w in stop if w in counts) for lang, stop in _SETS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] > 0 else "en"
