from builder import findings, lint

ISSUE_EXAMPLE = (
    "conversion test on es needs 20,081 visitors per variant; at 310/day that is 130 days: "
    "test a bolder change (only a lift of about 45% is detectable in 28 days) or pool locales"
)


def conversion_test(bundle, experiment, daily=310, **changes):
    bundle.data["metrics"] = {"conversion_rate": 0.021, "daily_visitors": {"en": 2000, "es": daily}}
    bundle.data["experiments"] = [experiment(primary_metric="conversion_rate", **changes)]
    bundle.write()


def test_the_issue_example(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, mde=0.2)
    assert lint(tmp_path, select="ABT002") == [(f"{bundle.rel}/listing.json", bundle.line_of('"mde"'), "ABT002")]
    [f] = findings(tmp_path, select="ABT002")
    assert f.message == ISSUE_EXAMPLE
    assert str(f.severity) == "warning"


def test_near_miss_exactly_28_days(bundle, tmp_path, experiment):
    # 0.247 at 2.1% needs 13,440 per variant: at 960/day on 50/50 exactly 28 days
    conversion_test(bundle, experiment, daily=960, mde=0.247)
    assert lint(tmp_path, select="ABT002") == []


def test_one_visitor_a_day_less_is_29_days(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, daily=959, mde=0.247)
    [f] = findings(tmp_path, select="ABT002")
    assert "needs 13,440 visitors per variant; at 959/day that is 29 days" in f.message


def test_the_smallest_share_sets_the_pace(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, daily=960, mde=0.247, traffic_split=[60, 40])
    [f] = findings(tmp_path, select="ABT002")
    assert "that is 35 days" in f.message


def test_the_experiments_own_traffic_wins(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, daily=310, mde=0.247, daily_visitors=960)
    assert lint(tmp_path, select="ABT002") == []


def test_hopeless_traffic_says_not_even_a_doubling_is_detectable(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, daily=1, mde=0.2)
    [f] = findings(tmp_path, select="ABT002")
    assert "not even a doubling is detectable in 28 days at this traffic" in f.message


def test_silent_without_inputs_or_when_done(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, mde=0.2, status="done")
    assert lint(tmp_path, select="ABT002") == []
    conversion_test(bundle, experiment, mde=None)
    assert lint(tmp_path, select="ABT002") == []
    bundle.data["metrics"] = {"daily_visitors": {"es": 310}}  # no baseline for the metric
    bundle.write()
    assert lint(tmp_path, select="ABT002") == []
    conversion_test(bundle, experiment, mde=0.2, locale="fr")  # no traffic figure for fr
    assert lint(tmp_path, select="ABT002") == []
