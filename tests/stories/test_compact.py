from __future__ import annotations

import pickle

import numpy as np
import pytest

from newsgraph.stories import StoryClusterer, compact
from newsgraph.stories.compact import RetiredStory
from newsgraph.stories.compact import IdIndex, Weights, pack_contexts, pack_ids, unpack_contexts, unpack_ids
from stories_helpers import article


@pytest.mark.parametrize("ids", [("a1",), ("a1", "b-2", "é3"), (), ("x\x00y", "z"), ("",  "a")])
def test_compact_packed_ids_come_back_in_order(ids):
    assert unpack_ids(pack_ids(ids)) == ids


def test_compact_packed_ids_are_one_string():
    assert isinstance(pack_ids(["a1", "a2", "a3"]), str)


def test_compact_id_index_finds_ids_before_and_after_folding():
    index = IdIndex(fold_at=3)
    index.add(["a1", "a2"], 0)
    assert index.get("a1") == [0] and index.get("zz") == []
    index.add(["b1", "b2", "b3"], 5)  # folds
    index.add(["c1"], 7)
    assert [index.get(i) for i in ("a2", "b3", "c1", "zz")] == [[0], [5], [7], []]
    assert len(index) == 6
    assert pickle.loads(pickle.dumps(index)).get("b1") == [5]


def test_compact_id_index_keeps_every_id_that_shares_a_hash(monkeypatch):
    # two ids with one hash: both values come back, oldest first, for the caller to tell apart
    monkeypatch.setattr(compact, "term_hashes", lambda ids: np.array([len(i) for i in ids], dtype=np.uint64))
    index = IdIndex(fold_at=100)
    index.add(["ab"], 1)
    index.add(["cd"], 2)  # same hash while the first is still recent
    index.add(["efg"], 3)
    assert index.get("xy") == [1, 2] and index.get("abc") == [3]
    index.fold()
    index.add(["gh"], 4)
    assert index.get("ab") == [1, 2, 4]


TOPICS = ["volcano erupts on Iceland glacier near Vik", "central bank raises interest rates sharply again",
          "chess champion wins tiebreak final in Lunda", "comet seen above Andes observatory tonight"]


def _retiring():
    c = StoryClusterer(max_active=1)
    for k, topic in enumerate(TOPICS):
        for j in range(3):
            c.add(article(f"t{k}-{j}", f"The {topic}, report {j}.", published=f"2015-09-{10 + 2 * k:02d}"))
    return c


def test_compact_retired_story_gives_back_its_members_days_and_articles_their_story():
    c = _retiring()
    retired = [s for s in c._stories.values() if isinstance(s, RetiredStory)]
    assert len(retired) == 3 and all(not s.active for s in retired)
    result = c.result()
    by_id = {s.id: s for s in result.stories}
    for s in retired:
        assert s.articles == by_id[s.id].articles == c._done.get(s.id).articles
        assert dict(s.days.counts) == {by_id[s.id].first_published[:10]: 3}
    for story in result.stories:
        for aid in story.articles:
            assert c.final_story(aid) == story.id
    assert c.final_story("never-added") is None
    # an article seen before keeps its story, though its story is retired and its id no longer in a dict
    first = result.stories[0]
    assert c.add(article(first.articles[0], "Something else entirely.")) == first.id
    assert len(c) == 12
    assert pickle.loads(pickle.dumps(c)).final_story(first.articles[1]) == first.id


def test_compact_packed_contexts_give_back_each_figures_terms():
    contexts = [frozenset({"flood", "river", "town"}), frozenset({"river", "dam"}), frozenset()]
    packed = pack_contexts(contexts)
    assert packed[0] == ("dam", "flood", "river", "town")  # each term once
    assert unpack_contexts(packed) == tuple(contexts)
    assert pack_contexts([]) == () and unpack_contexts(()) == ()


def test_compact_weights_keep_order_and_exact_values():
    vec = {"quake": 0.1 + 0.2, "e:bachelet": 1 / 3, "tsunami": 2.0 ** -40}
    w = Weights(vec)
    assert list(w.items()) == list(vec.items()) and list(w) == list(vec) and len(w) == 3
    assert w["e:bachelet"] == vec["e:bachelet"] and w.get("nope") is None
    with pytest.raises(KeyError):
        w["nope"]
    assert dict(pickle.loads(pickle.dumps(w)).items()) == vec


def test_compact_report_facts_come_back_equal_from_a_kept_record():
    from newsgraph.model import Actor, Event, Quote, Speaker
    from newsgraph.stories.compact import Kept, ReportFacts
    from stories_helpers import figure_in

    text = "Floods killed 12 people in Tarvo, the mayor said. \"We lost everything,\" said Ana Lind."
    facts = ReportFacts(
        title="Tarvo floods", lead=text[:40], figures=(figure_in(text, "12 people", "killed", 12),),
        contexts=(frozenset({"flood", "tarvo", "mayor"}),),
        quotes=(Quote(text="We lost everything,", span=(52, 71), speaker=Speaker(name="Ana Lind"), cue="said",
                      kind="direct"),),
        events=(Event(type="ASSAULT", source=Actor(name="floods"), target=Actor(name="Tarvo"), date=None,
                      place=None, span=(0, 20), trigger="killed"),))
    kept = Kept(id="a1", order=0, published="2015-09-17", source="x", credit=None, facts=facts.pack())
    assert kept.report() == facts
    assert kept.slim().facts == b"" and kept.slim().published == "2015-09-17"
