"""CMP012 psti-statement — a connectable product for the UK without a PSTI statement of compliance.

What it checks: a UK listing whose product is ``internet-connected``, judged at or after
2024-04-29, needs a certificate with scheme ``PSTI`` (or legislation ``PSTI``): the statement of
compliance the UK PSTI regime requires to ship with the product.
Why: since 2024-04-29 connectable products sold in the UK must meet the PSTI security
requirements (no universal default passwords, a vulnerability-reporting contact, a stated
minimum support period) and come with a statement of compliance; CE or UKCA marking does not
cover it.
Fails:
    listing.json /markets = ["EU", "UK"]    (internet-connected, no PSTI statement)
    listing.json /responsible_person/- = {"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}
Passes:
    listing.json /markets = ["EU", "UK"]
    listing.json /responsible_person/- = {"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}
    listing.json /certificates/- = {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["D1-EU"], "file": "certs/psti.pdf"}
    certs/psti.pdf: scanned pdf
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, markets_with_pointers, registry_for

CODE, NAME, SEVERITY = "CMP012", "psti-statement", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = set(bundle.product_groups)
    certs = certificates(bundle)
    for market, at in markets_with_pointers(bundle):
        for rule in registry.rules_of("psti"):
            if market not in rule.markets or not rule.covers(groups) or not rule.in_force(ctx.as_of):
                continue
            schemes = set(rule.get("schemes") or ())
            if any(c.scheme in schemes or schemes & set(c.legislation) for c in certs):
                continue
            yield ctx.finding(
                at,
                f"no PSTI statement of compliance for this internet-connected product in the {market}: {rule.get('why')}; "
                f"add it to `certificates` with scheme PSTI",
                severity=ctx.severity_for(rule.confidence),
                source=rule.source,
            )
            break
