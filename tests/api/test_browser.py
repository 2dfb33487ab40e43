"""The desk in a real headless Chromium (Debian's package) driven by Playwright (issue 16).

The server runs in this process on 127.0.0.1 with the hand-written newsroom;
the browser opens the stories list, a story and an article, clicks a fact and
sees its evidence highlighted, and opens the hostile article: its script tags,
onerror handlers, javascript: links and </textarea> breakout stay text, no
script of it runs and no request leaves for anything but the page's own assets.
Screenshots go to docs/img/ (the README shows them). Skipped, saying why, where
chromium or playwright is missing (``.ci/run`` installs chromium).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)

IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from newsgraph.api import create_app
    from newsgraph.store import Store

    from .desk_data import fill

    url = str(tmp_path_factory.mktemp("browser") / "desk.db")
    with Store(url) as store:
        fill(store)
    app = create_app(url)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    app.app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        except Exception as exc:  # noqa: BLE001 - a browser that cannot start is a skip with its reason
            pytest.skip(f"chromium at {CHROMIUM} did not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # console errors and page errors: CSP violations would show here
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    context.close()


def test_browser_stories_story_article_and_a_fact_highlighted(server, page):
    IMG.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    assert page.locator("table#stories tbody tr").count() == 2
    page.screenshot(path=str(IMG / "stories.png"))

    page.click("text=Strike on Portvale kills 12")
    page.wait_for_url("**/stories/s-strike")
    assert page.locator(".tl-event").count() == 1
    assert page.locator(".versions.disagree").first.is_visible()
    assert page.locator("svg.graph line.edge").count() == 1
    assert page.locator("svg.map-dots circle").count() == 1
    page.screenshot(path=str(IMG / "story.png"), full_page=True)

    page.click("a.article-link:has-text('Portvale strike toll rises to 19')")
    page.wait_for_url("**/articles/a2")
    figure = page.locator("#fact-f0")
    figure.click()
    active = page.locator("#text .hl.active")
    assert active.count() >= 1
    assert "".join(active.all_inner_texts()) == "At least 19"
    assert "At least 19" in page.locator("#record").inner_text()
    assert "active" in figure.get_attribute("class")
    # clicking another fact moves the highlight
    page.locator("#fact-q0").click()
    assert "We hit only military targets" in "".join(page.locator("#text .hl.active").all_inner_texts())
    page.locator("#fact-f0").click()
    page.screenshot(path=str(IMG / "article.png"))
    assert page.problems == [], page.problems


def test_browser_evidence_link_from_the_story_selects_the_span(server, page):
    page.goto(server + "/stories/s-strike")
    page.locator("#timeline .evidence a").first.click()
    page.wait_for_url("**/articles/a1#span=*")
    assert "Velorian defence ministry" in "".join(page.locator("#text .active").all_inner_texts())


@pytest.mark.parametrize("path", ["/articles/h1", "/stories/s-hostile", "/", "/entity?name=Mara%20Quint",
                                  "/search?q=silenced"])
def test_browser_hostile_article_runs_no_script_and_makes_no_request(server, page, path):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("main script, main img[onerror], main textarea").count() == 0
    own = {server + path, server + "/static/app.css", server + "/static/app.js", server + "/static/world.svg",
           server + "/static/favicon.svg"}
    assert set(requests) <= own, sorted(set(requests) - own)
    if path == "/articles/h1":
        text = page.locator("#text").inner_text()
        assert "<script>window.__pwned = 1;" in text and "</textarea><script>" in text
        assert "onerror=" in text
        assert page.locator(".source-url.unsafe").inner_text() == "javascript:window.__pwned=6"
        page.locator("#fact-f0").click()
        assert page.locator("#text .hl.active").inner_text() == "<script>"
        page.screenshot(path=str(IMG / "hostile.png"))
    assert page.problems == [], page.problems
