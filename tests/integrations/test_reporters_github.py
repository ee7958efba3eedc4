"""``--format github``: workflow commands, errors first, a summary that counts what GitHub hides."""

from __future__ import annotations

import io

from builder import run_lint
from integration_repos import CLEAN_FOR, cli, make_messy_repo

from listing_lint.finding import Finding, Severity
from listing_lint.reporters import github


def finding(code="LOC003", severity=Severity.ERROR, message="paragraph is English", path="listings/a/detail/es.html", line=14):
    return Finding(code, severity, message, path, line, 5 if line else None, line, 80 if line else None, "a", "wrong-language-block")


def test_a_command_carries_file_line_columns_and_title():
    assert github.command(finding()) == (
        "::error file=listings/a/detail/es.html,line=14,col=5,endLine=14,endColumn=80,title=LOC003 wrong-language-block::"
        "paragraph is English"
    )


def test_a_file_without_lines_gets_a_file_annotation_and_info_is_a_notice():
    f = finding(code="SCH007", severity=Severity.INFO, path="listings/a/media/x.png", line=None)
    assert github.command(f) == "::notice file=listings/a/media/x.png,title=SCH007 wrong-language-block::paragraph is English"


def test_data_and_properties_are_escaped():
    f = finding(message="100% sure:\nline two\r", path="listings/a,b/x:y.html")
    assert github.command(f) == (
        "::error file=listings/a%2Cb/x%3Ay.html,line=14,col=5,endLine=14,endColumn=80,"
        "title=LOC003 wrong-language-block::100%25 sure:%0Aline two%0D"
    )


class Result:
    def __init__(self, findings):
        self.findings = findings


def test_errors_come_first_and_the_summary_counts_what_github_does_not_show():
    warnings = [finding(severity=Severity.WARNING, line=n) for n in range(1, 13)]
    errors = [finding(line=n) for n in range(20, 45)]
    out = io.StringIO()
    github.report(Result(warnings + errors), out)
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["::error"] * 25 + ["::warning"] * 12
    assert lines[-1] == (
        "listing-lint: 25 errors, 12 warnings, 0 info; GitHub annotates only the first 10 of each level per step, "
        "so 15 errors, 2 warnings appear only in this log (or upload SARIF for all of them)."
    )


def test_a_short_run_has_a_plain_summary(tmp_path):
    result = run_lint(make_messy_repo(tmp_path / "shop"), select=CLEAN_FOR)
    out = io.StringIO()
    github.report(result, out)
    assert out.getvalue().splitlines()[-1] == "listing-lint: 4 errors, 1 warning, 0 info."


def test_chosen_automatically_inside_github_actions(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    done = cli(["check", "--as-of", "2026-11-25"], repo, env={"GITHUB_ACTIONS": "true"})
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=listings/solar-light-s3/"), done.stdout
    asked = cli(["check", "--as-of", "2026-11-25", "--format", "text"], repo, env={"GITHUB_ACTIONS": "true"})
    assert asked.stdout.startswith("listings/solar-light-s3/"), asked.stdout
