from builder import findings, lint


def test_outside_the_selection_screen(bundle, tmp_path):
    bundle.data["selection"] = {"blue_ocean_score": 84.9, "competition_heat": 61}
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="PRM015") == [
        (path, bundle.line_of('"blue_ocean_score"'), "PRM015"),
        (path, bundle.line_of('"competition_heat"'), "PRM015"),
    ]
    assert {str(f.severity) for f in findings(tmp_path, select="PRM015")} == {"info"}


def test_near_miss_exactly_on_the_screen(bundle, tmp_path):
    bundle.data["selection"] = {"blue_ocean_score": 85, "competition_heat": 60}
    bundle.write()
    assert lint(tmp_path, select="PRM015") == []
