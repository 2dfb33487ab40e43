"""Streamed stories JSON: the same bytes as the whole-document JSON, and retired stories kept on disk (issue 10)."""

from __future__ import annotations

import io
import json
import pickle

import pytest

from newsgraph.model import Actor, Event
from newsgraph.stories import StoryClusterer, stories_to_dict, summarise, write_stories_json
from newsgraph.stories.spill import StorySpill
from stories_helpers import article, figure_in

REPORTS = [
    ("f1", "2015-03-02", "Ferry sinks off Tarvo \"island\"",
     "A ferry carrying 300 passengers sank off Tarvo island on Monday. The coastguard said 41 people died "
     "and rescuers pulled survivors from the cold water near the harbour of Tarvo."),
    ("f2", "2015-03-02", "Tarvo ferry disaster: dozens dead",
     "Rescuers searched the water off Tarvo island after the ferry sank; officials said 45 people died. "
     "The coastguard accused the ferry operator of overloading the vessel near Tarvo harbour."),
    ("f3", "2015-03-03", "Café owner on Tarvo recalls\nthe sinking",
     "On Tarvo island a café owner watched the ferry sink; the coastguard says 41 people died and the "
     "operator is accused of overloading. Divers returned to the harbour wreck — résumé of the day\u2028."),
    ("g1", "2015-03-09", "Glacier collapse blocks valley road",
     "A glacier collapsed above the Orvik valley, blocking the only road with ice. Engineers said 3 "
     "villages were cut off and helicopters flew supplies into Orvik."),
    ("g2", "2015-03-09", "Orvik villages cut off by ice",
     "Helicopters carried supplies into the Orvik valley after the glacier collapse cut the road; "
     "engineers said 4 villages were cut off and the ice would take weeks to clear."),
    ("h1", "2015-03-20", "Chess final goes to tiebreak",
     "The chess final in Lunda went to a tiebreak after twelve drawn games, organisers said."),
]


def _facts(aid: str, text: str) -> dict:
    """Figures and an event over the report's own words: what makes discrepancies and merged events."""
    figures = []
    for words, kind in (("41 people", "killed"), ("45 people", "killed"), ("3 villages", "other"),
                        ("4 villages", "other")):
        if words in text:
            figures.append(figure_in(text, words, kind, float(words.split()[0])))
    events = ()
    if "accuse" in text:
        at = text.index("accuse")
        events = (Event(type="ACCUSE", source=Actor(name="coastguard"), target=Actor(name="ferry operator"),
                        date=None, place="Tarvo", span=(at, at + 7), trigger="accused"),)
    return {"figures": tuple(figures), "events": events}


def _articles():
    return [article(aid, text, title=title, published=day, **_facts(aid, text)) for aid, day, title, text in REPORTS]


def _clusterer(**options) -> StoryClusterer:
    c = StoryClusterer(**options)
    for a in _articles():
        c.add(a)
    return c


def _streamed(c: StoryClusterer) -> tuple[str, dict]:
    fh = io.StringIO()
    stories, syndication = c.final()
    counts = write_stories_json(stories, syndication, fh)
    return fh.getvalue(), counts


@pytest.mark.parametrize("max_active", [2_000, 1])
def test_output_streamed_json_is_byte_identical_to_whole_document(max_active):
    whole = json.dumps(stories_to_dict(_clusterer(max_active=max_active).result()), ensure_ascii=False,
                       indent=1) + "\n"
    text, counts = _streamed(_clusterer(max_active=max_active))
    assert text == whole
    data = json.loads(text)
    assert any(s["discrepancies"] for s in data["stories"]) and any(s["events"] for s in data["stories"])
    assert counts == summarise(data)


def test_output_streamed_json_of_nothing_is_byte_identical():
    c = StoryClusterer()
    text, counts = _streamed(c)
    assert text == json.dumps(stories_to_dict(c.result()), ensure_ascii=False, indent=1) + "\n"
    assert counts["stories"] == 0 and counts["largest"] == []


def test_output_summary_largest_breaks_ties_by_id():
    data = {"stories": [{"id": i, "title": i, "articles": ["x"] * n, "events": [], "discrepancies": []}
                        for i, n in (("s9", 2), ("s1", 2), ("s5", 3), ("s0", 1), ("s3", 2))],
            "syndication": []}
    assert [s["id"] for s in summarise(data)["largest"]] == ["s5", "s1", "s3"]
    assert summarise(data, largest=0)["largest"] == []


def test_output_retired_stories_are_on_disk_and_survive_a_snapshot():
    c = _clusterer(max_active=1)
    assert len(c._done) >= 2  # every story but the last was retired and its record spilled
    before = c.result()
    restored = pickle.loads(pickle.dumps(c))
    assert restored.result() == before
    # the restored clusterer goes on: a new report joins, the spilled records stay readable
    restored.add(article("h2", "The chess final in Lunda ended in a tiebreak win after twelve drawn games.",
                         published="2015-03-20"))
    assert [a for s in restored.result().stories for a in s.articles].count("h2") == 1
    assert {s.id for s in before.stories} <= {s.id for s in restored.result().stories}


def test_output_spill_keeps_records_by_id():
    spill = StorySpill()
    assert spill.get("s1") is None and len(spill) == 0
    stories = _clusterer().result().stories
    for s in stories:
        spill.put(s)
    assert [spill.get(s.id) for s in stories] == list(stories)
    assert pickle.loads(pickle.dumps(spill)).get(stories[0].id) == stories[0]


def test_output_updated_dates_still_resolve_after_streaming():
    undated = article("u1", "Rescuers said on Tuesday the ferry off Tarvo island had 300 passengers; the "
                            "coastguard said 41 people died near Tarvo harbour.", published=None)
    c = _clusterer()
    c.add(undated)
    _streamed(c)
    assert c.final_story("u1") == c.final_story("f1")  # the undated report's final story is known for updated()
    assert c.updated(undated).published_inferred is not None
