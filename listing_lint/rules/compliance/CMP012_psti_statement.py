"""CMP012 psti-statement — a connectable product for the UK without a PSTI statement of compliance.

What it checks: a UK listing whose product is connectable, judged at or after 2024-04-29, needs a
certificate with scheme ``PSTI`` (or legislation ``PSTI``): the statement of compliance the UK
PSTI regime requires to ship with the product. ``internet-connected`` products are in scope
(an error); so are network-connectable ones that send and receive data and connect to an
internet-connectable product, such as Bluetooth devices paired with a phone (PSTI Act 2022
s. 5): a ``radio`` product that is not internet-connected warns, since whether it connects to
one is inferred. Wireless (Qi) chargers are not judged (a product charged on one, earbuds in a Qi
case, is ``wireless-charging-receiver`` and is; one tagged as a charger, ``qi``, but also ``wearable``
is no pad: it is warned and told the receiver group, and so is one whose English title names earbuds,
earphones, headphones or a headset, unless it names a charger or an accessory), nor receive-only radios (``radio-receiver``:
they send no data), nor products paired only with their own remote (``radio-own-remote``: an RC car
and its transmitter connect to no internet-connectable product, s. 5(3)-(4)). ETSI EN 303 645 gives deemed compliance
with the security requirements (the 2023 Regulations, Schedule 2), not the statement.
Why: since 2024-04-29 connectable products sold in the UK must meet the PSTI security
requirements (no universal default passwords, a vulnerability-reporting contact, a stated
minimum support period) and come with a statement of compliance; CE or UKCA marking does not
cover it. While the schema rejects the certificates list or a certificate's scheme or legislation
(SCH002), nothing is concluded: the fix may be the statement.
Fails:
    listing.json /markets = ["EU", "UK"]    (internet-connected, no PSTI statement)
    listing.json /responsible_person/- = {"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}

    listing.json /product_groups = ["radio", "wearable"]    (Bluetooth earbuds: a warning)
    listing.json /markets = ["UK"]
    listing.json /responsible_person = [{"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}]
Passes:
    listing.json /markets = ["EU", "UK"]
    listing.json /responsible_person/- = {"market": "UK", "name": "Example UK Rep Ltd", "address": "1 Example Street, London", "email": "uk@example.com"}
    listing.json /certificates/- = {"scheme": "PSTI", "legislation": ["PSTI"], "issued": "2026-01-15", "models": ["D1-EU"], "file": "certs/psti.pdf"}
    certs/psti.pdf: scanned pdf
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import (
    certificates,
    certificates_rejected,
    english_titles,
    group_text,
    markets_with_pointers,
    names_kind,
    product_groups,
    registry_for,
)

CODE, NAME, SEVERITY = "CMP012", "psti-statement", Severity.ERROR


def check(bundle, ctx):
    if certificates_rejected(bundle, "scheme", "legislation"):
        return  # a certificate SCH002 reports (a misspelt "certificate" list) may be the PSTI statement
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    certs = certificates(bundle)
    for market, at in markets_with_pointers(bundle):
        for rule in registry.rules_of("psti"):
            if market not in rule.markets or not rule.covers(groups) or not rule.in_force(ctx.as_of):
                continue
            if not _titled_as(rule, bundle):
                continue
            schemes = set(rule.get("schemes") or ())
            if any(c.scheme in schemes or schemes & set(c.legislation) for c in certs):
                continue
            yield ctx.finding(
                at,
                f"no PSTI statement of compliance for this {group_text(groups & _named(rule))} product in the {market}: {rule.get('why')}; "
                f"add it to `certificates` with scheme PSTI",
                severity=ctx.severity_for(rule.confidence),
                source=rule.source,
            )
            break


def _titled_as(rule, bundle) -> bool:
    """Whether the English title names the rule's product kind, for a rule with ``title_text``: the
    groups alone cannot tell Qi earbuds tagged with the pad's group (``qi``) from the pad."""
    if rule.get("title_text") is None:
        return True
    return any(names_kind(rule, title) for _, title in english_titles(bundle))


def _named(rule) -> set[str]:
    return set(rule.get("groups_all") or rule.get("groups_any") or ())
