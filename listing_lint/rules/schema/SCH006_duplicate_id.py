"""SCH006 duplicate-id — two bundles share an ``id``, or a SKU id or model repeats within a bundle.

What it checks: bundle ids are unique in the repository; within a bundle, every ``skus[].id``
and every ``skus[].model`` appears once.
Why: ids key experiments, caches and reports; two products with one id overwrite each other in
the marketplace upload, and a repeated model makes certificate coverage ambiguous.
Fails:
    listings/a/listing.json and listings/b/listing.json both say "id": "smart-plug-x1"
    "skus": [{"id": "X1", ...}, {"id": "X1", ...}]
Passes:
    "id": "smart-plug-x1" and "id": "smart-plug-x1-uk" in two bundles
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
