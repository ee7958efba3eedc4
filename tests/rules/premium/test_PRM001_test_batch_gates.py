from builder import findings, lint

AT_THE_GATES = {"ctr": 0.038, "add_to_cart_rate": 0.125, "conversion_rate": 0.021}


def test_each_missed_gate_points_at_its_metric(bundle, tmp_path):
    bundle.data["metrics"] = {"ctr": 0.0379, "add_to_cart_rate": 0.124, "conversion_rate": 0.0209}
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="PRM001") == [
        (path, bundle.line_of('"ctr"'), "PRM001"),
        (path, bundle.line_of('"add_to_cart_rate"'), "PRM001"),
        (path, bundle.line_of('"conversion_rate"'), "PRM001"),
    ]
    first = findings(tmp_path, select="PRM001")[0]
    assert first.message.startswith("CTR 3.79% is under the premium test-batch gate of 3.8%")
    assert str(first.severity) == "warning"


def test_near_miss_exactly_at_every_gate(bundle, tmp_path):
    bundle.data["metrics"] = dict(AT_THE_GATES)
    bundle.write()
    assert lint(tmp_path, select="PRM001") == []


def test_store_metrics_are_checked_too(bundle, tmp_path, store):
    bundle.write()
    store.write({"metrics": {"ctr": 0.02, "add_to_cart_rate": 0.2}})
    assert lint(tmp_path, select="PRM001") == [("store.json", store.line('"ctr"'), "PRM001")]
    store.write({"metrics": dict(AT_THE_GATES)})
    assert lint(tmp_path, select="PRM001") == []


def test_missing_or_mistyped_metrics_stay_silent(bundle, tmp_path):
    bundle.data["metrics"] = {"ctr": "3%", "add_to_cart_rate": None}
    bundle.write()
    assert lint(tmp_path, select="PRM001") == []


def test_a_configured_gate_reports_at_most_a_warning(bundle, tmp_path):
    bundle.data["metrics"] = {"ctr": 0.045}
    bundle.write()
    assert lint(tmp_path, select="PRM001", thresholds={"min-ctr": 0.05}) == [
        (f"{bundle.rel}/listing.json", bundle.line_of('"ctr"'), "PRM001")
    ]


def test_a_rate_just_under_a_gate_is_not_printed_as_the_gate(bundle, tmp_path):
    # 0.02099 is under 2.1%, and the message said "conversion rate 2.1% is under ... 2.1%"
    bundle.data["metrics"] = {"conversion_rate": 0.02099, "add_to_cart_rate": 0.124999}
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="PRM001") == [
        (path, bundle.line_of('"conversion_rate"'), "PRM001"),
        (path, bundle.line_of('"add_to_cart_rate"'), "PRM001"),
    ]
    conversion, atc = findings(tmp_path, select="PRM001")
    assert atc.message.startswith("add-to-cart rate 12.4999% is under the premium test-batch gate of 12.5%")
    assert conversion.message.startswith("conversion rate 2.099% is under the premium test-batch gate of 2.1%")
