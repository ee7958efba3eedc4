"""schema rules."""

#: listing.json references whose problems (missing, leaving the bundle, not a file) another rule reports,
#: naming what SCH003/SCH004 cannot: one root cause, one finding
OWNED_ELSEWHERE = {
    "variant-page": "ABT004",  # the experiment and the variant
    "variant-media": "ABT004",
    "authorization": "BRD003",  # the letter in the chain (from -> to)
}


def pages_by_locale(bundle, files=None) -> dict[str, list[str]]:
    """The bundle's HTML files by the locale their name spells (``detail/fr.html`` under ``fr``), left out
    those an entry of ``detail_pages`` names: the page a rejected entry (``"fr": ""``) was meant to name.
    ``files``: the bundle's files when the caller has walked them already."""
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
    for rel in bundle.walk_files() if files is None else files:
        stem, dot, suffix = rel.rpartition("/")[2].rpartition(".")
        if dot and suffix.lower() in ("html", "htm") and rel not in named:
            out.setdefault(normalize_locale(stem).lower(), []).append(rel)
    return out


def rejected_page_entries(bundle, files=None) -> dict[str, tuple[object, list[str]]]:
    """For each entry of ``detail_pages`` that is no page object and that the schema rejects (``"fr": ""``,
    ``"fr": "detail/fr"``): its pointer -> (its value, the page files named for its locale that no entry
    names, ``detail/fr.html``: the page it was meant to name). SCH002 offers that page as the fix, SCH007
    leaves it to SCH002. Nothing is walked when no entry is rejected."""
    from listing_lint.bundle.model import normalize_locale
    from listing_lint.bundle.positions import pointer

    if not bundle.rejected_pointers:
        return {}
    entries = {pointer("detail_pages", key): (key, value) for key, value in bundle.dict_at("/detail_pages").items()
               if not isinstance(value, dict)}
    entries = {ptr: kv for ptr, kv in entries.items() if bundle.schema_rejects_itself(ptr)}
    if not entries:
        return {}
    by_locale = pages_by_locale(bundle, files)
    return {ptr: (value, by_locale.get(normalize_locale(key).lower(), [])) for ptr, (key, value) in entries.items()}
