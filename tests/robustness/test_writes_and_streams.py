"""Nothing written through a symlink, nothing linted through one, nothing injected into a stream
(issue 14, items 7, 9 and 10). Real repos, real symlinks, the real CLI."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integrations"))

from integration_repos import cli, localized_bundle, page_html  # noqa: E402

from listing_lint.finding import Finding, Fix, Severity, TextEdit  # noqa: E402
from listing_lint.fixer import Scope, apply_fixes  # noqa: E402
from listing_lint.reporters import github  # noqa: E402
from listing_lint.reporters.html.render import esc  # noqa: E402

ARGS = ["check", "--as-of", "2026-11-25", "--select", "LOC004"]
PAGE = "listings/lamp/detail/es.html"
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@pytest.fixture
def repo(fixable_repo) -> Path:
    return fixable_repo


def _no_injection(stream: str) -> None:
    assert not RAW_CONTROL.search(stream), repr(stream)
    assert not any(line.lstrip().startswith("::") for line in stream.splitlines()), stream


# -- item 7: writes follow no symlink ----------------------------------------------------------------
@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_committed_symlinked_file_is_not_written_through(repo, tmp_path, option):
    (repo / "reports").mkdir()
    (repo / "reports" / "x.sarif").symlink_to(tmp_path / "outside" / "victim.txt")
    done = cli([*ARGS, option, "reports/x.sarif"], repo)
    assert done.returncode == 2, done.stderr
    assert f"listing-lint: error: {option} reports/x.sarif: the path leads through a symlink" in done.stderr
    assert (tmp_path / "outside" / "victim.txt").read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_committed_symlinked_folder_is_not_written_through(repo, tmp_path, option):
    (repo / "reports").symlink_to(tmp_path / "outside")
    done = cli([*ARGS, option, "reports/new.json"], repo)
    assert done.returncode == 2 and "leads through a symlink" in done.stderr
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["victim.txt"]


def test_output_and_baseline_into_real_folders_still_work(repo):
    done = cli([*ARGS, "--output", "reports/out.txt"], repo)
    assert done.returncode == 0 and f"{PAGE}:2:1: LOC004" in (repo / "reports/out.txt").read_text(encoding="utf-8")
    assert cli([*ARGS, "--write-baseline", "ci/baseline.json"], repo).returncode == 0
    assert json.loads((repo / "ci/baseline.json").read_text(encoding="utf-8"))["findings"][0]["code"] == "LOC004"


def test_fix_does_not_write_through_a_linked_folder_in_the_bundle(tmp_path):
    bundle = tmp_path / "listings" / "lamp"
    bundle.mkdir(parents=True)
    (bundle / "listing.json").write_text("{}", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    victim = tmp_path / "elsewhere" / "es.html"
    victim.write_text("lang=en", encoding="utf-8")
    (bundle / "detail").symlink_to(tmp_path / "elsewhere")
    fix = Fix("set lang", (TextEdit(str(bundle / "detail" / "es.html"), 5, 7, "es"),))
    report = apply_fixes([Finding("LOC004", Severity.WARNING, "m", "x", 1, 1, 1, 1, "b", "r", fix=fix)], tmp_path,
                         Scope([bundle / "listing.json"], tmp_path))
    assert victim.read_text(encoding="utf-8") == "lang=en" and len(report.refused) == 1


def test_fix_replaces_the_page_atomically_and_keeps_its_mode(repo):
    page = repo / PAGE
    page.chmod(0o640)
    inode = page.stat().st_ino
    done = cli([*ARGS, "--fix"], repo)
    assert done.returncode == 0, done.stderr
    assert '<html lang="es">' in page.read_text(encoding="utf-8")
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert page.stat().st_ino != inode  # a new file renamed over the old one, never truncated in place
    assert [p.name for p in page.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left


# -- item 9: a symlinked bundle folder named on the command line ---------------------------------------
@pytest.mark.parametrize("target", ["outside-bundle", "/"])
def test_a_symlinked_bundle_named_on_the_command_line_is_not_linted(repo, tmp_path, target):
    outside = tmp_path / "outside-bundle"
    localized_bundle(tmp_path, "secret").write()  # tmp_path/listings/secret: a bundle outside the repo
    os.rename(tmp_path / "listings" / "secret", outside)
    (repo / "listings" / "evil").symlink_to(outside if target == "outside-bundle" else target)
    for named in ("listings/evil", "listings/evil/listing.json"):
        done = cli(["check", "--as-of", "2026-11-25", "--select", "SCH,LOC004", named], repo, timeout=60)
        assert done.returncode in (0, 1), done.stderr
        assert f"listing-lint: warning: skipped {named}: it leads through a symlink" in done.stderr
        assert "in 0 of 0 bundles" in done.stdout and "secret" not in done.stdout


def test_a_real_bundle_folder_named_on_the_command_line_is_linted(repo):
    done = cli([*ARGS, "listings/lamp"], repo)
    assert f"{PAGE}:2:1: LOC004" in done.stdout and "skipped" not in done.stderr


# -- item 10: no injection on any stream --------------------------------------------------------------
def test_stale_baseline_entries_are_escaped_on_stderr(repo):
    entry = {"identity": "x", "exact": "y", "code": "LOC004\n::error::c",
             "path": "listings/lamp/x\n::add-mask::secret", "message": "\x1b[31m\n::stop-commands::tok\x07\x00"}
    (repo / "baseline.json").write_text(json.dumps({"version": 1, "findings": [entry]}), encoding="utf-8")
    done = cli([*ARGS, "--baseline", "baseline.json"], repo)
    assert "1 baseline entry no longer match" in done.stderr
    _no_injection(done.stderr)
    assert "\\x1b[31m\\n::stop-commands::tok\\x07\\x00" in done.stderr


def test_fixed_lines_escape_a_file_name_with_a_line_break(repo):
    b = localized_bundle(repo, "lamp")
    b.data["detail_pages"]["es"] = "detail/es\n::error::x.html"
    b.files.pop("detail/es.html")
    b.file("detail/es\n::error::x.html", page_html("es").replace('<html lang="es">', '<html lang="en">'))
    b.write()
    (repo / PAGE).unlink()
    done = cli([*ARGS, "--fix"], repo)
    assert 'Fixed "listings/lamp/detail/es\\n::error::x.html": set <html lang="es"> (LOC004)' in done.stderr
    _no_injection(done.stderr)


def test_github_and_html_formats_escape_control_characters():
    f = Finding("MED001", Severity.ERROR, "media\x1b[2J\x07\x00 missing\n::error::x", "listings/a\x1b.png", 1, 1,
                None, None, "a", "missing-media")
    line = github.command(f)
    assert not RAW_CONTROL.search(line) and "\n" not in line
    assert line.endswith("::media\\x1b[2J\\x07\\x00 missing%0A::error::x")
    assert not RAW_CONTROL.search(esc(f.message)) and esc("a\tb\nc") == "a\tb\nc"


def test_fix_works_on_a_repo_reached_through_a_symlink_above_it(repo, tmp_path):
    """A checkout under a linked folder (macOS /tmp, a linked home): still fixed, from outside it."""
    (tmp_path / "link").symlink_to(repo)
    done = cli([*ARGS, "--fix", str(tmp_path / "link")], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Fixed" in done.stderr and '<html lang="es">' in (repo / PAGE).read_text(encoding="utf-8")


def test_merge_output_is_not_written_through_a_symlink(repo, tmp_path):
    assert cli([*ARGS, "--format", "json", "--output", "shard.json"], repo).returncode == 0
    (repo / "reports").symlink_to(tmp_path / "outside")
    done = cli(["merge", "shard.json", "--output", "reports/merged.json"], repo)
    assert done.returncode == 2 and "leads through a symlink" in done.stderr
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["victim.txt"]
    assert cli(["merge", "shard.json", "--output", "merged.json"], repo).returncode == 0
    assert json.loads((repo / "merged.json").read_text(encoding="utf-8"))["findings"][0]["code"] == "LOC004"
