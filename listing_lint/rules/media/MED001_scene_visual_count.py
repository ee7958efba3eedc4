"""MED001 scene-visual-count — fewer scene visuals than a premium listing needs.

What it checks: the distinct files of the media with role ``cover`` or ``scene``, in the
gallery or in the description, the main video counting as one. Fewer than
``min-scene-media`` (9) is an error. The same file listed twice counts once.
A single-file bundle with an empty ``media`` list (the inline-only shape the format defines) is
skipped: it holds no media files by design.
Why: the Premium handbook asks for at least 9 professional scene visuals including the main
video; listings with fewer are not admitted to the programme's traffic.
Fails:
    listing.json /media/8/role = "detail"    (8 scene visuals left; 9 needed)
Passes:
    listing.json /media/8/role = "scene"
"""

from listing_lint.api import Severity
from listing_lint.rules.media._shared import SCENE_ROLES, file_key, limit, media_free_single_file

CODE, NAME, SEVERITY = "MED001", "scene-visual-count", Severity.ERROR
SOURCE = "AliExpress premium-model seller handbook V3.2 (April 2024)"


def check(bundle, ctx):
    if not isinstance(bundle.get("/media"), list):
        return  # missing or mistyped: the schema rule says so
    if any(bundle.schema_rejects(f"/media/{i}/{field}") for i in range(len(bundle.get("/media"))) for field in ("file", "kind", "role")):
        return  # SCH002 reports an item's file, kind or role: fixing it may make it a scene visual
    if media_free_single_file(bundle):
        return
    need, severity = limit(ctx, "min-scene-media")
    scenes = {file_key(bundle, item.file) for item in bundle.media if item.role in SCENE_ROLES}
    if len(scenes) < need:
        missing = int(need) - len(scenes)
        yield ctx.finding(
            "/media",
            f"{len(scenes)} scene visual{'s' if len(scenes) != 1 else ''} (media with role cover or scene, the main "
            f"video counting as one); a premium listing needs at least {need:g}: add {missing} more scene "
            f"photo{'s' if missing != 1 else ''} or video{'s' if missing != 1 else ''}",
            severity=severity,
        )
