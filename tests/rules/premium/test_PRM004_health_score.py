from builder import findings, lint


def test_health_score_under_80(bundle, tmp_path):
    bundle.data["metrics"] = {"health_score": 79.5}
    bundle.write()
    assert lint(tmp_path, select="PRM004") == [(f"{bundle.rel}/listing.json", bundle.line_of('"health_score"'), "PRM004")]
    [f] = findings(tmp_path, select="PRM004")
    assert f.message == "health score 79.5 is under 80; optimize the listing within 72 h or delist it"


def test_near_miss_exactly_80(bundle, tmp_path):
    bundle.data["metrics"] = {"health_score": 80}
    bundle.write()
    assert lint(tmp_path, select="PRM004") == []


def test_store_health_score(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"health_score": 61}})
    assert lint(tmp_path, select="PRM004") == [("store.json", store.line('"health_score"'), "PRM004")]


def test_a_score_just_under_80_is_not_printed_as_80(bundle, tmp_path):
    bundle.data["metrics"] = {"health_score": 79.9999999}
    bundle.write()
    [f] = findings(tmp_path, select="PRM004")
    assert (f.path, f.line, f.code) == (f"{bundle.rel}/listing.json", bundle.line_of('"health_score"'), "PRM004")
    assert f.message.startswith("health score 79.9999999 is under 80;")


def test_a_score_of_0_is_reported_and_the_message_says_what_0_may_mean(bundle, tmp_path):
    # session 14: unlike a DSR of 0 (PRM005, no ratings yet), 0 is on the health score's 0-100 scale
    bundle.data["metrics"] = {"health_score": 0}
    bundle.write()
    assert lint(tmp_path, select="PRM004") == [(f"{bundle.rel}/listing.json", bundle.line_of('"health_score"'), "PRM004")]
    [f] = findings(tmp_path, select="PRM004")
    assert f.message == ("health score 0 is under 80; optimize the listing within 72 h or delist it; "
                         "if the marketplace has not scored it yet, leave `health_score` out instead of writing 0")


def test_near_miss_a_low_score_above_0_does_not_say_so(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"health_score": 0.5}})
    [f] = findings(tmp_path, select="PRM004")
    assert (f.path, f.line) == ("store.json", store.line('"health_score"'))
    assert "leave `health_score` out" not in f.message
