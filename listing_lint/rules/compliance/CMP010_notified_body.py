"""CMP010 notified-body — a notified body number is malformed, or missing where the module needs one.

What it checks: ``notified_body`` is a 4-digit NANDO number (``0700``), written alone or as
certificates print it (``NB 0700``, ``Notified Body No. 0700``, ``TÜV Rheinland LGA Products
GmbH, 0197``: the value's one and only number); two numbers or a number of another length are
reported.
A CE certificate that claims RED Art. 3(3) (legislation ``RED-DA``) without citing any part of
EN 18031 must come from a notified body (EU-type examination, Module B), so it needs the
number.
A certificate only under laws whose conformity assessment involves no notified body at all
(the registry's ``conformity_assessment`` facts: RoHS, internal production control under
Directive 2011/65/EU Art. 7(b)) that names one is reported too: the number certifies nothing
about that law.
Why: notified bodies are identified only by their 4-digit number; without it the certificate
cannot be checked in NANDO, and a RED Art. 3(3) claim without the harmonised standard is not
valid without one. A number on a RoHS certificate suggests a notified body vouches for RoHS
compliance, which no notified body does.
Fails:
    listing.json /certificates/0/notified_body = "07OO"

    listing.json /certificates/- = {"scheme": "CE", "legislation": ["RoHS"], "standards": ["EN IEC 63000:2018"], "issued": "2026-01-20", "models": ["D1-EU"], "notified_body": "0700", "file": "certs/rohs.pdf"}
    certs/rohs.pdf: scanned pdf    (RoHS involves no notified body)
Passes:
    listing.json /certificates/0/notified_body = "0700"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, cited_standards, laws_where, nb_number, registry_for

CODE, NAME, SEVERITY = "CMP010", "notified-body", Severity.WARNING
SOURCE = "https://ec.europa.eu/growth/tools-databases/nando/"


def check(bundle, ctx):
    cited = cited_standards(bundle, ctx)
    for cert in certificates(bundle):
        if bundle.schema_rejects(cert.ptr("standards")) or bundle.schema_rejects(cert.ptr("legislation")):
            continue  # SCH002 reports it: what the certificate cites is not known
        if cert.notified_body is not None:
            if nb_number(cert) is None:
                yield ctx.finding(
                    cert.ptr("notified_body"),
                    f"notified body {cert.notified_body!r} is not a 4-digit NANDO number (like 0700); "
                    f"copy the number from the certificate",
                )
            else:
                yield from _needless(ctx, cert)
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


def _needless(ctx, cert):
    """A notified body named on a certificate under laws that never involve one."""
    rule = laws_where(registry_for(ctx), cert, "notified_body", "never")
    if rule is None:
        return
    laws = "+".join(cert.legislation)
    yield ctx.finding(
        cert.ptr("notified_body"),
        f"this {laws} certificate names notified body {cert.notified_body.strip()}, but {laws} conformity assessment "
        f"involves no notified body at all ({rule.get('why')}); find out what the body examined, and keep its number "
        f"only on the certificate for that law",
        severity=min(ctx.severity_for(rule.confidence), Severity.WARNING),
        source=rule.source,
    )
