"""``--write-baseline`` / ``--baseline``: findings matched by content, not line numbers."""

from __future__ import annotations

import json

from builder import run_lint
from integration_repos import CLEAN_FOR, ENGLISH_PARAGRAPH, cli, make_messy_repo, page_html

from listing_lint import baseline
from listing_lint.finding import Finding, Severity

AS_OF = ["--as-of", "2026-11-25"]


def test_write_then_use_hides_everything_and_exits_0(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    written = cli(["check", *AS_OF, "--write-baseline", "lint-baseline.json"], repo)
    assert written.returncode == 0, written.stderr
    assert "Recorded 5 findings in baseline lint-baseline.json." in written.stderr
    doc = json.loads((repo / "lint-baseline.json").read_text(encoding="utf-8"))
    assert [e["code"] for e in doc["findings"]] == ["LOC002", "LOC001", "LOC001", "SCH003", "SCH007"]
    used = cli(["check", *AS_OF, "--baseline", "lint-baseline.json"], repo)
    assert used.returncode == 0, used.stdout
    assert used.stdout.startswith("Found 0 errors, 0 warnings")
    assert "5 findings hidden by baseline lint-baseline.json." in used.stderr


def test_lines_inserted_above_do_not_resurrect_old_findings_but_new_ones_show(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    baseline.write(repo / "b.json", run_lint(repo, select=CLEAN_FOR).findings)
    manifest = repo / "listings/solar-light-s3/listing.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("{\n", "{\n\n\n\n", 1), encoding="utf-8")
    page = repo / "listings/solar-light-s3/detail/es.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<body>", "<body>\n<p>Luz solar.</p>\n"), encoding="utf-8")
    result = run_lint(repo, select=CLEAN_FOR)
    assert [f.line for f in result.findings if f.code == "LOC001"] == [11, 11]  # moved down by three
    outcome = baseline.apply(result.findings, baseline.read(repo / "b.json"), baseline.run_scope(result))
    assert outcome.kept == [] and outcome.hidden == 5 and outcome.stale == []
    # a new problem of an old kind is not hidden
    other = repo / "listings/garden-hose-20m/detail/fr.html"
    other.write_text(page_html("fr", ENGLISH_PARAGRAPH, "Nobody translated this second English paragraph either, sadly."), encoding="utf-8")
    result = run_lint(repo, select=CLEAN_FOR)
    outcome = baseline.apply(result.findings, baseline.read(repo / "b.json"), baseline.run_scope(result))
    assert [(f.path, f.code) for f in outcome.kept] == [("listings/garden-hose-20m/detail/fr.html", "LOC002")]


def test_fixed_findings_are_reported_as_stale_entries(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    cli(["check", *AS_OF, "--write-baseline", "b.json"], repo)
    manifest = repo / "listings/solar-light-s3/listing.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["title"]["ru"] = "Садовый солнечный светильник Solaris S3, тёплый белый"
    manifest.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    done = cli(["check", *AS_OF, "--baseline", "b.json"], repo)
    assert done.returncode == 0
    assert "1 baseline entry no longer match any finding" in done.stderr
    # the fr title is still missing and still hidden; the entry that went stale is the ru one
    assert 'listings/solar-light-s3/listing.json: LOC001 no title for required locale ru' in done.stderr


def test_two_findings_on_one_line_are_counted_not_merged():
    def f(message):
        return Finding("LOC001", Severity.ERROR, message, "l/listing.json", 8, 12, 8, 14, "b", "missing-locale", anchor="a1")

    recorded = [baseline._entry(x, fp) for x, fp in zip([f("fr")], baseline.fingerprints([f("fr")]))]
    outcome = baseline.apply([f("fr"), f("ru")], recorded)
    assert [x.message for x in outcome.kept] == ["ru"]
    assert len(set(baseline.fingerprints([f("fr"), f("ru")]))) == 2


def test_entries_of_bundles_outside_the_run_are_not_stale(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    cli(["check", *AS_OF, "--write-baseline", "b.json"], repo)
    done = cli(["check", *AS_OF, "--baseline", "b.json", "listings/garden-hose-20m"], repo)
    assert done.returncode == 0 and "no longer match" not in done.stderr


def test_a_missing_or_broken_baseline_is_a_usage_error(tmp_path):
    repo = make_messy_repo(tmp_path / "shop")
    missing = cli(["check", *AS_OF, "--baseline", "nope.json"], repo)
    assert missing.returncode == 2 and "baseline file nope.json does not exist" in missing.stderr
    (repo / "bad.json").write_text("[1, 2", encoding="utf-8")
    broken = cli(["check", *AS_OF, "--baseline", "bad.json"], repo)
    assert broken.returncode == 2 and "baseline bad.json is not JSON" in broken.stderr
