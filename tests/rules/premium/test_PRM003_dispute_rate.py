from builder import findings, lint


def test_exactly_at_the_warning_line_is_an_error(bundle, tmp_path):
    bundle.data["metrics"] = {"dispute_rate": 0.045}
    bundle.write()
    assert lint(tmp_path, select="PRM003") == [(f"{bundle.rel}/listing.json", bundle.line_of('"dispute_rate"'), "PRM003")]
    [f] = findings(tmp_path, select="PRM003")
    assert str(f.severity) == "error"
    assert f.message.startswith("dispute rate 4.5% has reached the premium warning line of 4.5%")


def test_near_miss_just_under_the_line(bundle, tmp_path):
    bundle.data["metrics"] = {"dispute_rate": 0.0449}
    bundle.write()
    assert lint(tmp_path, select="PRM003") == []


def test_store_dispute_rate(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"dispute_rate": 0.079}})
    assert lint(tmp_path, select="PRM003") == [("store.json", store.line('"dispute_rate"'), "PRM003")]


def test_a_user_line_is_not_a_confirmed_fact_so_it_warns(bundle, tmp_path):
    bundle.data["metrics"] = {"dispute_rate": 0.03}
    bundle.write()
    [f] = findings(tmp_path, select="PRM003", thresholds={"max-dispute-rate": 0.03})
    assert str(f.severity) == "warning"
