"""Files a config names are confined: regular files inside the project, size-capped, and a YAML
overlay may not expand its aliases without bound (issue 14, item 8). Real CLI runs."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli, make_clean_repo  # noqa: E402

from listing_lint.config import MAX_NAMED_FILE_BYTES  # noqa: E402
from listing_lint.standards.registry import MAX_OVERLAY_NODES  # noqa: E402

BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
standards: [*i]
"""


def _run(repo: Path, config: str, *args: str):
    (repo / "listing-lint.toml").write_text(config, encoding="utf-8")
    started = time.monotonic()
    done = cli(["check", "--as-of", "2026-11-25", *args], repo, timeout=60)
    return done, time.monotonic() - started


@pytest.mark.parametrize("value, says", [
    ("/dev/zero", "is outside the project folder"),
    ("../outside.txt", "is outside the project folder"),
    ("words", "is not a regular file"),
    ("missing.txt", "does not exist"),
    ("big.txt", f"is {MAX_NAMED_FILE_BYTES + 4:,} bytes, over the {MAX_NAMED_FILE_BYTES:,}-byte limit"),
])
def test_a_wordlist_file_must_be_a_small_regular_file_inside_the_project(tmp_path, value, says):
    repo = make_clean_repo(tmp_path / "shop")
    (tmp_path / "outside.txt").write_text("secret\n", encoding="utf-8")
    (repo / "words").mkdir()
    (repo / "big.txt").write_bytes(b"word\n" * (MAX_NAMED_FILE_BYTES // 5 + 1))
    done, seconds = _run(repo, f'select = ["LOC014"]\nwordlists = {{en = "{value}"}}\n')
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"listing-lint: error: wordlists.en: '{value}' {says}" in done.stderr
    assert seconds < 20


def test_a_wordlist_file_inside_the_project_is_used(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    (repo / "words.txt").write_text("garden path\n", encoding="utf-8")
    done, _ = _run(repo, 'select = ["LOC014"]\nwordlists = {en = "words.txt"}\n')
    assert done.returncode in (0, 1), done.stderr
    assert "LOC014" not in done.stdout or "garden path" in done.stdout.lower()


def test_a_symlink_out_of_the_project_is_refused(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    (tmp_path / "outside.yaml").write_text("standards: []\n", encoding="utf-8")
    (repo / "overlay.yaml").symlink_to(tmp_path / "outside.yaml")
    done, _ = _run(repo, 'standards-overlay = "overlay.yaml"\n', "--select", "CMP")
    assert done.returncode == 2 and "standards-overlay: 'overlay.yaml' is outside the project folder" in done.stderr


def test_an_overlay_alias_bomb_is_refused_quickly(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    (repo / "overlay.yaml").write_text(BOMB, encoding="utf-8")
    done, seconds = _run(repo, 'standards-overlay = "overlay.yaml"\n', "--select", "CMP")
    assert done.returncode == 2, done.stderr
    assert f"its aliases expand to more than {MAX_OVERLAY_NODES:,} values" in done.stderr
    assert seconds < 20


def test_an_overlay_with_a_few_aliases_is_read(tmp_path):
    from listing_lint.standards.registry import load_overlay_yaml

    path = tmp_path / "overlay.yaml"
    path.write_text("x: &c {market: EU}\nstandards: [*c, *c, *c]\n", encoding="utf-8")
    assert load_overlay_yaml(path)["standards"] == [{"market": "EU"}] * 3
