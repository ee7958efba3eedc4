"""No network at run time: every rule, every reporter, with sockets disabled; and the CLI in a network namespace."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import base_case, check_case, lint_repo, render_all, write_case
from lintrun import cli

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_every_rule_and_reporter_without_network(tmp_path, no_network):
    outcome = check_case(tmp_path, base_case(), skip=())
    assert outcome.problems == [] and outcome.rule_crashes == []
    assert no_network == []


@pytest.mark.skipif(not (FIXTURES / "listings").is_dir(), reason="the fixture repo is not in this checkout")
def test_fixture_repo_without_network(no_network):
    result = lint_repo(FIXTURES)
    render_all(result)
    assert result.bundles
    assert not [f.message for f in result.findings if f.code == "LNT003"]
    assert no_network == []


def _netns_works() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _netns_works(), reason="needs root and `unshare -n` (a private network namespace)")
def test_cli_in_a_network_namespace_gives_the_same_report(tmp_path):
    """Inside ``unshare -n`` there is no interface but a downed loopback: any connection fails."""
    repo = write_case(tmp_path, base_case())
    args = [sys.executable, "-m", "listing_lint", "check", "--as-of", "2026-11-25", "--no-cache", "--format", "json"]
    free = subprocess.run(args, cwd=repo, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    jailed = subprocess.run(["unshare", "-n", *args], cwd=repo, capture_output=True, text=True, timeout=600,
                            stdin=subprocess.DEVNULL)
    assert jailed.returncode in (0, 1) and "Traceback" not in jailed.stderr, jailed.stderr
    assert jailed.returncode == free.returncode
    strip = lambda out: [{k: v for k, v in f.items()} for f in json.loads(out)["findings"]]  # noqa: E731
    assert strip(jailed.stdout) == strip(free.stdout)


def test_cli_text_report_is_one_line_per_finding(tmp_path):
    case = base_case()
    case.files["listings/odd\nname.listing.json"] = b'{"id": 1,}'
    repo = write_case(tmp_path, case)
    proc = cli(repo, "--select", "SCH001")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        "\"listings/odd\\nname.listing.json\":1:9: SCH001 [error] invalid JSON: trailing comma before '}': JSON allows none; delete the comma"
    )
