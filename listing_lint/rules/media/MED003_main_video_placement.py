"""MED003 main-video-placement — the main video has no poster or is not first in the gallery.

What it checks: the main video (kind ``video``, role ``cover``) names a ``poster`` image and is
the first item of the gallery (items whose placement is ``gallery``, the default). A poster the
schema rejects (``"poster": 3``, or a picture under an unknown field: ``"thumbnail": "media/still.jpg"``)
is SCH002's alone.
Why: without a poster the marketplace shows a black or arbitrary first frame; a main video that
is not first is not the cover video the Premium handbook asks for.
Fails:
    media/poster.jpg removed
    listing.json /media/0/poster removed

    listing.json /media/0/placement = "description"
Passes:
    listing.json /media/0/poster = "media/poster.jpg"
"""

from listing_lint.api import Severity
from listing_lint.rules.media._shared import is_main_video

CODE, NAME, SEVERITY = "MED003", "main-video-placement", Severity.WARNING


IMAGES = (".jpg", ".jpeg", ".png", ".webp")


def _poster_rejected(bundle, video) -> bool:
    """Whether the schema rejects the video's poster (``"poster": 3``, ``"postr"``) or a field of the
    entry that names a picture (``"thumbnail": "media/still.jpg"``): SCH002's, and probably the poster."""
    if bundle.schema_rejects(video.pointer + "/poster"):
        return True
    entry = bundle.get(video.pointer)
    return isinstance(entry, dict) and any(
        isinstance(value, str) and value.lower().endswith(IMAGES) and bundle.schema_rejects_itself(f"{video.pointer}/{key}")
        for key, value in entry.items()
        if isinstance(key, str) and "/" not in key and "~" not in key
    )


def check(bundle, ctx):
    video = next((item for item in bundle.media if is_main_video(item)), None)
    if video is None:
        return  # MED002
    if not video.poster and not _poster_rejected(bundle, video):
        yield ctx.finding(video.pointer, f"main video {video.file} has no poster image: add \"poster\" with a still of the product")
    if video.placement != "gallery":
        yield ctx.finding(video.pointer, f"main video {video.file} is placed in the {video.placement}; put it first in the gallery")
        return
    first = next((item for item in bundle.media if item.placement == "gallery"), None)
    if first is not None and first.index != video.index:
        yield ctx.finding(
            video.pointer,
            f"main video {video.file} is not the first gallery item ({first.file} is); move it to the top of \"media\"",
        )
