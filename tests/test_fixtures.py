"""The shipped example repo carries its expected findings beside it, one file per rule family.

``fixtures/expected/<FAMILY>.txt`` lists ``path:line:CODE`` (path relative to fixtures/, line
``-`` for files without lines). A failure names the fixture line that changed.
"""

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FAMILIES = sorted(p.stem for p in (FIXTURES / "expected").glob("*.txt")) if (FIXTURES / "expected").is_dir() else []


def expected(family: str) -> list[str]:
    lines = (FIXTURES / "expected" / f"{family}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def actual(family: str) -> list[str]:
    import json

    proc = subprocess.run(
        [sys.executable, "-m", "listing_lint", "check", "--format", "json", "--select", family, "--as-of", "2026-11-25", "."],
        cwd=FIXTURES, capture_output=True, text=True,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return [f"{f['path']}:{f['line'] if f['line'] is not None else '-'}:{f['code']}" for f in json.loads(proc.stdout)["findings"]]


def test_every_family_has_expectations():
    assert {"SCH", "MED", "LOC", "CMP", "BRD", "PRM", "ABT"} <= set(FAMILIES), FAMILIES


@pytest.mark.parametrize("family", FAMILIES)
def test_fixture_findings_match_expectations(family):
    assert actual(family) == expected(family)


def test_the_clean_bundle_is_clean():
    import json

    proc = subprocess.run(
        [sys.executable, "-m", "listing_lint", "check", "--format", "json", "--as-of", "2026-11-25", "listings/solaris-s3"],
        cwd=FIXTURES, capture_output=True, text=True,
    )
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["line"], f["code"], f["message"]) for f in findings if f["severity"] != "info"] == []
