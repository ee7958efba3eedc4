"""An invalid market is SCH002's finding only, not PRM008's too (issue 14, item 16)."""

from builder import findings


def test_an_unknown_market_is_one_schema_finding(bundle, tmp_path):
    bundle.data["markets"] = ["EU", "DE"]
    bundle.data["fulfillment"] = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": 2}]}
    bundle.write()
    result = [(f.code, f.line) for f in findings(tmp_path, select=["SCH002", "PRM008"])]
    assert result == [("SCH002", bundle.line_of('"DE"'))]


def test_a_known_market_without_a_local_warehouse_is_still_found(bundle, tmp_path):
    bundle.data["markets"] = ["EU", "UK"]
    bundle.data["fulfillment"] = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": 2}]}
    bundle.write()
    (f,) = findings(tmp_path, select=["SCH002", "PRM008"])
    assert f.code == "PRM008" and f.message.startswith("UK has no local warehouse")
