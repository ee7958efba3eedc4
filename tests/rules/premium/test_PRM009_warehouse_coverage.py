from builder import BundleBuilder, findings, lint


def test_declared_coverage_under_60_percent(bundle, tmp_path, store):
    bundle.write()
    store.write({"warehouses_coverage": 0.59})
    assert lint(tmp_path, select="PRM009") == [("store.json", store.line('"warehouses_coverage"'), "PRM009")]


def test_near_miss_exactly_60_percent(bundle, tmp_path, store):
    bundle.write()
    store.write({"warehouses_coverage": 0.6})
    assert lint(tmp_path, select="PRM009") == []


def with_warehouses(repo, bundle_id, markets, local):
    b = BundleBuilder(repo, bundle_id)
    b.data["markets"] = markets
    b.data["fulfillment"] = {"warehouses": [{"market": m, "kind": "local", "handling_days": 3} for m in local]}
    b.write()


def test_coverage_computed_from_listings_when_store_json_does_not_say(tmp_path, store):
    with_warehouses(tmp_path, "lamp", ["EU", "UK"], ["EU"])
    with_warehouses(tmp_path, "plug", ["EU", "UK", "US"], ["EU"])
    store.write({"seller": {"legal_name": "Example"}})
    assert lint(tmp_path, select="PRM009") == [("store.json", 1, "PRM009")]
    [f] = findings(tmp_path, select="PRM009")
    assert f.message.startswith("overseas-warehouse coverage is 40% (local warehouses for 2 of 5 listing markets in 2 listings)")


def test_computed_near_miss_exactly_60_percent(tmp_path, store):
    with_warehouses(tmp_path, "lamp", ["EU", "UK"], ["EU", "UK"])
    with_warehouses(tmp_path, "plug", ["EU", "UK", "US"], ["EU"])
    store.write({})
    assert lint(tmp_path, select="PRM009") == []
