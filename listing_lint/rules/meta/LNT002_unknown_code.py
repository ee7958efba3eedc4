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
from listing_lint.suppression import all_suppressions

CODE, NAME, SEVERITY = "LNT002", "unknown-code", Severity.ERROR


SHOWN = 5  # unknown codes a message quotes; a comment (or lint.ignore) with more gets one finding that counts them


def check(bundle, ctx):
    sups = all_suppressions(bundle)
    ignored = [(sup, code) for sup in sups if not sup.path for code in sup.codes if code not in sup.known]
    if len(ignored) > SHOWN:  # lint.ignore: one entry a suppression
        yield _counted(ctx, bundle.span("/lint/ignore"), [code for _, code in ignored])
        ignored = []
    for sup, code in ignored:
        yield _one(ctx, sup.at, code)
    for sup in sups:
        if not sup.path:
            continue
        unknown = [code for code in sup.codes if code not in sup.known]
        if len(unknown) > SHOWN:
            yield _counted(ctx, sup.at, unknown)
        else:
            yield from (_one(ctx, sup.at, code) for code in unknown)


def _one(ctx, at, code: str):
    return ctx.finding(at, f"suppression names unknown rule code {code!r}; see `listing-lint rule` for the list")


def _counted(ctx, at, unknown: list[str]):
    quoted = ", ".join(repr(code) for code in unknown[:SHOWN])
    return ctx.finding(at, f"suppression names {len(unknown):,} unknown rule codes ({quoted}, …); "
                       "see `listing-lint rule` for the list")
