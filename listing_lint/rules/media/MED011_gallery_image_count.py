"""MED011 gallery-image-count — more gallery images than the marketplace takes.

What it checks: the images placed in the gallery (``placement`` gallery, the default) against
``max-gallery-images`` (6 on AliExpress, confirmed by its API); the finding points at the
first image over the limit.
Why: AliExpress takes at most 6 main images (AeopAeProduct.imageURLs, "2-6"); the rest are
dropped, and which ones is not yours to choose.
Fails:
    listing.json /media/7/placement = "gallery"    (7 gallery images; 6 allowed)
Passes:
    listing.json /media/7/placement = "description"
"""

from listing_lint.api import Severity
from listing_lint.rules.media._shared import limit

CODE, NAME, SEVERITY = "MED011", "gallery-image-count", Severity.ERROR
SOURCE = "AliExpress Open Platform: AeopAeProduct.imageURLs, 'dynamic multi-image = 2-6'"


def check(bundle, ctx):
    most, severity = limit(ctx, "max-gallery-images")
    gallery = [item for item in bundle.media if item.kind == "image" and item.placement == "gallery"]
    if len(gallery) > most:
        extra = gallery[int(most)]
        yield ctx.finding(
            extra.pointer,
            f"{len(gallery)} gallery images; the marketplace takes at most {most:g}: move {extra.file} and later ones "
            f"to \"placement\": \"description\" or drop them",
            severity=severity,
        )
