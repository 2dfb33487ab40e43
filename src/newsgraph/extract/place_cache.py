"""The place index's cache file over its life: the look-up indexes it carries (added in place to a file
built before one of them existed) and the removal of older index versions' files.

Why in place: a look-up index changes no answer, so it needs no new index version and no rebuild
(~15 s, and a v-bump would delete the file other installs sharing the cache still use). Without
``names(place)`` the per-country name list of the near-spelling search (``PlaceIndex._country_names``)
scanned all ~400k name rows, 30-40 ms per country on first use; with it 0.3-20 ms (ten countries:
334 -> 49 ms; the file grows ~4 MB).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

LOOKUP_INDEXES = ("CREATE INDEX IF NOT EXISTS ix_names_key ON names(key)",
                  "CREATE INDEX IF NOT EXISTS ix_places_country ON places(country)",
                  "CREATE INDEX IF NOT EXISTS ix_names_place ON names(place)")
_INDEX_NAME = re.compile(r"INDEX IF NOT EXISTS (\w+)")


def add_lookup_indexes(path: Path) -> bool:
    """Add the look-up indexes an older build of ``path`` lacks; True when it holds them all after.
    Best effort: a file another process is writing, or a read-only cache, is read without them."""
    try:
        con = sqlite3.connect(path, timeout=30)
        try:
            have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            missing = [sql for sql in LOOKUP_INDEXES if _INDEX_NAME.search(sql).group(1) not in have]
            if missing:
                with con:
                    for sql in missing:
                        con.execute(sql)
                log.info("places: added %d look-up index(es) to %s", len(missing), path)
        finally:
            con.close()
    except sqlite3.Error as exc:
        log.warning("places: could not add look-up indexes to %s: %s", path, exc)
        return False
    return True


_INDEX_FILE = re.compile(r"places-v(\d+)-.*\.sqlite")


def remove_superseded(path: Path) -> list[Path]:
    """Delete the index files of older index versions next to ``path`` (about 40 MB each).

    Only older versions go: an older install sharing the cache keeps a newer one's file, so two
    installs on one machine never delete each other's index back and forth. A file of the same
    version built from other data package versions stays too (another venv may use it).
    """
    mine = _INDEX_FILE.fullmatch(path.name)
    if mine is None:
        return []
    removed = []
    for other in path.parent.glob("places-v*.sqlite"):
        m = _INDEX_FILE.fullmatch(other.name)
        if m and int(m.group(1)) < int(mine.group(1)):
            try:
                other.unlink()
            except OSError as exc:
                log.warning("places: could not remove the superseded index %s: %s", other, exc)
            else:
                log.info("places: removed the superseded index %s", other)
                removed.append(other)
    return removed


__all__ = ["LOOKUP_INDEXES", "add_lookup_indexes", "remove_superseded"]
