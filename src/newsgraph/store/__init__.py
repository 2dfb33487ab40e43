"""Where results go: JSONL files written so that a crashed run resumes where it stopped."""

from .jsonl import JsonlSink, read_analysed, read_jsonl_records

__all__ = ["JsonlSink", "read_analysed", "read_jsonl_records"]
