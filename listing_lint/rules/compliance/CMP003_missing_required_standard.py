"""CMP003 missing-required-standard — a standard the product group needs in a market is not covered.

What it checks: the registry's market rules name standards a group needs in a market between
two dates, e.g. ``radio`` + ``internet-connected`` in the EU from 2025-08-01 until 2027-12-10
(RED Art. 3(3), before the Cyber Resilience Act) → EN 18031-1, and with ``personal-data`` also
EN 18031-2. It passes when a certificate of the market's scheme cites any edition of the
standard, or, where the rule allows it, when a CE certificate names a notified body (an
EU-type examination instead of the harmonised standard). A market with no certificate of the
scheme at all is CMP001's finding, not this one.
Why: from the date a delegated act applies, a product without the standard (or a notified-body
examination) cannot be placed on the market; its CE marking is not valid.
Fails:
    listing.json /certificates/0/standards/3 removed    (EN 18031-1:2024)
    listing.json /certificates/0/legislation = ["RED", "RoHS"]
Passes:
    listing.json /product_groups = ["radio", "mains-powered"]    (not internet-connected)
    listing.json /certificates/0/standards/3 removed
    listing.json /certificates/0/legislation = ["RED", "RoHS"]
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, cited_standards, group_text, markets_with_pointers, registry_for
from listing_lint.standards.refparse import RefError, try_parse

CODE, NAME, SEVERITY = "CMP003", "missing-required-standard", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = set(bundle.product_groups)
    certs = certificates(bundle)
    cited = cited_standards(bundle, ctx)
    for market, at in markets_with_pointers(bundle):
        for rule in registry.rules_of("required_standards"):
            if market not in rule.markets or not rule.covers(groups) or not rule.in_force(ctx.as_of):
                continue
            schemes = set(rule.get("schemes") or ())
            mine = [c for c in certs if c.scheme in schemes]
            if not mine:
                continue
            wanted = try_parse(str(rule.get("standard")))
            if isinstance(wanted, RefError):
                continue
            if any(c.ref is not None and c.ref.family == wanted.family and c.cert in mine for c in cited):
                continue
            if rule.get("alternative") == "notified-body" and any(c.notified_body and c.notified_body.strip() for c in mine):
                continue
            yield ctx.finding(
                mine[0].ptr("standards") if bundle.get(mine[0].ptr("standards")) is not None else mine[0].pointer,
                _message(rule, wanted.family, market, groups, registry, ctx.as_of),
                severity=ctx.severity_for(rule.confidence),
                source=rule.source,
            )


def _message(rule, family, market, groups, registry, day) -> str:
    current = registry.current_editions(family, market, day)
    edition = current[0].text if current else family
    named = set(rule.get("groups_all") or rule.get("groups_any") or ()) & groups
    since = f" from {rule.get('from')}" if rule.get("from") else ""
    alternative = " or add the notified body's EU-type examination certificate" if rule.get("alternative") else ""
    return (
        f"{group_text(named)} products in the {market} need {family}{since} ({rule.get('why')}); "
        f"no {'/'.join(rule.get('schemes'))} certificate cites it: test to {edition}{alternative}"
    )
