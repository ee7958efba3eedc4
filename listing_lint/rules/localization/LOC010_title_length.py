"""LOC010 title-length — a title is empty or longer than the marketplace allows.

What it checks: each ``title`` entry is non-empty and at most ``max-title-chars`` characters in
English (AliExpress: 128) and ``max-title-chars-other`` in other locales (AliExpress: 218),
counted in Unicode characters as the marketplace counts them.
Why: the AliExpress API rejects a subject outside 1-128 characters (English) or 1-218 (each other
locale); a title cut by hand afterwards loses its end, usually the model and size.
Fails:
    listing.json /title/en = "Smart plug with energy monitor, works with Alexa and Google Home, timer and schedules, overload protection, 16 A, for lamps and heaters"
Passes:
    listing.json /title/es = "Enchufe inteligente Wi-Fi con medición de consumo, compatible con Alexa"
"""

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.bundle.positions import pointer

CODE, NAME, SEVERITY = "LOC010", "title-length", Severity.ERROR


def check(bundle, ctx):
    for key, value in bundle.dict_at("/title").items():
        if not isinstance(value, str):
            continue  # the schema rule reports the type
        at = pointer("title", key)
        if not value.strip():
            yield ctx.finding(at, f"the {key} title is empty; write the product name, model and key feature")
            continue
        limit = ctx.limit("max-title-chars" if base_language(key) == "en" else "max-title-chars-other")
        if len(value) > limit.value:
            yield ctx.finding(
                at,
                f"the {key} title has {len(value)} characters; the limit is {limit.value:g}: shorten it",
                severity=ctx.severity_for(limit.confidence),
                source=limit.source,
            )
