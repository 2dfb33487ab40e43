"""Article records: stable ids, SCHEMA input records, empty texts."""

from __future__ import annotations

import pytest

from newsgraph.ingest import article_from_record, make_article
from newsgraph.model import Article, Rejected

TEXT = "Ministers met in Geneva on Monday to discuss a ceasefire."


def test_records_id_given_else_url_else_text():
    given = make_article(TEXT, id="abc", url="https://x.example/1")
    by_url = make_article(TEXT, url="https://x.example/1")
    same_url = make_article("Other text entirely, same page.", url="https://x.example/1")
    by_text = make_article(TEXT)
    assert given.id == "abc"
    assert by_url.id == same_url.id != by_text.id
    assert make_article(TEXT).id == by_text.id
    assert make_article(TEXT + " More.").id != by_text.id


@pytest.mark.parametrize("text", ["", "   \n\t", None])
def test_records_empty_text_is_rejected(text):
    result = make_article(text, origin="x")
    assert isinstance(result, Rejected) and result.reason == "empty"


@pytest.mark.parametrize("record, expected", [
    ({"text": TEXT, "published": "2015-09-14", "id": 7}, ("article", "7")),
    ({"text": "   ", "html": "<p>" + TEXT * 5 + "</p>"}, ("article", None)),
    ({"title": "no body"}, ("no-text", None)),
    ({"text": 42}, ("no-text", None)),
    (["not", "a", "dict"], ("not-an-object", None)),
])
def test_records_from_schema_records(record, expected):
    result = article_from_record(record, origin="r")
    kind = "article" if isinstance(result, Article) else result.reason
    assert kind == expected[0]
    if expected[1] is not None:
        assert result.id == expected[1]
