"""SCH006 duplicate-id — two bundles share an ``id``, or a SKU id or model repeats within a bundle.

What it checks: bundle ids are unique in the repository; within a bundle, every ``skus[].id``
and every ``skus[].model`` appears once.
Why: ids key experiments, caches and reports; two products with one id overwrite each other in
the marketplace upload, and a repeated model makes certificate coverage ambiguous.
Fails:
    ../other/listing.json /id = "demo"    (two bundles, one id)

    listing.json /skus/- = {"id": "D1", "model": "D1-EU", "price": {"amount": "44.90", "currency": "USD"}}    (a second SKU with the same id and model)
Passes:
    ../other/listing.json /id = "demo-uk"
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer

CODE, NAME, SEVERITY = "SCH006", "duplicate-id", Severity.ERROR


def check(bundle, ctx):
    for field in ("id", "model"):
        seen: dict[str, int] = {}
        for i, sku in enumerate(bundle.list_at("/skus")):
            value = sku.get(field) if isinstance(sku, dict) else None
            if not isinstance(value, str):
                continue
            if value in seen:
                yield ctx.finding(
                    pointer("skus", i, field), f"SKU {field} {value!r} repeats skus[{seen[value]}]; each SKU needs its own {field}"
                )
            else:
                seen[value] = i


def check_repo(repo, ctx):
    first: dict[str, object] = {}
    for bundle in sorted(repo.valid_bundles, key=lambda b: b.manifest.display):
        bundle_id = bundle.data.get("id")
        if not isinstance(bundle_id, str):
            continue
        if bundle_id in first:
            other = first[bundle_id]
            yield ctx.finding(
                bundle.span("/id"), f"bundle id {bundle_id!r} is already used by {other.manifest.display}; ids must be unique",
                bundle=bundle_id,
            )
        else:
            first[bundle_id] = bundle
