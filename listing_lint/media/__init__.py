"""Image and video probing for the MED rules.

``probe(ctx, file)`` reads a file once per bundle run, whatever number of rules ask: results
are memoised in ``ctx.cache`` (shared by all rules of a bundle). Which probe runs is decided by
the file's magic bytes, not its name or the declared ``kind``, so a video named ``.jpg`` is still
described correctly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from listing_lint.media.image import ImageProbe
from listing_lint.media.sniff import VIDEO_FORMATS, sniff
from listing_lint.media.video import VideoProbe

if TYPE_CHECKING:
    from listing_lint.bundle.files import SourceFile

__all__ = ["ImageProbe", "VideoProbe", "Probe", "probe"]

Probe = Union[ImageProbe, VideoProbe]
CACHE_KEY = "media.probe"


def probe(ctx, file: SourceFile) -> Probe:
    """The probe of ``file``, computed once per bundle."""
    memo = ctx.cache.setdefault(CACHE_KEY, {})
    if file.rel not in memo:
        memo[file.rel] = _probe(file, ctx.config.get("max-media-bytes"))
    return memo[file.rel]


def _probe(file: SourceFile, max_bytes: int) -> Probe:
    from listing_lint.media.image import probe_image
    from listing_lint.media.video import probe_video

    if file.size and sniff(file.read_bytes(32)) in VIDEO_FORMATS:
        return probe_video(file)
    return probe_image(file, max_bytes)
