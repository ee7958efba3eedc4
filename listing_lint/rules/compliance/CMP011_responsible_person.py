"""CMP011 responsible-person — a market without an economic operator established there.

What it checks: for each market, the registry's responsible-person rules in force at the
as-of date: EU → an economic operator established in the Union for electrical products from
2021-07-16 (Market Surveillance Regulation (EU) 2019/1020 Art. 4), and an EU responsible person
for every consumer product from 2024-12-13 (GPSR (EU) 2023/988 Art. 16, named in the online
offer under Art. 19); UK → a UK importer or representative for electrical goods (unconfirmed:
reported as info). The listing's ``responsible_person`` must have an entry for the market. Where
several rules apply, the best-confirmed and newest one is quoted.
Why: without an operator established in the market the product may not be placed there, and
the marketplace must show the operator's name and address in the offer.
Fails:
    listing.json /responsible_person removed    (judged at 2026-11-25)

    listing.json /responsible_person removed
    listing.json /certificates/0/issued = "2022-06-01"
    as of 2023-01-01    (Art. 4 of Regulation (EU) 2019/1020)
Passes:
    listing.json /responsible_person = [{"market": "EU", "name": "Example EU Rep B.V.", "address": "Voorbeeldstraat 10, Amsterdam", "email": "eu@example.com"}]

    listing.json /responsible_person removed
    listing.json /certificates/0/issued = "2021-06-01"
    as of 2021-07-15    (before Art. 4 applied)
"""

from datetime import date

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import CONFIDENCE_RANK, markets_with_pointers, product_groups, registry_for

CODE, NAME, SEVERITY = "CMP011", "responsible-person", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    if bundle.schema_rejects("/responsible_person") and any(
        bundle.schema_rejects(f"/responsible_person/{i}/market") for i in range(max(1, len(bundle.list_at("/responsible_person"))))
    ):
        return  # SCH002 reports the entry's market; fixing it may name the market looked for
    present = {p.get("market") for p in bundle.list_at("/responsible_person") if isinstance(p, dict)}
    for market, at in markets_with_pointers(bundle):
        if market in present:
            continue
        rules = [
            r for r in registry.rules_of("responsible_person")
            if market in r.markets and r.covers(groups) and r.in_force(ctx.as_of)
        ]
        if not rules:
            continue
        rule = min(rules, key=lambda r: (CONFIDENCE_RANK.get(r.confidence, 9), -(r.get("from") or date.min).toordinal()))
        yield ctx.finding(
            at,
            f"no {market} responsible person: {rule.get('why')}; add one for {market} to `responsible_person`",
            severity=ctx.severity_for(rule.confidence),
            source=rule.source,
        )
