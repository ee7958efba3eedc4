"""product_rules.yaml: read with market_rules.yaml, overridable by id from an overlay, regexes checked."""

import pytest

from listing_lint.standards.registry import RegistryDataError, load_registry


def test_product_rules_are_loaded_beside_the_core_rules_and_dated():
    registry = load_registry()
    ids = {r.id for r in registry.rules}
    assert {"eu-ce", "uk-plug-bs1363", "us-toy-cpc", "us-prop65-warning", "us-wireless-charger-authorisation"} <= ids
    mine = [r for r in registry.rules if r.get("checked") is not None]
    assert mine and all(str(r.get("checked")) >= "2026-12-06" for r in mine)  # read on or after issue 17's day


def test_rule_ids_are_unique_across_both_files():
    ids = [r.id for r in load_registry().rules if r.kind != "milestones"]
    assert len(ids) == len(set(ids))


def test_an_overlay_overrides_a_product_rule_by_id(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("evidence:\n  - {id: uk-plug-bs1363, confidence: secondary}\n", encoding="utf-8")
    (rule,) = [r for r in load_registry(path).rules if r.id == "uk-plug-bs1363"]
    assert rule.confidence == "secondary" and rule.get("values") == ["G"]


def test_an_overlay_page_text_that_is_not_a_regex_is_refused(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("evidence:\n  - {id: x-warning, market: US, groups_any: [toy], page_text: 'WARNING(', source: 'https://example.com/x', confidence: unconfirmed}\n", encoding="utf-8")
    with pytest.raises(RegistryDataError, match="page_text is not a regular expression"):
        load_registry(path)
