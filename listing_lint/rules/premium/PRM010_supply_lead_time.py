"""PRM010 supply-lead-time — a supplier lead time over 15 days.

What it checks: a listing's ``fulfillment.supply_lead_time_days`` is at most 15 (threshold
``max-supply-lead-time-days``); exactly 15 passes.
Why: with local warehouses and 45-day turnover, a supplier that needs longer than 15 days
to restock leaves the warehouse empty between orders.
Fails:
    listing.json /fulfillment = {"supply_lead_time_days": 21}
Passes:
    listing.json /fulfillment = {"supply_lead_time_days": 15}
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import above, number, plain, severity

CODE, NAME, SEVERITY = "PRM010", "supply-lead-time", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def check(bundle, ctx):
    days = number(bundle.get("/fulfillment/supply_lead_time_days"))
    limit = float(ctx.threshold("max-supply-lead-time-days"))
    if days is not None and above(days, limit):
        yield ctx.finding(
            "/fulfillment/supply_lead_time_days",
            f"supply lead time is {plain(days, limit)} days, over the premium limit of {plain(limit)}; "
            "agree a shorter lead time, keep safety stock or add a second supplier",
            severity=severity(ctx, "max-supply-lead-time-days"),
        )
