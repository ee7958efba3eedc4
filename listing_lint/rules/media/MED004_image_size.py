"""MED004 image-size — the 1:1 marketing image is under 800x800 or not square; a gallery image is too small.

What it checks: the pixel size of each image file as it is shown: a phone photo stored
landscape with an EXIF orientation that turns it (5-8) is measured turned, as browsers and the
marketplace's pages show it. The image with role ``cover`` is the 1:1 marketing image: it must
be square and at least ``min-image-px`` (800) on a side, an error because AliExpress's API says so. Other gallery images under ``min-gallery-image-px`` (800,
configured: widely repeated, not confirmed) are a warning. Files that cannot be read are MED005's.
Why: the marketplace refuses a smaller or non-square marketing image, and zoom needs pixels.
Fails:
    media/cover.jpg: photo 800x799
Passes:
    media/cover.jpg: photo 800x800
    media/scene-02.jpg: photo 1000x800
"""

from listing_lint.api import Severity
from listing_lint.media import ImageProbe, probe
from listing_lint.rules.media._shared import item_file, limit
from listing_lint.bundle.positions import pointer

CODE, NAME, SEVERITY = "MED004", "image-size", Severity.ERROR
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke
SOURCE = "AliExpress Open Platform: MarketImageDto type 2, 1:1 square, at least 800x800"


def check(bundle, ctx):
    for item in bundle.media:
        if item.kind != "image" or (item.role != "cover" and item.placement != "gallery"):
            continue
        file = item_file(ctx, bundle, item)
        info = probe(ctx, file) if file is not None else None
        if not isinstance(info, ImageProbe) or info.problem or not info.width or not info.height:
            continue
        at = pointer("media", item.index, "file")
        w, h = info.width, info.height
        size = f"{w}x{h}" + _turned(info)
        if item.role == "cover":
            need, severity = limit(ctx, "min-image-px")
            if w != h or min(w, h) < need:
                what = "not square" if w != h else f"under {need:g}x{need:g}"
                yield ctx.finding(
                    at,
                    f"marketing image {item.file} is {size}, {what}; the 1:1 marketing image must be square and at "
                    f"least {need:g}x{need:g}: export it at {max(w, h, int(need))}x{max(w, h, int(need))}",
                    severity=severity,
                )
        else:
            need, severity = limit(ctx, "min-gallery-image-px")
            if min(w, h) < need:
                yield ctx.finding(
                    at,
                    f"gallery image {item.file} is {size}; gallery images should be at least {need:g} px on the "
                    f"short side: export it larger",
                    severity=severity,
                )


def _turned(info: ImageProbe) -> str:
    """How the size as shown comes from the stored one, for a picture its EXIF orientation turns."""
    if info.orientation < 5:
        return ""
    w, h = info.stored
    return f" as shown (stored {w}x{h}, turned by its EXIF orientation {info.orientation})"
