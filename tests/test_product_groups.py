"""The product-group vocabulary: valid data, every group the registry names is in it, aliases and
implied groups resolve, overlays extend it, and `listing-lint standards --groups/--group` show it."""

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from listing_lint.cli import main
from listing_lint.standards.registry import DATA, RegistryDataError, load_registry


def test_vocabulary_validates_against_its_schema():
    doc = yaml.safe_load((DATA / "product_groups.yaml").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "product_groups.schema.json").read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(doc)] == []


def test_every_group_the_registry_names_is_in_the_vocabulary():
    registry = load_registry()
    ids = {g.id for g in registry.groups}
    named = {g for e in registry.entries for g in e.groups}
    for rule in registry.rules:
        named |= set(rule.get("groups_any") or ()) | set(rule.get("groups_all") or ()) | set(rule.get("groups_none") or ())
        named |= {rule.get("group")} - {None}  # a group_hints rule names the group it suggests
    assert named - ids == set()
    electrical = yaml.safe_load((DATA / "market_rules.yaml").read_text(encoding="utf-8"))["electrical_groups"]
    assert set(electrical) <= ids


def test_aliases_read_as_ids_and_implied_groups_follow():
    registry = load_registry()
    assert registry.resolve_groups(["electronic-toys"]) == {"electric-toy", "toy"}
    assert registry.resolve_groups(["qi"]) == {"wireless-charger", "radio"}
    assert registry.resolve_groups(["power-adapter", "typo"]) == {"external-power-supply", "mains-powered"}
    assert registry.resolve_groups([]) == set()
    # session 17: a product charged on a Qi pad is not the pad; a cable with no electronics is still wired charging
    assert registry.resolve_groups(["qi-receiver"]) == {"wireless-charging-receiver", "battery"}
    assert registry.resolve_groups(["passive-cable"]) == {"passive-cable", "wired-charging"}


def test_the_groups_other_rules_rely_on_exist():
    ids = {g.id for g in load_registry().groups}
    assert {"toy", "childcare", "wearable", "radio", "internet-connected", "personal-data"} <= ids


def test_an_overlay_alias_that_collides_is_refused(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("product_groups:\n  - {id: kids-stuff, title: 'things for kids', aliases: [toys]}\n", encoding="utf-8")
    with pytest.raises(RegistryDataError, match="'toys' is used by both 'toy' and 'kids-stuff'"):
        load_registry(path)


def _run(*args):
    return CliRunner().invoke(main, ["standards", *args])


def test_groups_lists_the_vocabulary_with_aliases():
    result = _run("--groups")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    toy = next(i for i, line in enumerate(lines) if line.strip().startswith("electric-toy "))
    assert "aliases: electric-toys" in lines[toy + 1] and "implies: toy" in lines[toy + 2]


def test_group_filter_with_an_unknown_group_is_a_usage_error():
    result = _run("--market", "UK", "--group", "toyz")
    assert result.exit_code == 2
    assert "unknown product group 'toyz'; did you mean 'toy'?" in result.stderr


def test_what_applies_to_a_toy_in_the_uk():
    result = _run("--market", "UK", "--group", "toy", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Standards registry as of 2026-11-25 for toy ")
    in_force = result.output.split("UK requirements — in force:")[1]
    assert "Toys (Safety) Regulations 2011" in in_force and "EN 71-3" in in_force
    assert "EU requirements" not in result.output
    assert "PSTI" not in result.output and "mains-powered" not in result.output  # not a toy's


def test_group_filter_takes_aliases_and_implied_groups():
    out = _run("--market", "EU", "--group", "electronic-toys", "--as-of", "2026-11-25").output
    assert "for electric-toy+toy " in out
    assert "EN IEC 62115:2020+A11:2020" in out and "EN 71-1:2014+A1:2018" in out
    assert "2030-08-01" in out.split("EU requirements — coming:")[1]
    assert "EN 62368-1" not in out


def test_the_groups_say_who_wears_a_wearable_and_what_a_childrens_product_is():
    # session 14: a pet GPS collar is no wearable (2022/30 Art. 1(2)(d): the human body); a baby
    # monitor's parent unit is no children's product (16 CFR 1200.2: children physically use it)
    out = CliRunner().invoke(main, ["standards", "--groups"]).output
    wearable = out.split("  wearable ")[1].split("\n  ")[0]
    assert "not a pet's collar" in wearable and "2022/30 Art. 1(2)(d)" in wearable
    childrens = out.split("  childrens-product ")[1]
    assert "16 CFR 1200.2" in childrens and "baby monitor's parent unit" in childrens
    assert "durable-infant-product" in childrens.split("implies")[0]
