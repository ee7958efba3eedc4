"""CMP005 certificate-validity — a certificate expired, was issued after the as-of date, or expires soon.

What it checks: each certificate's ``issued`` and ``expires`` dates against the as-of date
(``--as-of``, else ``placed_on_market``, else today). Expired or not yet issued: error; expiring
within ``cert-expiry-warning-days`` (default 60): warning. A certificate without ``expires``
does not expire (a Declaration of Conformity or an FCC grant has no expiry date). When a newer
certificate of the same scheme, valid at the as-of date, covers the same models under the same
legislation, the expired one is only clutter: a warning to remove the stale certificate (and
no warning for one that expires soon).
Why: an expired certificate is not evidence; one issued after the product was placed on the
market did not exist when it had to.
Fails:
    listing.json /certificates/0/expires = "2026-06-30"    (judged at 2026-11-25)

    listing.json /certificates/- = {"scheme": "CE", "legislation": ["RED", "RED-DA", "RoHS"], "standards": ["EN 62368-1:2014+A11:2017", "ETSI EN 300 328 V2.2.2", "ETSI EN 301 489-17 V3.3.1", "EN 18031-1:2024", "EN IEC 63000:2018"], "issued": "2025-01-10", "expires": "2026-01-10", "models": ["D1-EU"], "file": "certs/ce-2025.pdf"}
    certs/ce-2025.pdf: scanned pdf    (expired, beside its valid successor: a warning)
Passes:
    listing.json /certificates/0/expires = "2027-06-13"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates
from listing_lint.rules.compliance.CMP006_model_coverage import covers

CODE, NAME, SEVERITY = "CMP005", "certificate-validity", Severity.ERROR


def check(bundle, ctx):
    horizon = int(ctx.threshold("cert-expiry-warning-days"))
    certs = certificates(bundle)
    for cert in certs:
        name = _name(cert)
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
        if left > horizon:
            continue
        newer = _successor(cert, certs, ctx.as_of)
        if newer is not None and left < 0:
            yield ctx.finding(
                cert.ptr("expires"),
                f"{name} expired on {cert.expires}; {_name(newer)} (issued {newer.issued}) is valid and covers the same "
                f"models: remove the stale certificate",
                severity=Severity.WARNING,
            )
        elif newer is not None:
            continue  # the newer one takes over: nothing to renew
        elif left < 0:
            yield ctx.finding(
                cert.ptr("expires"), f"{name} expired on {cert.expires} ({-left} days before {ctx.as_of}); renew it and attach the new one"
            )
        else:
            yield ctx.finding(
                cert.ptr("expires"),
                f"{name} expires on {cert.expires}, in {left} days; renew it before then",
                severity=Severity.WARNING,
            )


def _name(cert) -> str:
    return f"{cert.scheme} certificate" + (f" {cert.file}" if cert.file else "")


def _successor(cert, certs, day):
    """A newer certificate of the same scheme, valid on ``day``, for every model and law of ``cert``."""
    for other in certs:
        if other.index == cert.index or other.scheme != cert.scheme or other.issued is None:
            continue
        if not (cert.issued is None or other.issued > cert.issued) or other.issued > day:
            continue
        if other.expires is not None and other.expires < day:
            continue
        if not set(cert.legislation) <= set(other.legislation):
            continue
        if cert.models and all(covers(other.models, model) for model in cert.models):
            return other
    return None
