"""MED005 broken-media — a media file is not what its name says, cannot be decoded, or is cut short.

What it checks: every image and video listing.json names (media, posters, experiment variants):
the real format from the first bytes against the file name and the declared ``kind``; images
are decoded with Pillow (its decompression-bomb guard on: a picture of more pixels than Pillow
allows is reported, never decoded); MP4/MOV boxes are read with hachoir: a box running past the
end of the file, a missing ``moov`` box, or no video track at all. A file whose decode would cost
more than the decode budget (``max-decode-bytes``, ``max-jpeg-scan-pixels``, ``max-media-boxes``,
``max-decode-seconds``) is not decoded, and is a warning that says which budget it broke.
Why: the marketplace rejects such files at upload, or shows a broken picture.
Fails:
    media/cover.jpg: png bytes

    media/scene-03.jpg: truncated photo
Passes:
    media/cover.jpg removed
    media/cover.png: photo 800x800
    listing.json /media/1/file = "media/cover.png"
"""

from listing_lint.api import Severity
from listing_lint.media import ImageProbe, VideoProbe, probe
from listing_lint.media.sniff import BY_EXTENSION, display, extension, kind_of
from listing_lint.rules.media._shared import files

CODE, NAME, SEVERITY = "MED005", "broken-media", Severity.ERROR
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke

PROBLEMS = {
    "empty": "is empty (0 bytes)",
    "unidentified": "is not an image any decoder here recognises",
    "bomb": "declares {detail}, over Pillow's decompression-bomb limit; it was not decoded",
    "huge": "declares {detail}, more than Pillow decodes safely; it was not decoded",
    "truncated": "is truncated ({detail})",
    "corrupt": "cannot be decoded ({detail})",
    "unparsed": "cannot be parsed as MP4/MOV ({detail})",
    "no-video": "has no video track (tracks: {detail}): it is sound only",
    "budget": "was not decoded: {detail}",
    "timeout": "was not checked: {detail}",
}
#: not proof the file is broken, only that checking it costs more than the budget allows
UNCHECKED = ("huge", "budget", "timeout")


def check(bundle, ctx):
    for at, file in files(ctx, bundle):
        info = probe(ctx, file)
        message = _problem(bundle.get(at), file.rel, info, _declared_kind(bundle, at))
        if message:
            severity = Severity.WARNING if info.problem in UNCHECKED else None
            yield ctx.finding(at, message, severity=severity)


def _declared_kind(bundle, at: str) -> str | None:
    if at.endswith("/poster"):
        return "image"
    if at.startswith("/media/"):
        kind = bundle.get(at.rsplit("/", 1)[0] + "/kind")
        return kind if kind in ("image", "video") else None
    return None


def _problem(ref: str, rel: str, info, declared: str | None) -> str | None:
    fmt, ext = info.format, extension(rel)
    if info.problem == "empty":
        return f"{ref} is empty (0 bytes): export the file again"
    if fmt and ext in BY_EXTENSION and fmt not in BY_EXTENSION[ext] and kind_of(fmt):
        return f"{ref} is {display(fmt)} data named .{ext}: rename it to .{_ext_for(fmt)} or convert it"
    actual = kind_of(fmt)
    if declared and actual and declared != actual:
        return f"{ref} is declared kind {declared!r} but is {display(fmt)} ({actual}): fix \"kind\" or the file"
    if fmt and not actual:
        return f"{ref} is {display(fmt)}, not an image or a video"
    if fmt is None and declared == "video":
        return f"{ref} is not an MP4 or MOV video (its first bytes match no known format): export it again"
    if info.problem:
        detail = info.detail
        if info.problem == "no-video":
            detail = ", ".join(info.tracks) or "none"
        reason = PROBLEMS[info.problem].format(detail=detail)
        if info.problem in ("budget", "timeout"):
            return f"{ref} {reason}; export it smaller, or raise the budget in [thresholds] if such files are expected"
        return f"{ref} {reason}: export it again from the original"
    return None


def _ext_for(fmt: str) -> str:
    return {"jpeg": "jpg", "tiff": "tif", "webm": "webm", "mov": "mov"}.get(fmt, fmt)


def prepare(config):
    """Before worker processes fork: import the probing libraries once, to share them (parallel.py)."""
    from listing_lint.media import preload

    preload()
