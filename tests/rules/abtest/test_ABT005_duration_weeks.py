import pytest
from builder import findings, lint


@pytest.mark.parametrize(
    "start, end, words",
    [
        ("2026-03-02", "2026-03-12", "runs 10 days, not whole weeks; run 14 days (2 weeks)"),
        ("2026-03-02", "2026-03-07", "is planned for under 7 days"),
        ("2026-03-02", "2026-02-27", "ends before it starts"),
    ],
)
def test_plans_that_are_not_whole_weeks(bundle, tmp_path, experiment, start, end, words):
    bundle.data["experiments"] = [experiment(start=start, end=end)]
    bundle.write()
    assert lint(tmp_path, select="ABT005") == [(f"{bundle.rel}/listing.json", bundle.line_of('"end"'), "ABT005")]
    [f] = findings(tmp_path, select="ABT005")
    assert words in f.message and str(f.severity) == "info"


@pytest.mark.parametrize(
    "start, end",
    [
        ("2026-03-02", "2026-03-09"),  # exactly 7 days, end exclusive
        ("2026-03-02", "2026-03-08"),  # exactly 7 days, end inclusive
        ("2026-03-02", "2026-03-29"),  # four weeks, Monday to Sunday
        ("2026-03-02", "2026-03-30"),  # four weeks, Monday to Monday
    ],
)
def test_near_miss_whole_weeks(bundle, tmp_path, experiment, start, end):
    bundle.data["experiments"] = [experiment(start=start, end=end)]
    bundle.write()
    assert lint(tmp_path, select="ABT005") == []


def test_without_both_dates_nothing_to_check(bundle, tmp_path, experiment):
    bundle.data["experiments"] = [experiment(start="2026-03-02")]
    bundle.write()
    assert lint(tmp_path, select="ABT005") == []
