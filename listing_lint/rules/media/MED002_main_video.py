"""MED002 main-video — the listing has no main video.

What it checks: one media item must be a ``video`` with role ``cover`` (the video shown on the
cover of the listing).
A single-file bundle with an empty ``media`` list (the inline-only shape the format defines) is
skipped: it holds no media files by design. So is a listing where the schema rejects a media
item's ``kind``, ``role`` or ``file`` (``"kind": "vidoe"``): SCH002 reports that, and fixing it may
make the item the main video.
Why: the Premium handbook counts the main video as one of the required scene visuals and the
marketplace plays it first; a listing without it loses the cover video slot.
Fails:
    listing.json /media/0/role = "scene"    (the only video is no longer the cover)
Passes:
    listing.json /media/0/role = "cover"
"""

from listing_lint.api import Severity
from listing_lint.rules.media._shared import is_main_video, media_free_single_file

CODE, NAME, SEVERITY = "MED002", "main-video", Severity.ERROR
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def check(bundle, ctx):
    media = bundle.get("/media")
    if not isinstance(media, list):
        return
    fields = ("file", "kind", "role")
    if any(bundle.schema_rejects(f"/media/{i}/{field}") for i in range(len(media)) for field in fields):
        return  # SCH002 reports an item's file, kind or role ("vidoe", "Cover"): fixing it may make it the main video
    if media_free_single_file(bundle):
        return
    if any(is_main_video(item) for item in bundle.media):
        return
    videos = [item for item in bundle.media if item.kind == "video"]
    hint = (
        f"; {videos[0].file} is a video with role {videos[0].role!r}: make it role \"cover\""
        if videos
        else ': add {"kind": "video", "role": "cover", "file": ..., "poster": ...}'
    )
    yield ctx.finding("/media", "no main video (a media item of kind video with role cover)" + hint)
