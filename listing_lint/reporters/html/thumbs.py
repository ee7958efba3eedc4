"""Small inline thumbnails (``data:`` URIs) made with Pillow, so the report needs no other file.

Each file is thumbnailed once per report, however many media entries (or bundles) name it, and
its decode is held to the same budget as the rules' probes (``media/budget.py``): a picture over
it gets no thumbnail. Before, 300 entries naming one 7.3 KB palette PNG of 7700x7700 took three
minutes and 825 MB.
"""

from __future__ import annotations

import base64
import io
import os
import warnings

from listing_lint.media.budget import DEFAULT, Budget, Deadline

THUMB_PX = 160
#: a media file larger than this is not decoded for a thumbnail (the report stays quick)
MAX_DECODE_BYTES = 40 * 1024 * 1024


class Thumbnails:
    """The thumbnails of one report, one decode per file (by device and inode: links count once)."""

    def __init__(self, budget: Budget = DEFAULT):
        self.budget = budget
        self.made: dict[object, str | None] = {}

    def __call__(self, file) -> str | None:
        try:
            st = os.stat(file.path)
            key: object = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            key = str(file.path)
        if key not in self.made:
            self.made[key] = thumbnail_uri(file.read_bytes(MAX_DECODE_BYTES + 1), budget=self.budget)
        return self.made[key]


def thumbnail_uri(data: bytes, size: int = THUMB_PX, budget: Budget = DEFAULT) -> str | None:
    """A JPEG ``data:`` URI of at most ``size`` px on the long side, or None when it cannot be
    decoded within ``budget``."""
    if not data or len(data) > MAX_DECODE_BYTES:
        return None
    out = None
    with Deadline(budget.seconds):
        out = _thumbnail(data, size, budget)
    return "data:image/jpeg;base64," + base64.b64encode(out).decode("ascii") if out else None


def _thumbnail(data: bytes, size: int, budget: Budget) -> bytes | None:
    from PIL import Image

    from listing_lint.media.image import before_open, pillow_formats
    from listing_lint.media.sniff import sniff

    fh = io.BytesIO(data)
    fmt = sniff(data[:32])
    if before_open(fh, fmt, budget):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's "Corrupt EXIF data": no thumbnail's business
            return _shown(Image.open(fh, formats=pillow_formats(fmt)), fh, size, budget)
    except Exception:  # noqa: BLE001 - a broken image is a finding elsewhere; here it just has no thumbnail
        return None


def _shown(opened, fh, size: int, budget: Budget) -> bytes | None:
    """The opened picture as a small JPEG, turned as its EXIF orientation shows it, 16-bit grey scaled down."""
    from PIL import Image

    from listing_lint.media.image import TRANSPOSE, _max_pixels, orientation, over_budget
    from listing_lint.media.phash import eight_bits

    with opened as im:
        width, height = im.size
        if width * height > _max_pixels():
            return None
        im.draft("RGB", (size * 2, size * 2))  # JPEG: decode at a reduced scale, much faster
        if over_budget(im, fh, budget, (width, height)):
            return None
        turn = orientation(im)
        im = eight_bits(im)  # 16-bit grey: Pillow neither shrinks it nor converts it unclipped
        im.thumbnail((size, size))  # shrink first, then convert: a palette picture stays one byte a pixel
        if turn != 1:
            im = im.transpose(TRANSPOSE[turn])
        im = im.convert("RGBA") if im.mode in ("P", "LA", "PA") else im
        if im.mode == "RGBA":
            flat = Image.new("RGB", im.size, (255, 255, 255))
            flat.paste(im, mask=im.getchannel("A"))
            im = flat
        else:
            im = im.convert("RGB")
        out = io.BytesIO()
        im.save(out, "JPEG", quality=72, optimize=True)
    return out.getvalue()
