"""``check --statistics``: one line per rule code instead of the findings, in text or JSON, after the
baseline, the selection and suppressions, with the exit code the findings give."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration_repos import make_clean_repo, make_messy_repo

from listing_lint.cli import main
from listing_lint.finding import Finding, Severity
from listing_lint.reporters.statistics import Row, rows

TABLE = [
    "2  LOC001  [error]    missing-locale",
    "1  LOC002  [error]    page-language",
    "1  SCH003  [error]    missing-file",
    "1  SCH007  [warning]  orphan-file",
]


def check(repo: Path, *args: str):
    old = os.getcwd()
    os.chdir(repo)
    try:
        return CliRunner(env={"GITHUB_ACTIONS": None}).invoke(main, ["check", "--as-of", "2026-11-25", "--no-cache", "--jobs", "1", *args])
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    return make_messy_repo(tmp_path_factory.mktemp("stats") / "shop")


def test_one_line_per_code_most_frequent_first_then_the_summary(messy):
    done = check(messy, "--statistics")
    lines = done.stdout.splitlines()
    assert done.exit_code == 1 and lines[:-1] == TABLE
    assert lines[-1].startswith("Found 4 errors, 1 warning in 1 of 2 bundles")
    assert check(messy).exit_code == 1


def test_json_is_a_list_in_the_same_order(messy):
    done = check(messy, "--statistics", "--format", "json")
    assert done.exit_code == 1
    assert json.loads(done.stdout) == [
        {"code": "LOC001", "name": "missing-locale", "severity": "error", "count": 2},
        {"code": "LOC002", "name": "page-language", "severity": "error", "count": 1},
        {"code": "SCH003", "name": "missing-file", "severity": "error", "count": 1},
        {"code": "SCH007", "name": "orphan-file", "severity": "warning", "count": 1},
    ]


def test_selection_and_the_exit_code_follow_the_findings(messy):
    only_warning = check(messy, "--statistics", "--ignore", "LOC,SCH003")
    assert (only_warning.exit_code, only_warning.stdout.splitlines()[0]) == (0, "1  SCH007  [warning]  orphan-file")
    assert check(messy, "--statistics", "--ignore", "LOC,SCH003", "--fail-on", "warning").exit_code == 1
    assert check(messy, "--statistics", "--select", "LOC001").stdout.splitlines()[:-1] == [TABLE[0]]


def test_the_baseline_hides_what_it_records(messy, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert check(messy, "--write-baseline", str(baseline), "--ignore", "LOC002").exit_code == 0
    done = check(messy, "--statistics", "--baseline", str(baseline))
    assert (done.exit_code, done.stdout.splitlines()[:-1]) == (1, [TABLE[1]])  # LOC002 was not recorded
    assert json.loads(check(messy, "--statistics", "--format", "json", "--baseline", str(baseline), "--ignore", "LOC002").stdout) == []


def test_every_finding_counts_past_the_per_rule_cap(messy):
    config = messy / "pyproject.toml"
    before = config.read_text(encoding="utf-8")
    config.write_text(before + "max-findings-per-rule = 1\n", encoding="utf-8")
    try:
        assert "… and 1 more LOC001" in check(messy).stdout  # the report stands one line for the rest
        assert check(messy, "--statistics").stdout.splitlines()[:-1] == TABLE
    finally:
        config.write_text(before, encoding="utf-8")


def test_a_clean_repo_has_no_rows(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    done = check(repo, "--statistics")
    assert done.exit_code == 0 and done.stdout.startswith("Found 0 errors, 0 warnings")
    assert check(repo, "--statistics", "--format", "json").stdout == "[]\n"


def test_other_formats_are_a_usage_error_but_a_configured_one_gives_way(messy, tmp_path):
    done = check(messy, "--statistics", "--format", "sarif")
    assert done.exit_code == 2 and "--statistics prints text or json, not sarif" in done.stderr
    auto = CliRunner(env={"GITHUB_ACTIONS": "true"})
    old = os.getcwd()
    os.chdir(messy)
    try:
        done = auto.invoke(main, ["check", "--as-of", "2026-11-25", "--no-cache", "--statistics"])
    finally:
        os.chdir(old)
    assert done.stdout.splitlines()[:-1] == TABLE  # not GitHub's annotations


def test_a_code_of_mixed_severities_shows_the_highest():
    def finding(code, severity):
        return Finding(code, severity, "m", "x", 1, 1, 1, 1, "b", "rule-" + code)

    table = rows([finding("CMP005", Severity.WARNING), finding("CMP005", Severity.ERROR), finding("ABT001", Severity.INFO)])
    assert table == [Row("CMP005", "rule-CMP005", Severity.ERROR, 2), Row("ABT001", "rule-ABT001", Severity.INFO, 1)]
