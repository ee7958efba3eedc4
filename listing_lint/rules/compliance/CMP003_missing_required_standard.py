"""CMP003 missing-required-standard — a standard the product group needs in a market is not covered.

What it checks: the registry's market rules name standards a group needs in a market between
two dates, and the provision that needs them. In the EU from 2025-08-01 until 2027-12-10 (RED
Art. 3(3), before the Cyber Resilience Act), Delegated Regulation (EU) 2022/30 applies:
``radio`` + ``internet-connected`` → EN 18031-1 (Art. 3(3)(d)); EN 18031-2 (Art. 3(3)(e)) for
internet-connected radio equipment with ``personal-data`` (Art. 1(2)(a)), and for ``childcare``,
``toy`` and ``wearable`` radio equipment whether internet-connected or not (Art. 1(2)(b)-(d)).
The law applies (e) to those when they can process personal, traffic or location data: tagged
``personal-data``, the finding is an error; untagged, it only informs. The message says which
clause applied and by which article. A requirement is met when a certificate of the market's
scheme cites any edition of the standard, or by an EU-type examination instead: a CE
certificate under the RED with a notified body's 4-digit number that names the point
(``"standards": ["RED Art. 3(3)(d)"]``) or claims RED-DA without naming points. A notified-body
number on another certificate (an LVD or RoHS one) proves nothing about this scope. A market
with no certificate of the scheme at all is CMP001's finding, not this one.
Why: from the date a delegated act applies, a product without the standard (or a notified-body
examination) cannot be placed on the market; its CE marking is not valid.
Fails:
    "product_groups": ["radio", "internet-connected"], "markets": ["EU"], placed 2026-02-01,
    CE certificate citing only ETSI EN 300 328 V2.2.2
    the same with an LVD certificate that names notified body 0700
    "product_groups": ["radio", "wearable", "personal-data"] (Bluetooth only), no EN 18031-2
Passes:
    the same with "EN 18031-1:2024" added; or "product_groups": ["radio"] (not internet-connected);
    or judged --as-of 2025-07-31; or a RED certificate of notified body 0700 naming "RED Art. 3(3)(d)"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import (
    CONFIDENCE_RANK,
    certificates,
    cited_standards,
    group_text,
    markets_with_pointers,
    red_examination_covers,
    registry_for,
)
from listing_lint.standards.refparse import RefError, try_parse

CODE, NAME, SEVERITY = "CMP003", "missing-required-standard", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = set(bundle.product_groups)
    certs = certificates(bundle)
    cited = cited_standards(bundle, ctx)
    for market, _ in markets_with_pointers(bundle):
        unmet: dict[str, list] = {}  # standard family -> the rules that need it (one finding per standard)
        for rule in registry.rules_of("required_standards"):
            if market not in rule.markets or not rule.covers(groups) or not rule.in_force(ctx.as_of):
                continue
            mine = [c for c in certs if c.scheme in set(rule.get("schemes") or ())]
            wanted = try_parse(str(rule.get("standard")))
            if not mine or isinstance(wanted, RefError):
                continue
            if any(c.ref is not None and c.ref.family == wanted.family and c.cert in mine for c in cited):
                continue
            if rule.get("alternative") == "notified-body" and any(red_examination_covers(c, rule.get("clause", "")) for c in mine):
                continue
            unmet.setdefault(wanted.family, []).append((rule, mine))
        for family, needs in unmet.items():
            yield _finding(ctx, bundle, registry, market, groups, family, needs)


def _finding(ctx, bundle, registry, market, groups, family, needs):
    tagged = [(r, mine) for r, mine in needs if set(r.get("if_groups") or ()) <= groups]
    rules = tagged or needs
    rule, mine = min(rules, key=lambda n: CONFIDENCE_RANK.get(n[0].confidence, 9))
    at = mine[0].ptr("standards") if bundle.get(mine[0].ptr("standards")) is not None else mine[0].pointer
    return ctx.finding(
        at,
        _message([r for r, _ in rules], family, market, groups, registry, ctx.as_of, conditional=not tagged),
        severity=ctx.severity_for(rule.confidence) if tagged else Severity.INFO,
        source=rule.source,
    )


def _message(rules, family, market, groups, registry, day, conditional: bool) -> str:
    rule = rules[0]
    current = registry.current_editions(family, market, day)
    edition = current[0].text if current else family
    named = {g for r in rules for g in (*(r.get("groups_all") or r.get("groups_any") or ()), *(r.get("if_groups") or ()))} & groups
    since = f" from {rule.get('from')}" if rule.get("from") else ""
    bases = "; ".join(dict.fromkeys(r.get("basis") for r in rules if r.get("basis")))
    why = f"{rule.get('clause')} applies: {bases}" if rule.get("clause") and bases else rule.get("why")
    clause = rule.get("clause")
    alternative = (
        f" or add the notified body's EU-type examination certificate naming {clause}" if clause else
        " or add the notified body's EU-type examination certificate"
    ) if rule.get("alternative") else ""
    lead = f"{group_text(named)} products in the {market} need {family}{since}"
    if conditional:
        wanted = "+".join(sorted({g for r in rules for g in (r.get("if_groups") or ())}))
        lead += f" if they can process personal, traffic or location data (then add `{wanted}` to `product_groups`)"
    return (
        f"{lead} ({why}); no {'/'.join(rule.get('schemes'))} certificate cites it: test to {edition}{alternative}"
    )
