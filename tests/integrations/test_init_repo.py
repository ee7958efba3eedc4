"""``listing-lint init``: a starter repo that passes the schema and lists what the seller must supply."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import yaml
from builder import run_lint
from integration_repos import REPO_ROOT, cli


def test_init_writes_a_starter_repo(tmp_path):
    done = cli(["init", "shop", "--id", "solar-light-s3"], tmp_path)
    assert done.returncode == 0, done.stderr
    repo = tmp_path / "shop"
    written = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
    assert written == [
        ".pre-commit-config.yaml",
        "keep-terms.txt",
        "listings/solar-light-s3/detail/en.html",
        "listings/solar-light-s3/detail/es.html",
        "listings/solar-light-s3/detail/fr.html",
        "listings/solar-light-s3/detail/ru.html",
        "listings/solar-light-s3/listing.json",
        "pyproject.toml",
        "store.json",
    ]
    listing = json.loads((repo / "listings/solar-light-s3/listing.json").read_text(encoding="utf-8"))
    assert listing["id"] == "solar-light-s3" and sorted(listing["detail_pages"]) == ["en", "es", "fr", "ru"]
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    # pyproject.toml names no published repository: a local hook, the same as the shipped manifest's
    [hook] = hooks["repos"][0]["hooks"]
    assert hooks["repos"][0]["repo"] == "local"
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert {k: hook[k] for k in ("id", "entry", "files", "require_serial")} == {
        k: manifest[k] for k in ("id", "entry", "files", "require_serial")}
    assert "[tool.listing-lint]" in (repo / "pyproject.toml").read_text(encoding="utf-8")


def test_the_starter_glossary_is_read_and_its_terms_are_kept(tmp_path):
    from listing_lint.config import load_config

    cli(["init", "shop"], tmp_path)
    repo = tmp_path / "shop"
    assert load_config(repo).get("keep-terms") == []  # comments only
    with open(repo / "keep-terms.txt", "a", encoding="utf-8") as fh:
        fh.write("Dark Crow Collection\n")
    assert load_config(repo).get("keep-terms") == ["Dark Crow Collection"]


def test_the_starter_parses_and_lists_what_is_missing(tmp_path):
    cli(["init", "shop"], tmp_path)
    repo = tmp_path / "shop"
    findings = run_lint(repo).findings
    # what only the seller can fill in is a finding: the 0.00 price, the empty pages, the titles
    assert [(f.code, f.path, f.line) for f in findings if f.code.startswith(("SCH", "LNT"))] == [
        ("SCH002", "listings/my-product/listing.json", 15)
    ]
    assert "must be a decimal string above zero" in next(f.message for f in findings if f.code == "SCH002")
    empty = [(f.path, f.line) for f in findings if f.code == "LOC001" and "detail page is empty" in f.message]
    assert empty == [(f"listings/my-product/detail/{x}.html", 6) for x in ("en", "es", "fr", "ru")]
    missing_titles = [f.message for f in findings if f.code == "LOC001" and "no title" in f.message]
    assert [m.split(";")[0] for m in missing_titles] == [f"no title for required locale {x}" for x in ("en", "es", "fr", "ru")]
    assert {"MED001", "MED002"} <= {f.code for f in findings}  # no photos, no main video yet
    assert all(f.path.startswith(("listings/my-product/", "store.json")) for f in findings)
    done = cli(["check"], repo)
    assert done.returncode == 1 and "LOC001" in done.stdout


def test_init_never_overwrites(tmp_path):
    assert cli(["init", "shop"], tmp_path).returncode == 0
    store = tmp_path / "shop" / "store.json"
    store.write_text('{"seller": {"legal_name": "Mine"}}', encoding="utf-8")
    again = cli(["init", "shop"], tmp_path)
    assert again.returncode == 2 and "not overwriting existing files" in again.stderr
    assert "Mine" in store.read_text(encoding="utf-8")


def test_init_refuses_a_bad_id(tmp_path):
    done = cli(["init", "shop", "--id", "Bad Id"], tmp_path)
    assert done.returncode == 2 and "must be a slug" in done.stderr
    assert not (tmp_path / "shop").exists()


def test_the_readme_shows_the_hook_init_writes():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    template = (REPO_ROOT / "listing_lint" / "data" / "init" / "pre-commit-config-local.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(textwrap.dedent(block)) == yaml.safe_load(template)


# -- issue 14, item 14: the pre-commit config init writes works, offline, with a real pre-commit ---
def _hook_env(tmp_path) -> dict:
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update({
        "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{env.get('PATH', '')}",  # where pip put listing-lint
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
    })
    return env


def _run(args, cwd, env):
    import subprocess

    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_a_real_commit_through_the_hook_init_installs(tmp_path):
    import shutil
    import sys

    from integration_repos import localized_bundle, write_config

    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    assert pre_commit, "pre-commit is a test dependency"
    env = _hook_env(tmp_path)
    done = cli(["init", "shop"], tmp_path)
    assert "pre-commit install" in done.stdout
    repo = tmp_path / "shop"
    _run(["git", "init", "-q"], repo, env)
    installed = _run([pre_commit, "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    _run(["git", "add", "-A"], repo, env)
    first = _run(["git", "commit", "-qm", "starter"], repo, env)
    assert first.returncode == 1  # the starter's gaps are findings: the hook ran and blocked the commit
    out = first.stdout + first.stderr
    assert "listing-lint" in out and "LOC001" in out and "not found" not in out
    shutil.rmtree(repo / "listings" / "my-product")  # what a seller commits once the gaps are filled
    localized_bundle(repo, "solar-light-s3").write()
    write_config(repo)
    _run(["git", "add", "-A"], repo, env)
    second = _run(["git", "commit", "-qm", "listings"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "listing-lint" in second.stdout + second.stderr and "Passed" in second.stdout + second.stderr
