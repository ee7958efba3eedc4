"""One bundle must not take the run down: under a 1 GiB memory cap, and when a worker dies.

Before: under the cap the decode bombs of test_decode_budget.py killed the run with no report
(``--jobs 1``), and with ``--jobs 2`` a worker killed by memory became ``internal error:
WorkerCrash``, exit 2, every other bundle's result lost. Now the bombs are refused by the decode
budgets, and a worker that dies costs its bundle an LNT003 finding while the run writes its report.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from harness import BUNDLE, SINGLE, base_case, dumps, write_case
from test_decode_budget import BOMBS, MEMORY_CAP, _bomb, _capped, _put

from listing_lint.parallel import SERIAL_BELOW

MANIFEST = f"{BUNDLE}/listing.json"


def _repo(work, bombs: bool):
    """The base repo, every bomb in its folder bundle, and enough single-file bundles for a pool."""
    case = base_case()
    if bombs:
        for kind, (old, new, _) in BOMBS.items():
            _put(case, old, new, _bomb(kind))
    for i in range(SERIAL_BELOW):
        doc = json.loads(case.files[SINGLE])
        doc["id"] = f"reel-{i}"
        doc["title"]["en"] = "x" * 300  # LOC010: every one of them has a finding of its own
        case.files[f"listings/reel-{i}.listing.json"] = dumps(doc)
    return write_case(work, case)


def _run(repo, *args: str, code: str | None = None) -> tuple[subprocess.CompletedProcess, dict]:
    """The CLI under the memory cap; ``code`` runs first in the process (to make a worker die)."""
    head = (code or "") + "\nfrom listing_lint.cli import main\nmain()\n"
    cmd = [sys.executable, "-c", head, "check", "--as-of", "2026-11-25", "--no-cache", "--format", "json", *args]
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          preexec_fn=_capped)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    return proc, json.loads(proc.stdout)


def _per_bundle(report: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in report["findings"]:
        out.setdefault(f["path"].split("/")[1].removesuffix(".listing.json"), set()).add(f["code"])
    return out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_decode_bombs_under_a_1_gib_cap_leave_a_complete_report(work, jobs):
    repo = _repo(work, bombs=True)
    _, report = _run(repo, "--select", "MED005,LOC010,LNT003", "--jobs", jobs)
    found = _per_bundle(report)
    assert found.pop("plug") == {"MED005"}
    assert found == {f"reel-{i}": {"LOC010"} for i in range(SERIAL_BELOW)}
    assert MEMORY_CAP == 1 << 30


KILL_PLUG = """
import os, signal
from listing_lint import engine
real = engine.lint_bundle
def lint_bundle(manifest, settings):
    if manifest.parent.name == "plug":
        os.kill(os.getpid(), signal.SIGKILL)  # what the kernel does to a process out of memory
    return real(manifest, settings)
engine.lint_bundle = lint_bundle
"""


def test_a_worker_killed_mid_run_costs_only_its_bundle(work):
    repo = _repo(work, bombs=False)
    proc, report = _run(repo, "--select", "LOC010,LNT003", "--jobs", "2", code=KILL_PLUG)
    assert proc.returncode == 1
    found = _per_bundle(report)
    assert found.pop("plug") == {"LNT003"}
    assert found == {f"reel-{i}": {"LOC010"} for i in range(SERIAL_BELOW)}
    [crash] = [f for f in report["findings"] if f["code"] == "LNT003"]
    assert (crash["path"], crash["line"]) == (MANIFEST, 1)
    assert "the process linting it was killed by SIGKILL" in crash["message"]
