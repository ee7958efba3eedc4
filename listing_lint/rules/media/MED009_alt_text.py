"""MED009 alt-text — an image has no alt text for a declared locale.

What it checks: every image in ``media`` has a non-empty ``alt`` for each declared locale
(``locales``, else the required locales; ``es`` text serves ``es-ES``), and every ``<img>`` of a
detail page has an ``alt`` attribute (``alt=""`` is accepted: the standard way to mark a
decorative picture). Whether the alt text is in the right language is LOC003's job. A file listed
again in the same placement without its alt text is counted on the file's first such entry, not
reported once per entry (MED008 reports the repeats).
Why: alt text is what screen readers and the marketplace's search read of a picture.
Fails:
    listing.json /media/3/alt/es removed

    detail/es.html: <img src="../media/scene-02.jpg">
Passes:
    listing.json /media/3/alt/es = "Enchufe sobre un escritorio"
    detail/es.html: <img src="../media/scene-02.jpg" alt="Un enchufe inteligente sobre un escritorio">
"""

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.media._shared import declared_locales, file_key, has_locale

CODE, NAME, SEVERITY = "MED009", "alt-text", Severity.WARNING


def check(bundle, ctx):
    locales = declared_locales(bundle, ctx)
    # (file, placement) -> its first entry without all its alt text, and how many later entries repeat the
    # file there without it too: a file listed 10,000 times is one finding that counts them (session 16)
    short: dict[tuple[str, str], list] = {}
    for item in bundle.media:
        if item.kind != "image" or bundle.schema_rejects(pointer("media", item.index, "alt")):
            continue  # a video; or an alt SCH002 rejects (a string for an object, say): it says so
        present = [k for k, v in item.alt.items() if v.strip()]
        missing = [loc for loc in locales if not has_locale(present, loc)]
        if missing:
            group = short.setdefault((file_key(bundle, item.file), item.placement), [item, missing, 0])
            group[2] += group[0] is not item
    for item, missing, repeats in short.values():
        at = pointer("media", item.index, "alt") if item.alt else item.pointer
        message = f"{item.file} has no alt text for {', '.join(missing)}: add \"alt\": {{\"{missing[0]}\": \"...\"}}"
        if repeats:
            message += (f"; {repeats:,} more {'entry lists' if repeats == 1 else 'entries list'} it in the {item.placement} "
                        "without all of it too (remove the repeats)")
        yield ctx.finding(at, message)
    for page in bundle.pages.values():
        for img in page.elements("img"):
            if img.get("alt") is None:
                src = img.get("src") or "an image"
                yield ctx.finding(page.span(img), f"<img> {src} has no alt attribute: describe the picture in the page's language")
