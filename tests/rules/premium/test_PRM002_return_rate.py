from builder import findings, lint


def test_return_rate_over_the_limit(bundle, tmp_path):
    bundle.data["metrics"] = {"return_rate": 0.0421}
    bundle.write()
    assert lint(tmp_path, select="PRM002") == [(f"{bundle.rel}/listing.json", bundle.line_of('"return_rate"'), "PRM002")]
    [f] = findings(tmp_path, select="PRM002")
    assert f.message.startswith("return rate 4.21% is over the premium limit of 4.2%")


def test_near_miss_exactly_at_the_limit(bundle, tmp_path):
    bundle.data["metrics"] = {"return_rate": 0.042}
    bundle.write()
    assert lint(tmp_path, select="PRM002") == []


def test_store_return_rate(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"return_rate": 0.06}})
    assert lint(tmp_path, select="PRM002") == [("store.json", store.line('"return_rate"'), "PRM002")]


def test_a_rate_just_over_the_limit_is_not_printed_as_the_limit(bundle, tmp_path):
    bundle.data["metrics"] = {"return_rate": 0.04201}
    bundle.write()
    [f] = findings(tmp_path, select="PRM002")
    assert (f.path, f.line) == (f"{bundle.rel}/listing.json", bundle.line_of('"return_rate"'))
    assert f.message.startswith("return rate 4.201% is over the premium limit of 4.2%")
