"""PRM003 dispute-rate — the dispute rate reached the premium warning line of 4.5%.

What it checks: ``metrics.dispute_rate`` of each listing and of store.json stays below
4.5% (threshold ``max-dispute-rate``). The line itself is the warning: 4.5% is reported,
4.49% is not.
Why: at the warning line the marketplace starts restricting the store; disputes rise
fastest where after-sales replies are slow (the Spanish site reached 7.9%).
Fails:
    listing.json /metrics/dispute_rate = 0.045
Passes:
    listing.json /metrics/dispute_rate = 0.0449
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import metric_rule, percent

CODE, NAME, SEVERITY = "PRM003", "dispute-rate", Severity.ERROR
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def _message(whose, value, limit):
    return (
        f"{whose}dispute rate {percent(value, limit)} has reached the premium warning line of {percent(limit)}; "
        "settle open disputes and fix their cause (description, quality, delivery) before adding traffic"
    )


check, check_repo = metric_rule("dispute_rate", "max-dispute-rate", "line", _message)
