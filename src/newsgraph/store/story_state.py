"""The story clusterer's memory, kept in the store so a restarted run continues the same stories.

The truth is the ``story_members`` table: the order in which articles joined
the clusterer. Replaying the stored articles in that order rebuilds exactly the
clusterer a run had (clustering is deterministic), whatever its internals. A
pickled snapshot, taken when a run closes, is only a shortcut: it is used when
it was written by the same stories code (a fingerprint of its source files), and
the members that joined after it are replayed on top. A snapshot that cannot be
read or written is skipped with a log line; replay always works.

Only open databases you trust: like any pickle, a snapshot written by someone
else could run code when loaded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
import zlib
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..stories import StoryClusterer
    from .db import Store

log = logging.getLogger(__name__)

SNAPSHOT_KEY = "stories.clusterer"


def code_fingerprint() -> str:
    """sha256 of the stories package's source files: a snapshot is only valid for the same code."""
    from .. import __version__

    h = hashlib.sha256(__version__.encode())
    pkg = resources.files("newsgraph.stories")
    for entry in sorted(pkg.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".py"):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()[:16]


def _load_snapshot(store: "Store") -> tuple["StoryClusterer", int] | None:
    found = store.get_state(SNAPSHOT_KEY)
    if found is None:
        return None
    blob, note = found
    try:
        info = json.loads(note or "{}")
    except json.JSONDecodeError:
        return None
    if info.get("code") != code_fingerprint():
        log.info("story snapshot made by other stories code: replaying the stored articles instead")
        return None
    try:
        clusterer = pickle.loads(zlib.decompress(blob))
    except Exception as exc:  # noqa: BLE001 - any unreadable snapshot just means: replay
        log.warning("story snapshot unreadable (%s): replaying the stored articles instead", exc)
        return None
    return clusterer, int(info.get("watermark", 0))


def restore_clusterer(store: "Store") -> "StoryClusterer":
    """The clusterer of the stories in ``store``: its snapshot plus the articles that joined after it."""
    from ..extract import analysed_from_dict
    from ..stories import StoryClusterer

    loaded = _load_snapshot(store)
    clusterer, watermark = loaded if loaded is not None else (StoryClusterer(), 0)
    order = store.member_order(after=watermark)
    batch = 200
    for i in range(0, len(order), batch):
        ids = [aid for _, aid in order[i:i + batch]]
        for record in store.records(ids):
            clusterer.add(analysed_from_dict(record))
    if order:
        log.info("story clusterer: %d stored articles replayed", len(order))
    return clusterer


def save_snapshot(store: "Store", clusterer: "StoryClusterer") -> bool:
    """Pickle the clusterer into the store with the member watermark it covers; False when it cannot."""
    watermark = store.last_member_seq()
    try:
        blob = zlib.compress(pickle.dumps(clusterer, protocol=pickle.HIGHEST_PROTOCOL), 1)
    except Exception as exc:  # noqa: BLE001 - a clusterer that cannot be pickled is replayed instead
        log.warning("story clusterer not snapshotted (%s); the next run replays the stored articles", exc)
        return False
    store.put_state(SNAPSHOT_KEY, blob, json.dumps({"code": code_fingerprint(), "watermark": watermark}))
    return True
