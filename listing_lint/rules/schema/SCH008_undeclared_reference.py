"""SCH008 undeclared-reference — a certificate, experiment, warehouse or SKU names a model, locale or market the bundle does not declare.

What it checks: certificate ``models`` and test-batch ``skus`` are SKU models of the bundle;
experiment ``locale`` is a declared locale (``locales``, or the required locales when none are
declared); warehouse and SKU ``markets`` are among the bundle's ``markets`` (not compared while the
schema rejects the bundle's ``markets``: ``"eu"`` is SCH002's, and probably the market meant).
A family entry (``X1*``, ``X1 Series``) that covers a SKU model is no typo; an entry that holds
a list (``X1-EU, X1-UK``) is asked to be split, one model per entry.
Why: a certificate for a model the listing does not sell covers nothing, and an experiment on a
locale that has no page measures nothing; both are usually typos ("S3-EU" vs "S3EU").
Fails:
    listing.json /skus/0/markets = ["UK"]    (the listing's markets are ["EU"])
Passes:
    listing.json /skus/0/markets = ["EU"]
"""

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language, checked_locales, normalize_locale
from listing_lint.bundle.positions import pointer
from listing_lint.rules.compliance._common import model_names
from listing_lint.rules.compliance.CMP006_model_coverage import covers
from listing_lint.standards.pdftext import family_prefix

CODE, NAME, SEVERITY = "SCH008", "undeclared-reference", Severity.ERROR


def _models(bundle) -> set[str]:
    return {s["model"] for s in bundle.list_at("/skus") if isinstance(s, dict) and isinstance(s.get("model"), str)}


def _unless_rejected(bundle, ctx, ptr: str, message: str):
    """The finding, unless the schema rejects the value (a market "DE"): SCH002 says so, once."""
    if not bundle.schema_rejects(ptr):
        yield ctx.finding(ptr, message)


def _model_message(model: str, models: set[str]) -> str | None:
    """What is wrong with a certificate model that is no SKU model, or None when nothing is: a family
    ("X1*", "X1 Series", CMP006's notation) that covers a SKU model is no typo."""
    if family_prefix(model) is not None and any(covers([model], sku) for sku in models):
        return None
    names = model_names(model)
    if len(names) > 1 and any(name in models for name in names):
        return f"certificate model {model!r} holds several models ({', '.join(names)}); write one model per entry"
    return f"certificate covers model {model!r}, which no SKU of this bundle has"


def check(bundle, ctx):
    if bundle.data is None:
        return
    models = _models(bundle)
    markets = set(bundle.markets)
    locales = checked_locales(bundle.locales, ctx.config.get("required-locales"))
    known_locales = set(locales) | {base_language(x) for x in locales}

    for c, _ in enumerate(bundle.list_at("/certificates")):
        for m, model in enumerate(bundle.list_at(pointer("certificates", c, "models"))):
            if isinstance(model, str) and models and model not in models:
                message = _model_message(model, models)
                if message:
                    yield from _unless_rejected(bundle, ctx, pointer("certificates", c, "models", m), message)
    for t, _ in enumerate(bundle.list_at("/test_batches")):
        for m, model in enumerate(bundle.list_at(pointer("test_batches", t, "skus"))):
            if isinstance(model, str) and models and model not in models:
                yield from _unless_rejected(bundle, ctx, pointer("test_batches", t, "skus", m), f"test batch names SKU model {model!r}, which no SKU of this bundle has")
    for e, exp in enumerate(bundle.list_at("/experiments")):
        locale = exp.get("locale") if isinstance(exp, dict) else None
        if isinstance(locale, str) and normalize_locale(locale) not in known_locales:
            yield from _unless_rejected(bundle, ctx, pointer("experiments", e, "locale"), f"experiment runs on locale {locale!r}, which the bundle does not declare")
    if not markets or bundle.schema_rejects("/markets"):
        return  # a market the schema rejects ("eu", "DE") may be the one meant: SCH002 reports it, once
    for w, house in enumerate(bundle.list_at("/fulfillment/warehouses")):
        market = house.get("market") if isinstance(house, dict) else None
        if isinstance(market, str) and market not in markets:
            yield from _unless_rejected(bundle, ctx, pointer("fulfillment", "warehouses", w, "market"), f"warehouse serves market {market!r}, which is not in the bundle's markets")
    for s, sku in enumerate(bundle.list_at("/skus")):
        for m, market in enumerate(sku.get("markets", []) if isinstance(sku, dict) and isinstance(sku.get("markets"), list) else []):
            if isinstance(market, str) and market not in markets:
                yield from _unless_rejected(bundle, ctx, pointer("skus", s, "markets", m), f"SKU is sold in market {market!r}, which is not in the bundle's markets")
