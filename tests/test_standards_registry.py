"""The shipped registry: valid against its schema, every entry sourced, dates judged at the as-of date."""

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from listing_lint.standards.refparse import parse_ref
from listing_lint.standards.registry import DATA, RegistryDataError, load_registry

TODAY = date(2026, 11, 25)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("data,schema", [("standards.yaml", "standards.schema.json"), ("market_rules.yaml", "market_rules.schema.json"), ("product_rules.yaml", "market_rules.schema.json")])
def test_shipped_data_validates_against_its_schema(data, schema):
    doc = _jsonable(yaml.safe_load((DATA / data).read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(json.loads((DATA / schema).read_text(encoding="utf-8")))
    assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)] == []


def test_every_entry_and_rule_has_a_source_and_a_confidence():
    registry = load_registry()
    confidences = {"confirmed", "secondary", "single-source", "unconfirmed"}
    assert registry.entries and registry.rules
    for entry in registry.entries:
        assert entry.source.strip() and entry.confidence in confidences, entry.text
    for rule in registry.rules:
        assert rule.source.strip() and rule.confidence in confidences, rule.id


def test_every_superseded_entry_says_what_to_cite_and_every_name_parses():
    registry = load_registry()
    for entry in registry.entries:
        assert parse_ref(entry.text).canonical
        if entry.status == "superseded":
            assert entry.replaced_by and parse_ref(entry.replaced_by)
            assert entry.ended or entry.confidence == "unconfirmed", entry.text


def test_entries_are_unique_per_edition_and_market():
    keys = [(e.ref.canonical, e.market) for e in load_registry().entries]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("cited,day,kind", [
    ("EN 60950-1:2006+A2:2013", date(2020, 6, 1), "current"),
    ("EN 60950-1:2006+A2:2013", TODAY, "ended"),
    ("EN 62368-1:2014+A11:2017", TODAY, "current"),
    ("EN IEC 62368-1:2020+A11:2020", TODAY, "never-cited"),
    ("EN IEC 62368-1:2024+A11:2024", TODAY, "never-cited"),
    ("EN 18031-1:2024", date(2024, 6, 1), "not-yet"),
    ("EN 18031-1:2024", TODAY, "current"),
    ("EN 60598-1:2015+A1:2018", TODAY, "ended"),
    ("EN 60598-1:2015+A1:2018", date(2024, 7, 10), "current"),
])
def test_states_at_dates(cited, day, kind):
    match = load_registry().lookup(parse_ref(cited), "EU")
    assert match.entry.state(day).kind == kind


def test_most_specific_edition_wins():
    registry = load_registry()
    assert registry.lookup(parse_ref("EN 60598-1:2015"), "EU").entry.ended == date(2021, 2, 23)
    assert registry.lookup(parse_ref("EN 60598-1:2015/A1:2018"), "EU").entry.ended == date(2024, 7, 11)
    assert registry.lookup(parse_ref("EN 62368-1:2014"), "EU") is None  # without A11: not an edition we know


def test_uk_citation_without_uk_entry_falls_back_to_eu_unconfirmed():
    match = load_registry().lookup(parse_ref("BS EN IEC 63000:2018"), "UK")
    assert match.via_eu and match.entry.confidence == "unconfirmed"


def test_overlay_adds_and_overrides(tmp_path):
    overlay = tmp_path / "extra.yaml"
    overlay.write_text(
        "standards:\n"
        "  - {ref: 'EN 62368-1:2014+A11:2017', market: EU, confidence: secondary}\n"
        "  - {ref: 'EN 62133-2:2017', market: EU, legislation: [BATT], groups: [battery], status: current,\n"
        "     source: 'https://example.com/lab-note', confidence: single-source}\n"
        "responsible_person:\n"
        "  - {id: uk-importer, confidence: secondary}\n",
        encoding="utf-8",
    )
    registry = load_registry(overlay)
    assert registry.lookup(parse_ref("EN 62368-1:2014+A11:2017"), "EU").entry.confidence == "secondary"
    added = registry.lookup(parse_ref("EN 62133-2:2017"), "EU").entry
    assert added.origin == str(overlay) and added.status == "current"
    assert next(r for r in registry.rules if r.id == "uk-importer").confidence == "secondary"
    assert load_registry().lookup(parse_ref("EN 62368-1:2014+A11:2017"), "EU").entry.confidence == "confirmed"


@pytest.mark.parametrize("text,message", [
    ("standards:\n  - {ref: 'EN 1:2020', market: EU, status: current, confidence: sure, source: 'https://x.org/a'}\n", "confidence"),
    ("standards:\n  - {ref: 'EN 99:2020', market: EU, status: current, legislation: [], groups: [], confidence: confirmed}\n", "source"),
    ("standards: [1, 2\n", "invalid YAML"),
])
def test_invalid_overlay_is_a_clear_error(tmp_path, text, message):
    overlay = tmp_path / "bad.yaml"
    overlay.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryDataError, match=message):
        load_registry(overlay)


def test_missing_overlay_file_is_a_clear_error(tmp_path):
    with pytest.raises(RegistryDataError, match="does not exist"):
        load_registry(tmp_path / "nope.yaml")
