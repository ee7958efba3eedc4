"""listing_lint's modules import each other one way: the import graph is a DAG.

Every import counts, also those under ``if TYPE_CHECKING:`` and inside functions: a lazy import
that hides a circle still ties the two modules together. ``from pkg import sub`` (a submodule) is
an edge to ``pkg.sub`` alone; importing a package's ``__init__`` is an edge to the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import listing_lint

PACKAGE = Path(listing_lint.__file__).parent


def module_names(root: Path) -> dict[str, Path]:
    names = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imported(node: ast.Import | ast.ImportFrom, module: str, path: Path, known: dict) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    if node.level:
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    out = set()
    for alias in node.names:
        sub = f"{source}.{alias.name}"
        out.add(sub if sub in known else source)
    return {m for m in out if m in known}


def import_graph(root: Path) -> dict[str, set[str]]:
    known = module_names(root)
    graph = {}
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                edges |= _imported(node, module, path, known)
        edges.discard(module)
        graph[module] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as ``[a, b, ..., a]``, or None: depth-first search, in sorted order so the answer is stable."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_listing_lint_imports_form_a_dag():
    graph = import_graph(PACKAGE)
    assert len(graph) > 100  # the walk saw the package, rules included
    assert "listing_lint.runtypes" in graph["listing_lint.engine"]  # edges are really read
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for rel, text in {"__init__.py": "", **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_a_cycle_hidden_under_type_checking_or_in_a_function_is_found(tmp_path):
    root = _package(tmp_path, {
        "engine.py": "from pkg.cache import Cache\n",
        "cache.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.engine import Settings\n",
        "model.py": "from pkg.page import Page\n",
        "page.py": "def blocks():\n    from . import model\n",
    })
    graph = import_graph(root)
    assert find_cycle(graph) == ["pkg.cache", "pkg.engine", "pkg.cache"]
    del graph["pkg.cache"], graph["pkg.engine"]
    assert find_cycle(graph) == ["pkg.model", "pkg.page", "pkg.model"]


def test_near_miss_a_package_importing_its_submodules_is_no_cycle(tmp_path):
    root = _package(tmp_path, {
        "html/__init__.py": "from pkg.html import render\nfrom pkg.html.facts import collect\n",
        "html/facts.py": "from pkg.html import langs\n",
        "html/langs.py": "",
        "html/render.py": "from .facts import Cell\n",
    })
    graph = import_graph(root)
    assert graph["pkg.html.facts"] == {"pkg.html.langs"}
    assert graph["pkg.html.render"] == {"pkg.html.facts"}
    assert find_cycle(graph) is None
