"""BRD003 authorization-validity — an authorization letter expired, expires soon, or its file is missing.

What it checks: each letter in ``brand.authorization``: its ``file`` must exist in the bundle
(this rule says so, naming the letter, rather than SCH003/SCH004),
and its ``valid_until`` must not be before the as-of date (error) nor within
``letter-expiry-warning-days`` (default 60) of it (warning). A letter without ``valid_until``
is not judged on dates.
Why: marketplaces accept only unexpired letters, each link of the chain included; a letter
they cannot see is no letter.
Fails:
    listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": "Seller Ltd", "file": "certs/auth.pdf", "valid_until": "2026-10-31"}]}
    certs/auth.pdf: scanned pdf    (judged at 2026-11-25)
Passes:
    listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": "Seller Ltd", "file": "certs/auth.pdf", "valid_until": "2028-12-31"}]}
    certs/auth.pdf: scanned pdf
"""

from datetime import date

from listing_lint.api import Severity
from listing_lint.bundle.paths import problem_words
from listing_lint.bundle.positions import pointer

CODE, NAME, SEVERITY = "BRD003", "authorization-validity", Severity.ERROR


def _date(value):
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check(bundle, ctx):
    horizon = int(ctx.threshold("letter-expiry-warning-days"))
    for i, letter in enumerate(bundle.list_at("/brand/authorization")):
        if not isinstance(letter, dict):
            continue
        who = f"letter {i + 1}" + (f" ({letter['from']} → {letter['to']})" if isinstance(letter.get("from"), str) and isinstance(letter.get("to"), str) else "")
        ref = letter.get("file")
        if isinstance(ref, str):
            resolved = bundle.resolve(ref)
            if not resolved.ok:
                why = problem_words(resolved.problem)
                yield ctx.finding(pointer("brand", "authorization", i, "file"), f"{who}: file {ref!r}, {why}; add the signed letter")
        until = _date(letter.get("valid_until"))
        if until is None:
            continue
        left = (until - ctx.as_of).days
        at = pointer("brand", "authorization", i, "valid_until")
        if left < 0:
            yield ctx.finding(at, f"{who} expired on {until} ({-left} days before {ctx.as_of}); get a renewed letter")
        elif left <= horizon:
            yield ctx.finding(at, f"{who} expires on {until}, in {left} days; get it renewed", severity=Severity.WARNING)
