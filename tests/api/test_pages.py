"""The pages as HTML (the browser tests click through them): content, escaping, links (issue 16)."""

from __future__ import annotations

import re

import pytest


def _main(html: str) -> str:
    return html.split("<main>", 1)[1].split("</main>", 1)[0]


def test_pages_stories_list_links_each_story(client):
    html = client.get("/").text
    assert 'href="/stories/s-strike"' in html and "Harbour Times" in html


def test_pages_story_shows_timeline_discrepancy_quotes_copies_and_map(client):
    html = _main(client.get("/stories/s-strike").text)
    assert 'class="tl-event"' in html and "ASSAULT" in html
    assert "Discrepancy: killed" in html and "At least 19" in html
    assert 'class="fig disputed"' in html
    assert "We hit only military targets and nothing else" in html  # both versions of the quote are listed
    assert "Ilse Brandt" in html
    assert re.search(r'<circle cx="196.4" cy="46.5"', html)  # Portvale at 43.5N 16.4E
    assert 'marker-end="url(#arrow)"' in html and "a3 copies a1 (similarity 0.97)" in html  # the copy a3 -> a1


def test_pages_article_highlights_every_fact_span(client):
    html = client.get("/articles/a2").text
    seg = re.search(r'<span class="hl[^"]* k-figure" data-facts="[^"]*\bf0\b[^"]*" data-start="\d+" '
                    r'data-end="\d+">At least 19</span>', html)
    assert seg, "the figure's evidence is a highlighted span"
    assert 'id="fact-f0"' in html and 'id="fact-q0"' in html and 'id="fact-e0"' in html


def test_pages_hostile_article_is_escaped_and_its_url_is_no_link(client):
    html = client.get("/articles/h1").text
    main = _main(html)
    assert "<script" not in main and "<img" not in main and "</textarea>" not in main
    assert "onerror=" not in main.replace("onerror=&#34;", "")  # only as escaped text
    assert "&lt;script&gt;" in main and "window.__pwned = 1;" in main
    assert 'href="javascript:' not in html.lower() and "javascript:window.__pwned=6" in main
    head = html.split("<main>", 1)[0]
    assert "__pwned" not in head.replace("&lt;/title&gt;&lt;script&gt;window.__pwned=5&lt;/script&gt;&lt;/textarea&gt;", "")


@pytest.mark.parametrize("url", ["/entity?name=Ilse%20Brandt", "/search?q=Portvale", "/docs",
                                 "/stories/s-hostile"])
def test_pages_render(client, url):
    r = client.get(url)
    assert r.status_code == 200 and "<script>" not in _main(r.text)


def test_pages_entity_lists_quotes_and_stories(client):
    html = _main(client.get("/entity?name=Ilse%20Brandt").text)
    assert "We hit only military targets" in html and 'href="/stories/s-strike"' in html


def test_pages_story_reads_facts_and_quoted_texts_of_its_articles(desk_url):
    from newsgraph.store import Store, browse, queries

    with Store(desk_url) as store, store.engine.connect() as conn:
        got = browse.facts_among(conn, ("figures", "quotes"), ["a1", "a2", "a1"])
        for kind, query in (("figures", queries.figures), ("quotes", queries.quotes)):
            want = [{**{k: v for k, v in f.items() if k != "article"}, "article_id": a}
                    for a in ("a1", "a2") for f in query(conn, article=a).items]
            assert want and got[kind] == want
        assert [len(v) for v in browse.facts_among(conn, ("figures", "quotes"), ["a1", "a2"], limit=1).values()] == [1, 1]
        assert browse.facts_among(conn, ("quotes",), []) == {"quotes": []}
        summaries = browse.article_summaries(conn, ["a2", "a1", "nope"], text_of={"a2"})
        assert [s["id"] for s in summaries] == ["a1", "a2"]
        assert summaries[0]["text"] is None and "At least 19" in summaries[1]["text"]
        assert "text" not in browse.article_summaries(conn, ["a1"])[0]
