from builder import findings, lint


def test_missing_hypothesis_metric_challenger_and_split(bundle, tmp_path, experiment, nth_line):
    bundle.data["experiments"] = [
        experiment(hypothesis="  ", primary_metric=None, variants=[{"id": "control"}], traffic_split=[60, 30])
    ]
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    start = bundle.line_of('"experiments"') + 1
    assert lint(tmp_path, select="ABT003") == [
        (path, start, "ABT003"),
        (path, start, "ABT003"),
        (path, bundle.line_of('"variants"'), "ABT003"),
        (path, bundle.line_of('"traffic_split"'), "ABT003"),
    ]
    messages = [f.message for f in findings(tmp_path, select="ABT003")]
    assert any("has no hypothesis" in m for m in messages) and any("has no primary_metric" in m for m in messages)
    assert "has 1 variant;" in messages[2] and "splits 90% of traffic" in messages[3]


def test_one_share_per_variant(bundle, tmp_path, experiment):
    bundle.data["experiments"] = [experiment(traffic_split=[50, 25, 25])]
    bundle.write()
    assert lint(tmp_path, select="ABT003") == [(f"{bundle.rel}/listing.json", bundle.line_of('"traffic_split"'), "ABT003")]


def test_near_miss_complete_and_with_an_even_default_split(bundle, tmp_path, experiment):
    bundle.data["experiments"] = [experiment(), experiment(id="es-title", element="title", traffic_split=None)]
    bundle.write()
    assert lint(tmp_path, select="ABT003") == []


def test_rounded_shares_are_told_how_to_add_up(bundle, tmp_path, experiment):
    bundle.data["experiments"] = [experiment(variants=[{"id": "a"}, {"id": "b"}, {"id": "c"}], traffic_split=[33, 33, 33])]
    bundle.write()
    found = findings(tmp_path, select="ABT003")
    assert [(f.line, f.code) for f in found] == [(bundle.line_of('"traffic_split"'), "ABT003")]
    assert found[0].message.endswith("splits 99% of traffic; the shares must add up to 100 "
                                     "(rounded shares: give the control the 1% left over, e.g. [34, 33, 33])")
    bundle.data["experiments"] = [experiment(traffic_split=[60, 30])]  # not rounding: no made-up split
    bundle.write()
    assert findings(tmp_path, select="ABT003")[0].message.endswith("the shares must add up to 100")
