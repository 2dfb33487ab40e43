"""Docs cannot drift: every command, setting and SCHEMA field is documented or implemented."""

import dataclasses
import re
import sys
from pathlib import Path

import pytest

from newsgraph.extract import REGISTRY, AnalysedArticle
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


RECORDS = REGISTRY.records


def test_docs_model_implements_every_schema_output_field():
    schema = (shared_path() / "SCHEMA.md").read_text(encoding="utf-8")
    output = schema.split("## Output: one analysed article", 1)[1].split("## Output: stories", 1)[0]
    article_fields = {f.name for f in dataclasses.fields(AnalysedArticle)}
    for row in re.findall(r"^\| `(\w+)` \| (\w+) \| (.*)$", output, re.M):
        name, _type, meaning = row
        assert name in article_fields, name
        if name in RECORDS:
            listed = re.match(r"`\{([^}]*)\}`", meaning)
            assert listed, f"no field list for {name}"
            record_fields = {f.name for f in dataclasses.fields(RECORDS[name])}
            for field in (f.split(":")[0].strip() for f in listed.group(1).split(",")):
                assert field in record_fields, f"{name}.{field} missing from model"


def _singular(field: str) -> str:
    return field[:-3] + "y" if field.endswith("ies") else field[:-1] if field.endswith("s") else field


def test_docs_every_record_field_is_in_schema_or_output_docs():
    """A field added to a fact record is listed in SCHEMA.md or in docs/output.md's table."""
    schema = (shared_path() / "SCHEMA.md").read_text(encoding="utf-8")
    docs = (ROOT / "docs" / "output.md").read_text(encoding="utf-8").split("## Stories", 1)[0]
    for kind, record in RECORDS.items():
        row = re.search(rf"^\| `{kind}` \| \w+ \| `\{{([^}}]*)\}}`", schema, re.M)
        listed = {f.split(":")[0].strip() for f in row.group(1).split(",")} if row else set()
        added = set()
        for cells in re.findall(rf"^\| {_singular(kind)} \| ([^|]*) \|", docs, re.M):
            added |= set(re.findall(r"`(\w+)", cells))
        missing = [f.name for f in dataclasses.fields(record) if f.name not in listed | added]
        assert not missing, f"document {kind}.{missing} in docs/output.md (| {_singular(kind)} | `field` | meaning |)"
