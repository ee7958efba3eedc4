"""PRM002 return-rate — a return rate over the premium limit of 4.2%.

What it checks: ``metrics.return_rate`` of each listing and of store.json is at most
4.2% (threshold ``max-return-rate``); exactly 4.2% passes.
Why: returns above the line cost the premium standing and usually mean the page promises
something the parcel does not deliver (size, colour, what is in the box).
Fails:
    listing.json /metrics/return_rate = 0.05
Passes:
    listing.json /metrics/return_rate = 0.042
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import metric_rule, percent

CODE, NAME, SEVERITY = "PRM002", "return-rate", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024); 2023 premium-seller annual report"


def _message(whose, value, limit):
    return (
        f"{whose}return rate {percent(value, limit)} is over the premium limit of {percent(limit)}; "
        "check the size chart, photos and description against what buyers receive"
    )


check, check_repo = metric_rule("return_rate", "max-return-rate", "max", _message)
