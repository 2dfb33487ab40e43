"""A small newsroom written for the API and browser tests: records built by hand (no model needed).

Two outlets report a ministry's strike on a port town with different death tolls
(a figure discrepancy), a third reprints the first (syndication), and one
article is hostile: script tags, onerror handlers, javascript: links and a
</textarea> breakout in its title, text and URL. Spans are found in the text,
so every fact's evidence is exactly the words it cites.
"""

from __future__ import annotations

from typing import Any

HOSTILE_TEXT = ('Officials said <script>window.__pwned = 1; fetch("http://127.0.0.1:9/steal")</script> '
                'nothing happened. <img src="http://127.0.0.1:9/pixel.png" onerror="window.__pwned = 2"> '
                'Read <a href="javascript:window.__pwned=3">this</a> and </textarea><script>window.__pwned=4</script> '
                '"We will not be silenced," said Mara Quint.')

TEXTS = {
    "a1": ("Strike on Portvale kills 12\n\nThe Velorian defence ministry said its aircraft struck the port town of "
           "Portvale on Monday, killing 12 people. \"We hit only military targets,\" said General Ilse Brandt. "
           "Aid groups said 300 families fled the town."),
    "a2": ("Portvale strike toll rises to 19\n\nAt least 19 people were killed when Velorian aircraft struck "
           "Portvale on Monday, local officials said. \"We hit only military targets and nothing else,\" "
           "General Ilse Brandt told reporters."),
    "a3": ("Strike on Portvale kills 12\n\nThe Velorian defence ministry said its aircraft struck the port town of "
           "Portvale on Monday, killing 12 people. \"We hit only military targets,\" said General Ilse Brandt. "
           "Aid groups said 300 families fled the town. (Wire)"),
    "h1": HOSTILE_TEXT,
}


def _span(text: str, words: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return [start, start + len(words)]


def _sentence(text: str, opening: str) -> list[int]:
    start = text.index(opening)
    return [start, text.index(".", start) + 1]


def _record(aid: str, *, source: str, title: str, published: str, url: str, facts: dict[str, list]) -> dict:
    return {"id": aid, "url": url, "source": source, "title": title, "published": published,
            "text": TEXTS[aid], "language": "en", "entities": facts.get("entities", []),
            "quotes": facts.get("quotes", []), "events": facts.get("events", []),
            "figures": facts.get("figures", []), "dates": facts.get("dates", []), "places": facts.get("places", [])}


def _strike_facts(aid: str, toll: str, value: int) -> dict[str, list]:
    text = TEXTS[aid]
    brandt = {"id": f"e-{aid}-brandt", "name": "Ilse Brandt", "type": "PERSON",
              "mentions": [_span(text, "Ilse Brandt")], "country": "VLR", "role": "MIL", "titles": ["general"]}
    portvale = {"id": f"e-{aid}-portvale", "name": "Portvale", "type": "GPE", "mentions": [_span(text, "Portvale")],
                "country": "VLR", "role": None, "titles": []}
    quote_words = "We hit only military targets" + (" and nothing else" if aid == "a2" else "")
    sentence = _span(text, "Velorian")
    sentence = [text.rfind("\n", 0, sentence[0]) + 1, text.index(".", sentence[0]) + 1]
    return {
        "entities": [brandt, portvale],
        "quotes": [{"text": quote_words, "span": _span(text, quote_words),
                    "speaker": {"name": "Ilse Brandt", "entity": brandt["id"]}, "cue": "said", "kind": "direct"}],
        "events": [{"type": "ASSAULT", "source": {"name": "Veloria", "entity": None, "code": "VLR MIL"},
                    "target": {"name": "Portvale", "entity": portvale["id"], "code": "VLR CVL"},
                    "date": "2031-03-03", "place": "Portvale", "span": sentence, "trigger": "struck",
                    "negated": False, "confidence": 0.8, "main": True}],
        "figures": [{"kind": "killed", "value": value, "unit": "people", "approximate": False, "text": toll,
                     "span": _span(text, toll), "source": "officials"}],
        "dates": [{"text": "Monday", "span": _span(text, "Monday"), "value": "2031-03-03", "granularity": "day"}],
        "places": [{"name": "Portvale", "span": _span(text, "Portvale", 1 if aid != "a2" else 0), "geonameid": None,
                    "lat": 43.5, "lon": 16.4, "country": "HRV", "feature": "P"}],
    }


def records() -> list[dict[str, Any]]:
    """The four analysed records (SCHEMA output)."""
    hostile = HOSTILE_TEXT
    return [
        _record("a1", source="Velor Daily", title="Strike on Portvale kills 12", published="2031-03-03",
                url="https://velor-daily.example/portvale", facts=_strike_facts("a1", "12", 12)),
        _record("a2", source="Harbour Times", title="Portvale strike toll rises to 19", published="2031-03-04",
                url="https://harbour.example/toll", facts=_strike_facts("a2", "At least 19", 19)),
        _record("a3", source="Coast Reprint", title="Strike on Portvale kills 12", published="2031-03-05",
                url="https://coast.example/reprint", facts=_strike_facts("a3", "12", 12)),
        _record("h1", source="<b>Evil</b> Outlet", title='</title><script>window.__pwned=5</script></textarea>',
                published="2031-03-06", url="javascript:window.__pwned=6",
                facts={"quotes": [{"text": "We will not be silenced,", "span": _span(hostile, "We will not be silenced,"),
                                   "speaker": {"name": "Mara Quint", "entity": "e-h1-quint"}, "cue": "said",
                                   "kind": "direct"}],
                       "entities": [{"id": "e-h1-quint", "name": "Mara Quint", "type": "PERSON",
                                     "mentions": [_span(hostile, "Mara Quint")], "country": None, "role": None,
                                     "titles": []}],
                       "figures": [{"kind": "other", "value": 1, "unit": None, "approximate": False,
                                    "text": "<script>", "span": _span(hostile, "<script>"), "source": None}]}),
    ]


def stories() -> dict[str, Any]:
    """The SCHEMA stories object: the strike story (a discrepancy, a copy) and the hostile article alone."""
    a1, a2 = TEXTS["a1"], TEXTS["a2"]
    return {"stories": [
        {"id": "s-strike", "title": "Strike on Portvale kills 12", "articles": ["a1", "a2", "a3"],
         "first_published": "2031-03-03",
         "events": [{"type": "ASSAULT", "source": {"name": "Veloria", "entity": None, "code": "VLR MIL"},
                     "target": {"name": "Portvale", "entity": None, "code": "VLR CVL"}, "date": "2031-03-03",
                     "place": "Portvale", "trigger": "struck", "articles": ["a1", "a2", "a3"],
                     "mentions": [{"article": "a1", "span": _sentence(a1, "The Velorian")},
                                  {"article": "a2", "span": _sentence(a2, "At least 19")}]}],
         "discrepancies": [{"fact": "killed", "values": {"a1": "12", "a2": "At least 19"}, "kind": "figure",
                            "evidence": {"a1": _span(a1, "12"), "a2": _span(a2, "At least 19")}}]},
        {"id": "s-hostile", "title": "<script>window.__pwned=7</script>", "articles": ["h1"],
         "first_published": "2031-03-06", "events": [], "discrepancies": []}],
        "syndication": [{"copy": "a3", "original": "a1", "similarity": 0.97, "earliest": "a1", "agency": None,
                         "evidence": {"article": "a3", "span": [0, 40]}}]}


def fill(store) -> None:
    """Write the records (with their story) and the stories into an open ``Store``."""
    from newsgraph.store.db import Analysed

    story_of = {"a1": "s-strike", "a2": "s-strike", "a3": "s-strike", "h1": "s-hostile"}
    store.save_many([Analysed(r, "test", None, story_of[r["id"]]) for r in records()])
    store.save_stories(stories())
