"""Inputs a database cannot take as they are (issue 10): a NUL in a record's text (PostgreSQL
refuses it in text columns) and a file name that is not UTF-8 (no driver can encode it) once
crashed ``analyze --db`` with a traceback; both are cleaned where the readers hand them over."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.model

TEXT = "Officials in Kenya said on Monday that 40 people were evacuated from Nairobi."


def test_issue10_db_run_takes_nul_text_and_non_utf8_file_names(db_url, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    records = [{"id": "nul", "text": TEXT.replace("said", "said \u0000")}, {"id": "plain", "text": TEXT}]
    (inputs / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    root = os.fsencode(inputs)
    with open(os.path.join(root, b"caf\xe9.txt"), "wb") as fh:
        fh.write(TEXT.replace("Nairobi", "Mombasa").encode())
    open(os.path.join(root, b"empty\xff.txt"), "wb").close()  # a rejection with that origin

    out = tmp_path / "res.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(inputs), "--db", db_url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    from newsgraph.store import Store

    with Store(db_url) as store:
        counts = store.counts()
    assert counts["articles_done"] == 3 and counts["rejections"] == 1
