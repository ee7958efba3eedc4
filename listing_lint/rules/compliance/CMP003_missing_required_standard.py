"""CMP003 missing-required-standard — a standard the product group needs in a market is not covered.

What it checks: the registry's market rules name standards a group needs in a market between
two dates, e.g. ``radio`` + ``internet-connected`` in the EU from 2025-08-01 until 2027-12-10
(RED Art. 3(3), before the Cyber Resilience Act) → EN 18031-1, and with ``personal-data`` also
EN 18031-2; toys → EN 71-1/-2/-3 (EU, UK) and ASTM F963 on the US Children's Product
Certificate, electric toys → EN IEC 62115; mains LED lighting → EN 62471, EN IEC 55015;
household appliances → EN 60335-1 and a part EN 60335-2-x, EN 62233, EN IEC 55014-1/-2; Qi chargers → ETSI EN 303 417. It passes when a certificate of the market's scheme cites any edition of the
standard, or, where the rule allows it, when a CE certificate names a notified body (an
EU-type examination instead of the harmonised standard). A market with no certificate of the
scheme at all is CMP001's finding, not this one. A certificate judged for two markets (CE in the
EU and the UK) gets one finding per missing standard, from the more certain rule.
Why: from the date a delegated act applies, a product without the standard (or a notified-body
examination) cannot be placed on the market; its CE marking is not valid.
Fails:
    "product_groups": ["radio", "internet-connected"], "markets": ["EU"], placed 2026-02-01,
    CE certificate citing only ETSI EN 300 328 V2.2.2
Passes:
    the same with "EN 18031-1:2024" added; or "product_groups": ["radio"] (not internet-connected);
    or judged --as-of 2025-07-31
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import (
    CONFIDENCE_RANK,
    certificates,
    cited_standards,
    group_text,
    markets_with_pointers,
    product_groups,
    registry_for,
)
from listing_lint.standards.refparse import RefError, try_parse

CODE, NAME, SEVERITY = "CMP003", "missing-required-standard", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    certs = certificates(bundle)
    cited = cited_standards(bundle, ctx)
    found: dict[tuple[str, str], tuple] = {}  # (where, standard) -> (rank, where, message, rule): one finding each
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
            if any(c.ref is not None and _is(c.ref.family, wanted.family, rule) and c.cert in mine for c in cited):
                continue
            if rule.get("alternative") == "notified-body" and any(c.notified_body and c.notified_body.strip() for c in mine):
                continue
            where = mine[0].ptr("standards") if bundle.get(mine[0].ptr("standards")) is not None else mine[0].pointer
            rank = CONFIDENCE_RANK.get(rule.confidence, 9)
            key = (where, wanted.family)  # a CE certificate judged for the EU and the UK: the surer market speaks
            if key not in found or rank < found[key][0]:
                family = f"{wanted.family}-x" if rule.get("any_part") else wanted.family
                found[key] = (rank, where, _message(rule, family, market, groups, registry, ctx.as_of), rule)
    for _, where, message, rule in found.values():
        yield ctx.finding(where, message, severity=ctx.severity_for(rule.confidence), source=rule.source)


def _is(cited: str, wanted: str, rule) -> bool:
    """The cited family is the wanted one; with ``any_part``, any part under it (EN 60335-2-15 for EN 60335-2)."""
    return cited == wanted or bool(rule.get("any_part")) and cited.startswith(wanted + "-")


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
