"""PRM005 dsr — a detailed seller rating under 4.82, the premium-store badge line.

What it checks: ``metrics.dsr`` of each listing and of store.json is at least 4.82
(threshold ``min-dsr``); exactly 4.82 passes.
Why: the premium-store badge needs a DSR of 4.82 or more; below it the store loses the
badge and the traffic that comes with it.
Fails:
    store.json: "metrics": {"dsr": 4.79}
Passes:
    store.json: "metrics": {"dsr": 4.82}
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import (
    bundle_metrics,
    in_bundle,
    in_store,
    metric_findings,
    plain,
    store_metrics,
)

CODE, NAME, SEVERITY = "PRM005", "dsr", Severity.INFO
SOURCE = "2024 AliExpress premium-model operating white paper"


def _check(ctx, metrics, at, whose):
    def message(value, limit):
        return (
            f"{whose}DSR {plain(value)} is under {plain(limit)}, the premium-store badge line; "
            "look at the lowest of item-as-described, communication and shipping ratings first"
        )

    yield from metric_findings(ctx, metrics, "dsr", "min-dsr", "min", message, at)


def check(bundle, ctx):
    yield from _check(ctx, bundle_metrics(bundle), in_bundle, "")


def check_repo(repo, ctx):
    yield from _check(ctx, store_metrics(repo), in_store(repo), "store ")
