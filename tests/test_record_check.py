"""record_check: the shape of a record, checked against the dataclass's own types (issue 10)."""

from __future__ import annotations

import pytest

from newsgraph.extract import AnalysedArticle, to_dict
from newsgraph.model import Entity, Event, Figure
from newsgraph.record_check import type_problem


def record(**changes):
    rec = AnalysedArticle(
        id="a", url=None, source="Wire", title="Talks", published="2015-09-17", text="Talks resumed.",
        language="en",
        entities=(Entity(id="e1", name="Kenya", type="GPE", mentions=((0, 5),), country="KEN", role=None),),
        events=(Event(type="CONSULT", source=None, target=None, date=None, place=None, span=(0, 14),
                      trigger="Talks"),),
        figures=(Figure(kind="killed", value=7.5, unit="people", approximate=False, text="7.5", span=(0, 3),
                        source=None),))
    return {**to_dict(rec), **changes}


def test_record_check_what_analyze_writes_passes():
    assert type_problem(AnalysedArticle, record()) is None
    assert type_problem(AnalysedArticle, record(future_field={"x": 1})) is None  # newer output loads
    assert type_problem(AnalysedArticle, record(entities=[{**record()["entities"][0], "type": "NEW"}])) is None


@pytest.mark.parametrize("changes, says", [
    ({"entities": 5}, "record.entities: expected a list, got int"),
    ({"published": 2015}, "record.published: expected str, got int"),
    ({"id": ["x"]}, "record.id: expected str, got list"),
    ({"places": [None]}, "record.places[0]: expected an object, got NoneType"),
    ({"quotes": [5]}, "record.quotes[0]: expected an object, got int"),
    ({"events": [{"type": "CONSULT", "span": [0, 1, 2], "trigger": "x"}]}, "record.events[0].span: expected 2 items"),
    ({"figures": [{"kind": "killed", "value": True, "approximate": False, "text": "x", "span": [0, 1]}]},
     "record.figures[0].value"),
    ({"events": [{"type": "CONSULT", "span": [0, 1]}]}, "record.events[0]: missing 'trigger'"),
])
def test_record_check_names_the_field_that_is_wrong(changes, says):
    problem = type_problem(AnalysedArticle, record(**changes), where="record")
    assert problem is not None and problem.startswith(says)


def test_record_check_deep_nesting_is_a_problem_not_a_recursion_error():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    assert type_problem(AnalysedArticle, record(entities=[{"id": "e", "name": "x", "type": "GPE", "mentions": deep}]))
