"""ABT006 sample-ratio-mismatch — reported visitors do not match the planned split (χ² test, p < 0.001).

What it checks: when an experiment reports ``results`` for every variant and has a usable
``traffic_split``, the chi-squared goodness-of-fit test of the visitor counts against the
split (any number of variants, k − 1 degrees of freedom) has p ≥ 0.001 (threshold
``srm-p-threshold``, GrowthBook's default). It runs once the test as a whole has the traffic:
every variant's expected visitors (all visitors times its planned share) are at least 8
(``srm-min-visitors-per-variant``, GrowthBook's minimum; on an even split this is GrowthBook's
own rule, visitors ≥ variants × 8, and on an uneven one it keeps the χ² approximation off
expected counts too small for it). A variant that got almost nothing (500 against 7 visitors)
is the mismatch this test exists for, so its own count is no gate. A variant planned at 0%
that received visitors is a mismatch outright.
Why: a sample-ratio mismatch means assignment or tracking is broken (redirects, bots,
caching, lost events); the result of such a test cannot be trusted whatever it shows.
Fails:
    listing.json /experiments/0/status = "done"
    listing.json /experiments/0/results = {"control": {"visitors": 50000, "conversions": 1050}, "scene": {"visitors": 47000, "conversions": 1100}}
Passes:
    listing.json /experiments/0/status = "done"
    listing.json /experiments/0/results = {"control": {"visitors": 50000, "conversions": 1050}, "scene": {"visitors": 49000, "conversions": 1100}}    (p ≈ 0.0015)
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import exp_id, experiments, planned_split, variants, whole
from listing_lint.stats import srm_test

CODE, NAME, SEVERITY = "ABT006", "sample-ratio-mismatch", Severity.ERROR
SOURCE = "https://docs.growthbook.io/statistics/srm"


def _counts(exp) -> tuple[list[str], list[int]] | None:
    """Variant ids and their reported visitors, in variant order, when every variant reports."""
    results = exp.get("results")
    arms = variants(exp)
    if not isinstance(results, dict) or not arms:
        return None
    ids, counts = [], []
    for variant in arms:
        vid = variant.get("id") if isinstance(variant, dict) else None
        row = results.get(vid) if isinstance(vid, str) else None
        if not isinstance(row, dict) or not whole(row.get("visitors")) or row["visitors"] < 0:
            return None
        ids.append(vid)
        counts.append(row["visitors"])
    return ids, counts


def _mismatch(ctx, ids, counts, split) -> str | None:
    for vid, count, share in zip(ids, counts, split):
        if share == 0 and count > 0:
            return f"variant {vid} got {count:,} visitors but is planned at 0%"
    pairs = [(c, s) for c, s in zip(counts, split) if s > 0]
    if len(pairs) < 2:
        return None
    total, shares = sum(c for c, _ in pairs), sum(s for _, s in pairs)
    if min(total * s / shares for _, s in pairs) < ctx.threshold("srm-min-visitors-per-variant"):
        return None  # too little traffic to judge the split (GrowthBook: "not enough traffic")
    result = srm_test([c for c, _ in pairs], [s for _, s in pairs])
    threshold = ctx.threshold("srm-p-threshold")
    if not result.p_value < threshold:
        return None
    return (
        f"{' / '.join(f'{c:,}' for c in counts)} visitors on a {'/'.join(str(s) for s in split)} split "
        f"(χ² = {result.chi2:.1f}, p = {result.p_value:.2g} < {threshold:g})"
    )


def check(bundle, ctx):
    for i, exp in experiments(bundle):
        counted = _counts(exp)
        if counted is None:
            continue
        ids, counts = counted
        split = planned_split(exp, len(ids))
        if split is None:
            continue
        problem = _mismatch(ctx, ids, counts, split)
        if problem:
            yield ctx.finding(
                pointer("experiments", i, "results"),
                f"sample-ratio mismatch in experiment {exp_id(exp, i)}: {problem}; assignment or tracking is broken, "
                "so do not act on this result: find the cause (redirects, bots, caching, lost events) and rerun",
                severity=ctx.severity_for(ctx.limit("srm-p-threshold").confidence),
            )
