from builder import findings, lint


def test_store_dsr_under_the_badge_line(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"dsr": 4.81}})
    assert lint(tmp_path, select="PRM005") == [("store.json", store.line('"dsr"'), "PRM005")]
    [f] = findings(tmp_path, select="PRM005")
    assert str(f.severity) == "info" and f.message.startswith("store DSR 4.81 is under 4.82")


def test_listing_dsr(bundle, tmp_path):
    bundle.data["metrics"] = {"dsr": 4.7}
    bundle.write()
    assert lint(tmp_path, select="PRM005") == [(f"{bundle.rel}/listing.json", bundle.line_of('"dsr"'), "PRM005")]


def test_near_miss_exactly_4_82(bundle, tmp_path, store):
    bundle.data["metrics"] = {"dsr": 4.82}
    bundle.write()
    store.write({"metrics": {"dsr": 4.82}})
    assert lint(tmp_path, select="PRM005") == []


def test_a_dsr_with_many_decimals_just_under_the_line(bundle, tmp_path):
    # a DSR pasted with all its decimals: 4.8199999 is under 4.82, and was printed as "DSR 4.82 is under 4.82"
    bundle.data["metrics"] = {"dsr": 4.8199999}
    bundle.write()
    [f] = findings(tmp_path, select="PRM005")
    assert (f.path, f.line, f.code) == (f"{bundle.rel}/listing.json", bundle.line_of('"dsr"'), "PRM005")
    assert f.message.startswith("DSR 4.8199999 is under 4.82,")


def test_a_dsr_at_the_line_with_float_noise_stays_silent(bundle, tmp_path):
    bundle.data["metrics"] = {"dsr": 4.819999999999}
    bundle.write()
    assert lint(tmp_path, select="PRM005") == []


def test_near_miss_a_dsr_of_0_is_no_ratings_yet(bundle, tmp_path, store):
    # a new store or listing shows DSR 0 until a buyer rates it: it was "DSR 0 is under 4.82 ... look at the
    # lowest of item-as-described, communication and shipping ratings", advice about ratings that do not exist
    bundle.data["metrics"] = {"dsr": 0}
    bundle.write()
    store.write({"metrics": {"dsr": 0.0}})
    assert lint(tmp_path, select="PRM005") == []


def test_a_dsr_under_one_star_is_no_average_of_ratings(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"dsr": 0.96}})  # the positive-feedback rate written in its place
    assert lint(tmp_path, select="PRM005") == [("store.json", store.line('"dsr"'), "PRM005")]
    [f] = findings(tmp_path, select="PRM005")
    assert f.message.startswith("store DSR 0.96 is not on the 1-5 star scale buyers rate on")


def test_a_dsr_of_one_star_is_a_score(bundle, tmp_path):
    bundle.data["metrics"] = {"dsr": 1}
    bundle.write()
    [f] = findings(tmp_path, select="PRM005")
    assert (f.path, f.line) == (f"{bundle.rel}/listing.json", bundle.line_of('"dsr"'))
    assert f.message.startswith("DSR 1 is under 4.82, the premium-store badge line")
