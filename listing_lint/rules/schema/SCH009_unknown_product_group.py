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

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.config import shorten
from listing_lint.standards.registry import registry_for

CODE, NAME, SEVERITY = "SCH009", "unknown-product-group", Severity.ERROR
SOURCE = "listing_lint/standards/data/product_groups.yaml"
#: distinct unknown values of a bundle that get a "did you mean": each costs a difflib pass over
#: every id and alias (0.35 ms), so 20,000 of them took 7 s; past this, values are reported without
SUGGESTIONS = 100


def check(bundle, ctx):
    data = bundle.data
    if not isinstance(data, dict) or bundle.refused:
        return  # SCH001 / SCH005 speak for this file
    registry = registry_for(ctx)
    names = registry.group_names()
    suggested: dict[str, str] = {}
    for i, value in enumerate(bundle.list_at("/product_groups")):
        if not isinstance(value, str) or registry.group_id(value) is not None:
            continue  # a non-string is SCH002's
        if bundle.schema_rejects_itself(pointer("product_groups", i)):
            continue  # not a group's form ("Radio", "toy group"): SCH002 reports it, one root cause
        if value not in suggested and len(suggested) < SUGGESTIONS:
            suggested[value] = _suggestion(value, names, registry)
        yield ctx.finding(
            pointer("product_groups", i),
            f"{_quoted(value)} is not a product group, so no compliance rule reads it{suggested.get(value, '')}; "
            "`listing-lint standards --groups` lists the groups and their aliases",
        )


def _suggestion(value: str, names: list[str], registry) -> str:
    near = difflib.get_close_matches(value.lower(), names, n=1, cutoff=0.6)
    return f"; did you mean {registry.group_id(near[0])!r}?" if near else ""


def _quoted(value: str) -> str:
    """The value as the message quotes it, shortened as SCH002 shortens values (a group can be megabytes)."""
    return repr(shorten(value))
