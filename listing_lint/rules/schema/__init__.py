"""schema rules."""

#: listing.json references whose problems (missing, leaving the bundle, not a file) another rule reports,
#: naming what SCH003/SCH004 cannot: one root cause, one finding
OWNED_ELSEWHERE = {
    "variant-page": "ABT004",  # the experiment and the variant
    "variant-media": "ABT004",
    "authorization": "BRD003",  # the letter in the chain (from -> to)
}


def pages_by_locale(bundle) -> dict[str, list[str]]:
    """The bundle's HTML files by the locale their name spells (``detail/fr.html`` under ``fr``), left out
    those an entry of ``detail_pages`` names: the page a rejected entry (``"fr": ""``) was meant to name."""
    from listing_lint.bundle.model import normalize_locale

    if bundle.single_file:
        return {}
    named = set()
    for value in bundle.dict_at("/detail_pages").values():
        if isinstance(value, str) and value:
            resolved = bundle.resolve(value)
            if resolved.rel:
                named.add(resolved.rel)
    out: dict[str, list[str]] = {}
    for rel in bundle.walk_files():
        stem, dot, suffix = rel.rpartition("/")[2].rpartition(".")
        if dot and suffix.lower() in ("html", "htm") and rel not in named:
            out.setdefault(normalize_locale(stem).lower(), []).append(rel)
    return out
