"""The cache stores findings relative to their bundle: a moved or copied bundle reports its own
paths (issue 14, item 12). Real git repos, real CLI, a warm real cache."""

from __future__ import annotations

import shutil
import subprocess

from integration_repos import cli, localized_bundle, page_html

ARGS = ["check", "--as-of", "2026-11-25", "--select", "LOC004"]


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _repo(tmp_path):
    repo = tmp_path / "shop"
    b = localized_bundle(repo, "lamp", )
    b.page("es", page_html("es").replace('<html lang="es">', '<html lang="en">'))
    b.write()
    (repo / "store.json").write_text("{}\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "start")
    return repo


def test_findings_follow_a_git_mv_with_a_warm_cache(tmp_path):
    repo = _repo(tmp_path)
    env = {"LISTING_LINT_CACHE_DIR": str(tmp_path / "cache")}
    assert "listings/lamp/detail/es.html:2:1: LOC004" in cli(ARGS, repo, env).stdout
    _git(repo, "mv", "listings/lamp", "listings/lamp-v2")
    text = cli(ARGS, repo, env).stdout
    github = cli([*ARGS, "--format", "github"], repo, env).stdout
    assert "listings/lamp-v2/detail/es.html:2:1: LOC004" in text
    assert "file=listings/lamp-v2/detail/es.html" in github
    assert "listings/lamp/" not in text + github


def test_a_byte_identical_copy_reports_its_own_paths(tmp_path):
    repo = _repo(tmp_path)
    env = {"LISTING_LINT_CACHE_DIR": str(tmp_path / "cache")}
    cli(ARGS, repo, env)
    shutil.copytree(repo / "listings/lamp", repo / "listings/lamp-copy")
    lines = cli(ARGS, repo, env).stdout.splitlines()
    assert [line.split(": ")[0] for line in lines if "LOC004" in line] == [
        "listings/lamp-copy/detail/es.html:2:1",
        "listings/lamp/detail/es.html:2:1",
    ]
