"""Image and video probing for the MED rules.

``probe(ctx, file)`` reads a file once per bundle run, whatever number of rules ask: results
are memoised in ``ctx.cache`` (shared by all rules of a bundle). Which probe runs is decided by
the file's magic bytes, not its name or the declared ``kind``, so a video named ``.jpg`` is still
described correctly.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import TYPE_CHECKING, Union

from listing_lint import memo
from listing_lint.media.image import PILLOW_DEFAULT_MAX_PIXELS, ImageProbe
from listing_lint.media.sniff import VIDEO_FORMATS, sniff
from listing_lint.media.video import VideoProbe

if TYPE_CHECKING:
    from listing_lint.bundle.files import SourceFile

__all__ = ["ImageProbe", "VideoProbe", "Probe", "probe"]

Probe = Union[ImageProbe, VideoProbe]
CACHE_KEY = "media.probe"


def preload() -> None:
    """Import the probing libraries now (a rule's ``prepare`` calls this before workers fork, so
    their code and data pages are shared, not imported again by each worker)."""
    import numpy  # noqa: F401 - the perceptual hash
    from hachoir.parser import guessParser  # noqa: F401
    from PIL import Image

    Image.init()  # registers every format plugin


def probe(ctx, file: SourceFile) -> Probe:
    """The probe of ``file``, computed once per bundle."""
    memo = ctx.cache.setdefault(CACHE_KEY, {})
    if file.rel not in memo:
        memo[file.rel] = _probe(file, ctx.config.get("max-media-bytes"))
    return memo[file.rel]


def _probe(file: SourceFile, max_bytes: int) -> Probe:
    if not file.size or not file.is_regular:
        return _probe_now(file, max_bytes, None)
    fmt = sniff(file.read_bytes(32))
    video = fmt in VIDEO_FORMATS
    if not video and file.size > max_bytes:
        return _probe_now(file, max_bytes, fmt)  # over the cap: never read, so nothing to keep
    # an image is read whole to be probed, so hashing it costs little; a video is probed from a few
    # kilobytes of boxes and is not read whole just to key its answer (the result cache may know its hash)
    digest = memo.file_digest(file.path, read=not video)
    if digest is None:
        return _probe_now(file, max_bytes, fmt)
    ns = f"media-probe:{_pixel_limit()}:" + memo.code_version("listing_lint.media", dists=("pillow", "hachoir", "numpy"))
    stored = memo.get(ns, digest)
    if stored is not None:
        return from_json(stored)
    probe = _probe_now(file, max_bytes, fmt)
    memo.put(ns, digest, to_json(probe))
    return probe


def _pixel_limit() -> int:
    """Pillow's decompression-bomb limit in force (it decides "bomb" answers): a host program may
    change it, but only after importing Pillow, so an unimported Pillow still has its default."""
    image = sys.modules.get("PIL.Image")
    if image is None:
        return PILLOW_DEFAULT_MAX_PIXELS
    return image.MAX_IMAGE_PIXELS or PILLOW_DEFAULT_MAX_PIXELS


def _probe_now(file: SourceFile, max_bytes: int, fmt: str | None) -> Probe:
    from listing_lint.media.image import probe_image
    from listing_lint.media.video import probe_video

    if file.size and (fmt or sniff(file.read_bytes(32))) in VIDEO_FORMATS:
        return probe_video(file)
    return probe_image(file, max_bytes)


def to_json(probe: Probe) -> str:
    return json.dumps({"type": type(probe).__name__, **dataclasses.asdict(probe)}, separators=(",", ":"))


def from_json(text: str) -> Probe:
    from listing_lint.media.phash import Fingerprint

    fields = json.loads(text)
    if fields.pop("type") == "VideoProbe":
        return VideoProbe(**{**fields, "tracks": tuple(fields["tracks"])})
    fp = fields.get("fingerprint")
    if fp is not None:
        fields["fingerprint"] = Fingerprint(hashes=tuple(fp["hashes"]), flat=fp["flat"], color=tuple(fp["color"]))
    return ImageProbe(**fields)
