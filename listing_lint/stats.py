"""The statistics behind the A/B-readiness rules: sample size, reachable effect, sample-ratio mismatch.

Standard library only (``statistics.NormalDist``, ``math.erfc``, ``math.lgamma``): the linter
must start fast and scipy is a test-only dependency. ``tests/test_stats.py`` checks every
function here against scipy over a grid of inputs to 1e-6 relative.

- ``sample_size``: the per-variant n of a two-sided two-proportion z-test (pooled variance
  under H0, unpooled under H1), the formula of marketplace.md §3.1.
- ``reachable_mde``: the smallest relative lift that n visitors per variant can detect,
  found by bisection on ``sample_size`` (which falls monotonically as the lift grows).
- ``split_traffic`` / ``reachable_split_mde``: the same for an unequal split (90/10, 60/40,
  three or more arms), with the unequal-groups form of the formula.
- ``chi2_sf`` / ``srm_test``: the chi-squared goodness-of-fit test GrowthBook and Statsig run
  for sample-ratio mismatch, with the closed form of the chi-squared survival function for
  whole degrees of freedom (the only kind a test of k variants has: k - 1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

_NORMAL = NormalDist()


def z_values(alpha: float, power: float) -> tuple[float, float]:
    """``(z_{1-alpha/2}, z_{power})``: 1.959964 and 0.841621 at alpha 0.05, power 0.8."""
    return _NORMAL.inv_cdf(1 - alpha / 2), _NORMAL.inv_cdf(power)


def sample_size(baseline: float, relative_mde: float, alpha: float = 0.05, power: float = 0.8) -> float:
    """Visitors per variant (not rounded) to detect ``baseline * (1 + relative_mde)``.

    n = [z_a * sqrt(2 p q) + z_b * sqrt(p1 q1 + p2 q2)]^2 / (p2 - p1)^2, with p the mean of
    p1 and p2. Raises ValueError when p1 or p2 is not strictly between 0 and 1.
    """
    p1 = baseline
    p2 = baseline * (1 + relative_mde)
    if not (0 < p1 < 1 and 0 < p2 < 1) or p1 == p2:
        raise ValueError(f"rates must lie strictly between 0 and 1 and differ (p1={p1}, p2={p2})")
    z_a, z_b = z_values(alpha, power)
    p_bar = (p1 + p2) / 2
    root = z_a * math.sqrt(2 * p_bar * (1 - p_bar)) + z_b * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return root * root / ((p2 - p1) ** 2)


def split_traffic(
    baseline: float, relative_mde: float, shares: list[float], alpha: float = 0.05, power: float = 0.8
) -> float:
    """Visitors in all (not rounded) a test split ``shares`` (fractions of its traffic, the control
    first) needs before every variant's comparison with the control reaches ``power``.

    Unequal groups (Fleiss, Tytun & Ury 1980): with n1 = s1·N control visitors and n2 = s2·N in
    a variant, N = [z_a·√(p̄q̄(1/s1 + 1/s2)) + z_b·√(p1q1/s1 + p2q2/s2)]² / (p2 − p1)², p̄ the
    pooled rate (s1·p1 + s2·p2)/(s1 + s2). On an even two-way split (s = 1/2) this is exactly
    2 · ``sample_size``; a 90/10 split needs far fewer visitors in its small arm than an even
    split's n, as the large control carries part of the variance.
    """
    p1 = baseline
    p2 = baseline * (1 + relative_mde)
    if not (0 < p1 < 1 and 0 < p2 < 1) or p1 == p2:
        raise ValueError(f"rates must lie strictly between 0 and 1 and differ (p1={p1}, p2={p2})")
    if len(shares) < 2 or any(s <= 0 for s in shares):
        raise ValueError("need a control and at least one variant, each with a positive share")
    z_a, z_b = z_values(alpha, power)
    control = shares[0]
    need = 0.0
    for share in shares[1:]:
        p_bar = (control * p1 + share * p2) / (control + share)
        root = z_a * math.sqrt(p_bar * (1 - p_bar) * (1 / control + 1 / share)) + z_b * math.sqrt(
            p1 * (1 - p1) / control + p2 * (1 - p2) / share
        )
        need = max(need, root * root / ((p2 - p1) ** 2))
    return need


def reachable_split_mde(
    baseline: float, visitors: float, shares: list[float], alpha: float = 0.05, power: float = 0.8
) -> float | None:
    """The smallest relative lift ``visitors`` in all, split ``shares``, can detect, or None if none can."""
    return _smallest_lift(baseline, visitors, lambda lift: split_traffic(baseline, lift, shares, alpha, power))


def reachable_mde(baseline: float, visitors: float, alpha: float = 0.05, power: float = 0.8) -> float | None:
    """The smallest relative lift ``visitors`` per variant can detect, or None if none can.

    Lifts are searched up to the one that takes the rate to 1 (``p2 < 1``); the answer is
    found to 1e-9 relative by bisection.
    """
    return _smallest_lift(baseline, visitors, lambda lift: sample_size(baseline, lift, alpha, power))


def _smallest_lift(baseline: float, visitors: float, needs) -> float | None:
    """The smallest lift whose ``needs(lift)`` (visitors, falling as the lift grows) is at most
    ``visitors``, by bisection to 1e-9 relative; None if not even the largest lift is."""
    if not 0 < baseline < 1 or visitors <= 0:
        return None
    high = (1 - 1e-12) / baseline - 1
    if needs(high) > visitors:
        return None
    low = 0.0
    for _ in range(200):
        mid = (low + high) / 2
        if mid <= 0 or needs(mid) > visitors:
            low = mid
        else:
            high = mid
        if high - low <= 1e-9 * high:
            break
    return high


def chi2_sf(x: float, df: int) -> float:
    """P(X >= x) for X chi-squared with ``df`` (a whole number >= 1) degrees of freedom.

    Even df = 2m: exp(-x/2) * sum_{i<m} (x/2)^i / i!. Odd df = 2m+1: erfc(sqrt(x/2)) +
    sum_{i=1..m} exp(-x/2) (x/2)^(i-1/2) / Gamma(i+1/2). Every term is positive, so the sum
    keeps full relative precision; each term is formed in logs so large x does not overflow.
    """
    if df < 1 or int(df) != df:
        raise ValueError(f"degrees of freedom must be a whole number >= 1, not {df!r}")
    df = int(df)
    if x <= 0:
        return 1.0
    half = x / 2
    log_half = math.log(half)
    if df % 2 == 0:
        return sum(math.exp(i * log_half - half - math.lgamma(i + 1)) for i in range(df // 2))
    total = math.erfc(math.sqrt(half))
    for i in range(1, (df - 1) // 2 + 1):
        total += math.exp((i - 0.5) * log_half - half - math.lgamma(i + 0.5))
    return min(total, 1.0)


@dataclass(frozen=True)
class SrmResult:
    chi2: float
    df: int
    p_value: float


def srm_test(observed: list[int], weights: list[float]) -> SrmResult:
    """Chi-squared goodness of fit of visitor counts against the planned split (any number of variants).

    ``weights`` are the planned shares in any unit (percent or fractions); each must be
    positive. Raises ValueError for fewer than two variants or no visitors.
    """
    if len(observed) != len(weights) or len(observed) < 2:
        raise ValueError("need at least two variants, one weight each")
    total = sum(observed)
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0 or any(w <= 0 for w in weights):
        raise ValueError("need visitors and positive planned shares")
    chi2 = 0.0
    for count, weight in zip(observed, weights):
        expected = total * weight / weight_sum
        chi2 += (count - expected) ** 2 / expected
    df = len(observed) - 1
    return SrmResult(chi2, df, chi2_sf(chi2, df))
