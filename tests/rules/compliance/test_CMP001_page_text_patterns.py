"""CMP001's page_text patterns search seller text in bounded time: a search that runs away (an
overlay's pattern on text built to nearly match it) is stopped, and the finding says the evidence
could not be checked instead of calling it missing."""

from builder import findings, lint
from helpers_cmp import line_after, manifest
from product_kinds import make_prop65

from listing_lint.standards import pagetext


def _overlay(tmp_path, pattern: str) -> str:
    (tmp_path / "extra.yaml").write_text(
        f"evidence:\n  - {{id: us-prop65-warning, page_text: '{pattern}'}}\n", encoding="utf-8")
    return "extra.yaml"


def test_a_search_that_runs_away_is_stopped_and_said_once(bundle, tmp_path):
    # alternatives matching the same text in many ways: no nested repeat, still exponential
    overlay = _overlay(tmp_path, r"^(?:a|aa)+$")
    make_prop65(bundle).page("en", "<p>" + "a" * 80 + "!</p>")
    bundle.write()
    assert lint(tmp_path, select="CMP001", standards_overlay=overlay) == [
        (manifest(bundle), line_after(bundle, '"markets"', '"US"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001", standards_overlay=overlay)
    assert "could not be checked" in f.message and "'us-prop65-warning'" in f.message
    assert f"ran over {pagetext.SEARCH_SECONDS:g} s" in f.message and str(f.severity) == "warning"


def test_near_miss_the_same_pattern_on_text_it_matches_quickly(bundle, tmp_path):
    overlay = _overlay(tmp_path, r"^(?:a|aa)+$")
    make_prop65(bundle).page("en", "<p>" + "a" * 80 + "</p>")
    bundle.write()
    assert lint(tmp_path, select="CMP001", standards_overlay=overlay) == []


def test_near_miss_the_shipped_prop65_pattern_still_finds_its_warning(bundle, tmp_path):
    make_prop65(bundle).write()  # the safe-harbor warning with its URL
    assert lint(tmp_path, select="CMP001") == []
    assert pagetext.search(r"\bWARNING\b[\s\S]{0,800}P65Warnings\.ca\.gov", ["x " * 100_000 + "WARNING: ... www.P65Warnings.ca.gov"])


def _shipped(rule_id: str) -> str:
    from listing_lint.standards.registry import load_registry

    return next(r for r in load_registry().rules_of("evidence") if r.id == rule_id).get("page_text")


def test_the_shipped_fibre_pattern_runs_in_linear_time_on_hostile_text():
    # "cotton" then a long run of spaces: the old `\s*[:\-]?\s*` split the run two ways at every
    # length (40,000 spaces took 56 s), so the search was stopped and CMP001 said "could not be checked"
    pattern = _shipped("eu-textile-fibre-composition")
    for text in ("cotton" + " " * 200_000 + "x", "1%" + " " * 200_000, "1% abc" + " " * 200_000 + "x",
                 "Cotton: " * 25_000, "95 % organic soft " * 11_000):
        assert pagetext.search(pattern, [text]) is False


def test_near_miss_the_shipped_fibre_pattern_still_finds_a_composition_after_hostile_text():
    pattern = _shipped("eu-textile-fibre-composition")
    assert pagetext.search(pattern, ["cotton" + " " * 200_000 + "95 % cotton"]) is True
