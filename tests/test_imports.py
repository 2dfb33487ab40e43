"""No import circles in src/newsgraph: the package is a layered graph, lazy imports included.

Every ``import`` statement of every module counts, also one inside a function
(a lazy import hides a circle, it does not remove it); only imports under
``if TYPE_CHECKING:`` are left out, as they never run. ``from pkg import name``
is an edge to ``pkg.name`` when that is a module, else to ``pkg``. Importing a
submodule also runs its package's ``__init__``, but that is not counted as an
edge (else every package would be a circle with its own modules).
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src"
PACKAGE = "newsgraph"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST):
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package modules ``name`` imports anywhere in its code."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            base = here[: len(here) - node.level + 1] if node.level else []
            mod = ".".join(base + (node.module.split(".") if node.module else []))
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in modules else mod for a in node.names]
        for target in targets:
            while target and target not in modules:  # `import newsgraph.x.y` names a module or a parent
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_imports_no_circles_in_the_package():
    found = circles(import_graph())
    assert not found, "import circles (lazy imports count): " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("graph,expected", [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}}, [["a", "b", "c"]]),
])
def test_imports_circle_finder(graph, expected):
    assert circles(graph) == expected


def test_imports_lazy_and_relative_imports_are_edges(tmp_path):
    pkg = {"newsgraph.extract": ROOT / "src/newsgraph/extract/__init__.py",
           "newsgraph.extract.a": tmp_path / "a.py", "newsgraph.extract.b": tmp_path / "b.py",
           "newsgraph.model": ROOT / "src/newsgraph/model.py"}
    (tmp_path / "a.py").write_text(
        "from typing import TYPE_CHECKING\nfrom ..model import Span\n"
        "if TYPE_CHECKING:\n    from .b import X\n"
        "def f():\n    from . import b\n    return b\n", encoding="utf-8")
    assert imports_of("newsgraph.extract.a", tmp_path / "a.py", pkg) == {"newsgraph.model",
                                                                        "newsgraph.extract.b"}


def _requirement_name(spec: str) -> str:
    return re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0].lower().replace("_", "-")


def test_imports_every_third_party_package_is_declared():
    """Each package src/newsgraph imports (lazily or not) is in pyproject's dependencies or extras."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_requirement_name(s) for s in project["dependencies"]}
    for specs in project.get("optional-dependencies", {}).values():
        declared |= {_requirement_name(s) for s in specs}
    dists = importlib.metadata.packages_distributions()
    missing = {}
    for name, path in _modules().items():
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                continue
            tops = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for top in (t.split(".")[0] for t in tops):
                if top in sys.stdlib_module_names or top == PACKAGE:
                    continue
                names = {d.lower().replace("_", "-") for d in dists.get(top, [top])}
                if not names & declared:
                    missing.setdefault(top, name)
    assert not missing, f"imported but not declared in pyproject.toml (package: first module): {missing}"


MAX_LINES = 600


def test_imports_no_source_file_over_600_lines():
    """Small modules named for what they do: split a module before it passes 600 lines."""
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"
