"""The Store on both backends: schema, idempotent writes, exact records, queries, pagination, search."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import BadInput
from newsgraph.extract import AnalysedArticle
from newsgraph.model import (Actor, Article, DateMention, Entity, Event, Figure, Place, Quote, Rejected, Speaker,
                             to_dict)


def make_record(aid: str, *, published: str = "2024-10-03", country: str = "RUS", kind: str = "ASSAULT",
                said: str = "We will not stop the talks", extra: bool = True) -> dict:
    """An invented analysed article with one fact of each kind (and fields added by later schema versions)."""
    text = (f"Forces of {country} shelled the town of Velmora on Tuesday, officials said. "
            f"\"{said},\" the minister Ana Petrova said. Twelve people were killed.")
    ent = Entity(id=f"{aid}-e1", name="Ana Petrova", type="PERSON", mentions=((96, 106),), country=country,
                 role="GOV")
    q = Quote(text=said, span=(72, 72 + len(said)), speaker=Speaker("Ana Petrova", f"{aid}-e1"), cue="said",
              kind="direct")
    ev = Event(type=kind, source=Actor(country, None, f"{country} MIL"), target=Actor("Velmora", None, None),
               date=published[:10], place="Velmora", span=(0, 70), trigger="shelled", confidence=0.7)
    fig = Figure(kind="killed", value=12, unit="people", approximate=False, text="Twelve", span=(120, 126))
    d = DateMention(text="Tuesday", span=(44, 51), value=published[:10], granularity="day")
    p = Place(name="Velmora", span=(35, 42), geonameid=123, lat=48.5, lon=35.1, country="UKR")
    rec = to_dict(AnalysedArticle(id=aid, url=f"https://news.example/{aid}", source="Example Wire",
                                  title=f"Shelling of Velmora ({aid})", published=published, text=text,
                                  language="en", entities=(ent,), quotes=(q,), events=(ev,), figures=(fig,),
                                  dates=(d,), places=(p,)))
    if extra:  # fields other helpers add (SCHEMA 1.1): kept exactly, no migration needed
        rec["events"][0]["main"] = True
        rec["events"][0]["source"]["text"] = country
        rec["events"][0]["source"]["span"] = [10, 13]
        rec["figures"][0]["mentions"] = [[120, 126]]
        rec["places"][0]["admin1"] = "Eastern Oblast"
        rec["published_inferred"] = None
        rec["claims"] = [{"text": "a fact kind the store has no table for", "span": [0, 6]}]
    return rec


def test_store_schema_matches_migrations(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from newsgraph.store.schema import metadata

    def include(obj, name, type_, reflected, compare_to):
        return not (name or "").endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config",
                                          "_fts_content")) and name not in ("tsv", "ix_articles_tsv", "ix_quotes_tsv", "alembic_version")

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include, "compare_type": False})
        assert compare_metadata(ctx, metadata) == []


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_store_made_by_an_older_release_is_migrated_on_open_and_keeps_its_articles(backend, tmp_path, request):
    """A user's database at revision 0001 (before the source-target index) opens at the newest revision."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, inspect

    from newsgraph.store import Store
    from newsgraph.store.engine import MIGRATIONS, current_revision

    if backend == "sqlite":
        url, engine_url = str(tmp_path / "old.db"), f"sqlite:///{tmp_path / 'old.db'}"
    else:
        from .conftest import pg_schema_url

        url = engine_url = pg_schema_url(request.getfixturevalue("pg_admin"))
    engine = create_engine(engine_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    assert current_revision(engine) == "0001"
    assert "ix_events_source_target" not in {ix["name"] for ix in inspect(engine).get_indexes("events")}
    engine.dispose()

    with Store(url) as s:
        s.save_analysed(make_record("old1"), versions="v1")
        head = current_revision(s.engine)
        indexes = {ix["name"] for ix in inspect(s.engine).get_indexes("events")}
        found = [e["article"]["id"] for e in s.events(source="RUS").items]
    with Store(url) as again:
        kept = [r["id"] for r in again.records()]
    assert head != "0001" and "ix_events_source_target" in indexes
    assert found == kept == ["old1"]


def test_store_records_round_trip_exactly(store):
    recs = [make_record("a1"), make_record("a2", published="2024-10-05T08:00:00Z", extra=False)]
    for r in recs:
        store.save_analysed(r, versions="v1")
    # key for key, in order: the JSONL export must reproduce the records exactly
    assert [json.dumps(r) for r in store.records()] == [json.dumps(r) for r in recs]
    assert json.dumps(store.record("a2")) == json.dumps(recs[1])
    assert store.record("missing") is None


def test_store_save_twice_writes_nothing_twice(store):
    rec = make_record("a1")
    store.save_analysed(rec, versions="v1")
    first = store.counts()
    store.save_analysed(rec, versions="v1")
    assert store.counts() == first
    assert first["articles_done"] == 1 and first["events"] == 1 and first["mentions"] == 1


def test_store_pending_article_becomes_done(store):
    art = Article(id="p1", text="Some text about talks.", title="Talks", published="2024-01-02")
    store.record_pending(art)
    assert store.state_of("p1").status == "pending"
    store.record_pending(art)
    assert store.counts()["articles_pending"] == 1
    rec = make_record("p1")
    store.save_analysed(rec, versions="v1")
    assert store.state_of("p1").status == "done" and store.state_of("p1").versions == "v1"
    assert store.record("p1") == rec


def test_store_rejections_kept_once_with_reason(store):
    store.save_rejected(Rejected("feed.rss#3", "link-only", "only a link"))
    store.save_rejected(Rejected("feed.rss#3", "link-only", "only a link"))
    store.save_rejected(Rejected("x.bin", "binary"))
    assert store.counts()["rejections"] == 2


@pytest.fixture
def filled(store):
    for i in range(7):
        store.save_analysed(make_record(f"r{i}", published=f"2024-10-0{i + 1}"), versions="v1")
    for i in range(3):
        store.save_analysed(make_record(f"u{i}", country="UKR", kind="PROTEST", published="2024-11-02",
                                        said="Peace needs bread and water"), versions="v1")
    store.save_stories({"stories": [{"id": "s1", "title": "Velmora", "articles": ["r0", "r1"],
                                     "first_published": "2024-10-01", "events": [], "discrepancies": []}],
                        "syndication": []})
    return store


EVENT_FILTERS = [
    ({"type": "ASSAULT"}, 7),
    ({"type": ["ASSAULT", "PROTEST"]}, 10),
    ({"actor": "RUS"}, 7),
    ({"actor": "rus mil"}, 7),
    ({"source": "UKR"}, 3),
    ({"target": "UKR"}, 0),
    ({"type": "ASSAULT", "actor": "RUS", "since": "2024-10-03", "until": "2024-10-05"}, 3),
    ({"place": "Velmora"}, 10),
    ({"place": "velmora"}, 0),  # places match by their name as written
    ({"story": "s1"}, 2),
    ({"article": "u1"}, 1),
    ({"type": "REJECT"}, 0),
]


def test_store_events_filters(filled):
    for filters, expected in EVENT_FILTERS:
        page = filled.events(limit=100, **filters)
        assert len(page.items) == expected, filters
        assert page.next is None
        for e in page.items:
            assert e["article"]["url"].startswith("https://news.example/")
            assert "main" in e  # the full record comes back


def test_store_events_cursor_pages_cover_everything_once(filled):
    seen, cursor = [], None
    for _ in range(20):
        page = filled.events(limit=3, cursor=cursor)
        seen += [e["article"]["id"] for e in page.items]
        cursor = page.next
        if cursor is None:
            break
    assert sorted(seen) == sorted([f"r{i}" for i in range(7)] + [f"u{i}" for i in range(3)])
    newest = filled.events(limit=2, newest_first=True)
    assert [e["article"]["id"] for e in newest.items] == ["u2", "u1"]


def test_store_bad_cursor_and_limit_are_bad_input(filled):
    with pytest.raises(BadInput):
        filled.events(cursor="not-a-cursor!")
    with pytest.raises(BadInput):
        filled.events(limit=0)


def test_store_full_text_search_articles_and_quotes(filled):
    assert {a["id"] for a in filled.search("Velmora shelled").items} == {f"r{i}" for i in range(7)} | {
        f"u{i}" for i in range(3)}
    assert {a["id"] for a in filled.search("Forces UKR").items} == {"u0", "u1", "u2"}
    assert filled.search("nonexistentword").items == []
    hits = filled.quotes(q="bread water")
    assert {q["article"]["id"] for q in hits.items} == {"u0", "u1", "u2"}
    assert all(q["speaker"]["name"] == "Ana Petrova" for q in hits.items)
    assert len(filled.quotes(speaker="Ana Petrova", limit=100).items) == 10
    with pytest.raises(BadInput):
        filled.search("  ?! ")


def _all_pages(fetch, **kw) -> list[str]:
    """Every page of a query, two items a page: article ids, or "article:text" for quotes."""
    seen, cursor = [], None
    for _ in range(20):  # bounded
        page = fetch(limit=2, cursor=cursor, **kw)
        seen += [item["article"]["id"] + ":" + item["text"] if "article" in item else item["id"] for item in page.items]
        cursor = page.next
        if cursor is None:
            return seen
    raise AssertionError("paging did not end")


@pytest.mark.parametrize("window", [1, 3, 8])
def test_store_full_text_pages_agree_whatever_the_probe_window(filled, monkeypatch, window):
    """PostgreSQL searches the next ``PROBE`` keys in order, then the GIN index beyond them (issue 15):
    every split must give the pages one query over everything gives."""
    from newsgraph.store import queries

    searches = [(filled.search, {"q": "Forces UKR"}), (filled.search, {"q": "Velmora shelled"}),
                (filled.search, {"q": "Velmora", "newest_first": True}),
                (filled.search, {"q": "Velmora", "since": "2024-10-04"}),
                (filled.quotes, {"q": "bread water"}), (filled.quotes, {"q": "bread", "newest_first": True}),
                (filled.quotes, {"q": "said", "speaker": "Ana Petrova"})]
    monkeypatch.setattr(queries, "PROBE", {"articles": 10 ** 6, "quotes": 10 ** 6})
    whole = [_all_pages(fetch, **kw) for fetch, kw in searches]
    assert whole[0] == ["u0", "u1", "u2"] and len(whole[1]) == 10 and whole[2][0] == "u2"
    assert [q.split(":")[0] for q in whole[4]] == ["u0", "u1", "u2"]
    monkeypatch.setattr(queries, "PROBE", {"articles": window, "quotes": window})
    assert [_all_pages(fetch, **kw) for fetch, kw in searches] == whole


def test_store_full_text_search_leaves_the_index_scan_setting_as_it_found_it(filled):
    """PostgreSQL searches switch plain index scans off for their own steps only: later queries in the
    same transaction must still get the key indexes."""
    from newsgraph.store import queries

    if filled.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    from newsgraph.store import schema as t

    with filled.engine.begin() as conn:
        page = queries._page(conn, queries._with_article(t.quotes), t.quotes.c.id, cursor=None, limit=1,
                             newest_first=False, build=queries._fact_with_article, search=("quotes", "bread"))
        assert page.items and conn.exec_driver_sql("SHOW enable_indexscan").scalar() == "on"


def test_store_version_changes_with_every_write_only(store):
    from newsgraph.store import store_version

    def version():
        with store.engine.connect() as conn:
            return store_version(conn)

    assert version() is None
    store.save_analysed(make_record("v0"), versions="v1")
    first = version()
    assert first is not None and version() == first and store.record("v0") and version() == first
    store.save_stories({"stories": [], "syndication": []})
    assert version() not in (None, first)


def test_store_figures_entities_articles_stories(filled):
    assert len(filled.figures(kind="killed", min_value=10, limit=100).items) == 10
    assert filled.figures(kind="killed", min_value=13).items == []
    assert len(filled.entities(name="Ana Petrova", country="UKR").items) == 3
    assert [a["id"] for a in filled.articles(since="2024-11-01").items] == ["u0", "u1", "u2"]
    assert [s["id"] for s in filled.stories().items] == ["s1"]
    assert filled.story("s1")["articles"] == ["r0", "r1"]
    assert filled.story("nope") is None


def test_store_stories_replace_keeps_member_order(store):
    for i in range(3):
        store.save_analysed(make_record(f"a{i}"), versions="v1", story_id=f"s{i}")
    store.save_stories({"stories": [{"id": "s0", "title": "t", "articles": ["a0", "a2"], "first_published": None,
                                     "events": [{"type": "ASSAULT", "source": None, "target": None, "date": None,
                                                 "place": None, "trigger": "x", "articles": ["a0", "a2"]}],
                                     "discrepancies": [{"fact": "killed", "values": {"a0": "3", "a2": "4"}}]},
                                    {"id": "s1", "title": "u", "articles": ["a1"], "first_published": None,
                                     "events": [], "discrepancies": []}],
                        "syndication": [{"copy": "a2", "original": "a0", "similarity": 0.97}]})
    assert [a for _, a in store.member_order()] == ["a0", "a1", "a2"]
    c = store.counts()
    assert (c["stories"], c["merged_events"], c["discrepancies"], c["syndication"]) == (2, 1, 1, 1)
    assert {a["id"] for a in store.articles(story="s0").items} == {"a0", "a2"}


def test_store_plain_postgres_url_gets_psycopg_driver():
    from newsgraph.store.engine import normalise_url

    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_store_unreachable_database_is_a_clear_error(tmp_path):
    from newsgraph.errors import StoreError
    from newsgraph.store import Store

    with pytest.raises(StoreError):
        Store("mysql://nobody@127.0.0.1/x")
    with pytest.raises(StoreError, match="cannot open"):
        Store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_store_long_values_are_kept_on_every_backend(store):
    rec = make_record("long")
    rec["language"] = "en-Latn-GB-oxendict"
    rec["events"][0]["type"] = "A_TYPE_NAME_LONGER_THAN_ANY_PLOVER_TYPE"
    rec["figures"][0].update(unit="people-in-temporary-camps", kind="people_displaced_internally")
    rec["dates"][0].update(value="2015-09-15T10:00:00+02:00/2015-09-30", granularity="fortnight-or-so")
    rec["entities"][0].update(type="FACILITY_OR_BUILDING", role="GOVERNMENT-MILITARY", country="XKX-EXT")
    store.save_analysed(rec, versions="v" * 100)
    assert json.dumps(store.record("long")) == json.dumps(rec)
