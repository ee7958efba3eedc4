"""The pre-commit hook, for real: a real ``pre-commit`` installs this package from a git repo
(as a seller's ``.pre-commit-config.yaml`` would) and runs it on a listing repo's commits.

The package source is copied to ``tests/artifacts/pre-commit/src`` and committed with fixed
dates, so the commit id only changes when the source does and pre-commit (whose home is kept in
``tests/artifacts/pre-commit/home``) reuses its environment between local runs. The first run
pip-installs the package and its dependencies into pre-commit's own virtualenv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from integration_repos import ARTIFACTS, ENGLISH_PARAGRAPH, REPO_ROOT, make_clean_repo

from listing_lint import registry

SOURCE_PARTS = ("listing_lint", "schemas", "docs", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
FIXED_DATE = "2026-11-25T12:00:00+00:00"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "listing-lint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "listing-lint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_AUTHOR_DATE": FIXED_DATE,
    "GIT_COMMITTER_DATE": FIXED_DATE,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_ENV, HOME=os.environ.get("HOME", "/tmp"), PRE_COMMIT_HOME=str(ARTIFACTS / "pre-commit" / "home"), **extra)
    return env


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", *args],
                          cwd=cwd, env=_env(), capture_output=True, text=True, check=True)
    return done.stdout.strip()


def pre_commit_exe() -> str:
    beside = Path(sys.executable).parent / "pre-commit"
    found = str(beside) if beside.exists() else shutil.which("pre-commit")
    assert found, "pre-commit is a test dependency (pip install -e '.[test]')"
    return found


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([pre_commit_exe(), *args], cwd=repo, env=_env(), capture_output=True, text=True, timeout=900)


def _ignore(folder, names):
    return [n for n in names if n in ("__pycache__", ".pytest_cache") or n.endswith(".pyc")]


@pytest.fixture(scope="module")
def hook_source() -> tuple[Path, str]:
    """A git repo holding this working tree's package source, committed; returns (path, commit)."""
    src = ARTIFACTS / "pre-commit" / "src"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for part in SOURCE_PARTS:
        origin = REPO_ROOT / part
        if origin.is_dir():
            shutil.copytree(origin, src / part, ignore=_ignore)
        else:
            shutil.copy2(origin, src / part)
    git(src, "init", "-q")
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "listing-lint source under test")
    return src, git(src, "rev-parse", "HEAD")


def _shop(root: Path, config: dict) -> Path:
    repo = make_clean_repo(root)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "listings")
    return repo


@pytest.fixture(scope="module")
def shop(hook_source, tmp_path_factory) -> Path:
    """A listing repo whose .pre-commit-config.yaml installs the hook from ``hook_source``."""
    src, rev = hook_source
    config = {"repos": [{"repo": str(src), "rev": rev, "hooks": [{"id": "listing-lint"}]}]}
    repo = _shop(tmp_path_factory.mktemp("precommit") / "shop", config)
    installed = pre_commit(repo, "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo


@pytest.fixture
def restore(shop):
    yield shop
    git(shop, "reset", "-q", "--hard", "HEAD")


def test_clean_repo_passes(restore):
    done = pre_commit(restore, "run", "--all-files")
    assert done.returncode == 0, done.stdout
    assert "listing-lint" in done.stdout and "Passed" in done.stdout


def _add_paragraph(repo: Path, rel: str, paragraph: str) -> None:
    page = repo / rel
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<p>{paragraph}</p>\n</body>"), encoding="utf-8")


@pytest.mark.skipif("LOC003" not in registry.by_code(), reason="LOC003 wrong-language-block is not registered in this build")
def test_spanish_page_with_an_english_paragraph_fails(restore):
    _add_paragraph(restore, "listings/solar-light-s3/detail/es.html", ENGLISH_PARAGRAPH)
    git(restore, "add", "-A")
    done = pre_commit(restore, "run")
    assert done.returncode == 1, done.stdout
    assert "listings/solar-light-s3/detail/es.html:6:1: LOC003 [error]" in done.stdout
    assert "in 1 of 1 bundle" in done.stdout  # only the bundle that owns the changed page


def test_schema_error_fails_and_each_bundle_is_linted_once(restore):
    manifest = restore / "listings/garden-hose-20m/listing.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"home-garden"', '"toys"'), encoding="utf-8")
    _add_paragraph(restore, "listings/garden-hose-20m/detail/fr.html", "Le tuyau se range sur son enrouleur mural.")
    git(restore, "add", "-A")
    done = pre_commit(restore, "run")
    assert done.returncode == 1, done.stdout
    line = manifest.read_text(encoding="utf-8").splitlines().index('  "category": "toys",') + 1
    assert f"listings/garden-hose-20m/listing.json:{line}:15: SCH002 [error]" in done.stdout
    assert "in 1 of 1 bundle (" in done.stdout  # two files of one bundle: linted once


def test_store_json_alone_runs_the_store_rules(restore):
    (restore / "store.json").write_text('{"seller": {"legal_name": "Example Trading Co."}, "warehouses_coverage": 2}\n', encoding="utf-8")
    git(restore, "add", "-A")
    done = pre_commit(restore, "run")
    assert done.returncode == 1, done.stdout
    assert "store.json:1:" in done.stdout and "SCH002 [error]" in done.stdout


def test_a_file_outside_any_bundle_is_ignored(restore):
    (restore / "docs").mkdir()
    (restore / "docs" / "about.html").write_text("<p>Not a listing.</p>\n", encoding="utf-8")
    git(restore, "add", "-A")
    done = pre_commit(restore, "run")
    assert done.returncode == 0, done.stdout


def test_local_system_hook_variant(tmp_path):
    """A seller with listing-lint already installed: ``repo: local``, ``language: system``."""
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    hook = {
        "id": manifest["id"],
        "name": manifest["name"],
        "entry": f"{sys.executable} -m listing_lint check",
        "language": "system",
        "files": manifest["files"],
        "require_serial": True,
    }
    repo = _shop(tmp_path / "shop", {"repos": [{"repo": "local", "hooks": [hook]}]})
    assert pre_commit(repo, "run", "--all-files").returncode == 0
    manifest_path = repo / "listings/solar-light-s3/listing.json"
    manifest_path.write_text(manifest_path.read_text(encoding="utf-8").replace('"schema_version": "1"', '"schema_version": "9"'), encoding="utf-8")
    git(repo, "add", "-A")
    done = pre_commit(repo, "run")
    assert done.returncode == 1, done.stdout
    assert "listings/solar-light-s3/listing.json:2:" in done.stdout and "SCH005" in done.stdout
