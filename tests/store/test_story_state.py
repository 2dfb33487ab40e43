"""Stories persist in the store: a run continued later gives the stories of one uninterrupted run."""

from __future__ import annotations

import pytest

from newsgraph.extract import analysed_from_dict
from newsgraph.stories import StoryClusterer, stories_to_dict

from .test_crash import invented_articles


def _partition(stories: dict) -> set[tuple[str, ...]]:
    return {tuple(sorted(s["articles"])) for s in stories["stories"]}


def _stored_partition(store) -> set[tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for s in store.stories(limit=1000).items:
        groups[s["id"]] = store.story(s["id"])["articles"]
    return {tuple(sorted(v)) for v in groups.values()}


@pytest.fixture(scope="module")
def articles():
    return [analysed_from_dict({**a, "language": "en"}) for a in invented_articles(12)]


@pytest.mark.parametrize("snapshot", [True, False])
def test_story_state_restart_continues_the_same_stories(store, articles, snapshot, monkeypatch):
    from newsgraph.store import story_state
    from newsgraph.store.sink import StoreSink

    reference = StoryClusterer()
    for a in articles:
        reference.add(a)
    expected = _partition(stories_to_dict(reference.result()))
    assert len(expected) > 1  # the invented reports do fall into several stories

    with StoreSink(store, versions="v1", batch=3) as sink:
        for a in articles[:7]:
            sink.write(a)
    assert store.get_state(story_state.SNAPSHOT_KEY) is not None
    if not snapshot:  # other stories code: the snapshot must be ignored and the members replayed
        monkeypatch.setattr(story_state, "code_fingerprint", lambda: "other-code")
    with StoreSink(store, versions="v1", batch=3) as sink:
        assert len(sink.clusterer) == 7
        for a in articles[7:]:
            sink.write(a)
    assert _stored_partition(store) == expected
    assert [aid for _, aid in store.member_order()] == [a.id for a in articles]


def test_story_state_unreadable_snapshot_falls_back_to_replay(store, articles):
    from newsgraph.store import story_state
    from newsgraph.store.sink import StoreSink

    with StoreSink(store, versions="v1") as sink:
        for a in articles[:4]:
            sink.write(a)
    _, note = store.get_state(story_state.SNAPSHOT_KEY)
    store.put_state(story_state.SNAPSHOT_KEY, b"not a pickle", note)
    assert len(story_state.restore_clusterer(store)) == 4
