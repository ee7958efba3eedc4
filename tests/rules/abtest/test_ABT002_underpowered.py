import math
from statistics import NormalDist

import pytest
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


def _power(p1, p2, n1, n2):
    """Textbook power of the two-sided two-proportion z-test (pooled under H0, unpooled under H1,
    alpha 0.05), n1 control and n2 variant visitors: computed here, independently of listing_lint.stats."""
    z_a = NormalDist().inv_cdf(0.975)
    p_bar = (n1 * p1 + n2 * p2) / (n1 + n2)
    se0 = math.sqrt(p_bar * (1 - p_bar) * (1 / n1 + 1 / n2))
    se1 = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return NormalDist().cdf((abs(p2 - p1) - z_a * se0) / se1)


def _days_to_power(p1, mde, daily, split):
    """Fewest whole days after which every variant's comparison with the control has power 0.8."""
    shares = [s / 100 for s in split]

    def enough(days):
        return all(
            _power(p1, p1 * (1 + mde), shares[0] * daily * days, s * daily * days) >= 0.8 for s in shares[1:]
        )

    return next(d for d in range(1, 100_000) if enough(d))


def test_the_independent_power_computation_agrees_on_even_splits():
    assert _days_to_power(0.021, 0.2, 310, [50, 50]) == 130  # the issue example
    assert _days_to_power(0.021, 0.247, 960, [50, 50]) == 28


@pytest.mark.parametrize(
    "split, daily",
    [([60, 40], 960), ([40, 60], 960), ([90, 10], 960), ([34, 33, 33], 960), ([80, 10, 10], 2000)],
)
def test_an_unequal_split_needs_the_days_its_power_needs(bundle, tmp_path, experiment, split, daily):
    # the rule asked the smallest arm for an even split's n (60/40: 13,440 at 384/day, "35 days");
    # with the large control carrying part of the variance the test has its power in 29
    arms = [{"id": "control"}] + [{"id": f"v{k}"} for k in range(1, len(split))]
    conversion_test(bundle, experiment, daily=daily, mde=0.247, traffic_split=split, variants=arms)
    [f] = findings(tmp_path, select="ABT002")
    assert (f.path, f.line, f.code) == (f"{bundle.rel}/listing.json", bundle.line_of('"mde"'), "ABT002")
    assert f"at {daily:,}/day that is {_days_to_power(0.021, 0.247, daily, split)} days:" in f.message
    assert f"visitors on its {'/'.join(map(str, split))} split" in f.message


def test_near_miss_a_55_45_split_that_has_its_power_in_28_days(bundle, tmp_path, experiment):
    # the old arithmetic said 30 days (13,440 / (1,000 x 0.45)): a false warning
    assert _days_to_power(0.021, 0.247, 1000, [55, 45]) == 28
    conversion_test(bundle, experiment, daily=1000, mde=0.247, traffic_split=[55, 45])
    assert lint(tmp_path, select="ABT002") == []
    conversion_test(bundle, experiment, daily=960, mde=0.247, traffic_split=[55, 45])
    [f] = findings(tmp_path, select="ABT002")
    assert "needs 14,869 / 12,166 visitors on its 55/45 split; at 960/day that is 29 days" in f.message


def _results(control, dusk):
    return {"control": {"visitors": control, "conversions": 0}, "dusk": {"visitors": dusk, "conversions": 0}}


def test_a_running_test_counts_the_visitors_it_already_has(bundle, tmp_path, experiment):
    # 19,000 of the 20,081 per variant are in: 7 more days at 155 a variant a day, not "130 days"
    conversion_test(bundle, experiment, mde=0.2, status="running", results=_results(19_000, 19_100))
    assert lint(tmp_path, select="ABT002") == []


def test_a_running_test_far_from_its_sample_size_still_warns(bundle, tmp_path, experiment):
    conversion_test(bundle, experiment, mde=0.2, status="running", results=_results(10_000, 9_000))
    [f] = findings(tmp_path, select="ABT002")
    assert (f.path, f.line, f.code) == (f"{bundle.rel}/listing.json", bundle.line_of('"mde"'), "ABT002")
    # (20,081 - 9,000) / 155 = 71.5
    assert f.message.startswith(
        "conversion test on es needs 20,081 visitors per variant and has 9,000; at 310/day the rest takes 72 days:"
    )


def test_a_small_reachable_lift_is_not_rounded_to_a_whole_percent(bundle, tmp_path, experiment):
    # 2,000,000 a day, a 0.4% lift (46 days): 28 days reach 0.51%, which printed as "about 1%"
    conversion_test(bundle, experiment, daily=2_000_000, mde=0.004)
    [f] = findings(tmp_path, select="ABT002")
    assert "at 2,000,000/day that is 46 days" in f.message
    assert "(only a lift of about 0.51% is detectable in 28 days)" in f.message


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
