"""The command line as a user meets it: exit codes, formats, options, errors without tracebacks."""

import json
import subprocess
import sys

import pytest
from builder import BundleBuilder


def cli(*args, cwd):
    proc = subprocess.run(
        [sys.executable, "-m", "listing_lint", *args], cwd=cwd, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def repo(tmp_path):
    BundleBuilder(tmp_path, "good-one").write()
    BundleBuilder(tmp_path, "broken").write('{\n  "schema_version": "1",\n  "id": "broken"\n  "category": "other"\n}\n')
    BundleBuilder(tmp_path, "good-two").write()
    return tmp_path


def test_broken_bundle_exit_1_with_position_and_others_linted(repo):
    code, out, err = cli("check", "--select", "SCH", "--as-of", "2026-11-25", ".", cwd=repo)
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0] == (
        "listings/broken/listing.json:4:3: SCH001 [error] invalid JSON: a comma is missing before this: "
        "separate members and list items with commas"
    )
    assert lines[-1].startswith("Found 1 error, 0 warnings in 1 of 3 bundles")
    assert "Traceback" not in err


def test_clean_run_exits_0(repo):
    code, out, _ = cli("check", "--select", "SCH", "listings/good-one", cwd=repo)
    assert code == 0
    assert out.splitlines()[-1].startswith("Found 0 errors, 0 warnings in 0 of 1 bundle")


def test_missing_path_is_a_usage_error(repo):
    code, out, err = cli("check", "no/such/folder", cwd=repo)
    assert code == 2
    assert "path does not exist: no/such/folder" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "--format", "yaml", "."], "Invalid value for '--format'"),
        (["check", "--as-of", "25/11/2026", "."], "is not a date"),
        (["check", "--select", "XYZ", "."], "unknown rule code or prefix 'XYZ'"),
        (["check", "--bogus", "."], "No such option"),
    ],
)
def test_bad_options_exit_2_with_a_clear_message(repo, args, message):
    code, _, err = cli(*args, cwd=repo)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_json_output_shape(repo):
    code, out, _ = cli("check", "--format", "json", "--select", "SCH001", "--as-of", "2026-11-25", ".", cwd=repo)
    assert code == 1
    doc = json.loads(out)
    assert list(doc) == ["version", "as_of", "summary", "findings"]
    assert doc["version"] == "1" and doc["as_of"] == "2026-11-25"
    assert doc["summary"]["errors"] == 1 and doc["summary"]["bundles"] == 3
    [f] = doc["findings"]
    assert list(f) == ["code", "severity", "message", "path", "line", "column", "end_line", "end_column", "bundle", "rule", "source", "fix"]
    assert (f["code"], f["path"], f["line"], f["column"], f["bundle"], f["rule"]) == (
        "SCH001", "listings/broken/listing.json", 4, 3, "broken", "invalid-file")


def test_output_file_and_summary_on_stderr(repo):
    code, out, err = cli("check", "--format", "json", "--output", "report.json", "--select", "SCH", ".", cwd=repo)
    assert code == 1 and out == ""
    assert err.startswith("Found 1 error")
    assert json.loads((repo / "report.json").read_text())["summary"]["errors"] == 1


def test_fail_on_and_exit_zero(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg")
    b.file("media/orphan.jpg", (b.dir / "x").as_posix())  # a warning-level orphan
    b.write()
    assert cli("check", "--select", "SCH007", ".", cwd=tmp_path)[0] == 0
    assert cli("check", "--select", "SCH007", "--fail-on", "warning", ".", cwd=tmp_path)[0] == 1
    assert cli("check", "--select", "SCH007", "--fail-on", "warning", "--exit-zero", ".", cwd=tmp_path)[0] == 0


def test_select_by_prefix_name_and_ignore(repo):
    base = ["check", "--format", "json", "."]
    assert json.loads(cli(*base, "--select", "invalid-file", cwd=repo)[1])["summary"]["errors"] == 1
    assert json.loads(cli(*base, "--select", "SCH00", "--ignore", "SCH001", cwd=repo)[1])["summary"]["errors"] == 0


def test_file_inside_a_bundle_lints_the_owning_bundle(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["media"].append({"kind": "image", "file": "media/missing.jpg", "role": "scene"})
    b.page("es", "<p>Hola</p>")
    b.write()
    code, out, _ = cli("check", "--select", "SCH", "listings/demo/detail/es.html", cwd=tmp_path)
    assert code == 1 and "SCH003" in out and "in 1 of 1 bundle" in out


def test_rule_list_and_explain(tmp_path):
    code, out, _ = cli("rule", cwd=tmp_path)
    assert code == 0
    assert any(line.startswith("SCH002  schema-violation") for line in out.splitlines())
    code, out, _ = cli("rule", "SCH002", cwd=tmp_path)
    assert code == 0
    for section in ("What it checks:", "Why:", "Fails:", "Passes:"):
        assert section in out
    assert cli("rule", "schema-violation", cwd=tmp_path)[1] == out
    code, _, err = cli("rule", "SCH999", cwd=tmp_path)
    assert code == 2 and "no rule 'SCH999'" in err


def test_version(tmp_path):
    from listing_lint import __version__

    code, out, _ = cli("--version", cwd=tmp_path)
    assert code == 0 and __version__ in out


# -- issue 14, items 15 and 16 ----------------------------------------------------------------------
def test_rule_with_a_family_prefix_lists_the_family(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "listing_lint", "rule", "LOC"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    codes = [line.split()[0] for line in proc.stdout.splitlines()]
    assert codes[0] == "LOC001" and all(c.startswith("LOC") for c in codes) and len(codes) >= 14
    unknown = subprocess.run([sys.executable, "-m", "listing_lint", "rule", "LOC099"], cwd=tmp_path, capture_output=True, text=True)
    assert unknown.returncode == 2 and "no rule 'LOC099'" in unknown.stderr


def test_jobs_above_the_cpu_count_warns_and_uses_the_cpus(repo):
    from listing_lint.parallel import cores

    code, out, err = cli("check", "--select", "SCH", "--as-of", "2026-11-25", "--jobs", str(cores() + 62), ".", cwd=repo)
    assert code == 1, err
    assert f"--jobs {cores() + 62} is more than the {cores()} CPUs this process may use; using {cores()}" in err
    code, out, err = cli("check", "--select", "SCH", "--as-of", "2026-11-25", "--jobs", str(cores()), ".", cwd=repo)
    assert "warning" not in err


def test_write_baseline_summary_says_what_it_recorded(repo):
    code, out, err = cli("check", "--select", "SCH", "--as-of", "2026-11-25", "--write-baseline", "b.json", ".", cwd=repo)
    assert code == 0, err
    assert out.startswith("Found 0 errors, 0 warnings in 0 of 3 bundles") and "(1 finding recorded in the baseline, not shown)." in out
    code, out, err = cli("check", "--select", "SCH", "--as-of", "2026-11-25", "--baseline", "b.json", ".", cwd=repo)
    assert code == 0 and "(1 finding hidden by the baseline)." in out
