"""Every output format carries the same findings, and fingerprints are stable and never collide."""

from __future__ import annotations

import io
import json
from xml.etree import ElementTree as ET

import pytest
from builder import run_lint
from integration_repos import CLEAN_FOR, cli, make_messy_repo

from listing_lint import reporters


def render(result, fmt: str) -> str:
    out = io.StringIO()
    reporters.get(fmt)(result, out, color=False)
    return out.getvalue()


@pytest.fixture
def messy(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    return repo, run_lint(repo, select=CLEAN_FOR)


def counts(result) -> dict[str, int]:
    doc = json.loads(render(result, "json"))
    sarif = json.loads(render(result, "sarif"))
    gitlab = json.loads(render(result, "gitlab"))
    junit = ET.fromstring(render(result, "junit"))
    junit_lines = [
        line
        for el in junit.iter()
        if el.tag in ("failure", "system-out") and el.text
        for line in el.text.splitlines()
    ]
    github = [line for line in render(result, "github").splitlines() if line.startswith("::")]
    return {
        "json": len(doc["findings"]),
        "sarif": len(sarif["runs"][0]["results"]),
        "gitlab": len(gitlab),
        "junit": len(junit_lines),
        "github": len(github),
        "text": len([line for line in render(result, "text").splitlines() if ": " in line and "[" in line]),
    }


def test_same_findings_in_every_format(messy):
    repo, result = messy
    assert len(result.findings) == 5
    assert set(counts(result).values()) == {5}


def test_same_codes_and_places_in_json_sarif_and_gitlab(messy):
    repo, result = messy
    expected = [(f.code, f.path, f.line) for f in result.findings]
    doc = json.loads(render(result, "json"))
    assert [(f["code"], f["path"], f["line"]) for f in doc["findings"]] == expected
    sarif = json.loads(render(result, "sarif"))["runs"][0]["results"]
    got = []
    for r in sarif:
        loc = r["locations"][0]["physicalLocation"]
        got.append((r["ruleId"], loc["artifactLocation"]["uri"], loc.get("region", {}).get("startLine")))
    assert got == expected
    gitlab = json.loads(render(result, "gitlab"))
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in gitlab] == [
        (c, p, line or 1) for c, p, line in expected
    ]


def test_two_findings_on_one_line_have_different_fingerprints(messy):
    repo, result = messy
    same_line = [f for f in result.findings if f.code == "LOC001"]
    assert [(f.path, f.line) for f in same_line] == [("listings/solar-light-s3/listing.json", 8)] * 2
    sarif = json.loads(render(result, "sarif"))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["listingLint/v1"] for r in sarif]
    assert len(set(prints)) == len(prints)
    gitlab = [i["fingerprint"] for i in json.loads(render(result, "gitlab"))]
    assert len(set(gitlab)) == len(gitlab)


def test_fingerprints_survive_a_paragraph_inserted_above(messy):
    """Lines move, fingerprints do not: the same SARIF and GitLab identities before and after."""
    repo, result = messy
    before = {r["ruleId"] + r["message"]["text"]: r["partialFingerprints"]["listingLint/v1"]
              for r in json.loads(render(result, "sarif"))["runs"][0]["results"]}
    manifest = repo / "listings/solar-light-s3/listing.json"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('{\n  "schema_version"', '{\n\n\n  "schema_version"', 1), encoding="utf-8")
    again = run_lint(repo, select=CLEAN_FOR)
    moved = [f for f in again.findings if f.path.endswith("listing.json")]
    assert [f.line for f in moved] == [f.line + 2 for f in result.findings if f.path.endswith("listing.json")]
    after = {r["ruleId"] + r["message"]["text"]: r["partialFingerprints"]["listingLint/v1"]
             for r in json.loads(render(again, "sarif"))["runs"][0]["results"]}
    assert after == before


def test_fingerprints_are_the_same_on_every_run(messy):
    repo, result = messy
    assert render(run_lint(repo, select=CLEAN_FOR), "gitlab") == render(result, "gitlab")


def test_cli_writes_each_format_to_a_file_and_the_summary_to_stderr(messy, tmp_path):
    repo, result = messy
    for fmt in ("sarif", "junit"):  # each run loads the language models: two formats are enough here
        target = tmp_path / f"report.{fmt}"
        done = cli(["check", "--format", fmt, "--output", str(target), "--as-of", "2026-11-25"], repo)
        assert done.returncode == 1, done.stderr
        assert done.stdout == ""
        assert done.stderr.startswith("Found 4 errors, 1 warning in 1 of 2 bundles"), done.stderr
        assert target.stat().st_size > 0


def test_junit_has_a_suite_per_bundle_and_a_case_per_rule(messy):
    repo, result = messy
    root = ET.fromstring(render(result, "junit"))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"solar-light-s3", "garden-hose-20m", "store"}
    failing = suites["solar-light-s3"]
    names = {c.get("name").split()[0] for c in failing.findall("testcase")}
    assert {"LOC001", "LOC002", "SCH003", "SCH007"} <= names
    loc001 = next(c for c in failing.findall("testcase") if c.get("name").startswith("LOC001"))
    assert loc001.find("failure").get("message") == "2 finding(s) at or above error"
    sch007 = next(c for c in failing.findall("testcase") if c.get("name").startswith("SCH007"))
    assert sch007.find("failure") is None and "SCH007 [warning]" in sch007.find("system-out").text
    assert suites["garden-hose-20m"].get("failures") == "0"
    assert root.get("failures") == "3"
