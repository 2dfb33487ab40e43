"""One JSON error shape for every failure, security headers, limits, and the write token (issue 16)."""

from __future__ import annotations

import pytest

from newsgraph.api.guard import CSP
from newsgraph.store.queries import encode_cursor

from .conftest import TOKEN


def _shape(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert {"status", "code", "message"} <= set(err) <= {"status", "code", "message", "details"}
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


@pytest.mark.parametrize("url,status,code", [
    ("/api/nothing-here", 404, "not_found"),
    ("/api/articles/no-such-article", 404, "not_found"),
    ("/api/stories/no-such-story", 404, "not_found"),
    ("/api/events?limit=0", 422, "invalid_request"),
    ("/api/events?limit=100000", 422, "invalid_request"),
    ("/api/events?type=DANCE", 422, "invalid_request"),
    ("/api/events?from=yesterday", 422, "invalid_request"),
    ("/api/events?country=R", 422, "invalid_request"),
    ("/api/events?cursor=not-a-cursor", 400, "bad_input"),
    ("/api/stories?cursor=MQ", 400, "bad_input"),
    # well-formed cursors this API never makes: SQLite used to answer an empty page (issue 16)
    ("/api/events?cursor=" + encode_cursor("abc"), 400, "bad_input"),
    ("/api/articles?cursor=" + encode_cursor("abc"), 400, "bad_input"),
    ("/api/quotes?q=talks&cursor=" + encode_cursor(2 ** 70), 400, "bad_input"),
    ("/api/stories?cursor=" + encode_cursor(12), 400, "bad_input"),
    ("/api/stories?cursor=" + encode_cursor("9" * 30 + "|s1"), 400, "bad_input"),
    ("/api/search?q=%21%21", 400, "bad_input"),
    ("/api/quotes?speaker=a%00b", 400, "bad_request"),
    ("/api/search?q=" + "x" * 5000, 414, "uri_too_long"),
])
def test_api_errors_have_one_shape(client, url, status, code):
    err = _shape(client.get(url), status, code)
    if status == 422:
        assert err["details"] and all(set(d) == {"where", "problem"} for d in err["details"])


def test_api_every_response_has_the_security_headers(client):
    for url in ("/", "/api/stories", "/api/nothing", "/static/app.css", "/stories/s-strike"):
        h = client.get(url).headers
        assert h["content-security-policy"] == CSP
        assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP
        assert h["x-content-type-options"] == "nosniff"


def test_api_pages_answer_errors_as_pages(client):
    r = client.get("/stories/<script>")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text.split("<main>", 1)[1] and "&lt;script&gt;" in r.text


def test_api_post_needs_the_token(client):
    body = {"articles": [{"text": "A test."}]}
    _shape(client.post("/api/articles", json=body), 401, "unauthorized")
    _shape(client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}), 401)
    _shape(client.post("/api/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"}), 401)


def test_api_post_body_size_is_limited(client):
    big = {"articles": [{"text": "word " * 10_000}]}  # over the test app's 20,000-byte limit
    _shape(client.post("/api/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"}), 413, "too_large")

    def chunks():
        for _ in range(30):
            yield b"x" * 1000

    r = client.post("/api/articles", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}",
                                                               "content-type": "application/json"})
    _shape(r, 413, "too_large")


@pytest.mark.parametrize("body", [{}, {"articles": []}, {"articles": "text"}, [1, 2],
                                  {"articles": [{"text": "x"}] * 101}])
def test_api_post_rejects_malformed_bodies(client, body):
    _shape(client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}), 422)


def test_api_writes_are_off_without_a_token(desk_url):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    app = create_app(desk_url, token=None)
    with TestClient(app) as c:
        _shape(c.post("/api/articles", json={"articles": [{"text": "x"}]}, headers={"Authorization": "Bearer "}),
               403, "writes_disabled")
    app.app.state.store.close()


def test_api_cli_errors_keep_the_extras_name(tmp_path):
    """`newsgraph serve` names its extra as written (rich once ate '[serve]' as markup)."""
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output


def test_api_cli_fail_escapes_markup(capsys):
    import typer

    from newsgraph.cli import _fail
    from newsgraph.errors import NewsgraphError

    with pytest.raises(typer.Exit):
        _fail(NewsgraphError("pip install 'newsgraph[serve]'"))
    assert "newsgraph[serve]" in capsys.readouterr().err
