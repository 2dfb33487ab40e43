"""Where results go: JSONL files that resume after a crash, and the newsroom database.

``Store`` (SQLite by default, PostgreSQL for teams) keeps articles, rejections,
facts and stories; ``StoreSink`` is how a run writes into it.
"""

from .db import ArticleState, Store, store_version
from .jsonl import JsonlSink, read_analysed, read_jsonl_records
from .queries import Page

__all__ = ["JsonlSink", "read_analysed", "read_jsonl_records", "Store", "ArticleState", "Page", "store_version"]
