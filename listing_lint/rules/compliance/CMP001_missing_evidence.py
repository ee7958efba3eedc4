"""CMP001 missing-evidence — a target market has no conformity certificate for the product's groups.

What it checks: for each market in ``markets``, the registry's evidence rules say which
certificate schemes the product groups need: EU → CE; UK → UKCA or CE (CE is recognised in
Great Britain indefinitely since 2024-10-01), and CE for Northern Ireland, which the UK market
includes and where UKCA alone is not recognised (Windsor Framework); US → FCC, for radio and
electronic groups only. Every rule that applies must be met; the first unmet one is reported.
A product with no electrical group (a garden hose) needs none.
Why: a marketplace delists an electrical product that cannot show conformity evidence for the
market it ships to, and customs can hold the goods.
Fails:
    "product_groups": ["radio"], "markets": ["EU", "US"], "certificates": [{"scheme": "CE", ...}]
    (no FCC certificate for the US)
    "markets": ["UK"], "certificates": [{"scheme": "UKCA", ...}]   (nothing for Northern Ireland)
Passes:
    "product_groups": ["battery", "led-lighting"], "markets": ["EU", "UK"],
    "certificates": [{"scheme": "CE", ...}]   (CE alone is fine in the UK)
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import CONFIDENCE_RANK, certificates, group_text, markets_with_pointers, registry_for

CODE, NAME, SEVERITY = "CMP001", "missing-evidence", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = set(bundle.product_groups)
    present = {cert.scheme for cert in certificates(bundle)}
    for market, at in markets_with_pointers(bundle):
        rules = [
            r for r in registry.rules_of("evidence")
            if market in r.markets and r.covers(groups) and r.in_force(ctx.as_of)
        ]
        unmet = [r for r in rules if not present & set(r.get("schemes") or ())]
        if not unmet:
            continue
        rule = min(unmet, key=lambda r: CONFIDENCE_RANK.get(r.confidence, 9))  # one finding per market
        schemes = list(rule.get("schemes") or ())
        wanted = " or ".join(schemes)
        yield ctx.finding(
            at,
            f"no {wanted} certificate for the {market} market ({group_text(groups & _named(rule))} product): "
            f"{rule.get('why')}; add the {wanted} certificate to `certificates`",
            severity=ctx.severity_for(rule.confidence),
            source=rule.source,
        )


def _named(rule) -> set[str]:
    return set(rule.get("groups_all") or rule.get("groups_any") or ())
