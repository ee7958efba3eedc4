"""Every third-party module the package imports is a core dependency of the distribution.

The tests install the ``test`` extra, which pulls in the optional backends too, so a core module
that imports an optional one works here and fails for a user who ran ``pip install listing-lint``
(it happened: the judge's second opinion imported py3langid, then only in the ``langid`` extra)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions, requires
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "listing_lint"

#: optional backends: the module that may import it -> the extra that provides it
OPTIONAL = {"langdetect": ("langid", PACKAGE / "langid" / "langdetect.py")}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _core_requirements() -> set[str]:
    out = set()
    for line in requires("listing-lint") or ():
        name, _, marker = line.partition(";")
        if "extra ==" in marker:
            continue
        out.add(re.split(r"[<>=!~\[ (]", name.strip(), 1)[0].lower().replace("_", "-"))
    return out


def test_every_third_party_import_is_a_core_dependency():
    core = _core_requirements()
    dists = packages_distributions()
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for root in _imported_roots(path):
            if root in sys.stdlib_module_names or root in ("listing_lint", "__future__"):
                continue
            if root in OPTIONAL and path == OPTIONAL[root][1]:
                continue
            names = {d.lower().replace("_", "-") for d in dists.get(root, [])}
            if root == "tomli":  # the Python < 3.11 fallback, declared with a marker
                continue
            if not names & core:
                missing.append(f"{path.relative_to(PACKAGE.parent)} imports {root} ({', '.join(sorted(names)) or 'not installed'})")
    assert not missing, "not core dependencies: " + "; ".join(missing)


def test_the_check_finds_an_optional_module_imported_by_core_code(tmp_path, monkeypatch):
    """Near miss of the check itself: langdetect imported outside its backend module is reported."""
    fake = tmp_path / "listing_lint"
    fake.mkdir()
    (fake / "judge.py").write_text("import langdetect\nimport yaml\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    try:
        test_every_third_party_import_is_a_core_dependency()
    except AssertionError as exc:
        assert "judge.py imports langdetect" in str(exc) and "yaml" not in str(exc)
    else:
        raise AssertionError("an optional module imported by core code went unnoticed")
