"""PRM008 local-warehouse — a market without a local warehouse, or slow local handling.

What it checks: when a listing declares ``fulfillment.warehouses``, every market in
``markets`` has a warehouse of kind ``local``, and no local warehouse takes more than 5
working days to hand over an order (threshold ``max-handling-days``; exactly 5 passes).
Listings that declare no warehouses are not checked.
Why: premium listings promise local delivery; a market served cross-border only, or a
local warehouse that needs a week to ship, breaks that promise and the delivery rating.
Fails:
    listing.json /fulfillment = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": 6}]}
Passes:
    listing.json /fulfillment = {"warehouses": [{"market": "EU", "kind": "local", "handling_days": 5}]}
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.premium._common import above, number, plain, severity

CODE, NAME, SEVERITY = "PRM008", "local-warehouse", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def check(bundle, ctx):
    warehouses = bundle.get("/fulfillment/warehouses")
    if not isinstance(warehouses, list):
        return
    limit = float(ctx.threshold("max-handling-days"))
    local_markets = set()
    for i, house in enumerate(warehouses):
        if not isinstance(house, dict) or house.get("kind") != "local":
            continue
        local_markets.add(house.get("market"))
        days = number(house.get("handling_days"))
        if days is not None and above(days, limit):
            yield ctx.finding(
                pointer("fulfillment", "warehouses", i, "handling_days"),
                f"the local {house.get('market', '')} warehouse hands over in {plain(days, limit)} working days; "
                f"the premium model ships within {plain(limit)}: restock earlier or change the warehouse",
                severity=severity(ctx, "max-handling-days"),
            )
    if any(bundle.schema_rejects(pointer("fulfillment", "warehouses", i, f)) for i in range(len(warehouses)) for f in ("kind", "market")):
        return  # SCH002 reports a warehouse's kind or market: fixing it may make it the local one looked for
    for market in bundle.markets:
        if market not in local_markets:
            yield ctx.finding(
                "/fulfillment/warehouses",
                f"{market} has no local warehouse; premium listings ship from stock in the market: "
                f"add a local warehouse for {market} or stop promoting the listing there",
                severity=severity(ctx, "max-handling-days"),
            )
