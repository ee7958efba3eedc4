"""CMP006 model-coverage — a SKU model sold in a market lacks evidence there, or under one of the product's laws.

What it checks: every SKU ``model`` sold in a market (the SKU's ``markets``, else the listing's)
must be among the ``models`` of a certificate accepted there (EU: CE; UK: UKCA or CE; US: FCC),
and under each legislation the product is evidenced under there: the ``legislation`` of the
accepted certificates that list at least one model sold in the market (a certificate naming none
of them, such as the charger in the box, is about another product). A model that no certificate
lists is reported at the SKU; one that is missing only from some laws' certificates, at the
``models`` of the certificate to extend. RED evidence stands for LVD and EMC evidence and
LVD+EMC for RED (the registry's legislation rules: RED Art. 3(1)(a)/(b); which one is right is
CMP008's question). A certificate that lists no legislation counts for every law.
Models compare without regard to case, spaces or dashes; a certificate model ending in ``*`` or
`` series`` covers models that start with it; an entry that holds a list as labs print it
(``X1-EU, X1-UK``, ``X1-EU/X1-UK``, ``X1 (X1-EU, X1-UK)``; every item with a digit) covers each
model of the list (SCH008 asks for one model per entry). A market with no certificate at all is CMP001's
finding.
Why: a certificate covers only the models it names; a variant sold under another model number
has no evidence under that law, and marketplaces and market surveillance reject the mismatch.
Fails:
    listing.json /skus/- = {"id": "D2", "model": "D2-EU", "price": {"amount": "44.90", "currency": "USD"}}
Passes:
    listing.json /skus/- = {"id": "D2", "model": "D2-EU", "price": {"amount": "44.90", "currency": "USD"}}
    listing.json /certificates/0/models = ["D1-EU", "D2-EU"]
"""

import re

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import (
    accepted_in,
    certificates,
    certificates_rejected,
    model_names,
    product_groups,
    registry_for,
    sku_models_by_market,
    substitutes,
)

CODE, NAME, SEVERITY = "CMP006", "model-coverage", Severity.ERROR


def _key(model: str) -> str:
    return re.sub(r"[\s\-_./]+", "", model).upper()


def covers(cert_models, model: str) -> bool:
    wanted = _key(model)
    for text in (name.strip() for raw in cert_models for name in [raw, *model_names(raw)]):
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
    if certificates_rejected(bundle, "scheme", "legislation", "models"):
        return  # SCH002 reports the certificate's value; fixing it may change the answer
    registry = registry_for(ctx)
    groups = product_groups(bundle, ctx)
    certs = certificates(bundle)
    stands_for = substitutes(registry)
    for market, skus in sku_models_by_market(bundle).items():
        schemes = accepted_in(market, registry, groups) - {"PSTI"}
        mine = [c for c in certs if c.scheme in schemes]
        if not mine:
            continue
        sold = [model for model, _ in skus]
        needed = _laws_needed(mine, sold)
        for model, at in skus:
            on = [c for c in mine if covers(c.models, model)]
            if not on:
                names = ", ".join(f"{c.scheme} {c.file or c.pointer}" for c in mine)
                yield ctx.finding(
                    at,
                    f"model {model} is sold in the {market} but no {'/'.join(sorted({c.scheme for c in mine}))} "
                    f"certificate lists it ({names}); add the model to the certificate that covers it, or attach one that does",
                )
                continue
            yield from _missing_laws(ctx, market, model, on, mine, needed, stands_for)


def _laws_needed(mine, sold) -> list[str]:
    """The laws the product is evidenced under in a market, in the order the certificates name them."""
    out: list[str] = []
    for cert in mine:
        if any(covers(cert.models, model) for model in sold):
            out.extend(law for law in cert.legislation if law not in out)
    return out


def _missing_laws(ctx, market, model, on, mine, needed, stands_for):
    if any(not c.legislation for c in on):
        return  # a certificate without legislation may be evidence under any of them
    have = {law for c in on for law in c.legislation}
    have |= {law for law, instead in stands_for.items() if instead <= have}
    missing = [law for law in needed if law not in have]
    by_cert: dict[int, tuple[object, list[str]]] = {}
    for law in missing:
        cert = next(c for c in mine if law in c.legislation)
        by_cert.setdefault(cert.index, (cert, []))[1].append(law)
    listed = "+".join(sorted({law for c in on for law in c.legislation}))
    for cert, laws in by_cert.values():
        law = "/".join(laws)
        yield ctx.finding(
            cert.ptr("models") if cert.models else cert.pointer,
            f"model {model} is sold in the {market} and evidenced under {listed}, but this {law} certificate "
            f"({cert.file or cert.pointer}) does not list it: it has no {law} evidence; add the model to this "
            f"certificate's `models`, or attach another certificate under the {law} that lists it",
        )
