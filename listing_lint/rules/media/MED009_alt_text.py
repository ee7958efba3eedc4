"""MED009 alt-text — an image has no alt text for a declared locale.

What it checks: every image in ``media`` has a non-empty ``alt`` for each declared locale
(``locales``, else the required locales; ``es`` text serves ``es-ES``), and every ``<img>`` of a
detail page has an ``alt`` attribute (``alt=""`` is accepted: the standard way to mark a
decorative picture). Whether the alt text is in the right language is LOC003's job.
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
from listing_lint.rules.media._shared import declared_locales, has_locale

CODE, NAME, SEVERITY = "MED009", "alt-text", Severity.WARNING


def check(bundle, ctx):
    locales = declared_locales(bundle, ctx)
    for item in bundle.media:
        if item.kind != "image" or bundle.schema_rejects(pointer("media", item.index, "alt")):
            continue  # a video; or an alt SCH002 rejects (a string for an object, say): it says so
        present = [k for k, v in item.alt.items() if v.strip()]
        missing = [loc for loc in locales if not has_locale(present, loc)]
        if missing:
            at = pointer("media", item.index, "alt") if item.alt else item.pointer
            yield ctx.finding(at, f"{item.file} has no alt text for {', '.join(missing)}: add \"alt\": {{\"{missing[0]}\": \"...\"}}")
    for page in bundle.pages.values():
        for img in page.elements("img"):
            if img.get("alt") is None:
                src = img.get("src") or "an image"
                yield ctx.finding(page.span(img), f"<img> {src} has no alt attribute: describe the picture in the page's language")
