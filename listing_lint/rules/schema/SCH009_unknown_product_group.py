"""SCH009 unknown-product-group — a ``product_groups`` value is not in the product-group vocabulary.

What it checks: every value of listing.json's ``product_groups`` is a group id or one of its
aliases in the standards registry's vocabulary (``listing-lint standards --groups`` lists them;
an overlay file may add groups). An unknown value is reported with the closest known group.
Why: the groups decide which laws, certificates and standards the compliance rules require; a
misspelt group (``toys-electric``) is not a group at all, so it silently switches those checks off.
Fails:
    listing.json /product_groups/- = "eletric-toy"    (misspelt)
Passes:
    listing.json /product_groups/- = "wifi"    (an alias of "radio")
"""

import difflib

from listing_lint import SUPPORTED_SCHEMA_VERSIONS
from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.standards.registry import registry_for

CODE, NAME, SEVERITY = "SCH009", "unknown-product-group", Severity.ERROR
SOURCE = "listing_lint/standards/data/product_groups.yaml"


def check(bundle, ctx):
    data = bundle.data
    if not isinstance(data, dict) or data.get("schema_version") not in SUPPORTED_SCHEMA_VERSIONS:
        return  # SCH001 / SCH005 speak for this file
    registry = registry_for(ctx)
    for i, value in enumerate(bundle.list_at("/product_groups")):
        if not isinstance(value, str) or registry.group_id(value) is not None:
            continue  # a non-string is SCH002's
        yield ctx.finding(
            pointer("product_groups", i),
            f"{value!r} is not a product group, so no compliance rule reads it{_suggestion(value, registry)}; "
            "`listing-lint standards --groups` lists the groups and their aliases",
        )


def _suggestion(value: str, registry) -> str:
    names = registry.group_names()
    near = difflib.get_close_matches(value.lower(), names, n=1, cutoff=0.6)
    return f"; did you mean {registry.group_id(near[0])!r}?" if near else ""
