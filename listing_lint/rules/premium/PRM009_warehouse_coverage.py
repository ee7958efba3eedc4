"""PRM009 warehouse-coverage — overseas-warehouse coverage under 60%.

What it checks: store.json's ``warehouses_coverage`` is at least 60% (threshold
``min-warehouse-coverage``; exactly 60% passes). When store.json does not state it, the
coverage is computed from the listings that declare ``fulfillment.warehouses``: the share of
their (listing, market) pairs served by a local warehouse. Store-level: runs only where the
repository has a store.json, and points at it.
Why: the premium programme counts on stock near the buyer; under 60% coverage most orders
travel cross-border, with the delivery times and disputes that come with it.
Fails:
    store.json /warehouses_coverage = 0.55
Passes:
    store.json /warehouses_coverage = 0.6
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import StoreAt, below, number, percent, severity

CODE, NAME, SEVERITY = "PRM009", "warehouse-coverage", Severity.WARNING
SOURCE = "2024 AliExpress premium-model operating white paper"


def computed_coverage(repo) -> tuple[int, int, int]:
    """``(covered, pairs, listings)`` over the listings that declare warehouses."""
    covered = pairs = listings = 0
    for bundle in repo.valid_bundles:
        warehouses = bundle.get("/fulfillment/warehouses")
        if not isinstance(warehouses, list):
            continue
        listings += 1
        local = {w.get("market") for w in warehouses if isinstance(w, dict) and w.get("kind") == "local"}
        for market in bundle.markets:
            pairs += 1
            covered += market in local
    return covered, pairs, listings


def check_repo(repo, ctx):
    if repo.store_data is None:
        return
    limit = float(ctx.threshold("min-warehouse-coverage"))
    declared = number(repo.store_data.get("warehouses_coverage"))
    if declared is not None:
        value, at, how = declared, "/warehouses_coverage", ""
    else:
        covered, pairs, listings = computed_coverage(repo)
        if not pairs:
            return
        value, at = covered / pairs, ""
        how = f" (local warehouses for {covered} of {pairs} listing markets in {listings} listings)"
    if below(value, limit):
        yield ctx.finding(
            StoreAt(repo, at),
            f"overseas-warehouse coverage is {percent(value, limit)}{how}, under the premium line of {percent(limit)}; "
            "stock the core SKUs in local warehouses of the main markets",
            severity=severity(ctx, "min-warehouse-coverage"),
        )
