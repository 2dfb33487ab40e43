from __future__ import annotations

import dataclasses
import json

import pytest

from newsgraph.model import Entity
from newsgraph.stories import StoryClusterer, build_stories, stories_to_dict, summarise
from newsgraph.stories.story_time import epoch_days
from stories_helpers import article

QUAKE = [
    ("q1", "Chile earthquake forces evacuations",
     "A magnitude 8.3 earthquake struck off the coast of Chile near Illapel, and tsunami waves flooded the "
     "port of Coquimbo. President Michelle Bachelet declared an emergency as a million people evacuated."),
    ("q2", "Tsunami hits Coquimbo after Chile quake",
     "Waves swept fishing boats into the streets of Coquimbo after the powerful Chilean earthquake centred "
     "near Illapel. Bachelet said the country had suffered another harsh blow; evacuations were ordered."),
    ("q3", "Bachelet visits Illapel quake zone",
     "Michelle Bachelet toured Illapel, close to the epicentre of the 8.3 magnitude earthquake, and promised "
     "help for Coquimbo fishermen whose boats the tsunami destroyed."),
]
VW = [
    ("v1", "Volkswagen admits emissions cheating",
     "Volkswagen said 11 million diesel cars carry software that cheats emissions tests, and set aside "
     "billions of euros. Chief executive Martin Winterkorn apologised as the carmaker's shares tumbled."),
    ("v2", "Winterkorn resigns over VW diesel scandal",
     "Martin Winterkorn quit as Volkswagen chief over the diesel emissions scandal, saying the carmaker "
     "needed a fresh start after admitting it rigged tests on millions of cars."),
    ("v3", "VW shares plunge on emissions software",
     "Shares in Volkswagen plunged again after the carmaker admitted its diesel engines used emissions "
     "software to fool regulators; Winterkorn faces a board meeting."),
]
MARS = [
    ("m1", "NASA finds flowing water on Mars",
     "Salty liquid water flows on Mars in the warm season, NASA scientists said, citing hydrated salts seen "
     "by the Mars Reconnaissance Orbiter on dark streaks on crater slopes."),
    ("m2", "Briny water streaks on Martian slopes",
     "Dark streaks on Martian crater slopes are made by briny flowing water, according to spectrometer data "
     "from the Reconnaissance Orbiter announced by NASA."),
]


def corpus(day="2015-09-17"):
    return [article(i, text, title=title, published=day) for i, title, text in QUAKE + VW + MARS]


def groups(result):
    return sorted(sorted(s.articles) for s in result.stories)


def test_cluster_groups_reports_of_one_story():
    assert groups(build_stories(corpus())) == [["m1", "m2"], ["q1", "q2", "q3"], ["v1", "v2", "v3"]]


def test_cluster_stream_order_does_not_matter():
    items = corpus()
    c = StoryClusterer()
    for a in reversed(items[::2] + items[1::2]):
        c.add(a)
    assert groups(c.result()) == [["m1", "m2"], ["q1", "q2", "q3"], ["v1", "v2", "v3"]]


def test_cluster_time_window_separates_same_topic_weeks_apart():
    early = [article(i, text, title=title, published="2015-09-01") for i, title, text in QUAKE[:2]]
    late = [article(i + "-later", text.replace("8.3", "7.1"), title=title, published="2015-09-20")
            for i, title, text in QUAKE[2:]]
    result = build_stories(early + late)
    assert groups(result) == [["q1", "q2"], ["q3-later"]]


def test_cluster_copy_joins_its_original_story_and_is_reported():
    items = corpus()
    wire = items[0]
    copy = article("q1-copy", "Chile is used to earthquakes.\n\n" + wire.text, title="Quake", published="2015-09-18")
    result = build_stories(items + [copy])
    story = next(s for s in result.stories if "q1" in s.articles)
    assert "q1-copy" in story.articles
    assert [(x.copy, x.original) for x in result.syndication] == [("q1-copy", "q1")]


def test_cluster_every_article_in_exactly_one_story():
    items = corpus() + [article("lone", "The rugby match in Brighton ended with a late try for Japan.")]
    c = StoryClusterer()
    ids = [c.add(a) for a in items]
    assert c.add(items[0]) == ids[0]  # the same article again keeps its story
    result = c.result()
    seen = [a for s in result.stories for a in s.articles]
    assert sorted(seen) == sorted(a.id for a in items)


def test_cluster_entities_feed_the_features():
    text = "The minister met his counterpart in the capital to discuss the treaty."
    a = article("e1", text, entities=(Entity("x", "Sergei Lavrov", "PERSON", ((4, 12),)),))
    b = article("e2", text.replace("treaty", "accord"), entities=(Entity("y", "Sergei Lavrov", "PERSON", ((4, 12),)),))
    c = StoryClusterer()
    assert c.add(a) == c.add(b)


def test_cluster_candidates_bounded_by_index():
    c = StoryClusterer(posting_cap=4, candidates=3)
    for k in range(30):
        c.add(article(f"a{k}", f"Storm {k} hits the island of Zanzibar with floods number{k} and landslides{k}.",
                      published="2015-09-17"))
    vec = {"zanzibar": 1.0}
    assert len(c._postings["zanzibar"]) <= 8
    assert len(c._candidates(vec)) <= 3


@pytest.mark.parametrize("value,expected", [
    ("2015-09-17", 16695.0), ("2015-09-17T12:00:00Z", 16695.5), ("2015-09-17T14:00:00+02:00", 16695.5),
    ("2015-09-17T01:00:00-03:00", 16695.166666666668),  # 04:00 UTC
    ("2015-09-17 at dawn", 16695.0),  # no ISO datetime, but an ISO day: its midnight
    (None, None), ("", None), ("yesterday", None),
])
def test_cluster_days(value, expected):
    assert epoch_days(value) == expected


def test_cluster_stories_to_dict_is_schema_json():
    out = stories_to_dict(build_stories(corpus()))
    json.dumps(out)
    assert set(out) == {"stories", "syndication"}
    for s in out["stories"]:
        assert {"id", "title", "articles", "first_published", "events", "discrepancies"} <= set(s)
        assert s["first_published"] == "2015-09-17"
    counts = summarise(build_stories(corpus()))
    assert counts["stories"] == 3 and counts["articles"] == 8 and counts["copies"] == 0
    assert counts["largest"][0]["articles"] == 3
    assert summarise(out)["stories"] == 3


def test_cluster_retires_stalest_stories_beyond_max_active():
    c = StoryClusterer(max_active=2)
    topics = ["volcano erupts on Iceland glacier", "bank raises interest rates sharply",
              "chess champion wins tiebreak final", "comet seen above Andes observatory"]
    for k, topic in enumerate(topics):
        c.add(article(f"t{k}", f"The {topic}.", published=f"2015-09-{10 + k:02d}"))
    assert len(c._stories) == 4
    active = [s for s in c._stories.values() if s.active]
    assert len(active) == 2 and {s.articles[0] for s in active} == {"t2", "t3"}
    # a retired story can no longer be joined, but its articles stay in the result
    assert sorted(a for s in c.result().stories for a in s.articles) == ["t0", "t1", "t2", "t3"]


def test_cluster_byline_credit_makes_a_copy_of_the_agency():
    text = QUAKE[0][2]
    items = [dataclasses.replace(article("w1", text, title="Quake"), author="Ed Roe – UPI"),
             article("w2", "Chile is used to earthquakes.\n\n" + text, title="Quake", published="2015-09-18"),
             dataclasses.replace(article("w3", VW[0][2], title="VW"), author="Jane Roe")]
    result = build_stories(items)
    links = {(x.copy, x.original, x.agency, x.evidence) for x in result.syndication}
    # w1 credits UPI only in its byline (no span in the text to show); w2 copies w1
    assert ("w1", "UPI", "UPI", None) in links
    assert {(c, o) for c, o, _, _ in links} == {("w1", "UPI"), ("w2", "w1")}
