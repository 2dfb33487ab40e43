"""Docs cannot drift: every command, setting and SCHEMA field is documented or implemented."""

import dataclasses
import re
import sys
from pathlib import Path

import pytest

from newsgraph import model
from newsgraph.settings import Settings

from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT / "scripts"))
import cli_reference  # noqa: E402

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_cli_reference_is_current():
    committed = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    assert committed == cli_reference.render(), "run: python scripts/cli_reference.py"


@pytest.mark.parametrize("command", cli_reference.command_names())
def test_docs_readme_mentions_every_command(command):
    assert f"newsgraph {command}" in README


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Settings)])
def test_docs_readme_documents_every_setting(name):
    assert f"| {name} |" in README and f"NEWSGRAPH_{name.upper()}" in README


RECORDS = {"entities": model.Entity, "quotes": model.Quote, "events": model.Event,
           "figures": model.Figure, "dates": model.DateMention, "places": model.Place}


def test_docs_model_implements_every_schema_output_field():
    schema = (shared_path() / "SCHEMA.md").read_text(encoding="utf-8")
    output = schema.split("## Output: one analysed article", 1)[1].split("## Output: stories", 1)[0]
    article_fields = {f.name for f in dataclasses.fields(model.AnalysedArticle)}
    for row in re.findall(r"^\| `(\w+)` \| (\w+) \| (.*)$", output, re.M):
        name, _type, meaning = row
        assert name in article_fields, name
        if name in RECORDS:
            listed = re.match(r"`\{([^}]*)\}`", meaning)
            assert listed, f"no field list for {name}"
            record_fields = {f.name for f in dataclasses.fields(RECORDS[name])}
            for field in (f.split(":")[0].strip() for f in listed.group(1).split(",")):
                assert field in record_fields, f"{name}.{field} missing from model"
