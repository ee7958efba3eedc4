"""CMP014 product-group-hint — the English title names a product kind whose group the listing does not name.

What it checks: the registry's ``group_hints`` pair a product kind sellers name in a title with the
product group the law cares about, for a market. When a market of the listing has such a hint, the
English title (``title.en`` or ``en-*``) matches its words and not its exceptions, and
``product_groups`` does not name the group, a note says what the group brings and how to add it.
Today: an "LED strip", "LED tape" or "LED light strip" sold in the EU without ``light-source`` (an
LED strip giving 60 lm or more over the length sold is a light source, Regulation (EU) 2019/2020
Art. 2(1)); not an accessory named after the strip (an "LED strip controller", a "power supply for
LED strip"), nor a product with a strip in it (a keyboard "with RGB LED strip").
Sunglasses and bicycle, ski or skating helmets sold in the EU without ``ppe`` (personal protective
equipment, Regulation (EU) 2016/425: CE under the PPE Regulation); not motorcycle helmets (UN ECE R22),
nor accessories (a helmet light, a sunglasses case, a mount "for helmet"), toys or costumes. E-bikes,
e-scooters and power tools (a cordless drill, an angle grinder, a robotic mower) sold in the EU without
``machinery`` (CE under the Machinery Directive); not their batteries, bits, blades or parts "for" them, manual
tools, conversion kits or toys. A drone whose title names its class label (C0-C6) without ``uas-class-label``
(Delegated Regulation (EU) 2019/945); not "USB-C", model codes, or accessories "for" a drone. Always a note
(info): a title does not say whether the threshold is met, nor what the product protects against. While ``product_groups`` holds a name
that is no group (SCH009's finding), nothing is said: the seller is choosing groups already.
Why: a seller who does not know a strip is a light source leaves out the group, and with it the
energy class the EU asks to be shown with the offer; the other CMP rules cannot ask for evidence
of a group nobody named.
Fails:
    listing.json /title/en = "LED Strip Lights 5m, RGB, 12 V, with Remote"
Passes:
    listing.json /title/en = "LED Strip Controller, Wi-Fi, 12-24 V"

    listing.json /title/en = "Bathroom Mirror with LED Strip Lighting, 60 x 80 cm"
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.compliance._common import english_titles, markets_with_pointers, names_kind, product_groups, registry_for

CODE, NAME, SEVERITY = "CMP014", "product-group-hint", Severity.INFO


def check(bundle, ctx):
    registry = registry_for(ctx)
    if any(registry.group_id(name) is None for name in bundle.product_groups):
        return  # SCH009 reports the unknown name; the seller is choosing groups
    titles = english_titles(bundle)
    if not titles:
        return
    groups = product_groups(bundle, ctx)
    markets = {market for market, _ in markets_with_pointers(bundle)}
    for rule in registry.rules_of("group_hints"):
        if not markets & set(rule.markets) or not rule.covers(groups) or not rule.in_force(ctx.as_of):
            continue
        for locale, title in titles:
            if names_kind(rule, title):
                yield ctx.finding(
                    pointer("title", locale),
                    f"the title names a product the {'/'.join(rule.markets)} may count as `{rule.get('group')}`, "
                    f"which `product_groups` does not name: {rule.get('why')}; {rule.get('fix')}",
                    severity=ctx.severity_for(rule.confidence),
                    source=rule.source,
                )
                break

