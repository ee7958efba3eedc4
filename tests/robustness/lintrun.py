"""Run the linter the way a user does, for the robustness tests: in-process through click, or as a process."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest


def child_cpu_seconds() -> float:
    """CPU seconds (user and system) of this process's finished children: a bound on a CLI run's
    time as a difference of two of these holds on a machine busy with other work, unlike wall time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cli(repo: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """``listing-lint check`` in a fresh process, from inside ``repo`` (a hang fails instead of blocking the suite)."""
    cmd = [sys.executable, "-m", "listing_lint", "check", "--as-of", "2026-11-25", "--no-cache", *args]
    return subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def cli_json(repo: Path, *args: str, timeout: int = 300) -> list[dict]:
    """Run the CLI with ``--format json``; assert exit 0/1 and no traceback; the findings."""
    proc = cli(repo, "--format", "json", *args, timeout=timeout)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    return json.loads(proc.stdout)["findings"]


def lint_cli(repo: Path, *args: str, cache: bool = False) -> tuple[int, str, str]:
    """``listing-lint check ARGS`` in-process (click's runner) from inside ``repo``: (exit code, stdout, stderr).

    Fails the test on a traceback (an exception escaping the CLI) or an exit code other than 0/1.
    """
    import os
    import traceback

    from click.testing import CliRunner

    from listing_lint.cli import main

    old = os.getcwd()
    os.chdir(repo)
    try:
        head = ["check", "--as-of", "2026-11-25", "--jobs", "1"] + ([] if cache else ["--no-cache"])
        result = CliRunner().invoke(main, [*head, *args])
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        pytest.fail("".join(traceback.format_exception(result.exception)))
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def lint_findings(repo: Path, *args: str) -> list[tuple[str, int | None, str]]:
    """``(path, line, code)`` of a JSON run through the CLI; asserts no rule crashed (LNT003)."""
    _, out, _ = lint_cli(repo, "--format", "json", *args)
    found = json.loads(out)["findings"]
    crashes = [f["message"] for f in found if f["code"] == "LNT003"]
    assert not crashes, crashes
    return [(f["path"], f["line"], f["code"]) for f in found]

