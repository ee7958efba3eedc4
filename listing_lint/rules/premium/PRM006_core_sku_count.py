"""PRM006 core-sku-count — more than 5 core SKUs across the store.

What it checks: the SKUs marked ``"core": true`` in every listing of the repository, counted
together, are at most 5 (threshold ``max-core-skus``); exactly 5 passes. A store-level rule:
it runs only where the repository has a store.json, and points at it.
Why: the premium model concentrates stock, traffic and after-sales on a few core products;
spread over more, none of them reaches the volume the programme is built on.
Fails:
    store.json = {}
    listing.json /skus/0/core = true
    ../plug-b/listing.json /skus/0/core = true
    ../plug-c/listing.json /skus/0/core = true
    ../plug-d/listing.json /skus/0/core = true
    ../plug-e/listing.json /skus/0/core = true
    ../plug-f/listing.json /skus/0/core = true    (six core SKUs in the store)
Passes:
    store.json = {}
    listing.json /skus/0/core = true
    ../plug-b/listing.json /skus/0/core = true    (two core SKUs; five at most)
"""

from listing_lint.api import Severity
from listing_lint.rules.premium._common import StoreAt, above, severity

CODE, NAME, SEVERITY = "PRM006", "core-sku-count", Severity.WARNING
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def core_skus(repo) -> list[tuple[str, str]]:
    """``(bundle id, SKU id)`` of every core SKU, in bundle then SKU order."""
    found = []
    for bundle in repo.valid_bundles:
        for sku in bundle.list_at("/skus"):
            if isinstance(sku, dict) and sku.get("core") is True:
                found.append((bundle.id, str(sku.get("id", "?"))))
    return found


def check_repo(repo, ctx):
    if repo.store_data is None:
        return
    core = core_skus(repo)
    limit = ctx.threshold("max-core-skus")
    if not above(len(core), limit):
        return
    names = ", ".join(f"{sku} ({bundle})" for bundle, sku in core[:8]) + (", …" if len(core) > 8 else "")
    yield ctx.finding(
        StoreAt(repo, ""),
        f"the store has {len(core)} core SKUs ({names}); the premium model keeps at most {limit:g}: "
        "keep \"core\" on the best sellers and give the rest less stock and traffic",
        severity=severity(ctx, "max-core-skus"),
    )
