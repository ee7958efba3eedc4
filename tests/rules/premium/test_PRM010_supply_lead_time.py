from builder import findings, lint


def test_lead_time_over_15_days(bundle, tmp_path):
    bundle.data["fulfillment"] = {"supply_lead_time_days": 16}
    bundle.write()
    assert lint(tmp_path, select="PRM010") == [
        (f"{bundle.rel}/listing.json", bundle.line_of('"supply_lead_time_days"'), "PRM010")
    ]
    [f] = findings(tmp_path, select="PRM010")
    assert f.message.startswith("supply lead time is 16 days, over the premium limit of 15")


def test_near_miss_exactly_15_days(bundle, tmp_path):
    bundle.data["fulfillment"] = {"supply_lead_time_days": 15}
    bundle.write()
    assert lint(tmp_path, select="PRM010") == []
