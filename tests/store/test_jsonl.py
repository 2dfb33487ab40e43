"""The JSONL sink: resume after a crash, one writer at a time, corrupt lines moved out (issue 10)."""

import json
import subprocess
import sys

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import JsonlSink
from newsgraph.store.jsonl import corrupt_path


def rec(id: str, text: str = "Talks resumed.") -> dict:
    return {"id": id, "url": None, "source": None, "title": None, "published": None, "text": text,
            "language": "en", "entities": [], "quotes": [], "events": [], "figures": [], "dates": [],
            "places": []}


def lines(*records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def ids(path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_sink_resume_keeps_records_and_cuts_torn_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(lines(rec("a"), rec("b")) + '{"id": "c", "te', encoding="utf-8")
    with JsonlSink(out, resume=True) as sink:
        assert sink.done_ids == {"a", "b"}
        sink.write(rec("c"))
    assert ids(out) == ["a", "b", "c"]


def test_jsonl_sink_resume_of_a_file_holding_only_a_torn_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "text": "Talks', encoding="utf-8")  # killed during the first write
    with JsonlSink(out, resume=True) as sink:
        assert sink.done_ids == set()
        sink.write(rec("a"))
    assert ids(out) == ["a"]


def test_jsonl_sink_without_resume_replaces(tmp_path):
    out = tmp_path / "sub" / "out.jsonl"
    out.parent.mkdir()
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    with JsonlSink(out) as sink:
        assert sink.done_ids == set()
        sink.write({"id": "new", "text": "é"})
    assert json.loads(out.read_text(encoding="utf-8")) == {"id": "new", "text": "é"}


def test_jsonl_read_analysed_skips_lines_without_id(tmp_path):
    from newsgraph.extract import AnalysedArticle
    from newsgraph.model import to_dict
    from newsgraph.store import read_analysed

    r = AnalysedArticle(id="a", url=None, source=None, title=None, published=None, text="x", language="en")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(to_dict(r)) + "\nnot json\n" + json.dumps({"text": "no id"}) + "\n"
                   + "[" * 3000 + "\n", encoding="utf-8")
    assert list(read_analysed(out)) == [r]


def test_issue10_resume_quarantines_corrupt_lines_in_the_middle(tmp_path):
    out = tmp_path / "out.jsonl"
    half = json.dumps(rec("b"))[:40]
    out.write_text(lines(rec("a")) + half + json.dumps(rec("c")) + "\n" + lines(rec("d"), rec("a"))
                   + "\xff garbage\n" + lines(rec("e")), encoding="utf-8")
    with JsonlSink(out, resume=True) as sink:
        assert sink.done_ids == {"a", "d", "e"}
        assert [n for n, _ in sink.quarantined] == [2, 4, 5]
        sink.write(rec("b"))
    assert ids(out) == ["a", "d", "e", "b"]
    moved = [json.loads(line) for line in corrupt_path(out).read_text(encoding="utf-8").splitlines()]
    assert [m["line"] for m in moved] == [2, 4, 5]
    assert moved[0]["raw"].startswith(half)
    assert "second record for id 'a'" in moved[1]["problem"]
    assert corrupt_path(out).name == "out.corrupt.jsonl"


@pytest.mark.parametrize("content", [
    "Plain notes, not JSON at all.\nA second line.\n",
    lines({"id": "x", "text": "an input record, not an analysed one"}),
    lines(rec("a")) + lines({"name": "something else"}),
])
def test_issue10_resume_refuses_a_file_that_is_not_newsgraph_jsonl(tmp_path, content):
    out = tmp_path / "notes.jsonl"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="is not newsgraph JSONL"):
        JsonlSink(out, resume=True)
    assert out.read_text(encoding="utf-8") == content  # untouched
    assert not corrupt_path(out).exists()


def test_issue10_second_writer_gets_a_clear_error_and_the_file_is_kept(tmp_path):
    out = tmp_path / "out.jsonl"
    with JsonlSink(out) as first:
        first.write(rec("a"))
        for resume in (False, True):
            with pytest.raises(StoreError, match="another newsgraph run"):
                JsonlSink(out, resume=resume)
        first.write(rec("b"))
    assert ids(out) == ["a", "b"]  # the refused writer truncated nothing
    with JsonlSink(out, resume=True) as again:  # the lock is gone with the first sink
        assert again.done_ids == {"a", "b"}


def test_issue10_lock_holds_across_processes(tmp_path):
    out = tmp_path / "out.jsonl"
    code = ("import sys\nfrom newsgraph.store import JsonlSink\nfrom newsgraph.errors import StoreError\n"
            "try:\n    JsonlSink(sys.argv[1])\nexcept StoreError as e:\n    print(e)\n    sys.exit(3)\n")
    with JsonlSink(out) as sink:
        sink.write(rec("a"))
        done = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                              timeout=60)
    assert done.returncode == 3 and "another newsgraph run" in done.stdout
    assert ids(out) == ["a"]


def test_issue10_a_file_replaced_before_the_lock_is_taken_is_reopened(tmp_path, monkeypatch):
    # a run that ends by replacing its output (--stories rewrites it) between this run's
    # open and its lock: writing to the old file would lose every record
    import os

    import newsgraph.store.jsonl as sink_module

    out = tmp_path / "out.jsonl"
    out.write_text(lines(rec("old")), encoding="utf-8")
    real_flock = sink_module.fcntl.flock
    replaced = []

    def flock(fd, op):
        if not replaced:
            (tmp_path / "new.jsonl").write_text(lines(rec("a")), encoding="utf-8")
            os.replace(tmp_path / "new.jsonl", out)
            replaced.append(fd)
        return real_flock(fd, op)

    monkeypatch.setattr(sink_module.fcntl, "flock", flock)
    with JsonlSink(out, resume=True) as sink:
        assert sink.done_ids == {"a"}
        sink.write(rec("b"))
    assert ids(out) == ["a", "b"]


def test_issue10_resume_moves_out_records_with_a_damaged_field(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(lines(rec("a"), {**rec("b"), "entities": 5}, {**rec("c"), "published": 2015}, rec("d")),
                   encoding="utf-8")
    with JsonlSink(out, resume=True) as sink:
        assert sink.done_ids == {"a", "d"}
        assert [(n, p) for n, p in sink.quarantined] == [
            (2, "record.entities: expected a list, got int"), (3, "record.published: expected str, got int")]
    assert ids(out) == ["a", "d"]


def test_issue10_read_analysed_skips_damaged_records_and_says_which(tmp_path):
    from newsgraph.store import read_analysed

    out = tmp_path / "out.jsonl"
    out.write_text(lines(rec("a"), {**rec("b"), "quotes": [5]}, {**rec("c"), "places": [None]}, rec("d"))
                   + "{cut\n", encoding="utf-8")
    skipped: list = []
    assert [r.id for r in read_analysed(out, skipped=skipped)] == ["a", "d"]
    assert [n for n, _ in skipped] == [2, 3, 5]
