"""LNT002 unknown-code — a suppression names a rule code that does not exist.

What it checks: the codes in ``listing-lint: disable=…`` comments and in listing.json's
``lint.ignore`` must be rule codes, code prefixes (``LOC``, ``LOC00``) or rule names.
(Unknown codes in configuration stop the run with exit code 2 instead.)
Why: a typo such as ``LCO005`` suppresses nothing and hides that it does.
Fails:
    listing.json: "lint": {"ignore": ["MED999"]}
Passes:
    listing.json: "lint": {"ignore": ["MED001"], "reason": "video shot next month"}
"""

from listing_lint.api import Severity
from listing_lint.suppression import all_suppressions

CODE, NAME, SEVERITY = "LNT002", "unknown-code", Severity.ERROR


SHOWN = 5  # unknown codes a message quotes; a comment with more gets one finding that counts them


def check(bundle, ctx):
    for sup in all_suppressions(bundle):
        unknown = [code for code in sup.codes if code not in sup.known]
        if len(unknown) > SHOWN:
            quoted = ", ".join(repr(code) for code in unknown[:SHOWN])
            yield ctx.finding(sup.at, f"suppression names {len(unknown):,} unknown rule codes ({quoted}, …); "
                              "see `listing-lint rule` for the list")
            continue
        for code in unknown:
            yield ctx.finding(sup.at, f"suppression names unknown rule code {code!r}; see `listing-lint rule` for the list")
