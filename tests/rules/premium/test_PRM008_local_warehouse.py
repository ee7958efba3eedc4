from builder import findings, lint


def test_slow_local_warehouse_and_a_market_without_one(bundle, tmp_path):
    bundle.data["markets"] = ["EU", "UK"]
    bundle.data["fulfillment"] = {
        "warehouses": [
            {"market": "EU", "kind": "local", "handling_days": 5.5},
            {"market": "UK", "kind": "cross-border", "handling_days": 2},
        ]
    }
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="PRM008") == [
        (path, bundle.line_of('"warehouses"'), "PRM008"),
        (path, bundle.line_of('"handling_days"'), "PRM008"),
    ]
    messages = sorted(f.message for f in findings(tmp_path, select="PRM008"))
    assert messages[0].startswith("UK has no local warehouse")
    assert messages[1].startswith("the local EU warehouse hands over in 5.5 working days")


def test_near_miss_five_working_days_everywhere(bundle, tmp_path):
    bundle.data["markets"] = ["EU", "UK"]
    bundle.data["fulfillment"] = {
        "warehouses": [
            {"market": "EU", "kind": "local", "handling_days": 5},
            {"market": "UK", "kind": "local", "handling_days": 5},
            {"market": "UK", "kind": "cross-border", "handling_days": 9},
        ]
    }
    bundle.write()
    assert lint(tmp_path, select="PRM008") == []


def test_no_declared_warehouses_is_not_checked(bundle, tmp_path):
    bundle.data["fulfillment"] = {"supply_lead_time_days": 10}
    bundle.write()
    assert lint(tmp_path, select="PRM008") == []
