"""PRM005 dsr — a detailed seller rating under 4.82, the premium-store badge line.

What it checks: ``metrics.dsr`` of each listing and of store.json is at least 4.82
(threshold ``min-dsr``); exactly 4.82 passes.
Why: the premium-store badge needs a DSR of 4.82 or more; below it the store loses the
badge and the traffic that comes with it.
Fails:
    store.json /metrics/dsr = 4.79
Passes:
    store.json /metrics/dsr = 4.82
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import metric_rule, plain

CODE, NAME, SEVERITY = "PRM005", "dsr", Severity.INFO
SOURCE = "2024 AliExpress premium-model operating white paper"


def _message(whose, value, limit):
    return (
        f"{whose}DSR {plain(value, limit)} is under {plain(limit)}, the premium-store badge line; "
        "look at the lowest of item-as-described, communication and shipping ratings first"
    )


check, check_repo = metric_rule("dsr", "min-dsr", "min", _message)
