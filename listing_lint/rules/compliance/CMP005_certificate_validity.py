"""CMP005 certificate-validity — a certificate expired, was issued after the as-of date, or expires soon.

What it checks: each certificate's ``issued`` and ``expires`` dates against the as-of date
(``--as-of``, else ``placed_on_market``, else today). Expired or not yet issued: error; expiring
within ``cert-expiry-warning-days`` (default 60): warning. A certificate without ``expires``
does not expire (a Declaration of Conformity or an FCC grant has no expiry date).
Why: an expired certificate is not evidence; one issued after the product was placed on the
market did not exist when it had to.
Fails:
    listing.json /certificates/0/expires = "2026-06-30"    (judged at 2026-11-25)
Passes:
    listing.json /certificates/0/expires = "2027-06-13"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates

CODE, NAME, SEVERITY = "CMP005", "certificate-validity", Severity.ERROR


def check(bundle, ctx):
    horizon = int(ctx.threshold("cert-expiry-warning-days"))
    for cert in certificates(bundle):
        name = f"{cert.scheme} certificate" + (f" {cert.file}" if cert.file else "")
        if cert.issued and cert.issued > ctx.as_of:
            yield ctx.finding(
                cert.ptr("issued"),
                f"{name} was issued on {cert.issued}, after the as-of date {ctx.as_of}: it was not evidence then; "
                f"check placed_on_market or --as-of",
            )
            continue
        if cert.expires is None:
            continue
        left = (cert.expires - ctx.as_of).days
        if left < 0:
            yield ctx.finding(
                cert.ptr("expires"), f"{name} expired on {cert.expires} ({-left} days before {ctx.as_of}); renew it and attach the new one"
            )
        elif left <= horizon:
            yield ctx.finding(
                cert.ptr("expires"),
                f"{name} expires on {cert.expires}, in {left} days; renew it before then",
                severity=Severity.WARNING,
            )
