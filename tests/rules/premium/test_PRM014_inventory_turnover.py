from builder import findings, lint


def test_turnover_over_45_days(bundle, tmp_path, store):
    bundle.write()
    store.write({"inventory_turnover_days": 46})
    assert lint(tmp_path, select="PRM014") == [("store.json", store.line('"inventory_turnover_days"'), "PRM014")]
    [f] = findings(tmp_path, select="PRM014")
    assert str(f.severity) == "info" and "29.7%" in f.message


def test_near_miss_exactly_45_days(bundle, tmp_path, store):
    bundle.write()
    store.write({"inventory_turnover_days": 45})
    assert lint(tmp_path, select="PRM014") == []
