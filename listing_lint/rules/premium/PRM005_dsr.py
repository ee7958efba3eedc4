"""PRM005 dsr — a detailed seller rating under 4.82, the premium-store badge line.

What it checks: ``metrics.dsr`` of each listing and of store.json is at least 4.82
(threshold ``min-dsr``); exactly 4.82 passes. A DSR of 0 is a store or listing no buyer has
rated yet (buyers rate one to five stars, threshold ``lowest-star-rating``): no data, not a bad
score, so nothing is said; a DSR between 0 and one star is no average of ratings, and the
finding says so.
Why: the premium-store badge needs a DSR of 4.82 or more; below it the store loses the
badge and the traffic that comes with it.
Fails:
    store.json /metrics/dsr = 4.79
Passes:
    store.json /metrics/dsr = 4.82

    store.json /metrics/dsr = 0    (no ratings yet)
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import (
    bundle_metrics,
    in_bundle,
    in_store,
    metric_findings,
    number,
    plain,
    store_metrics,
)

CODE, NAME, SEVERITY = "PRM005", "dsr", Severity.INFO
SOURCE = "2024 AliExpress premium-model operating white paper"


def _message(whose, value, limit, lowest):
    if value < lowest:
        return (
            f"{whose}DSR {plain(value)} is not on the {plain(lowest)}-5 star scale buyers rate on; write the "
            "average of the item-as-described, communication and shipping ratings, or 0 while there are none"
        )
    return (
        f"{whose}DSR {plain(value, limit)} is under {plain(limit)}, the premium-store badge line; "
        "look at the lowest of item-as-described, communication and shipping ratings first"
    )


def _findings(ctx, metrics, whose, at):
    if not isinstance(metrics, dict) or number(metrics.get("dsr")) == 0:
        return  # no ratings yet: nothing to judge
    lowest = float(ctx.threshold("lowest-star-rating"))
    yield from metric_findings(ctx, metrics, "dsr", "min-dsr", "min", lambda v, lim: _message(whose, v, lim, lowest), at)


def check(bundle, ctx):
    if bundle.schema_rejects("/metrics/dsr"):
        return  # SCH002 reports it: one root cause, one finding
    yield from _findings(ctx, bundle_metrics(bundle), "", in_bundle)


def check_repo(repo, ctx):
    if repo.schema_rejects("/metrics/dsr"):
        return
    yield from _findings(ctx, store_metrics(repo), "store ", in_store(repo))
