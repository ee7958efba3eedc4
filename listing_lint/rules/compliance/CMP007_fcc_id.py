"""CMP007 fcc-id — a malformed FCC ID, or a radio product for the US with none.

What it checks: an FCC certificate's ``fcc_id`` is a grantee code (3 characters starting with
a letter, or 5 starting with a digit 2-9, from A-Z and 2-9: no 0 or 1) followed by a product
code of 1-14 characters of A-Z, 0-9 and ``-`` (47 CFR 2.925/2.926). ``FCC ID:`` before it,
spaces and lower case are accepted. A ``radio`` product sold in the US whose FCC certificates carry no FCC ID (an SDoC
alone) is reported too (the registry's US evidence rules marked ``fcc_id``); a receive-only radio
(``radio-receiver``: an FM radio, a radio-controlled clock) is an unintentional radiator under Part 15
Subpart B, whose SDoC has no FCC ID, and is not; nor is a wireless charger whose FCC evidence is under
Part 18 (consumer ISM equipment may be authorised by an SDoC: FCC KDB 680106). With no FCC certificate at all CMP001 reports the market.
Why: an intentional radiator needs certification, and the FCC ID on the label must be the one
granted; a malformed ID cannot be found in the FCC database.
Fails:
    listing.json /markets = ["EU", "US"]
    listing.json /certificates/- = {"scheme": "FCC", "standards": ["ANSI C63.10-2020"], "issued": "2026-01-28", "models": ["D1-EU"], "fcc_id": "2AB10-SP1", "file": "certs/fcc.pdf"}
    certs/fcc.pdf: scanned pdf    (a 1 in the grantee code)
Passes:
    listing.json /markets = ["EU", "US"]
    listing.json /certificates/- = {"scheme": "FCC", "standards": ["ANSI C63.10-2020"], "issued": "2026-01-28", "models": ["D1-EU"], "fcc_id": "2ABCD-SP1", "file": "certs/fcc.pdf"}
    certs/fcc.pdf: scanned pdf
"""

import re

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, markets_with_pointers, product_groups, registry_for

CODE, NAME, SEVERITY = "CMP007", "fcc-id", Severity.ERROR
SOURCE = "https://www.fcc.gov/general/fcc-id-number-grantee-code-information"

FCC_ID = re.compile(r"^(?:[A-Z][A-Z2-9]{2}|[2-9][A-Z2-9]{4})[A-Z0-9-]{1,14}$")
PREFIX = re.compile(r"^\s*(?:CONTAINS\s+)?FCC\s*ID\s*[:#]?\s*", re.I)


def normalise(value: str) -> str:
    return re.sub(r"\s+", "", PREFIX.sub("", value)).upper()


def problem(fcc_id: str) -> str | None:
    """Why ``fcc_id`` (normalised) is not an FCC ID, or None when it is one."""
    if FCC_ID.match(fcc_id):
        return None
    if not fcc_id:
        return "it is empty"
    if fcc_id[0] in "01":
        return "a grantee code never starts with 0 or 1"
    size = 5 if fcc_id[0].isdigit() else 3
    grantee, product = fcc_id[:size], fcc_id[size:]
    if re.search(r"[01]", grantee):
        return f"grantee code {grantee} contains 0 or 1, which the FCC never issues"
    if not re.fullmatch(r"[A-Z0-9]+", grantee) or len(grantee) < size:
        return f"grantee code {grantee} must be {size} characters of A-Z and 2-9"
    if not product:
        return "the product code after the grantee code is missing"
    if len(product) > 14:
        return f"product code {product} has {len(product)} characters; the most is 14"
    return f"product code {product} may hold only A-Z, 0-9 and '-'"


def check(bundle, ctx):
    fcc = [c for c in certificates(bundle) if c.scheme == "FCC"]
    for cert in fcc:
        if cert.fcc_id is None:
            continue
        why = problem(normalise(cert.fcc_id))
        if why:
            yield ctx.finding(
                cert.ptr("fcc_id"),
                f"FCC ID {cert.fcc_id!r} is malformed: {why}; copy it exactly from the FCC grant "
                f"(grantee code + product code, e.g. 2ABCD-SP1)",
            )
    us = dict(markets_with_pointers(bundle)).get("US")
    if us and fcc and not any(c.fcc_id and c.fcc_id.strip() for c in fcc) and _needs_fcc_id(bundle, ctx, fcc):
        yield ctx.finding(
            fcc[0].ptr("scheme"),
            "a radio product sold in the US needs FCC certification (47 CFR Part 15 Subpart C) and its FCC ID; "
            "no FCC certificate here has `fcc_id`: add the grant's FCC ID",
        )


def _needs_fcc_id(bundle, ctx, fcc) -> bool:
    """Whether the product is a ``radio`` one that a US evidence rule wanting a certification grant
    (``fcc_id: true``: an intentional radiator) covers; a receive-only radio (``radio-receiver``) is an
    unintentional one, and so is a wired internet-connected product (it is not ``radio``). A wireless
    charger whose FCC evidence is under Part 18 may hold an SDoC: the registry's legislation rules
    name such parts (``sdoc_allowed``; consumer ISM equipment, FCC KDB 680106)."""
    groups = product_groups(bundle, ctx)
    registry = registry_for(ctx)
    for rule in registry.rules_of("legislation"):
        parts = set(rule.get("sdoc_allowed") or ())
        if (parts and "US" in rule.markets and rule.covers(groups) and rule.in_force(ctx.as_of)
                and any(parts & set(c.legislation) for c in fcc)):
            return False
    return "radio" in groups and any(
        rule.get("fcc_id") and "US" in rule.markets and rule.covers(groups) and rule.in_force(ctx.as_of)
        for rule in registry.rules_of("evidence")
    )
