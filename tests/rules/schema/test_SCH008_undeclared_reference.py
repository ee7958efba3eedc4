from builder import BundleBuilder, findings, lint


def test_certificate_for_a_model_the_bundle_does_not_sell(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["certificates"] = [{"scheme": "CE", "issued": "2026-01-01", "models": ["D1-EU", "D1-UK"], "file": "c.pdf"}]
    b.write()
    assert lint(tmp_path, select="SCH008") == [("listings/demo/listing.json", b.line_of('"D1-UK"'), "SCH008")]


def test_experiment_locale_and_warehouse_market(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["locales"] = ["en", "es"]
    b.data["experiments"] = [{"id": "e1", "locale": "fr", "element": "title"}]
    b.data["fulfillment"] = {"warehouses": [{"market": "US", "kind": "local", "handling_days": 3}]}
    b.write()
    got = findings(tmp_path, select="SCH008", required_locales=["en"])  # the bundle's locales and the required ones
    assert [(f.line, f.code) for f in got] == [(b.line_of('"fr"'), "SCH008"), (b.line_of('"US"'), "SCH008")]


def test_near_miss_declared_everything_and_locale_spelling(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["locales"] = ["en", "es_ES"]
    b.data["experiments"] = [{"id": "e1", "locale": "es-ES", "element": "title"}, {"id": "e2", "locale": "es", "element": "title"}]
    b.data["certificates"] = [{"scheme": "CE", "issued": "2026-01-01", "models": ["D1-EU"], "file": "c.pdf"}]
    b.data["fulfillment"] = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": 3}]}
    b.write()
    assert lint(tmp_path, select="SCH008") == []


def test_near_miss_certificate_model_family_covering_a_sku(tmp_path):
    """"D1*" and "D1 Series" are CMP006's notation for every model that starts with D1: no typo."""
    b = BundleBuilder(tmp_path)
    b.data["certificates"] = [{"scheme": "CE", "issued": "2026-01-01", "models": ["D1*", "D1 Series"], "file": "c.pdf"}]
    b.write()
    assert lint(tmp_path, select="SCH008") == []


def test_family_of_no_sku_and_a_list_in_one_entry_still_trigger(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["certificates"] = [{"scheme": "CE", "issued": "2026-01-01", "models": ["Z9*", "D1-EU, D1-UK"], "file": "c.pdf"}]
    b.write()
    assert lint(tmp_path, select="SCH008") == [
        ("listings/demo/listing.json", b.line_of('"Z9*"'), "SCH008"),
        ("listings/demo/listing.json", b.line_of('"D1-EU, D1-UK"'), "SCH008"),
    ]
    messages = [f.message for f in findings(tmp_path, select="SCH008")]
    assert messages[1] == "certificate model 'D1-EU, D1-UK' holds several models (D1-EU, D1-UK); write one model per entry"


def _sku_markets(tmp_path, markets):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = markets
    b.data["skus"][0]["markets"] = ["EU"]
    b.data["fulfillment"] = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": 3}]}
    b.write()
    return b


def test_a_market_in_lower_case_is_the_schema_finding_alone(tmp_path):
    b = _sku_markets(tmp_path, ["eu", "UK"])  # "eu" is the EU the SKU and the warehouse name
    assert lint(tmp_path, select=["SCH002", "SCH008"]) == [("listings/demo/listing.json", b.line_of('"eu"'), "SCH002")]


def test_near_miss_a_valid_market_list_without_the_sku_market_still_triggers(tmp_path):
    b = _sku_markets(tmp_path, ["UK", "US"])
    lines = [line for _, line, _ in lint(tmp_path, select=["SCH002", "SCH008"])]
    assert sorted(lines) == [b.line_of('"EU"'), b.line_of('"market": "EU"')]
