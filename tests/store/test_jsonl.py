import json

from newsgraph.store import JsonlSink


def test_jsonl_sink_resume_keeps_records_and_cuts_torn_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "te', encoding="utf-8")
    with JsonlSink(out, resume=True) as sink:
        assert sink.done_ids == {"a", "b"}
        sink.write({"id": "c"})
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["a", "b", "c"]


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

    rec = AnalysedArticle(id="a", url=None, source=None, title=None, published=None, text="x", language="en")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(to_dict(rec)) + "\nnot json\n" + json.dumps({"text": "no id"}) + "\n",
                   encoding="utf-8")
    assert list(read_analysed(out)) == [rec]
