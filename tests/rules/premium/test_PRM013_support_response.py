from builder import findings, lint


def test_replies_slower_than_a_day_in_one_market(bundle, tmp_path, store):
    bundle.write()
    store.write({"support_response_hours": {"EU": 24, "UK": 24.5}})
    assert lint(tmp_path, select="PRM013") == [("store.json", store.line('"UK"'), "PRM013")]
    [f] = findings(tmp_path, select="PRM013")
    assert f.message.startswith("after-sales replies in UK take 24.5 h")


def test_near_miss_exactly_24_hours(bundle, tmp_path, store):
    bundle.write()
    store.write({"support_response_hours": {"EU": 24}})
    assert lint(tmp_path, select="PRM013") == []
