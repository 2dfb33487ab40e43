import json

from newsgraph.extract import AnalysedArticle, analysed_from_dict
from newsgraph.model import (Actor, DateMention, Entity, Event, Figure, Quote, Speaker, stable_id,
                             to_dict)


def _record():
    return AnalysedArticle(
        id="a1", url=None, source="Wire", title="T", published="2015-09-17",
        text="Kerry said talks would go on.", language="en",
        entities=(Entity(id="e1", name="John Kerry", type="PERSON", mentions=((0, 5),),
                         country="USA", role="GOV", titles=("secretary of state",)),),
        quotes=(Quote(text="talks would go on", span=(11, 28), speaker=Speaker("John Kerry", "e1"),
                      cue="said", kind="indirect"),),
        events=(Event(type="CONSULT", source=Actor("John Kerry", "e1", "USA GOV"), target=None,
                      date="2015-09-17", place=None, span=(0, 29), trigger="talks"),),
        figures=(Figure(kind="killed", value=220000, unit="people", approximate=True, text="some 220,000",
                        span=(0, 5)),),
        dates=(DateMention(text="Tuesday", span=(0, 5), value="2015-09-15", granularity="day"),),
    )


def test_model_round_trip_through_json():
    rec = _record()
    data = json.loads(json.dumps(to_dict(rec)))
    assert analysed_from_dict(data) == rec


def test_model_serialises_schema_fields_in_order():
    data = to_dict(_record())
    assert list(data)[:7] == ["id", "url", "source", "title", "published", "text", "language"]
    assert data["quotes"][0]["speaker"] == {"name": "John Kerry", "entity": "e1"}
    assert data["entities"][0]["mentions"] == [[0, 5]]
    assert data["places"] == []


def test_model_stable_id_is_deterministic_and_distinct():
    assert stable_id("x", "y") == stable_id("x", "y")
    assert stable_id("x", "y") != stable_id("xy")
    assert stable_id("a", prefix="e").startswith("e")
