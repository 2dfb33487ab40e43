"""A plain install has what the code imports (issue 10).

Every third-party package imported under ``src/`` must be declared in ``pyproject.toml``,
and the packages on the analyse path (readers, pipeline, extractors, stores, CLI) as core
dependencies, not extras: a dev install brings many packages along and would hide a
missing one. ``.ci/run`` also builds the wheel, installs it with no extras in a fresh venv
and analyses an HTML page, a feed and a WARC with it.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsgraph"
# Modules a plain `newsgraph analyze` can reach; their imports must be core dependencies.
CORE_PATHS = ("ingest/", "extract/", "stories/", "lexicons/", "store/jsonl.py", "pipeline.py",
              "run.py", "nlp.py", "model.py", "settings.py", "errors.py", "__init__.py")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> str:
    return _norm(re.split(r"[\s\[<>=!~;@]", spec.strip(), maxsplit=1)[0])


def declared() -> tuple[set[str], set[str]]:
    """(core dependency names, names in any extra) from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {_requirement_name(s) for s in project.get("dependencies", [])}
    extras = {_requirement_name(s) for specs in project.get("optional-dependencies", {}).values()
              for s in specs}
    return core, extras


def third_party_imports() -> dict[str, set[str]]:
    """Top-level third-party module name -> the source files (relative) importing it."""
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "newsgraph":
                    found.setdefault(top, set()).add(rel)
    return found


def distributions_of(module: str) -> set[str]:
    return {_norm(d) for d in importlib.metadata.packages_distributions().get(module, [])}


def test_packaging_finds_the_imports_it_checks():
    imports = third_party_imports()
    assert {"spacy", "lxml", "trafilatura"} <= imports.keys()


def test_issue10_every_imported_package_is_declared():
    core, extras = declared()
    missing = {}
    for module, files in sorted(third_party_imports().items()):
        dists = distributions_of(module)
        if not dists:
            pytest.fail(f"{module} (imported by {sorted(files)}) is not installed in this venv")
        in_core = dists & core
        if any(f.startswith(CORE_PATHS) for f in files) and not in_core:
            missing[module] = f"core dependency needed (imported by {sorted(files)})"
        elif not in_core and not dists & extras:
            missing[module] = f"not declared at all (imported by {sorted(files)})"
    assert not missing, missing


def test_issue10_lxml_html_clean_is_declared_while_justext_needs_it():
    core, _ = declared()
    trafilatura_needs = {_requirement_name(r) for r in importlib.metadata.requires("trafilatura") or []}
    justext = importlib.metadata.distribution("justext")
    justext_code = "".join(p.read_text() if p.suffix == ".py" else ""
                           for p in (Path(justext.locate_file(f)) for f in justext.files or [])
                           if p.suffix == ".py" and p.exists())
    if "justext" in trafilatura_needs and "lxml.html.clean" in justext_code:
        assert "lxml-html-clean" in core


def test_packaging_no_core_dependency_is_declared_twice():
    # two lines for one package (left by merges) drift apart; pip takes the stricter silently
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [_requirement_name(s) for s in project.get("dependencies", [])]
    assert sorted({n for n in names if names.count(n) > 1}) == []
