"""SCH006 duplicate-id — two bundles share an ``id``, or a SKU, experiment or variant id repeats.

What it checks: bundle ids are unique in the repository; within a bundle, every ``skus[].id``
and every ``skus[].model`` appears once (a SKU pasted twice is one finding), every
``experiments[].id`` appears once, and within an experiment every ``variants[].id``.
Why: ids key experiments, caches and reports; two products with one id overwrite each other in
the marketplace upload, and a repeated model makes certificate coverage ambiguous; results are
keyed by variant id, so two variants with one id cannot be told apart.
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
    seen: dict[str, dict[str, int]] = {"id": {}, "model": {}}
    for i, sku in enumerate(bundle.list_at("/skus")):
        if not isinstance(sku, dict):
            continue
        repeats = []  # (field, value, earlier index): a copied SKU repeats both, one finding
        for field in ("id", "model"):
            value = sku.get(field)
            if not isinstance(value, str):
                continue
            if value in seen[field]:
                repeats.append((field, value, seen[field][value]))
            else:
                seen[field][value] = i
        if not repeats:
            continue
        field, value, earlier = repeats[0]
        if len(repeats) == 2 and repeats[1][2] == earlier:
            message = (f"skus[{i}] repeats skus[{earlier}] (id {value!r}, model {repeats[1][1]!r}); "
                       "each SKU needs its own id and model")
        else:
            message = "; ".join(f"SKU {f} {v!r} repeats skus[{j}]" for f, v, j in repeats)
            message += f"; each SKU needs its own {' and '.join(f for f, _, _ in repeats)}"
        yield ctx.finding(pointer("skus", i, field), message)
    yield from _repeated_ids(bundle, ctx, ("experiments",), "experiment")
    for e, experiment in enumerate(bundle.list_at("/experiments")):
        if isinstance(experiment, dict):
            yield from _repeated_ids(bundle, ctx, ("experiments", e, "variants"), "variant")


def _repeated_ids(bundle, ctx, where: tuple, what: str):
    seen: dict[str, int] = {}
    for i, item in enumerate(bundle.list_at(pointer(*where))):
        value = item.get("id") if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            yield ctx.finding(pointer(*where, i, "id"), f"{what} id {value!r} repeats {where[-1]}[{seen[value]}]; each {what} needs its own id")
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
