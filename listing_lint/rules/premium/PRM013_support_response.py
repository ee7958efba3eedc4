"""PRM013 support-response — after-sales replies take longer than 24 h in a market.

What it checks: every market's hours in store.json's ``support_response_hours`` are at
most 24 (threshold ``max-support-response-hours``); exactly 24 passes. Store-level.
Why: slow after-sales replies turn questions into disputes: on the Spanish site disputes
rose to 7.9% where replies took longer than a day.
Fails:
    store.json /support_response_hours = {"EU": 36}
Passes:
    store.json /support_response_hours = {"EU": 24}
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.premium._common import StoreAt, above, number, plain, severity, store_dict

CODE, NAME, SEVERITY = "PRM013", "support-response", Severity.WARNING
SOURCE = "2023 AliExpress premium-seller annual report"


def check_repo(repo, ctx):
    limit = float(ctx.threshold("max-support-response-hours"))
    for market, hours in store_dict(repo, "/support_response_hours").items():
        hours = number(hours)
        if hours is not None and above(hours, limit):
            yield ctx.finding(
                StoreAt(repo, pointer("support_response_hours", market)),
                f"after-sales replies in {market} take {plain(hours, limit)} h; the premium model answers within "
                f"{plain(limit)} h (Spanish-site disputes rose to 7.9% when replies took longer): "
                "add support hours or a local-language agent",
                severity=severity(ctx, "max-support-response-hours"),
            )
