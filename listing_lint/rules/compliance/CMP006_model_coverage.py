"""CMP006 model-coverage — no certificate for a market covers a SKU model sold there.

What it checks: every SKU ``model`` sold in a market (the SKU's ``markets``, else the listing's)
must be among the ``models`` of a certificate accepted there (EU: CE; UK: UKCA or CE; US: FCC).
Models compare without regard to case, spaces or dashes; a certificate model ending in ``*`` or
`` series`` covers models that start with it. A market with no certificate at all is CMP001's
finding.
Why: a certificate covers only the models it names; a variant sold under another model number
has no evidence, and marketplaces reject the mismatch.
Fails:
    listing.json /skus/- = {"id": "D2", "model": "D2-EU", "price": {"amount": "44.90", "currency": "USD"}}
Passes:
    listing.json /skus/- = {"id": "D2", "model": "D2-EU", "price": {"amount": "44.90", "currency": "USD"}}
    listing.json /certificates/0/models = ["D1-EU", "D2-EU"]
"""

import re

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import accepted_in, certificates, registry_for, sku_models_by_market

CODE, NAME, SEVERITY = "CMP006", "model-coverage", Severity.ERROR


def _key(model: str) -> str:
    return re.sub(r"[\s\-_./]+", "", model).upper()


def covers(cert_models, model: str) -> bool:
    wanted = _key(model)
    for raw in cert_models:
        text = raw.strip()
        prefix = None
        if text.endswith("*"):
            prefix = text[:-1]
        elif text.lower().endswith(" series"):
            prefix = text[: -len(" series")]
        if prefix is not None and prefix.strip() and wanted.startswith(_key(prefix)):
            return True
        if _key(text) == wanted:
            return True
    return False


def check(bundle, ctx):
    registry = registry_for(ctx)
    groups = bundle.product_groups
    certs = certificates(bundle)
    for market, skus in sku_models_by_market(bundle).items():
        schemes = accepted_in(market, registry, groups) - {"PSTI"}
        mine = [c for c in certs if c.scheme in schemes]
        if not mine:
            continue
        for model, at in skus:
            if any(covers(c.models, model) for c in mine):
                continue
            names = ", ".join(f"{c.scheme} {c.file or c.pointer}" for c in mine)
            yield ctx.finding(
                at,
                f"model {model} is sold in the {market} but no {'/'.join(sorted({c.scheme for c in mine}))} "
                f"certificate lists it ({names}); add the model to the certificate that covers it, or attach one that does",
            )
