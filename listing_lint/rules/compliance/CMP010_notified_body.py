"""CMP010 notified-body — a notified body number is malformed, or missing where the module needs one.

What it checks: ``notified_body`` is a 4-digit NANDO number (``0700``; ``NB 0700`` is accepted).
A CE certificate that claims RED Art. 3(3) (legislation ``RED-DA``) without citing any part of
EN 18031 must come from a notified body (EU-type examination, Module B), so it needs the
number.
Why: notified bodies are identified only by their 4-digit number; without it the certificate
cannot be checked in NANDO, and a RED Art. 3(3) claim without the harmonised standard is not
valid without one.
Fails:
    listing.json /certificates/0/notified_body = "07OO"
Passes:
    listing.json /certificates/0/notified_body = "0700"
"""

import re

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, cited_standards

CODE, NAME, SEVERITY = "CMP010", "notified-body", Severity.WARNING
SOURCE = "https://ec.europa.eu/growth/tools-databases/nando/"

NB = re.compile(r"^\s*(?:NB\s*)?(\d{4})\s*$", re.I)


def check(bundle, ctx):
    cited = cited_standards(bundle, ctx)
    for cert in certificates(bundle):
        if cert.notified_body is not None:
            if not NB.match(cert.notified_body):
                yield ctx.finding(
                    cert.ptr("notified_body"),
                    f"notified body {cert.notified_body!r} is not a 4-digit NANDO number (like 0700); "
                    f"copy the number from the certificate",
                )
            continue
        if cert.scheme != "CE" or "RED-DA" not in cert.legislation:
            continue
        if any(c.cert == cert and c.ref is not None and c.ref.family.startswith("EN 18031-") for c in cited):
            continue
        yield ctx.finding(
            cert.ptr("legislation"),
            "certificate claims RED Art. 3(3) (RED-DA) without citing EN 18031: that needs an EU-type examination "
            "by a notified body; add `notified_body` (its 4-digit number) or the EN 18031 parts applied",
        )
