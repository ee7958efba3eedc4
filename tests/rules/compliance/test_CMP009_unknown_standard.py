import pytest
from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_edition_the_registry_does_not_know(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "EN 62368-1:2041+A11:2017"
    plug.write()
    assert lint(tmp_path, select="CMP009") == [(manifest(plug), line_after(plug, '"standards"', "EN 62368-1:2041"), "CMP009")]
    (f,) = findings(tmp_path, select="CMP009")
    assert "current: EN 62368-1:2014+A11:2017" in f.message and str(f.severity) == "info"


@pytest.mark.parametrize("text,expected", [
    ("EN 62368-1", "names no edition"),
    ("EN62368", "names no edition"),
    ("Safety standard 62368", "cannot read standard reference"),
    ("EN 62368-1:2014 foo", "cannot read standard reference"),
    ("EN 99999-1:2020", "not in the standards registry"),
])
def test_unreadable_or_unknown_references(plug, tmp_path, text, expected):
    plug.data["certificates"][0]["standards"][0] = text
    plug.write()
    (f,) = findings(tmp_path, select="CMP009")
    assert expected in f.message


def test_near_miss_odd_spelling_and_rule_parts(plug, tmp_path):
    plug.data["certificates"][0]["standards"] = [
        "en  62368–1 : 2014 / a11 : 2017", "ETSI EN 300 328 V2.2.2 (2019-07)", "EN 301489-17 V3.3.1", "EN 18031-1:2024",
    ]
    plug.data["certificates"][1]["standards"] += ["47 CFR Part 15 Subpart B", "KDB 558074 D01"]
    plug.write()
    assert lint(tmp_path, select="CMP009") == []


def test_near_miss_edition_added_by_the_configured_overlay(plug, tmp_path):
    plug.data["certificates"][0]["standards"].append("EN 62133-2:2017")
    plug.write()
    assert len(lint(tmp_path, select="CMP009")) == 1
    (tmp_path / "extra.yaml").write_text(
        "standards:\n  - {ref: 'EN 62133-2:2017', market: EU, legislation: [BATT], groups: [battery], status: current,\n"
        "     source: 'https://example.com/lab-note', confidence: single-source}\n", encoding="utf-8")
    assert lint(tmp_path, select="CMP009", standards_overlay="extra.yaml") == []
