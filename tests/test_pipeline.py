import pytest

from newsgraph import Article, Rejected, analyze, analyze_many, to_dict
from newsgraph.errors import BadInput
from newsgraph.extract import FACT_FIELDS

TEXT = "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Tuesday."


@pytest.mark.model
def test_pipeline_analyze_echoes_metadata_and_has_every_fact_list():
    rec = analyze(TEXT, published="2015-09-17", source="Wire", title="Talks", url="http://x/1")
    data = to_dict(rec)
    assert (data["published"], data["source"], data["title"], data["url"]) == (
        "2015-09-17", "Wire", "Talks", "http://x/1")
    assert data["text"] == TEXT and data["language"] == "en"
    for kind in FACT_FIELDS:
        assert isinstance(data[kind], list)
    for ent in rec.entities:
        for start, end in ent.mentions:
            assert TEXT[start:end]  # every mention is a real span of the text


@pytest.mark.model
def test_pipeline_analyze_is_deterministic():
    assert to_dict(analyze(TEXT, id="x")) == to_dict(analyze(TEXT, id="x"))


@pytest.mark.model
def test_pipeline_analyze_many_keeps_order_and_passes_rejections():
    items = [{"id": "1", "text": "First text about Paris."}, {"id": "2"},
             {"id": "3", "text": "Third text about Berlin."}]
    out = list(analyze_many(items))
    assert [getattr(r, "id", None) for r in out] == ["1", None, "3"]
    assert isinstance(out[1], Rejected) and out[1].reason == "no-text"


@pytest.mark.model
def test_pipeline_two_workers_match_one_worker():
    texts = [f"Officials in Kenya said {n} people were evacuated on Monday." for n in range(6)]
    one = [to_dict(r) for r in analyze_many(texts, workers=1, batch_size=2)]
    two = [to_dict(r) for r in analyze_many(texts, workers=2, batch_size=2)]
    assert one == two


@pytest.mark.model
def test_pipeline_rejects_too_large_text():
    out = list(analyze_many(["word " * 50], max_chars=100))
    assert isinstance(out[0], Rejected) and out[0].reason == "too-large"


@pytest.mark.parametrize("kwargs", [{}, {"text": "x", "html": "<p>x</p>"}, {"text": "   "}])
def test_pipeline_analyze_needs_exactly_one_readable_input(kwargs):
    with pytest.raises(BadInput):
        analyze(**kwargs)


def test_pipeline_missing_model_says_what_to_install():
    from newsgraph.errors import ModelNotFound

    with pytest.raises(ModelNotFound, match="pip install"):
        analyze("Some text.", model="no_such_pipeline_xyz")


@pytest.mark.parametrize("kwargs, says", [
    ({"text": 5}, "text= must be a str, not int"),
    ({"text": b"bytes"}, "text= must be a str, not bytes"),
    ({"html": ["<p>x</p>"]}, "html= must be a str or bytes, not list"),
    ({"text": TEXT, "title": ["x", 1]}, "title= must be a str or None, not list"),
    ({"text": TEXT, "published": 2015}, "published= must be a str or None, not int"),
])
def test_issue10_analyze_wrong_types_raise_bad_input_with_a_message(kwargs, says):
    import newsgraph

    with pytest.raises(newsgraph.BadInput, match=says):
        newsgraph.analyze(**kwargs)


@pytest.mark.model
def test_issue10_lone_surrogate_is_replaced_at_the_api_boundary():
    rec = analyze("Officials in Geneva \ud800 said talks would resume.", title="Talks \udc00")
    assert "\ufffd" in rec.text and rec.title == "Talks \ufffd"
    from newsgraph.model import Article

    (done,) = analyze_many([Article(id="s\ud800", text="Ministers met in Oslo \udfff on Monday.")])
    assert done.id == "s\ufffd" and done.text == "Ministers met in Oslo \ufffd on Monday."


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_issue10_a_failing_article_does_not_take_its_batch_with_it(monkeypatch, workers):
    import newsgraph.analysis as pipeline  # where analyse_batch looks analyse_parsed up

    real = pipeline.analyse_parsed

    def flaky(doc, article, **kwargs):
        if "poison" in article.text:
            raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")
        return real(doc, article, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_parsed", flaky)
    items = [{"id": str(n), "text": f"Officials in Kenya said {n} people were evacuated."} for n in range(5)]
    items[2] = {"id": "2", "text": "A poison text that the parser cannot take."}
    out = list(analyze_many(items, workers=workers, batch_size=8))
    assert [r.reason if isinstance(r, Rejected) else r.id for r in out] == ["0", "1", "analysis-failed", "3", "4"]
    assert out[2].detail.startswith("UnicodeEncodeError")


@pytest.mark.parametrize("items, says", [
    ("Officials said the talks would resume.", "not a single str"),
    ({"text": "Officials said the talks would resume."}, "not a single dict"),
    (5, "not a single int"),
    ([Article(id="a", text="Talks resumed.", title=5)], "title must be a str or None, not int"),
    ([3.5], "not float"),
])
def test_issue10_analyze_many_wrong_types_raise_bad_input(items, says):
    import newsgraph

    with pytest.raises(newsgraph.BadInput, match=says):
        list(newsgraph.analyze_many(items))


@pytest.mark.model
def test_issue10_analyze_many_holds_caller_articles_to_the_input_schema(caplog):
    from newsgraph.model import Article

    text = "Ministers met in Oslo on Monday."
    done = list(analyze_many([Article(id="a", text=text, published="not a date"),
                              Article(id="b\x00", text=text, published="Sept. 17, 2015")]))
    assert [(r.id, r.published) for r in done] == [("a", None), ("b\ufffd", "2015-09-17")]
    assert "dropping published='not a date'" in caplog.text


def _dying(real, marker, *, times: int):
    """A batch function that SIGKILLs its worker process the first ``times`` calls (across processes:
    the calls are counted in files created with O_EXCL, which only one process can win)."""
    import os
    import signal

    def batch(articles, settings):
        for n in range(times):
            try:
                os.close(os.open(f"{marker}.{n}", os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                continue
            os.kill(os.getpid(), signal.SIGKILL)
        return real(articles, settings)

    return batch


@pytest.mark.model
def test_pipeline_killed_worker_is_replaced_and_nothing_lost_or_repeated(monkeypatch, tmp_path):
    import newsgraph.pipeline as pipeline

    texts = [f"Officials in Kenya said {n} people were evacuated on Monday." for n in range(12)]
    one = [to_dict(r) for r in analyze_many(texts, workers=1, batch_size=2)]
    monkeypatch.setattr(pipeline, "_analyse_batch", _dying(pipeline._analyse_batch, tmp_path / "kill", times=1))
    two = [to_dict(r) for r in analyze_many(texts, workers=2, batch_size=2)]
    assert (tmp_path / "kill.0").exists()  # a worker really was killed
    assert two == one


@pytest.mark.model
def test_pipeline_workers_dying_again_and_again_stop_the_run_with_a_clear_error(monkeypatch, tmp_path):
    import newsgraph.pipeline as pipeline
    from newsgraph.errors import EngineError

    monkeypatch.setattr(pipeline, "_RESTARTS", 1)
    monkeypatch.setattr(pipeline, "_analyse_batch", _dying(pipeline._analyse_batch, tmp_path / "kill", times=50))
    texts = [f"Officials in Kenya said {n} people were evacuated on Monday." for n in range(6)]
    with pytest.raises(EngineError, match="worker processes died 2 times"):
        list(analyze_many(texts, workers=2, batch_size=2))
