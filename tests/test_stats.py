"""listing_lint.stats against scipy (a test-only dependency) over grids of inputs, to 1e-6 relative."""

import math

import pytest

from listing_lint import stats

scipy_stats = pytest.importorskip("scipy.stats")
optimize = pytest.importorskip("scipy.optimize")

REL = 1e-6
BASELINES = [0.001, 0.005, 0.021, 0.038, 0.05, 0.125, 0.3, 0.5, 0.8]
LIFTS = [0.01, 0.05, 0.1, 0.2, 0.32, 0.5, 1.0]
ALPHA_POWER = [(0.05, 0.8), (0.01, 0.9), (0.1, 0.8), (0.05, 0.95)]


def scipy_sample_size(p1, mde, alpha, power):
    p2 = p1 * (1 + mde)
    z_a, z_b = scipy_stats.norm.ppf(1 - alpha / 2), scipy_stats.norm.ppf(power)
    p_bar = (p1 + p2) / 2
    return (z_a * math.sqrt(2 * p_bar * (1 - p_bar)) + z_b * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (
        p2 - p1
    ) ** 2


def scipy_power(p1, p2, n, alpha):
    """Power of the two-sided pooled two-proportion z-test with n per variant (one tail)."""
    z_a = scipy_stats.norm.ppf(1 - alpha / 2)
    p_bar = (p1 + p2) / 2
    return scipy_stats.norm.cdf(
        (abs(p2 - p1) * math.sqrt(n) - z_a * math.sqrt(2 * p_bar * (1 - p_bar))) / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    )


@pytest.mark.parametrize(
    "mde, expected", [(0.10, 76_757), (0.20, 20_081), (0.32, 8_261)], ids=["10%", "20%", "32%"]
)
def test_rules_md_check_values_at_baseline_2_1_percent(mde, expected):
    assert math.ceil(stats.sample_size(0.021, mde)) == expected


def test_z_values_match_scipy():
    for alpha, power in ALPHA_POWER:
        z_a, z_b = stats.z_values(alpha, power)
        assert z_a == pytest.approx(scipy_stats.norm.ppf(1 - alpha / 2), rel=REL)
        assert z_b == pytest.approx(scipy_stats.norm.ppf(power), rel=REL)


def test_sample_size_matches_scipy_over_grid():
    checked = 0
    for p1 in BASELINES:
        for mde in LIFTS:
            if p1 * (1 + mde) >= 1:
                continue
            for alpha, power in ALPHA_POWER:
                ours = stats.sample_size(p1, mde, alpha, power)
                assert ours == pytest.approx(scipy_sample_size(p1, mde, alpha, power), rel=REL)
                # independent check: at that n the test really has the asked-for power
                assert scipy_power(p1, p1 * (1 + mde), ours, alpha) == pytest.approx(power, rel=REL)
                checked += 1
    assert checked > 200


def test_reachable_mde_inverts_sample_size_like_brentq():
    for p1 in BASELINES:
        for n in [500, 4_340, 20_081, 250_000]:
            ours = stats.reachable_mde(p1, n)
            high = (1 - 1e-12) / p1 - 1
            if scipy_sample_size(p1, high, 0.05, 0.8) > n:
                assert ours is None
                continue
            theirs = optimize.brentq(lambda m: scipy_sample_size(p1, m, 0.05, 0.8) - n, 1e-9, high, xtol=1e-14)
            assert ours == pytest.approx(theirs, rel=REL)


def test_reachable_mde_of_the_issue_example():
    # es at 310 visitors/day, 28 days, two variants: 4,340 per variant at baseline 2.1%
    assert round(stats.reachable_mde(0.021, 310 * 28 / 2) * 100) == 45


def test_reachable_mde_none_when_traffic_cannot_detect_any_lift():
    assert stats.reachable_mde(0.5, 3) is None
    assert stats.reachable_mde(0.0, 1000) is None


@pytest.mark.parametrize("df", list(range(1, 21)) + [30, 49, 99])
def test_chi2_sf_matches_scipy(df):
    for x in [1e-6, 0.01, 0.5, 1, 2.5, 5, 10.1, 10.83, 20, 50, 100, 300, 700, 1200]:
        theirs = scipy_stats.chi2.sf(x, df)
        if theirs < 1e-290:
            continue  # below double precision's normal range: both are "zero"
        assert stats.chi2_sf(x, df) == pytest.approx(theirs, rel=REL), (x, df)


def test_chi2_sf_edges():
    assert stats.chi2_sf(0, 3) == 1.0
    with pytest.raises(ValueError):
        stats.chi2_sf(1.0, 0)
    with pytest.raises(ValueError):
        stats.chi2_sf(1.0, 1.5)


SRM_CASES = [
    ([50_000, 49_000], [50, 50]),
    ([10_000, 9_700], [50, 50]),
    ([50_000, 47_000], [50, 50]),
    ([19_650, 19_512], [50, 50]),
    ([30_120, 9_880], [75, 25]),
    ([1_000, 1_100, 950], [34, 33, 33]),
    ([5_000, 5_200, 4_700, 5_100], [25, 25, 25, 25]),
    ([12, 9, 8, 10, 11], [20, 20, 20, 20, 20]),
    ([100_000, 60_000, 40_000], [50, 30, 20]),
]


@pytest.mark.parametrize("observed, split", SRM_CASES)
def test_srm_matches_scipy_chisquare(observed, split):
    total = sum(observed)
    expected = [total * s / sum(split) for s in split]
    theirs = scipy_stats.chisquare(observed, expected)
    ours = stats.srm_test(observed, split)
    assert ours.df == len(observed) - 1
    assert ours.chi2 == pytest.approx(theirs.statistic, rel=REL)
    assert ours.p_value == pytest.approx(theirs.pvalue, rel=REL)


def test_srm_worked_example_of_marketplace_md():
    result = stats.srm_test([50_000, 49_000], [50, 50])
    assert round(result.chi2, 2) == 10.10
    assert round(result.p_value, 4) == 0.0015


def test_srm_refuses_what_it_cannot_test():
    with pytest.raises(ValueError):
        stats.srm_test([10], [100])
    with pytest.raises(ValueError):
        stats.srm_test([0, 0], [50, 50])
    with pytest.raises(ValueError):
        stats.srm_test([10, 10], [100, 0])
