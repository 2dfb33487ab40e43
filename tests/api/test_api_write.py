"""POST /api/articles analyses through the real pipeline and stores the facts and stories (issue 16)."""

from __future__ import annotations

import pytest

from .conftest import TOKEN

pytestmark = pytest.mark.model

TEXT = ("Harbour workers strike in Portvale\n\nDock workers in Portvale walked out on Tuesday, the port "
        "authority said. \"We want our wages paid,\" said union leader Tomas Ferrer. About 400 workers joined.")


def test_api_post_analyses_stores_and_reports(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    app = create_app(str(tmp_path / "w.db"), token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"articles": [{"id": "w1", "text": TEXT, "source": "Dock News", "published": "2031-04-01"},
                         {"id": "w2", "text": "   "}]}
    with TestClient(app) as c:
        r = c.post("/api/articles", json=body, headers=auth)
        assert r.status_code == 200, r.text
        out = r.json()
        assert [a["id"] for a in out["analysed"]] == ["w1"] and out["analysed"][0]["story"]["size"] == 1
        assert [x["reason"] for x in out["rejected"]] == ["no-text"]
        stored = c.get("/api/articles/w1").json()
        assert stored["source"] == "Dock News" and stored["quotes"], stored
        assert c.get("/api/quotes?q=wages").json()["items"][0]["article"]["id"] == "w1"
        again = c.post("/api/articles", json={"articles": body["articles"][:1]}, headers=auth).json()
        assert again["already_done"] == ["w1"] and again["analysed"] == []
    app.app.state.store.close()
