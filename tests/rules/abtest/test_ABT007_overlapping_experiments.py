from builder import findings, lint


def test_two_running_tests_of_the_same_element(bundle, tmp_path, experiment, nth_line):
    bundle.data["experiments"] = [
        experiment(id="es-hero-a", status="running"),
        experiment(id="es-title", element="title", status="running"),
        experiment(id="es-hero-b", locale="es-ES", status="running"),
    ]
    bundle.write()
    assert lint(tmp_path, select="ABT007") == [(f"{bundle.rel}/listing.json", nth_line('"status"', 3), "ABT007")]
    [f] = findings(tmp_path, select="ABT007")
    assert f.message.startswith("experiments es-hero-a and es-hero-b both run on the es-ES main_image")


def test_near_miss_other_element_other_status_other_dates(bundle, tmp_path, experiment):
    bundle.data["experiments"] = [
        experiment(id="a", status="running", start="2026-11-02", end="2026-11-29"),
        experiment(id="b", element="title", status="running"),
        experiment(id="c", status="planned"),
        experiment(id="d", locale="fr", status="running"),
        experiment(id="e", status="running", start="2026-11-30", end="2026-12-27"),  # after a
    ]
    bundle.write()
    assert lint(tmp_path, select="ABT007") == []


def test_near_miss_back_to_back_when_end_is_the_day_after(bundle, tmp_path, experiment):
    # ABT005 accepts an end on the day after the last day (four weeks from 11-02 end 11-30); the
    # next test starting on 11-30 follows it: was a warning that their traffic overlaps
    bundle.data["experiments"] = [
        experiment(id="a", status="running", start="2026-11-02", end="2026-11-30"),
        experiment(id="b", status="running", start="2026-11-30", end="2026-12-28"),
    ]
    bundle.write()
    assert lint(tmp_path, select=["ABT005", "ABT007"]) == []


def test_dates_that_share_more_than_the_boundary_day_still_overlap(bundle, tmp_path, experiment, nth_line):
    bundle.data["experiments"] = [
        experiment(id="a", status="running", start="2026-11-02", end="2026-11-30"),
        experiment(id="b", status="running", start="2026-11-29", end="2026-12-27"),
    ]
    bundle.write()
    assert lint(tmp_path, select="ABT007") == [(f"{bundle.rel}/listing.json", nth_line('"status"', 2), "ABT007")]
