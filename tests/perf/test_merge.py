"""`listing-lint merge`: the merged report of all shards equals the report of one run."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from perfkit import run_repo

from listing_lint import merge
from listing_lint.cli import main
from listing_lint.reporters import json as json_report
from listing_lint.reporters import sarif as sarif_report

SELECT = ["SCH", "ABT", "PRM", "CMP"]


def shard_docs(repo, reporter, count):
    return [reporter.document(run_repo(repo, select=SELECT, shard=(k, count))) for k in range(1, count + 1)]


def test_merged_json_equals_the_single_run(repo):
    single = json_report.document(run_repo(repo, select=SELECT))
    kind, merged = merge.merge(shard_docs(repo, json_report, 4))
    assert kind == "json"
    assert single["findings"] and single["summary"]["bundles"] == 14
    assert merged == single
    assert list(merged) == list(single)


def test_merged_sarif_equals_the_single_run(repo):
    single = sarif_report.document(run_repo(repo, select=SELECT))
    kind, merged = merge.merge(shard_docs(repo, sarif_report, 4))
    assert kind == "sarif"
    assert len(single["runs"][0]["results"]) > 20
    assert merged == single


def test_merge_refuses_an_incomplete_or_doubled_set(repo):
    docs = shard_docs(repo, json_report, 3)
    with pytest.raises(merge.MergeError, match="shard 2/3 is missing"):
        merge.merge([docs[0], docs[2]])
    with pytest.raises(merge.MergeError, match="shard 1/3 is given twice"):
        merge.merge([docs[0], docs[0], docs[1], docs[2]])
    other_day = dict(docs[1], as_of="2027-01-01")
    with pytest.raises(merge.MergeError, match="as-of date"):
        merge.merge([docs[0], other_day, docs[2]])


def test_merge_refuses_mixed_formats(repo):
    sarif = sarif_report.document(run_repo(repo, select=["SCH"]))
    plain = json_report.document(run_repo(repo, select=["SCH"]))
    with pytest.raises(merge.MergeError, match="mix JSON and SARIF"):
        merge.merge([sarif, plain])


def test_cli_shards_and_merge_end_to_end(repo, tmp_path):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(repo)
    try:
        common = ["check", ".", "--as-of", "2026-11-25", "--select", "SCH,ABT,PRM", "--format", "json", "--exit-zero"]
        single = runner.invoke(main, [*common, "--jobs", "2"])
        assert single.exit_code == 0, single.output
        reports = []
        for k in (1, 2, 3, 4):
            out = tmp_path / f"shard-{k}.json"
            shard = runner.invoke(main, [*common, "--shard", f"{k}/4", "--output", str(out)])
            assert shard.exit_code == 0, shard.output
            reports.append(str(out))
        merged = runner.invoke(main, ["merge", *reports])
        assert merged.exit_code == 1  # the repo has errors; merge applies --fail-on like check
        assert json.loads(merged.output) == json.loads(single.output)
        assert runner.invoke(main, ["merge", "--exit-zero", *reports]).exit_code == 0
        bad = runner.invoke(main, ["merge", *reports[:3]])
        assert bad.exit_code == 2 and "shard 4/4 is missing" in bad.output
        wrong = runner.invoke(main, [*common, "--shard", "5/4"])
        assert wrong.exit_code == 2 and "between 1 and N" in wrong.output
    finally:
        os.chdir(old)
