from __future__ import annotations

import pickle

import numpy as np
import pytest

from newsgraph.stories import StoryClusterer, compact
from newsgraph.stories.compact import RetiredStory
from newsgraph.stories.compact import IdIndex, pack_ids, unpack_ids
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
