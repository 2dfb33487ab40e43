"""The CLI end to end: real files in, JSONL and stories out, summary and exit codes."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.model

ARTICLE = ("Kenya's President William Ruto said on Monday that the government would send aid "
           "to flooded districts. \"We will not leave anyone behind,\" Ruto told reporters in Nairobi.")


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text("Floods in Kenya\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE, "published": "2024-05-07", "source": "Wire"}) + "\n"
        + "this line is not json\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_analyze_writes_one_line_per_article_and_summarises(inputs, tmp_path):
    out = tmp_path / "out" / "res.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "b.jsonl"),
                                      str(inputs / "empty.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = _lines(out)
    assert len(rows) == 2
    assert rows[1]["id"] == "j1" and rows[1]["published"] == "2024-05-07"
    assert "articles analysed" in result.output and "rejected" in result.output


def test_cli_analyze_resume_never_writes_an_article_twice(inputs, tmp_path):
    out = tmp_path / "res.jsonl"
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(inputs), "-o", str(out), "-q"]).exit_code == 0
    first = _lines(out)
    result = runner.invoke(app, ["analyze", str(inputs), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert _lines(out) == first
    assert "already done" in result.output


def test_cli_analyze_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code != 0


def test_cli_analyze_unknown_model_is_one_clear_line(inputs, tmp_path):
    result = CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), "--model", "nope_xyz",
                                      "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "pip install" in result.output and "Traceback" not in result.output


def test_cli_analyze_stdin_to_stdout_real_entry_point(tmp_path):
    line = json.dumps({"id": "s1", "text": ARTICLE}) + "\n"
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "analyze", "-", "-o", "-", "-q"],
                          input=line.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["s1"]


def test_cli_stories_from_analysed_jsonl(inputs, tmp_path):
    out = tmp_path / "res.jsonl"
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(inputs), "-o", str(out), "-q"]).exit_code == 0
    stories = tmp_path / "stories.json"
    result = runner.invoke(app, ["stories", str(out), "-o", str(stories)])
    assert result.exit_code == 0, result.output
    data = json.loads(stories.read_text(encoding="utf-8"))
    ids = [a for s in data["stories"] for a in s["articles"]]
    assert sorted(ids) == sorted(r["id"] for r in _lines(out))  # every article in exactly one story


def test_cli_show_prints_a_digest(inputs, tmp_path):
    out = tmp_path / "res.jsonl"
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(inputs / "b.jsonl"), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["show", str(out)])
    assert result.exit_code == 0 and "William Ruto" in result.output


def test_cli_show_lists_main_events_before_background(tmp_path):
    from newsgraph.extract import AnalysedArticle
    from newsgraph.model import Actor, Event, to_dict

    text = "In 2009 the rebels seized the port. On Monday the army arrested the rebel leader."
    background = Event(type="ASSAULT", source=Actor(name="rebels"), target=None, date="2009", place=None,
                       span=(0, 35), trigger="seized")
    news = Event(type="COERCE", source=Actor(name="army"), target=Actor(name="rebel leader"), date=None,
                 place=None, span=(36, len(text)), trigger="arrested", main=True)
    rec = AnalysedArticle(id="x", url=None, source=None, title="Leader held", published=None, text=text,
                          language="en", events=(background, news))
    out = tmp_path / "res.jsonl"
    out.write_text(json.dumps(to_dict(rec)) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(out)])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if "COERCE" in ln or "ASSAULT" in ln]
    assert lines[0].startswith("event army COERCE") and lines[1].startswith("background rebels ASSAULT")


def test_issue10_cli_second_writer_on_one_output_is_refused(inputs, tmp_path):
    from newsgraph.store import JsonlSink

    out = tmp_path / "res.jsonl"
    with JsonlSink(out):  # another run is writing this output
        for extra in ([], ["--resume"]):
            result = CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), "-o", str(out), *extra])
            assert result.exit_code == 1
            assert "another newsgraph run" in " ".join(result.output.split())  # rich wraps lines


def test_issue10_cli_resume_refuses_a_file_that_is_not_newsgraph_output(inputs, tmp_path):
    out = tmp_path / "notes.jsonl"
    out.write_text("my own notes\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), "-o", str(out), "--resume"])
    assert result.exit_code == 1 and "not newsgraph JSONL" in " ".join(result.output.split())
    assert out.read_text(encoding="utf-8") == "my own notes\n"


def test_issue10_cli_resume_moves_corrupt_lines_out_and_says_so(inputs, tmp_path):
    out = tmp_path / "res.jsonl"
    assert CliRunner().invoke(app, ["analyze", str(inputs / "b.jsonl"), "-o", str(out)]).exit_code == 0
    good = out.read_text(encoding="utf-8")
    out.write_text(good[:50] + "\n" + good, encoding="utf-8")  # a broken line before the record
    result = CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "b.jsonl"),
                                      "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert "corrupt lines moved out" in " ".join(result.output.split())
    assert [r["id"] for r in _lines(out)][0] == "j1" and len(_lines(out)) == 2
    assert (tmp_path / "res.corrupt.jsonl").exists()


def test_issue10_stories_rewrite_of_the_output_happens_under_its_lock(inputs, tmp_path, monkeypatch):
    # --stories ends by replacing the output with dated records: a run starting meanwhile
    # must be refused, not write to the file about to be replaced
    import newsgraph.stories.story_time as story_time
    from newsgraph.errors import StoreError
    from newsgraph.store import JsonlSink

    real = story_time.rewrite_jsonl
    seen = []

    def rewrite(path, update):
        try:
            JsonlSink(path, resume=True).close()
            seen.append("second writer let in")
        except StoreError:
            seen.append("refused")
        return real(path, update)

    monkeypatch.setattr(story_time, "rewrite_jsonl", rewrite)
    out = tmp_path / "res.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "b.jsonl"), "-o", str(out),
                                      "--stories", str(tmp_path / "stories.json")])
    assert result.exit_code == 0, result.output
    assert seen == ["refused"] and len(_lines(out)) == 2


def test_issue10_stories_json_is_written_whole_or_refused_clearly(inputs, tmp_path, monkeypatch):
    import os

    out = tmp_path / "stories.json"
    out.write_text('{"stories": []}\n', encoding="utf-8")
    real_replace = os.replace

    def crash(src, dst):  # the run dies between writing and renaming: the old file stays whole
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = CliRunner().invoke(app, ["stories", str(inputs / "b.jsonl"), "-o", str(out)])
    said = " ".join(result.output.split())  # rich wraps lines
    assert result.exit_code == 1 and "cannot write" in said and "No space left" in said
    assert out.read_text(encoding="utf-8") == '{"stories": []}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.setattr(os, "replace", real_replace)
    result = CliRunner().invoke(app, ["stories", str(inputs / "b.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["stories"]) == 1
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_issue10_show_and_stories_skip_damaged_records(inputs, tmp_path):
    out = tmp_path / "res.jsonl"
    assert CliRunner().invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "b.jsonl"), "-o", str(out),
                                    "-q"]).exit_code == 0
    good = _lines(out)
    damaged = [{**good[0], "id": "bad-1", "entities": 5}, {**good[0], "id": "bad-2", "events": [{"type": 1}]},
               {**good[0], "id": "bad-3", "published": 2015}]
    # the damaged lines first: they must not make the file look like raw input either
    out.write_text("".join(json.dumps(d) + "\n" for d in damaged + good), encoding="utf-8")
    shown = CliRunner().invoke(app, ["show", str(out), "--limit", "10"])
    assert shown.exit_code == 0, shown.output
    assert "3 line(s) skipped" in " ".join(shown.output.split())
    stories = CliRunner().invoke(app, ["stories", str(out), "-o", str(tmp_path / "s.json")])
    assert stories.exit_code == 0, stories.output
    members = [a for s in json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["stories"]
               for a in s["articles"]]
    assert sorted(members) == sorted(r["id"] for r in good)


def test_show_labels_a_place_by_where_it_lies():
    from newsgraph.cli import _place_label
    from newsgraph.model import Place
    town = Place(name="Auckland", span=(0, 8), geonameid=1, lat=-36.85, lon=174.76, country="NZL",
                 feature="P.PPL", admin1="Auckland", confidence=0.9)
    inside = Place(name="Qwxzyton", span=(10, 18), lat=-36.85, lon=174.76, country="NZL", admin1="Auckland",
                   confidence=0.1, within="Auckland")
    assert _place_label(town) == "Auckland (NZL; -36.85, 174.76)"
    assert _place_label(inside) == "Qwxzyton (in Auckland, NZL; -36.85, 174.76)"
    assert _place_label(Place(name="Nowhere", span=(0, 7))) == "Nowhere (unresolved)"
