"""MED006 media-format-size — a media file is too large, or in a format or form the marketplace does not take.

What it checks: the real format (from the file's first bytes) against the marketplace's formats
(AliExpress: images JPEG, PNG, WebP; video MP4, MOV; configured, not published), file size
against ``max-image-bytes`` (5 MB) and ``max-video-bytes`` (100 MB), both configured; and two
forms of a taken format that listings should avoid: CMYK JPEGs (browsers and image converters
show their colours unreliably) and animated images (the gallery shows one frame).
Why: an upload that is refused or silently converted shows the buyer something else.
Fails:
    media/scene-04.jpg: cmyk photo
Passes:
    media/scene-04.jpg: photo 1000x1000
"""

from listing_lint.api import Severity
from listing_lint.media import ImageProbe, VideoProbe, probe
from listing_lint.media.sniff import BY_EXTENSION, display, extension, kind_of
from listing_lint.rules.media._shared import files, limit, market, mb

CODE, NAME, SEVERITY = "MED006", "media-format-size", Severity.WARNING
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke


def check(bundle, ctx):
    formats = {"image": market(ctx).get("image_formats") or [], "video": market(ctx).get("video_formats") or []}
    for at, file in files(ctx, bundle):
        info = probe(ctx, file)
        kind = kind_of(info.format)
        if kind is None or info.problem in ("empty", "corrupt", "unparsed"):
            continue  # MED005 reports it
        ref = bundle.get(at)
        if extension(ref) in BY_EXTENSION and info.format not in BY_EXTENSION[extension(ref)]:
            continue  # an AVIF named .jpg: MED005 names the real format and what to convert it to, once
        not_taken = formats[kind] and info.format not in formats[kind]
        if info.problem == "unidentified" and not (not_taken and info.format in BY_EXTENSION.get(extension(ref), ())):
            continue  # a JPEG no decoder reads, or a HEIC named .jpg: MED005 reports it
        if not_taken:  # an iPhone's HEIC too, which no decoder here reads: it is a picture, in another format
            taken = ", ".join(display(f) for f in formats[kind])
            yield ctx.finding(at, f"{ref} is {display(info.format)}; the marketplace takes {taken}: convert it")
            continue
        key = "max-image-bytes" if kind == "image" else "max-video-bytes"
        most, severity = limit(ctx, key)
        if info.size > most:
            yield ctx.finding(at, f"{ref} is {mb(info.size)}, over the {mb(most)} limit: compress it", severity=severity)
        if isinstance(info, ImageProbe):
            yield from _image_form(ctx, at, ref, info)


def _image_form(ctx, at, ref, info: ImageProbe):
    if info.mode == "CMYK":
        yield ctx.finding(at, f"{ref} is a CMYK {display(info.format)}; browsers show CMYK colours unreliably: save it as sRGB")
    if info.frames > 1:
        yield ctx.finding(
            at, f"{ref} is animated ({info.frames} frames); the gallery shows a still picture: use a video for motion"
        )
