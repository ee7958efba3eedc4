"""The result cache is input: a tampered or crafted row is a miss, and ``--fix`` writes only into
the bundles it linted (issue 14, item 6). Real CLI runs on a real repo with a real SQLite cache."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli, localized_bundle, page_html  # noqa: E402

from listing_lint.finding import Finding, Fix, Severity, TextEdit  # noqa: E402
from listing_lint.fixer import Scope, apply_fixes  # noqa: E402

ARGS = ["check", "--as-of", "2026-11-25", "--select", "LOC004"]
PAGE = "listings/lamp/detail/es.html"


@pytest.fixture
def repo(fixable_repo) -> Path:
    return fixable_repo


def _env(tmp_path: Path) -> dict:
    return {"LISTING_LINT_CACHE_DIR": str(tmp_path / "cache")}


def _rows(tmp_path: Path) -> list[tuple[str, str]]:
    (db,) = (tmp_path / "cache").glob("cache-v*.sqlite3")
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT key, value FROM results WHERE key NOT LIKE 'repo:%'").fetchall()


def _set_rows(tmp_path: Path, value: str) -> None:
    (db,) = (tmp_path / "cache").glob("cache-v*.sqlite3")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE results SET value = ? WHERE key NOT LIKE 'repo:%'", (value,))


def _edits(node):
    """Every stored text edit ([file, start, end, new]) in a stored row, whatever its layout."""
    if isinstance(node, list):
        if len(node) == 4 and isinstance(node[0], str) and node[0].endswith(".html") and isinstance(node[1], int):
            yield node
        for item in node:
            yield from _edits(item)


def test_a_tampered_fix_edit_cannot_write_outside_the_linted_bundles(repo, tmp_path):
    env = _env(tmp_path)
    first = cli(ARGS, repo, env)
    assert f"{PAGE}:2:1: LOC004" in first.stdout
    victim = tmp_path / "outside" / "victim.txt"
    bundle_dir = repo / "listings" / "lamp"
    (key, value), = _rows(tmp_path)
    doc = json.loads(value)
    edits = list(_edits(doc))
    assert edits, value
    for edit in edits:  # point the edit at the victim, in whatever form the stored paths take
        edit[0] = str(victim) if os.path.isabs(edit[0]) else os.path.relpath(victim, bundle_dir)
        edit[1], edit[2], edit[3] = 0, 0, "PWNED "
    _set_rows(tmp_path, json.dumps(doc))
    done = cli([*ARGS, "--fix"], repo, env)
    assert done.returncode in (0, 1), done.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert '<html lang="es">' in (repo / PAGE).read_text(encoding="utf-8")  # the row was a miss: linted and fixed again


@pytest.mark.parametrize("value", [
    "[" * 100_000 + "]" * 100_000,  # RecursionError in the JSON decoder
    json.dumps(["lamp", 5, [{"code": "LOC004"}]]),  # a finding that is a dict: KeyError
    json.dumps(["listings/lamp/listing.json", "lamp", 5, [{"0": 1}]]),  # the old layout, with a dict finding
    json.dumps(["lamp", 5, [["LOC004", 3, "m", "../../outside/victim.txt", 1, 1, 1, 1, "lamp", "r", None, None, ""]]]),
    json.dumps(["lamp", 5, [["LOC004", 7, "m", "detail/es.html", 1, 1, 1, 1, "lamp", "r", None, None, ""]]]),
    json.dumps(["lamp", 5, [["LOC004", 3, "m", "/etc/passwd", 1, 1, 1, 1, "lamp", "r", None, None, ""]]]),
    json.dumps({"a": 1, "b": 2, "c": 3, "d": 4}),
])
def test_a_crafted_row_is_a_miss_not_a_crash(repo, tmp_path, value):
    env = _env(tmp_path)
    expected = cli(ARGS, repo, env)
    _set_rows(tmp_path, value)
    again = cli(ARGS, repo, env)
    assert again.returncode == expected.returncode == 0, again.stderr
    assert f"{PAGE}:2:1: LOC004" in expected.stdout
    assert again.stdout.splitlines()[:-1] == expected.stdout.splitlines()[:-1]
    assert "internal error" not in again.stderr and "outside" not in again.stdout


def test_fix_writes_only_files_of_the_bundles_it_linted(tmp_path):
    inside = tmp_path / "listings" / "lamp"
    inside.mkdir(parents=True)
    (inside / "listing.json").write_text("{}", encoding="utf-8")
    page = inside / "es.html"
    page.write_text("lang=en", encoding="utf-8")
    other = tmp_path / "listings" / "other.html"
    other.write_text("lang=en", encoding="utf-8")

    def finding(path):
        return Finding("LOC004", Severity.WARNING, "m", "x", 1, 1, 1, 1, "b", "r",
                       fix=Fix("set lang", (TextEdit(str(path), 5, 7, "es"),)))

    scope = Scope([inside / "listing.json"], tmp_path)
    report = apply_fixes([finding(page), finding(other)], tmp_path, scope)
    assert page.read_text(encoding="utf-8") == "lang=es"
    assert other.read_text(encoding="utf-8") == "lang=en"
    assert [r.path for r in report.refused] == ["listings/other.html"]
    assert any("is not a file of a linted bundle" in line for line in report.lines())


def test_a_tampered_store_pass_row_is_a_miss(repo, tmp_path):
    """The store-level pass (SCH006, PRM…) is cached too: its rows are checked the same way."""
    env = _env(tmp_path)
    args = ["check", "--as-of", "2026-11-25", "--select", "SCH006"]
    time.sleep(2.2)  # files older than the cache's racy window (ctime counts): the store pass is stored
    expected = cli(args, repo, env)
    assert expected.returncode == 0 and "SCH006" not in expected.stdout
    (db,) = (tmp_path / "cache").glob("cache-v*.sqlite3")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM results WHERE key LIKE 'repo:%'").fetchone()[0] == 1
        crafted = [[["SCH006", 3, "\x1b]0;owned\x07", path, 1, 1, 1, 1, None, "r", None, None, ""]]
                   for path in ("../../outside/victim.txt", "/etc/passwd")]
        for rows in [*crafted, [{"code": "SCH006"}], "[" * 50_000 + "]" * 50_000]:
            bad = rows if isinstance(rows, str) else json.dumps(rows)
            conn.execute("UPDATE results SET value = ? WHERE key LIKE 'repo:%'", (bad,))
            conn.commit()
            again = cli(args, repo, env)
            assert again.returncode == 0 and "SCH006" not in again.stdout and "owned" not in again.stdout
