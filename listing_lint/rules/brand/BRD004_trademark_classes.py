"""BRD004 trademark-classes — the trademark's Nice classes do not cover the product category.

What it checks: ``brand.trademark.classes`` must include at least one class the registry of
Nice classes (``data/nice_classes.yaml``) lists for the listing's ``category``. The lists are
wide on purpose; a mark registered only for retail services (class 35) or clothing (25) on a
lighting product is what it catches. No classes given, or category ``other``: not judged.
Why: a registration protects the mark only for the goods of its classes; marketplaces reject a
brand authorization whose registration does not cover the product.
Fails:
    listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": [35]}}
Passes:
    listing.json /brand = {"name": "Voltra", "trademark": {"mark": "R", "office": "EUIPO", "number": "018765432", "classes": [9]}}
"""

from functools import lru_cache
from pathlib import Path

from listing_lint.api import Severity

CODE, NAME, SEVERITY = "BRD004", "trademark-classes", Severity.WARNING
DATA = Path(__file__).resolve().parents[2] / "data" / "nice_classes.yaml"


@lru_cache(maxsize=1)
def nice_classes() -> dict:
    from listing_lint.thresholds import load_yaml

    return load_yaml(DATA) or {}


def check(bundle, ctx):
    data = nice_classes()
    category = bundle.get("/category")
    entry = (data.get("categories") or {}).get(category) if isinstance(category, str) else None
    classes = bundle.get("/brand/trademark/classes")
    if not entry or not entry.get("classes") or not isinstance(classes, list) or bundle.schema_rejects("/brand/trademark/classes"):
        return  # SCH002 reports a class that is no Nice class (0, "9"): fixing it may be the covering one
    mine = [c for c in classes if isinstance(c, int) and not isinstance(c, bool)]
    if not mine or set(mine) & set(entry["classes"]):
        return
    yield ctx.finding(
        "/brand/trademark/classes",
        f"trademark classes {', '.join(map(str, mine))} do not cover category {category}: a registration protects "
        f"the mark only for its classes ({entry.get('why')}); register the mark in a class for these goods",
        severity=ctx.severity_for(data.get("confidence", "configured")),
        source=data.get("source"),
    )
