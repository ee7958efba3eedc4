"""ABT005 duration-weeks — a planned test that is not whole weeks long, or shorter than a week.

What it checks: an experiment with ``start`` and ``end`` runs at least 7 days (threshold
``ab-min-days``) and in whole weeks. ``end`` may name the last day of the test or the day
after it (2026-03-02 to 2026-03-29 and 2026-03-02 to 2026-03-30 are both four weeks), so a
plan passes when either reading is a whole number of weeks. An end before the start is
reported too.
Why: traffic and buying differ by weekday; a test that covers some weekdays more often than
others measures the calendar, not the change (GrowthBook, Optimizely: one to two full weeks).
Fails:
    listing.json /experiments/0/start = "2026-03-02"
    listing.json /experiments/0/end = "2026-03-12"    (10 or 11 days)
Passes:
    listing.json /experiments/0/start = "2026-03-02"
    listing.json /experiments/0/end = "2026-03-16"    (two weeks)
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.abtest._common import exp_id, experiments, parse_date

CODE, NAME, SEVERITY = "ABT005", "duration-weeks", Severity.INFO
SOURCE = "GrowthBook experimentation best practices (durations of 1-2 weeks, whole weeks for day-of-week effects); Optimizely: one to two business cycles"


def _problem(days: int, min_days: float) -> str | None:
    """What is wrong with a plan ``days`` apart (end - start), or None."""
    if days < 0:
        return "ends before it starts"
    if days + 1 < min_days:
        return f"is planned for under {min_days:g} days; run it at least {min_days:g} days, in whole weeks"
    if days % 7 and (days + 1) % 7:
        weeks = -(-days // 7)
        return f"runs {days} days, not whole weeks; run {weeks * 7} days ({weeks} weeks) so every weekday counts alike"
    return None


def check(bundle, ctx):
    min_days = float(ctx.threshold("ab-min-days"))
    for i, exp in experiments(bundle):
        start, end = parse_date(exp.get("start")), parse_date(exp.get("end"))
        if start is None or end is None:
            continue
        problem = _problem((end - start).days, min_days)
        if problem:
            yield ctx.finding(
                pointer("experiments", i, "end"),
                f"experiment {exp_id(exp, i)} {problem}",
                severity=ctx.severity_for(ctx.limit("ab-min-days").confidence),
            )
