"""Small inline thumbnails (``data:`` URIs) made with Pillow, so the report needs no other file."""

from __future__ import annotations

import base64
import io

THUMB_PX = 160
#: a media file larger than this is not decoded for a thumbnail (the report stays quick)
MAX_DECODE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 60_000_000


def thumbnail_uri(data: bytes, size: int = THUMB_PX) -> str | None:
    """A JPEG ``data:`` URI of at most ``size`` px on the long side, or None when it cannot be decoded."""
    if not data or len(data) > MAX_DECODE_BYTES:
        return None
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > MAX_PIXELS:
                return None
            im.draft("RGB", (size * 2, size * 2))  # JPEG: decode at a reduced scale, much faster
            im = im.convert("RGBA") if im.mode in ("P", "LA") else im
            if im.mode == "RGBA":
                flat = Image.new("RGB", im.size, (255, 255, 255))
                flat.paste(im, mask=im.getchannel("A"))
                im = flat
            else:
                im = im.convert("RGB")
            im.thumbnail((size, size))
            out = io.BytesIO()
            im.save(out, "JPEG", quality=72, optimize=True)
    except Exception:  # noqa: BLE001 - a broken image is a finding elsewhere; here it just has no thumbnail
        return None
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")
