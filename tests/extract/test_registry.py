"""The fact-kind registry: one line makes a kind; records round-trip with no code of their own."""

from __future__ import annotations

import dataclasses
import json
import pickle
import re
from dataclasses import dataclass

import pytest

from newsgraph.errors import MissingDependency
from newsgraph.extract import REGISTRY, AnalysedArticle, Extractor, Registry, analysed_from_dict
from newsgraph.model import Article, Entity, Event, Found, Span, from_dict, to_dict


# --- a toy fact kind: this record and function are its whole module -------------------------


@dataclass(frozen=True, slots=True)
class Hashtag:
    """A toy fact: a ``#word`` in the text."""

    tag: str
    span: Span
    after: Span | None = None


def extract_hashtags(doc, article: Article, found: Found) -> list[Hashtag]:
    """Every ``#word``, with the span of the entity mention right after it, if any."""
    starts = {m[0]: m for e in found.entities for m in e.mentions}
    out = []
    for m in re.finditer(r"#(\w+)", article.text):
        out.append(Hashtag(m.group(1), (m.start(), m.end()), starts.get(m.end() + 1)))
    return out


TOY = Extractor("hashtags.v1", "hashtags", Hashtag, extract_hashtags, requires=("entities",))


def fake_entities(doc, article: Article, found: Found) -> list[Entity]:
    i = article.text.index("Nairobi")
    return [Entity(id="e1", name="Nairobi", type="GPE", mentions=((i, i + 7),))]


def _toy_registry() -> Registry:
    # the one registry line of the toy kind is TOY; the rest stands in for the real entities
    return Registry((Extractor("entities.v1", "entities", Entity, fake_entities), TOY))


def test_registry_toy_kind_becomes_a_field_of_the_article():
    reg = _toy_registry()
    article = Article(id="t1", text="Crowds gathered: #floods Nairobi, #relief")
    rec = reg.analysed(article, reg.run(None, article), language="en")
    assert [h.tag for h in rec.hashtags] == ["floods", "relief"]
    assert rec.hashtags[0].after == (25, 32) and rec.hashtags[1].after is None


def test_registry_toy_kind_round_trips_through_json():
    reg = _toy_registry()
    article = Article(id="t1", text="Crowds gathered: #floods Nairobi, #relief")
    rec = reg.analysed(article, reg.run(None, article), language="en")
    data = json.loads(json.dumps(to_dict(rec)))
    assert list(data)[-2:] == ["entities", "hashtags"]
    assert data["hashtags"][0] == {"tag": "floods", "span": [17, 24], "after": [25, 32]}
    assert reg.from_dict(data) == rec


def test_registry_runs_extractors_after_what_they_require():
    reg = Registry((TOY, Extractor("entities.v1", "entities", Entity, fake_entities)))
    assert [k.field for k in reg.ordered] == ["entities", "hashtags"]
    assert reg.fields == ("hashtags", "entities")  # output order stays the declared order


@pytest.mark.parametrize("kinds,message", [
    ((TOY,), "requires"),
    ((TOY, TOY), "duplicate"),
    ((dataclasses.replace(TOY, requires=("other",)),
      Extractor("other.v1", "other", Entity, fake_entities, requires=("hashtags",))), "cycle"),
])
def test_registry_rejects_bad_lines(kinds, message):
    with pytest.raises(ValueError, match=message):
        Registry(kinds)


def test_registry_failing_extractor_loses_only_its_own_facts():
    def broken(doc, article, found):
        raise RuntimeError("boom")

    reg = Registry((Extractor("entities.v1", "entities", Entity, broken), TOY))
    problems: list[str] = []
    facts = reg.run(None, Article(id="x", text="#one"), problems=problems)
    assert facts["entities"] == () and [h.tag for h in facts["hashtags"]] == ["one"]
    assert problems and problems[0].startswith("entities.v1: RuntimeError")


def test_registry_missing_package_stops_the_run_with_what_to_install():
    def needs_a_package(doc, article, found):
        import newsgraph_no_such_package  # noqa: F401

    reg = Registry((Extractor("entities.v1", "entities", Entity, needs_a_package), TOY))
    with pytest.raises(MissingDependency, match="newsgraph_no_such_package.*reinstall"):
        reg.run(None, Article(id="x", text="#one"))


def test_registry_real_kinds_are_importable_and_ordered():
    assert REGISTRY.fields == ("entities", "quotes", "events", "figures", "dates", "places")
    seen: set[str] = set()
    for ex in REGISTRY.ordered:
        assert set(ex.requires) <= seen, ex.name
        assert callable(ex.func)
        seen.add(ex.field)


def test_registry_article_type_pickles_for_worker_processes():
    rec = AnalysedArticle(id="a", url=None, source=None, title=None, published=None, text="x", language="en")
    assert pickle.loads(pickle.dumps(rec)) == rec


# --- from_dict: new optional fields need no code -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Later:
    """A record as a later version might write it: more optional fields, nested records."""

    span: Span
    extra: tuple[Span, ...] = ()
    note: str | None = None
    value: float | int | None = None
    inner: Hashtag | None = None


def test_model_from_dict_fills_new_optional_fields_and_ignores_unknown_keys():
    got = from_dict(_Later, {"span": [1, 2], "unknown": 5})
    assert got == _Later(span=(1, 2))
    full = _Later((1, 2), ((3, 4),), "n", 2.5, Hashtag("x", (0, 2)))
    assert from_dict(_Later, json.loads(json.dumps(to_dict(full)))) == full


def test_model_from_dict_missing_required_field_is_an_error():
    with pytest.raises(ValueError, match="span"):
        from_dict(_Later, {})


def test_model_event_with_later_fields_loads_from_older_output():
    old = {"type": "AID", "source": None, "target": None, "date": None, "place": None,
           "span": [0, 3], "trigger": "aid"}
    ev = from_dict(Event, old)
    assert ev.mode == "asserted" and ev.trigger_span is None and ev.span == (0, 3)


def test_registry_analysed_from_dict_defaults_metadata():
    rec = analysed_from_dict({"id": "a", "entities": [{"id": "e", "name": "N", "type": "GPE",
                                                        "mentions": [[0, 1]]}]})
    assert rec.text == "" and rec.language == "en" and rec.url is None
    assert rec.entities[0].mentions == ((0, 1),) and rec.places == ()
