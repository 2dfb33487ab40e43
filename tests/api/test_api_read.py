"""The JSON read endpoints over the test newsroom, on SQLite and PostgreSQL (issue 16)."""

from __future__ import annotations

import pytest


def test_api_stories_lists_size_outlets_reports_discrepancies_and_copies(client):
    items = client.get("/api/stories").json()["items"]
    strike = next(s for s in items if s["id"] == "s-strike")
    assert items[0]["id"] == "s-strike"  # largest first
    assert strike["size"] == 3
    assert strike["outlets"] == ["Coast Reprint", "Harbour Times", "Velor Daily"]
    assert (strike["first_report"], strike["last_report"]) == ("2031-03-03", "2031-03-05")
    assert strike["discrepancies"] == 1 and strike["copies"] == 1


def test_api_stories_page_with_the_cursor(client):
    first = client.get("/api/stories?limit=1").json()
    second = client.get(f"/api/stories?limit=1&cursor={first['next']}").json()
    assert [s["id"] for s in first["items"] + second["items"]] == ["s-strike", "s-hostile"]
    assert second["next"] is None


def test_api_story_has_its_record_articles_and_copies(client):
    body = client.get("/api/stories/s-strike").json()
    assert body["articles"] == ["a1", "a2", "a3"]
    assert [a["id"] for a in body["article_summaries"]] == ["a1", "a2", "a3"]
    assert body["syndication"][0]["copy"] == "a3" and body["syndication"][0]["original"] == "a1"


def test_api_article_record_round_trips_spans(client):
    rec = client.get("/api/articles/a2").json()
    fig = rec["figures"][0]
    assert rec["text"][fig["span"][0]:fig["span"][1]] == "At least 19"


@pytest.mark.parametrize("query,expected", [
    ("/api/events?country=VLR", {"a1", "a2", "a3"}),
    ("/api/events?source=VLR%20MIL&type=ASSAULT", {"a1", "a2", "a3"}),
    ("/api/events?type=PROTEST", set()),
    ("/api/events?from=2031-03-04&to=2031-03-04", set()),
    ("/api/events?from=2031-03&main=true", {"a1", "a2", "a3"}),
    ("/api/events?country=USA", set()),
    ("/api/quotes?speaker=Ilse%20Brandt", {"a1", "a2", "a3"}),
    ("/api/quotes?q=silenced", {"h1"}),
    ("/api/quotes?q=nothing%20else", {"a2"}),
    ("/api/figures?kind=killed&min_value=15", {"a2"}),
    ("/api/places?name=Portvale", {"a1", "a2", "a3"}),
    ("/api/places?located=false", set()),
    ("/api/entities?name=Mara%20Quint", {"h1"}),
    ("/api/entities?type=PERSON&country=VLR", {"a1", "a2", "a3"}),
    ("/api/articles?source=Harbour%20Times", {"a2"}),
    ("/api/articles?story=s-hostile", {"h1"}),
    ("/api/search?q=families%20fled", {"a1", "a3"}),
])
def test_api_filters(client, query, expected):
    r = client.get(query)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert {i["article"]["id"] if "article" in i else i["id"] for i in items} == expected


def test_api_lists_page_through_everything_once(client):
    seen, cursor = [], None
    for _ in range(10):
        body = client.get("/api/events?limit=2" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [e["article"]["id"] for e in body["items"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert sorted(seen) == ["a1", "a2", "a3"]
