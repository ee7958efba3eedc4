"""PRM001 test-batch-gates — CTR, add-to-cart or conversion under the premium test-batch gates.

What it checks: ``metrics.ctr`` (≥ 3.8%), ``metrics.add_to_cart_rate`` (≥ 12.5%) and
``metrics.conversion_rate`` (≥ 2.1%) of each listing, and the same figures in store.json's
``metrics``. A value exactly at a gate passes. Missing metrics are not checked.
Thresholds: ``min-ctr``, ``min-add-to-cart-rate``, ``min-conversion-rate``.
Why: the premium programme only scales a product that passed its test batch on all three
gates; below them more traffic buys more of the same weak result.
Fails:
    listing.json /metrics = {"ctr": 0.031, "add_to_cart_rate": 0.13, "conversion_rate": 0.024}
Passes:
    listing.json /metrics = {"ctr": 0.038, "add_to_cart_rate": 0.125, "conversion_rate": 0.021}
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import (
    bundle_metrics,
    in_bundle,
    in_store,
    metric_findings,
    percent,
    store_metrics,
)

CODE, NAME, SEVERITY = "PRM001", "test-batch-gates", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"

GATES = (
    ("ctr", "min-ctr", "CTR", "improve the main image and title"),
    ("add_to_cart_rate", "min-add-to-cart-rate", "add-to-cart rate", "work on price, SKU options and the first screen"),
    ("conversion_rate", "min-conversion-rate", "conversion rate", "work on the detail page, reviews and delivery"),
)


def _gates(ctx, metrics, at, whose):
    for metric, key, label, advice in GATES:

        def message(value, limit, label=label, advice=advice):
            return (
                f"{whose}{label} {percent(value, limit)} is under the premium test-batch gate of {percent(limit)}; "
                f"{advice} on a test batch before scaling"
            )

        yield from metric_findings(ctx, metrics, metric, key, "min", message, at)


def check(bundle, ctx):
    yield from _gates(ctx, bundle_metrics(bundle), in_bundle, "")


def check_repo(repo, ctx):
    yield from _gates(ctx, store_metrics(repo), in_store(repo), "store ")
