"""PRM014 inventory-turnover — inventory turns over in more than 45 days.

What it checks: store.json's ``inventory_turnover_days`` is at most 45 (threshold
``max-inventory-turnover-days``); exactly 45 passes. Store-level.
Why: in the 2023 premium-seller report, logistics took 29.7% of total cost for stores
turning stock in over 45 days, against 16.2% for those under 30 days.
Fails:
    store.json /inventory_turnover_days = 52
Passes:
    store.json /inventory_turnover_days = 45
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import StoreAt, above, number, plain, severity

CODE, NAME, SEVERITY = "PRM014", "inventory-turnover", Severity.INFO
SOURCE = "2023 AliExpress premium-seller annual report"


def check_repo(repo, ctx):
    if repo.store_data is None:
        return
    days = number(repo.store_data.get("inventory_turnover_days"))
    limit = float(ctx.threshold("max-inventory-turnover-days"))
    if days is not None and above(days, limit):
        yield ctx.finding(
            StoreAt(repo, "/inventory_turnover_days"),
            f"inventory turns over in {plain(days, limit)} days, over {plain(limit)} (logistics then took 29.7% of total "
            "cost, against 16.2% under 30 days): order smaller batches more often",
            severity=severity(ctx, "max-inventory-turnover-days"),
        )
