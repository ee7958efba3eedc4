"""``--changed-since REF``: only bundles with files changed since a git ref, read with real git."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from integration_repos import ENGLISH_PARAGRAPH, cli, make_clean_repo, page_html

from listing_lint.gitchanges import GitError, paths_to_lint

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = make_clean_repo(tmp_path / "shop")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    git(repo, "tag", "start")
    return repo


def lint_since(repo: Path, ref: str = "start", *paths: str):
    return cli(["check", "--as-of", "2026-11-25", "--changed-since", ref, *paths], repo)


def test_nothing_changed_lints_nothing(repo):
    done = lint_since(repo)
    assert done.returncode == 0
    assert done.stdout.startswith("Found 0 errors, 0 warnings in 0 of 0 bundles (0 files)")


def test_an_empty_ref_lints_every_bundle_and_says_so(repo):
    """`--changed-since "$BASE"` with $BASE unset in a CI script: every bundle is linted, as without
    the option, and a warning says why (silently before)."""
    done = lint_since(repo, "")
    assert "--changed-since was given an empty ref" in done.stderr
    whole = cli(["check", "--as-of", "2026-11-25"], repo)
    untimed = lambda out: re.sub(r" in [0-9.]+ s\.$", "", out.rstrip("\n"))  # noqa: E731
    assert untimed(done.stdout) == untimed(whole.stdout) and done.returncode == whole.returncode
    assert " of 0 bundles" not in done.stdout
    assert "warning" not in whole.stderr


def test_only_the_changed_bundle_is_linted(repo):
    (repo / "listings/garden-hose-20m/detail/es.html").write_text(page_html("es", ENGLISH_PARAGRAPH), encoding="utf-8")
    done = lint_since(repo)
    assert done.returncode == 1
    assert "listings/garden-hose-20m/detail/es.html:6:1: LOC003 [error]" in done.stdout
    assert "in 1 of 1 bundle" in done.stdout


def test_committed_staged_and_untracked_changes_all_count(repo):
    page = repo / "listings/garden-hose-20m/detail/fr.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>Un tuyau de vingt mètres.</p>\n</body>"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "committed change")
    (repo / "listings/solar-light-s3/notes.txt").write_text("untracked\n", encoding="utf-8")
    assert paths_to_lint("start", ["."], repo) == sorted(
        str(Path(os.path.realpath(repo / p))) for p in ("listings/garden-hose-20m/detail/fr.html", "listings/solar-light-s3/notes.txt")
    )


def test_a_deleted_file_brings_in_its_bundle(repo):
    (repo / "listings/solar-light-s3/detail/ru.html").unlink()
    assert paths_to_lint("start", ["."], repo) == [str(Path(os.path.realpath(repo / "listings/solar-light-s3/listing.json")))]
    done = lint_since(repo)
    assert done.returncode == 1 and "SCH003" in done.stdout and "in 1 of 1 bundle" in done.stdout


def test_changes_outside_the_paths_given_are_left_out(repo):
    (repo / "listings/garden-hose-20m/detail/es.html").write_text(page_html("es", ENGLISH_PARAGRAPH), encoding="utf-8")
    done = lint_since(repo, "start", "listings/solar-light-s3")
    assert done.returncode == 0 and "in 0 of 0 bundles" in done.stdout


def test_a_changed_store_json_runs_the_store_rules(repo):
    (repo / "store.json").write_text('{"warehouses_coverage": 3}\n', encoding="utf-8")
    done = lint_since(repo)
    assert done.returncode == 1 and "store.json:1:" in done.stdout and "SCH002" in done.stdout


def test_a_folder_that_is_not_a_git_repo_is_a_usage_error(tmp_path):
    plain = make_clean_repo(tmp_path / "plain")
    done = lint_since(plain, "HEAD")
    assert done.returncode == 2
    assert "--changed-since needs a git repository" in done.stderr


def test_an_unknown_ref_is_a_usage_error(repo):
    done = lint_since(repo, "no-such-branch")
    assert done.returncode == 2 and "unknown git ref 'no-such-branch'" in done.stderr
    with pytest.raises(GitError):
        paths_to_lint("--output=x", ["."], repo)


def test_git_is_read_from_the_paths_given_not_the_working_directory(repo, tmp_path):
    """A CI step in a parent folder that is not a repository: `check shop --changed-since start`."""
    (repo / "listings/garden-hose-20m/detail/es.html").write_text(page_html("es", ENGLISH_PARAGRAPH), encoding="utf-8")
    assert not (tmp_path / ".git").exists()
    done = cli(["check", "--as-of", "2026-11-25", "--changed-since", "start", "shop"], tmp_path)
    assert done.returncode == 1, done.stderr
    assert "shop/listings/garden-hose-20m/detail/es.html:6:1: LOC003 [error]" in done.stdout
    assert "in 1 of 1 bundle" in done.stdout
