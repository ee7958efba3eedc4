"""Files named to the CLI besides bundles (a baseline, reports to merge, the config) that hold
values Python's parsers refuse beyond their syntax: arrays nested 100,000 deep (RecursionError)
and integers of 5,000 digits (ValueError, Python's int-to-str limit). Each is a usage error naming
the file (exit 2), never "internal error" nor a message that does not say which file. Real CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli  # noqa: E402

DEEP_JSON = "[" * 100_000 + "]" * 100_000
BIG_JSON = '{"version": ' + "9" * 5000 + ', "findings": []}'
DEEP_TOML = "[tool.listing-lint]\nignore = " + "[" * 5000 + "]" * 5000 + "\n"
BIG_TOML = "[tool.listing-lint]\nrule-timeout = " + "9" * 5000 + "\n"


def _usage_error_naming(done, name: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert name in done.stderr, done.stderr


@pytest.mark.parametrize("content", [DEEP_JSON, BIG_JSON], ids=["deep", "big-int"])
def test_a_tampered_baseline_is_a_usage_error_naming_it(fixable_repo, content):
    (fixable_repo / "bl.json").write_text(content, encoding="utf-8")
    done = cli(["check", "--as-of", "2026-11-25", "--no-cache", "--baseline", "bl.json"], fixable_repo, timeout=120)
    _usage_error_naming(done, "baseline bl.json")


@pytest.mark.parametrize("content", [DEEP_JSON, BIG_JSON], ids=["deep", "big-int"])
def test_a_tampered_report_to_merge_is_a_usage_error_naming_it(tmp_path, content):
    (tmp_path / "r.json").write_text(content, encoding="utf-8")
    done = cli(["merge", "r.json", "r.json"], tmp_path, timeout=120)
    _usage_error_naming(done, "r.json")


@pytest.mark.parametrize("content", [DEEP_TOML, BIG_TOML], ids=["deep", "big-int"])
def test_a_tampered_pyproject_is_a_usage_error_naming_it(fixable_repo, content):
    (fixable_repo / "pyproject.toml").write_text(content, encoding="utf-8")
    done = cli(["check", "--as-of", "2026-11-25", "--no-cache"], fixable_repo, timeout=120)
    _usage_error_naming(done, "pyproject.toml")


def test_a_plain_baseline_still_reads(fixable_repo):
    """Near miss: a baseline with ordinary numbers and nesting is read."""
    (fixable_repo / "bl.json").write_text('{"version": 1, "tool": "listing-lint", "findings": []}', encoding="utf-8")
    done = cli(["check", "--as-of", "2026-11-25", "--no-cache", "--baseline", "bl.json"], fixable_repo, timeout=120)
    assert done.returncode in (0, 1), done.stderr
