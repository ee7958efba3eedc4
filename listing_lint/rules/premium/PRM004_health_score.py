"""PRM004 health-score — a listing health score under 80.

What it checks: ``metrics.health_score`` of each listing and of store.json is at least
80 (threshold ``min-health-score``); exactly 80 passes. A score of 0 is reported like any other:
unlike a DSR of 0 (PRM005: no average of one-to-five-star ratings can be 0), 0 is a score on the
0-100 scale and nothing in the handbook or the marketplace notes says it stands for "not computed
yet"; the message says to leave the field out while the marketplace has not scored the listing.
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
    text = f"{whose}health score {plain(value, limit)} is under {plain(limit)}; optimize the listing within 72 h or delist it"
    if value == 0:  # a score on the 0-100 scale, or a field filled in before the marketplace scored it
        text += "; if the marketplace has not scored it yet, leave `health_score` out instead of writing 0"
    return text


check, check_repo = metric_rule("health_score", "min-health-score", "min", _message)
