"""CMP008 wrong-legislation — a radio product evidenced under the LVD and EMC Directive instead of the RED.

What it checks: for a product in a group the registry's legislation rules name (``radio`` →
RED), the CE/UKCA certificates for the EU/UK must include the required legislation. It reports
when none of them lists it but one lists what it replaces (LVD, EMC). A separate LVD/EMC
certificate beside a RED one (a mains charger in the box) is fine; certificates that list no
legislation are not judged. In the US, a wireless (Qi) charger's FCC authorisation must be under
Part 15C or Part 18, not Part 15B alone. In the EU, ``machinery`` is declared under the Machinery
Directive (``MD``) until 2027-01-19 and under the Machinery Regulation (``MR``) from 2027-01-20, the
day the Regulation repeals the Directive and applies.
A CE certificate only under laws that provide for no marking (the registry's
``conformity_assessment`` facts with ``marking: none``: the GPSR) is reported too, unless an evidence
rule already asks the product for CE under a named law (CMP001 says that law is missing: a toy's
TSD).
Why: radio equipment is excluded from the LVD and the EMC Directive (RED Art. 1(4), EMCD
Art. 2(2)(a)); an LVD+EMC declaration for a radio product is the wrong legal basis and gives no
presumption for the RED essential requirements. The CE marking may be affixed only where a
harmonisation act provides for it (Regulation (EC) No 765/2008 Art. 30(2)): a "CE certificate" for
a pacifier or a water bottle under the GPSR alone claims a marking the product may not carry.
Fails:
    listing.json /certificates/0/legislation = ["LVD", "EMC", "RoHS"]    (a radio product)

    listing.json /certificates/0/legislation = ["GPSR"]    (the GPSR provides for no CE marking)
Passes:
    listing.json /certificates/0/legislation = ["RED", "RoHS"]

    listing.json /certificates/0/legislation = ["RED", "RED-DA", "RoHS", "GPSR"]
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, laws_where, markets_with_pointers, product_groups, registry_for

CODE, NAME, SEVERITY = "CMP008", "wrong-legislation", Severity.ERROR


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    markets = {m for m, _ in markets_with_pointers(bundle)}
    certs = certificates(bundle)
    reported: set[int] = set()
    for rule in registry.rules_of("legislation"):
        if not rule.covers(groups) or not markets & set(rule.markets) or not rule.in_force(ctx.as_of):
            continue
        mine = [c for c in certs if c.scheme in set(rule.get("schemes") or ()) and c.legislation]
        required, instead = rule.get("requires"), set(rule.get("instead_of") or ())
        accepted = {required, *(rule.get("or_requires") or ())}
        if not mine or any(accepted & set(c.legislation) for c in mine):
            continue
        for cert in mine:
            wrong = [x for x in cert.legislation if x in instead]
            if not wrong or cert.index in reported:
                continue
            reported.add(cert.index)
            fix = rule.get("fix") or f"get a declaration under the {' or '.join([required, *(rule.get('or_requires') or ())])}"
            yield ctx.finding(
                cert.ptr("legislation"),
                f"{cert.scheme} certificate is under {'+'.join(wrong)} but the product is "
                f"{'+'.join(sorted(groups & set(rule.get('groups_any') or rule.get('groups_all') or ())))}: {rule.get('why')}; "
                f"{fix}",
                severity=ctx.severity_for(rule.confidence),
                source=rule.source,
            )
    yield from _marks_nothing(ctx, registry, groups, certs)


def _marks_nothing(ctx, registry, groups, certs):
    """A certificate of a marking scheme only under laws that provide for no marking (the GPSR)."""
    for cert in certs:
        rule = laws_where(registry, cert, "marking", "none")
        if rule is None or _law_asked(ctx, registry, groups, cert):
            continue
        laws = "+".join(cert.legislation)
        yield ctx.finding(
            cert.ptr("legislation"),
            f"{cert.scheme} certificate is only under the {laws}: {rule.get('why')}; name the act that provides for the marking in `legislation` (the Toy Safety "
            f"Directive for a toy, the PPE Regulation for a helmet), or, if none covers the product, it carries no "
            f"{cert.scheme} marking: take this certificate out of `certificates`",
            severity=ctx.severity_for(rule.confidence),
            source=rule.source,
        )


def _law_asked(ctx, registry, groups, cert) -> bool:
    """Whether an evidence rule asks this product for the certificate's scheme under a named law: CMP001
    then reports the missing law, the one cause of both."""
    return any(
        cert.market in rule.markets and cert.scheme in (rule.get("schemes") or ()) and rule.get("legislation")
        and rule.covers(groups) and rule.in_force(ctx.as_of)
        for rule in registry.rules_of("evidence")
    )
