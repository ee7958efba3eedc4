"""PRM004 health-score — a listing health score under 80.

What it checks: ``metrics.health_score`` of each listing and of store.json is at least
80 (threshold ``min-health-score``); exactly 80 passes.
Why: the premium handbook gives a listing under 80 points 72 hours to be optimized,
after which it should be delisted.
Fails:
    listing.json /metrics/health_score = 76
Passes:
    listing.json /metrics/health_score = 80
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import metric_rule, plain

CODE, NAME, SEVERITY = "PRM004", "health-score", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def _message(whose, value, limit):
    return (
        f"{whose}health score {plain(value, limit)} is under {plain(limit)}; "
        "optimize the listing within 72 h or delist it"
    )


check, check_repo = metric_rule("health_score", "min-health-score", "min", _message)
