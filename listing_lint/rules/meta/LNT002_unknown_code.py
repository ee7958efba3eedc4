"""LNT002 unknown-code — a suppression names a rule code that does not exist.

What it checks: the codes in ``listing-lint: disable=…`` comments and in listing.json's
``lint.ignore`` must be rule codes, code prefixes (``LOC``, ``LOC00``) or rule names.
(Unknown codes in configuration stop the run with exit code 2 instead.)
Why: a typo such as ``LCO005`` suppresses nothing and hides that it does.
Fails:
    listing.json /lint = {"ignore": ["MED999"]}
Passes:
    listing.json /lint = {"ignore": ["LOC010"], "reason": "the marketplace shortens long English titles"}
    listing.json /title/en = "Smart plug with energy monitor, works with Alexa and Google Home, timer and schedules, overload protection, 16 A, for lamps and heaters"
"""

from listing_lint.api import Severity
from listing_lint.suppression import all_suppressions, is_known

CODE, NAME, SEVERITY = "LNT002", "unknown-code", Severity.ERROR


def check(bundle, ctx):
    for sup in all_suppressions(bundle):
        for code in sup.codes:
            if not is_known(code):
                yield ctx.finding(sup.at, f"suppression names unknown rule code {code!r}; see `listing-lint rule` for the list")
