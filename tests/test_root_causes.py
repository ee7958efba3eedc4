"""One root cause, one finding, measured on a multi-page sample through the real CLI
(``bench/root_causes.py``: the fixtures plus generated bundles with wrong-language blocks and pages)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import root_causes  # noqa: E402


def test_no_wrong_language_block_or_page_gets_two_findings(tmp_path):
    wrong_blocks, wrong_pages = root_causes.build(tmp_path / "sample", bundles=12, seed=1)
    assert {kind for _, _, kind in wrong_blocks} | {kind for _, kind in wrong_pages} == {"fixture", *root_causes.KINDS}
    findings = root_causes.lint(tmp_path / "sample")
    result = root_causes.measure(findings, wrong_blocks, wrong_pages)
    assert result["piles"] == [] and result["doubles"] == []
    assert result["elsewhere"] == []  # no language finding on a correct page
    # what is measured is really there: every wrong page and block is reported, once
    assert result["missed"] == []
    assert sum(row["blocks"] for row in result["rows"].values()) == 13
    assert sum(row["pages"] for row in result["rows"].values()) == 4


def test_the_measure_counts_a_pile_on():
    # the counting itself, on findings as the CLI writes them
    blocks = [("listings/a/detail/es.html", 5, "copy")]
    pages = [("listings/b/detail/fr.html", "page-es-in-fr")]
    findings = [
        {"path": "listings/a/detail/es.html", "line": 5, "code": "LOC003"},
        {"path": "listings/a/detail/es.html", "line": 5, "code": "LOC007"},
        {"path": "listings/b/detail/fr.html", "line": 7, "code": "LOC002"},
        {"path": "listings/b/detail/fr.html", "line": 9, "code": "LOC012"},
    ]
    result = root_causes.measure(findings, blocks, pages)
    assert result["piles"] == ["listings/a/detail/es.html:5: LOC003, LOC007", "listings/b/detail/fr.html: LOC002, LOC012"]
    assert result["doubles"] == [("listings/a/detail/es.html", 5)] and result["missed"] == []
