"""ABT002 underpowered — the experiment cannot reach its sample size within 28 days.

What it checks: for a planned or running experiment (status other than ``done``), the
two-proportion sample size per variant, n = [z(1-α/2)·√(2p̄q̄) + z(power)·√(p₁q₁+p₂q₂)]² / (p₂−p₁)²,
with the baseline p₁ taken from the listing's ``metrics`` for the experiment's
``primary_metric`` and p₂ = p₁·(1 + ``mde``), against the traffic: the experiment's
``daily_visitors``, else ``metrics.daily_visitors`` of its locale, shared out by
``traffic_split`` (even when absent). On an unequal split (90/10, 60/40, three arms of
34/33/33) the per-arm numbers come from the unequal-groups form of the formula, each variant
against the control: the large control carries part of the variance, so the small arm needs
fewer than an even split's n. Visitors a running test already reports in ``results`` count
towards its sample size. More than 28 days still to go (threshold ``ab-max-days``; exactly
28 passes) is reported with the days needed and the lift that 28 days can detect.
Thresholds ``ab-alpha`` (0.05) and ``ab-power`` (0.8). With any input missing it stays silent.
Check values at baseline 2.1%: a 10% lift needs 76,757 per variant, 20% 20,081, 32% 8,261.
Why: a test that cannot reach its sample size ends on noise: it either finds nothing or,
read early, a lift that is not there.
Fails:
    listing.json /metrics = {"conversion_rate": 0.021, "daily_visitors": {"es": 310}}
    listing.json /experiments/0/primary_metric = "conversion_rate"
    listing.json /experiments/0/mde = 0.2    (20,081 visitors per variant: 130 days)
Passes:
    listing.json /metrics = {"conversion_rate": 0.021, "daily_visitors": {"es": 310}}
    listing.json /experiments/0/primary_metric = "conversion_rate"
    listing.json /experiments/0/mde = 0.5    (3,639 per variant: 24 days)
"""

import math

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import (
    METRIC_LABELS,
    daily_visitors,
    experiments,
    locale_of,
    planned_split,
    variants,
    whole,
)
from listing_lint.rules.premium._common import number
from listing_lint.stats import reachable_mde, reachable_split_mde, sample_size, split_traffic

CODE, NAME, SEVERITY = "ABT002", "underpowered", Severity.WARNING
SOURCE = "two-proportion z-test sample size, α 0.05 two-sided, power 0.8 (Kohavi et al., Seven Rules of Thumb for Web Site Experimenters, KDD 2014)"


def _inputs(bundle, exp):
    """``(baseline, mde, daily, shares)`` or None when the experiment does not say enough."""
    if exp.get("status") == "done":
        return None
    metric = exp.get("primary_metric")
    baseline = number(bundle.dict_at("/metrics").get(metric)) if isinstance(metric, str) else None
    mde = number(exp.get("mde"))
    daily = daily_visitors(bundle, exp)
    arms = variants(exp)
    if baseline is None or mde is None or not daily or daily < 0 or arms is None or len(arms) < 2:
        return None
    if not 0 < baseline < 1 or mde <= 0 or baseline * (1 + mde) >= 1:
        return None
    if "traffic_split" in exp:
        split = planned_split(exp, len(arms))
        if split is None or 0 in split:
            return None  # ABT003 reports an unusable split
        shares = [s / 100 for s in split]
    else:
        shares = [1 / len(arms)] * len(arms)
    return baseline, mde, daily, shares


def _collected(exp) -> list[int] | None:
    """The visitors each variant already has (``results``, in variant order), when every variant reports."""
    results = exp.get("results")
    if not isinstance(results, dict) or not results:
        return None
    counts = []
    for arm in variants(exp) or []:
        vid = arm.get("id") if isinstance(arm, dict) else None
        row = results.get(vid) if isinstance(vid, str) else None
        visitors = row.get("visitors") if isinstance(row, dict) else None
        if not whole(visitors) or visitors < 0:
            return None
        counts.append(visitors)
    return counts


def _lift(reachable, max_days):
    if reachable is None or reachable > 1:
        return f"not even a doubling is detectable in {max_days:g} days at this traffic"
    percent = reachable * 100
    shown = f"{round(percent)}" if percent >= 10 else f"{percent:.2g}"  # 0.52%, not "about 1%" or "about 0%"
    return f"only a lift of about {shown}% is detectable in {max_days:g} days"


def check(bundle, ctx):
    alpha, power = ctx.threshold("ab-alpha"), ctx.threshold("ab-power")
    max_days = ctx.threshold("ab-max-days")
    for i, exp in experiments(bundle):
        inputs = _inputs(bundle, exp)
        if inputs is None:
            continue
        baseline, mde, daily, shares = inputs
        even = max(shares) - min(shares) < 1e-12
        if even:  # n per variant, the formula of rules.md and marketplace.md §3.1
            n = math.ceil(sample_size(baseline, mde, alpha, power))
            needs = [n] * len(shares)
            total = n / shares[0]
        else:  # an unequal split: the small arm needs fewer than n, the large control carries the rest
            total = split_traffic(baseline, mde, shares, alpha, power)
            needs = [math.ceil(total * s) for s in shares]
        collected = _collected(exp)
        run = min(c / s for c, s in zip(collected, shares)) if collected else 0.0  # whole-test visitors so far
        days_needed = max(total - run, 0.0) / daily
        if days_needed <= max_days * (1 + 1e-9):
            continue
        available = daily * max_days + run
        if even:
            reachable = reachable_mde(baseline, available * shares[0], alpha, power)
        else:
            reachable = reachable_split_mde(baseline, available, shares, alpha, power)
        label = METRIC_LABELS.get(exp.get("primary_metric"), str(exp.get("primary_metric")))
        split = "/".join(f"{round(s * 100)}" for s in shares)
        need = f"{needs[0]:,} visitors per variant" if even else f"{' / '.join(f'{v:,}' for v in needs)} visitors on its {split} split"
        has = ""
        if collected:
            has = f" and has {min(collected):,}" if even else f" and has {' / '.join(f'{c:,}' for c in collected)}"
        days = math.ceil(days_needed - 1e-9)
        pace = f"the rest takes {days:,} days" if collected else f"that is {days:,} days"
        yield ctx.finding(
            pointer("experiments", i, "mde"),
            f"{label} test on {locale_of(exp) or '?'} needs {need}{has}; at {daily:,}/day {pace}: "
            f"test a bolder change ({_lift(reachable, max_days)}) or pool locales",
            severity=ctx.severity_for(ctx.limit("ab-max-days").confidence),
        )
