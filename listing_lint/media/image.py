"""Probe an image file: real format, pixel size, colour mode, frames, decodability, fingerprint.

Pillow reads the header lazily; the pixels are decoded once, at a reduced scale where the format
allows it (JPEG's DCT scaling via ``draft``), which still walks every byte of the compressed data
and so still finds truncation. Pillow's decompression-bomb guard stays on: an image over
``Image.MAX_IMAGE_PIXELS`` is never decoded and is reported, not crashed on.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from listing_lint.media.budget import (DEFAULT, MIB, Budget, gif_comment_bytes, jpeg_picture_scans, jpeg_scans, jpeg_segment_bytes,
                                       raster_bytes)
from listing_lint.media.sniff import sniff

if TYPE_CHECKING:
    from listing_lint.bundle.files import SourceFile
    from listing_lint.media.phash import Fingerprint

#: Pillow's own default for ``Image.MAX_IMAGE_PIXELS`` (1 GiB / 4 bytes / 3), used if a host
#: program switched the guard off: we never decode more than this.
PILLOW_DEFAULT_MAX_PIXELS = 1024 * 1024 * 1024 // 4 // 3
DRAFT_SIDE = 64  # decode JPEGs at the smallest DCT scale (down to 1/8) that keeps this many pixels
#: a file up to this size is read in one call and decoded from memory: Pillow's header parsing
#: makes dozens of small reads and the scan count reads the file again (issue 18); a larger one
#: is streamed from disk, so the buffer a probe holds stays bounded
WHOLE_READ_BYTES = 16 * MIB
#: the Pillow plugin for each sniffed picture format: a picture is opened with its format's plugin
#: alone. With every plugin registered, ``Image.open`` first tries the plugins that accept any
#: prefix (IM, IMT, IPTC), each building an image object that fails: 45-75 µs of a picture's probe
#: (issue 18, session 10). And first bytes that match no format here were handed to Pillow's search
#: over all its ~40 plugins (session 17): an ICO, TGA or PPM named .jpg decoded cleanly with no
#: format, so no rule said the marketplace refuses it, and an EPS would run Ghostscript where it is
#: installed. Such a file is now "unidentified".
PILLOW_PLUGIN = {
    "jpeg": ("JPEG",), "png": ("PNG",), "webp": ("WEBP",), "gif": ("GIF",), "bmp": ("BMP",), "tiff": ("TIFF",),
    "avif": ("AVIF",),
}  # fmt: skip


def pillow_formats(fmt: str | None) -> tuple[str, ...]:
    """The plugins ``Image.open`` may try for a file of the sniffed format ``fmt``: none for an unknown one."""
    return PILLOW_PLUGIN.get(fmt or "", ())
EXIF_ORIENTATION = 0x0112
#: EXIF orientation -> Pillow's transpose that shows the picture upright (what ``ImageOps.exif_transpose`` does)
TRANSPOSE = {2: 0, 3: 3, 4: 1, 5: 5, 6: 4, 7: 6, 8: 2}


@dataclass(frozen=True)
class ImageProbe:
    """What an image file is. ``problem`` is None for a file that decoded cleanly."""

    format: str | None  # from the magic bytes (sniff.py names)
    size: int  # bytes on disk
    width: int | None = None  # as shown: the EXIF orientation applied (``orientation``)
    height: int | None = None
    mode: str | None = None  # Pillow mode: RGB, RGBA, P, L, CMYK...
    frames: int = 1  # frames of an animation (an MPO's further pictures are none: _animation_frames)
    problem: str | None = None  # empty | unidentified | bomb | huge | budget | timeout | truncated | corrupt
    detail: str = ""  # Pillow's words, for the message
    fingerprint: Fingerprint | None = None
    decoded: bool = False  # pixels decoded (False for files over the read cap)
    orientation: int = 1  # EXIF orientation 1-8; 5-8 turn the picture a quarter: stored width x height swapped

    @property
    def stored(self) -> tuple[int | None, int | None]:
        """Width and height as the file stores the pixels, before the EXIF orientation turns them."""
        return (self.height, self.width) if self.orientation >= 5 else (self.width, self.height)

    @property
    def pixels(self) -> int:
        return (self.width or 0) * (self.height or 0)


def _max_pixels() -> int:
    from PIL import Image

    return Image.MAX_IMAGE_PIXELS or PILLOW_DEFAULT_MAX_PIXELS


def _declared_pixels(message: str) -> int:
    match = re.search(r"\((\d+) pixels\)", message)
    return int(match.group(1)) if match else 0


def probe_image(file: SourceFile, max_bytes: int, budget: Budget = DEFAULT, data: bytes | None = None) -> ImageProbe:
    """``data``: the file's bytes when the caller read them whole already (then not read again)."""
    size = file.size
    if size == 0:
        return ImageProbe(format=None, size=0, problem="empty")
    if size > max_bytes or not file.is_regular:
        return ImageProbe(format=sniff(file.read_bytes(32)), size=size)
    if data is not None:
        return probe_image_stream(io.BytesIO(data), size, budget)
    if size <= WHOLE_READ_BYTES:
        whole = file.read_bytes(size)  # the bytes the result cache read to hash them, when it kept them
        if whole:
            return probe_image_stream(io.BytesIO(whole), size, budget)
    try:
        with open(file.path, "rb") as fh:  # over WHOLE_READ_BYTES (streamed), or the read above failed: say why
            return probe_image_stream(fh, size, budget)
    except OSError as exc:
        return ImageProbe(format=None, size=size, problem="corrupt", detail=exc.strerror or str(exc))


def probe_image_bytes(data: bytes, budget: Budget = DEFAULT) -> ImageProbe:
    return probe_image_stream(io.BytesIO(data), len(data), budget)


def probe_image_stream(fh, size: int, budget: Budget = DEFAULT) -> ImageProbe:
    """Probe an image from a binary file object positioned at its start."""
    from PIL import Image, UnidentifiedImageError

    fmt = sniff(fh.read(32))
    fh.seek(0)
    base = {"format": fmt, "size": size}
    if not size:
        return ImageProbe(**{**base, "problem": "empty"})
    reason = before_open(fh, fmt, budget)
    if reason:
        return ImageProbe(**base, problem="budget", detail=reason)
    with warnings.catch_warnings():
        # Pillow warns on stderr of a broken EXIF block ("Corrupt EXIF data") while opening a JPEG:
        # the probe's answer says what matters, a report is no place for a library's warnings
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(fh, formats=pillow_formats(fmt))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            pixels = _declared_pixels(str(exc))
            problem = "bomb" if isinstance(exc, Image.DecompressionBombError) else "huge"
            return ImageProbe(**base, problem=problem, detail=f"{pixels:,} pixels" if pixels else str(exc))
        except UnidentifiedImageError:
            return ImageProbe(**base, problem="unidentified")
        except Exception as exc:  # noqa: BLE001 - any parser error means "cannot be read"
            return ImageProbe(**base, problem="corrupt", detail=_short(exc))
        return _decode(im, fh, base, budget)


def before_open(fh, fmt: str | None, budget: Budget) -> str | None:
    """Why merely opening the picture in ``fh`` (at its start) would cost more than ``budget``, or None."""
    if fmt == "gif":
        cost = gif_comment_bytes(fh)
        if cost > budget.decode_bytes:
            return (f"reading its comments takes {cost / MIB:,.0f} MiB, over the budget of {budget.decode_bytes / MIB:,.0f} MiB "
                    "(max-decode-bytes)")
    elif fmt == "jpeg":
        cost = jpeg_segment_bytes(fh, budget.decode_bytes)
        if cost > budget.decode_bytes:
            return (f"reading its metadata and comment segments takes over {budget.decode_bytes / MIB:,.0f} MiB, "
                    "the budget (max-decode-bytes)")
    return None


def over_budget(im, fh, budget: Budget, full: tuple[int, int]) -> str | None:
    """Why decoding the opened image ``im`` (of ``full`` size in the file) would cost more than
    ``budget`` allows, or None. Call after ``draft``: a JPEG decoded at a reduced scale allocates
    only that, but still decodes every scan over the whole picture."""
    if im.format == "JPEG":
        position = fh.tell()
        fh.seek(0)
        scans = jpeg_scans(fh)  # every FF DA pair: cheap, and never fewer than the picture's scans
        if scans * full[0] * full[1] > budget.jpeg_scan_pixels:
            fh.seek(0)  # pairs after the picture (a motion photo's clip, an MPO's second picture) are not decoded
            scans = jpeg_picture_scans(fh)
        fh.seek(position)
        if scans * full[0] * full[1] > budget.jpeg_scan_pixels:
            return (f"{scans:,} JPEG scans over {full[0]}x{full[1]} pixels, over the budget of "
                    f"{budget.jpeg_scan_pixels:,} scan pixels (max-jpeg-scan-pixels)")
    width, height = im.size
    raster = raster_bytes(width, height, im.mode)
    if raster > budget.decode_bytes:
        return (f"decoding it takes {raster / MIB:,.0f} MiB, over the budget of {budget.decode_bytes / MIB:,.0f} MiB "
                "(max-decode-bytes)")
    return None


def _decode(im, fh, base: dict, budget: Budget) -> ImageProbe:
    width, height = im.size
    turn = orientation(im)
    shown = (height, width) if turn >= 5 else (width, height)
    header = {**base, "width": shown[0], "height": shown[1], "mode": im.mode, "frames": _animation_frames(im),
              "orientation": turn}
    if width * height > _max_pixels():  # the guard, even if a host program turned Pillow's off
        return ImageProbe(**header, problem="huge", detail=f"{width * height:,} pixels")
    stored = im.mode
    try:
        im.draft("L", (DRAFT_SIDE, DRAFT_SIDE))  # JPEG: luma only, at 1/8 scale: every byte is still decoded
        reason = over_budget(im, fh, budget, (width, height))
        if reason:
            return ImageProbe(**header, problem="budget", detail=reason)
        im.load()
    except Exception as exc:  # noqa: BLE001 - decoder errors come as OSError, SyntaxError, ValueError...
        problem = "truncated" if "truncated" in str(exc) else "corrupt"
        return ImageProbe(**header, problem=problem, detail=_short(exc))
    from listing_lint.media.phash import fingerprint

    # the colour of a flat picture is read again only when the decode dropped it (a colour JPEG's luma
    # draft); a grey PNG, TIFF or WebP is its own colour. Asked of every flat grey picture, the second
    # decode was in RGB at full size: a 9000x9000 grey PNG (79 KB) took 521 MB, four times the priced raster
    colour = (lambda: _colour(fh, base["format"])) if im.mode != stored else None
    try:
        print_ = fingerprint(im, colour, TRANSPOSE[turn] if turn != 1 else None)  # turned a band at a time
    except Exception:  # noqa: BLE001 - an exotic mode Pillow cannot convert: no fingerprint, no guess
        print_ = None
    return ImageProbe(**header, fingerprint=print_, decoded=True)


def orientation(im) -> int:
    """The EXIF orientation (1-8) a viewer turns the opened picture ``im`` by, from the metadata
    Pillow parsed with the header, without decoding pixels. Browsers (CSS ``image-orientation:
    from-image``, the default since 2020) and phone galleries show the picture turned, so its
    size as shown is the one that counts. A PNG's eXIf chunk after the pixels is not read:
    ``getexif`` would decode the whole picture to find it. A broken EXIF block, or a value out of
    range or of another type, is orientation 1 (as browsers take it). Pillow reads only the first
    directory of at most 65,535 entries from the block it holds: bounded."""
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    try:
        value = im.getexif().get(EXIF_ORIENTATION, 1)  # under probe_image_stream's warning filter
    except Exception:  # noqa: BLE001 - any broken block: shown as stored
        return 1
    return value if type(value) is int and 1 <= value <= 8 else 1


def _animation_frames(im) -> int:
    """How many frames the picture shows in turn. An MPO (CIPA DC-007: a JPEG whose APP2 MP index
    lists more pictures after its end, as phones and 3D cameras write for a depth map, a stereo view
    or a large preview) is shown as its first picture by browsers and by Pillow; its other pictures
    are no animation, and MED006 told such phone photos they were "animated (2 frames)"."""
    if im.format == "MPO":
        return 1
    return getattr(im, "n_frames", 1)


def _colour(fh, fmt: str | None):
    """The picture in ``fh`` opened again, to be decoded in colour (``fmt``: its sniffed format)."""
    from PIL import Image

    fh.seek(0)
    im = Image.open(fh, formats=pillow_formats(fmt))
    im.draft("RGB", (DRAFT_SIDE, DRAFT_SIDE))
    return im


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]
