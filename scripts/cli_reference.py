"""Writes docs/cli-reference.md from the commands' own --help (run: python scripts/cli_reference.py).

tests/test_docs.py renders the same text and fails when the committed file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}


def command_names() -> list[str]:
    from newsgraph.cli import app

    return [c.name or c.callback.__name__ for c in app.registered_commands]


def render() -> str:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    runner = CliRunner()
    parts = ["# newsgraph command reference", "",
             "Generated from each command's `--help` by `scripts/cli_reference.py`; do not edit by hand.", ""]
    for args in [[]] + [[name] for name in command_names()]:
        result = runner.invoke(app, args + ["--help"], env=ENV, prog_name="newsgraph")
        title = "newsgraph " + " ".join(args) if args else "newsgraph"
        lines = [line.rstrip() for line in result.output.splitlines()]
        parts += [f"## `{title}`", "", "```", *lines, "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
