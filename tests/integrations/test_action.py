"""The GitHub Action (action.yml) and the pre-commit manifest are valid, and the action's shell
steps work: they are run here with bash, as the runner would, on a real listing repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from integration_repos import REPO_ROOT, make_messy_repo

BIN = Path(sys.executable).parent
ACTION = yaml.safe_load((REPO_ROOT / "action.yml").read_text(encoding="utf-8"))


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def run_step(name: str, cwd: Path, **inputs: str) -> subprocess.CompletedProcess:
    """Run one ``run:`` step with its ``env:`` filled from ``inputs`` (names as in action.yml)."""
    spec = step(name)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    for var, expression in spec.get("env", {}).items():
        key = expression.removeprefix("${{ inputs.").removesuffix(" }}")
        env[var] = inputs.get(key, ACTION["inputs"].get(key, {}).get("default", ""))
    return subprocess.run(["bash", "-e", "-c", spec["run"]], cwd=cwd, env=env, capture_output=True, text=True)


def test_action_yml_is_a_valid_composite_action():
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(REPO_ROOT / "action.yml")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ACTION["runs"]["using"] == "composite"
    assert "${{" not in "".join(s.get("run", "") for s in ACTION["runs"]["steps"])  # inputs only through env


def test_pre_commit_manifest_is_valid():
    done = subprocess.run([str(BIN / "pre-commit"), "validate-manifest", str(REPO_ROOT / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_lint_step_annotates_and_fails_on_findings(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    done = run_step("Lint and annotate", repo, args="--as-of 2026-11-25")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=listings/solar-light-s3/") and lines[-1].startswith("listing-lint: 4 errors, 1 warning")


def test_the_sarif_step_writes_sarif_and_never_fails(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    done = run_step("Write SARIF", repo, args="--as-of 2026-11-25", sarif="out/listing-lint.sarif")
    assert done.returncode == 0, done.stderr
    doc = json.loads((repo / "out/listing-lint.sarif").read_text(encoding="utf-8"))
    assert len(doc["runs"][0]["results"]) == 5
