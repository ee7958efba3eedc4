"""MED005 broken-media — a media file or document is not what its name says, cannot be decoded, or is cut short.

What it checks: every image and video listing.json names (media, posters, experiment variants):
the real format from the first bytes against the file name and the declared ``kind``; images
are decoded with Pillow (its decompression-bomb guard on: a picture of more pixels than Pillow
allows is reported, never decoded); MP4/MOV boxes are read one by one: a box running past the
end of the file or shorter than its own header, a missing ``moov`` box, or no video track at all. A file whose decode would cost
more than the decode budget (``max-decode-bytes``, ``max-jpeg-scan-pixels``, ``max-media-boxes``,
``max-decode-seconds``) is not decoded, and is a warning that says which budget it broke.
Documents (certificate, trademark and authorization files) must be a PDF or a scanned picture:
an empty file, another format (a Word file, a web page) or a picture that does not decode is
reported here; what a readable PDF says is CMP013's.
Why: the marketplace rejects such files at upload, or shows a broken picture; a certificate
that opens to nothing is no evidence at all.
Fails:
    media/cover.jpg: png bytes

    media/scene-03.jpg: truncated photo

    certs/ce.pdf: empty file
Passes:
    media/cover.jpg removed
    media/cover.png: photo 800x800
    listing.json /media/1/file = "media/cover.png"

    certs/ce.pdf: scanned pdf
"""

from listing_lint.api import Severity
from listing_lint.media import ImageProbe, VideoProbe, probe
from listing_lint.media.sniff import BY_EXTENSION, IMAGE_FORMATS, display, extension, kind_of, sniff
from listing_lint.rules.media._shared import files, market
from listing_lint.standards.pdftext import reads_as_pdf

CODE, NAME, SEVERITY = "MED005", "broken-media", Severity.ERROR
#: listing.json references that name a document: a PDF, or a scan as a picture
DOCUMENT_REFS = ("certificate", "trademark", "authorization")
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke

PROBLEMS = {
    "empty": "is empty (0 bytes)",
    "unidentified": "is not an image any decoder here recognises",
    "bomb": "declares {detail}, over Pillow's decompression-bomb limit; it was not decoded",
    "huge": "declares {detail}, more than Pillow decodes safely; it was not decoded",
    "truncated": "is truncated ({detail})",
    "corrupt": "cannot be decoded ({detail})",
    "unparsed": "cannot be parsed as MP4/MOV ({detail})",
    "no-video": "has no video track (tracks: {detail})",
    "budget": "was not decoded: {detail}",
    "timeout": "was not checked: {detail}",
}
#: not proof the file is broken, only that checking it costs more than the budget allows
UNCHECKED = ("huge", "budget", "timeout")


def check(bundle, ctx):
    taken = market(ctx).get("image_formats") or []
    for at, file in files(ctx, bundle):
        info = probe(ctx, file)
        if (info.problem == "unidentified" and taken and info.format in IMAGE_FORMATS and info.format not in taken
                and info.format in BY_EXTENSION.get(extension(file.rel), ())):
            continue  # a HEIC named .heic that no decoder here reads is no broken file: MED006 says to convert it
        message = _problem(bundle.get(at), file.rel, info, _declared_kind(bundle, at), taken)
        if message:
            severity = Severity.WARNING if info.problem in UNCHECKED else None
            yield ctx.finding(at, message, severity=severity)
    for at, file in files(ctx, bundle, DOCUMENT_REFS):
        message, info = _document_problem(ctx, bundle.get(at), file)
        if message:
            severity = Severity.WARNING if info is not None and info.problem in UNCHECKED else None
            yield ctx.finding(at, message, severity=severity)


def _document_problem(ctx, ref: str, file) -> tuple[str | None, object]:
    """What is wrong with a document file (a PDF or a scanned picture), and the picture's probe if it is one."""
    if not file.is_regular:
        return None, None
    if file.size == 0:
        return f"{ref} is empty (0 bytes): scan or export the document again", None
    head = file.read_bytes(1024)
    fmt, ext = sniff(head[:32]), extension(file.rel)
    if reads_as_pdf(head, file.rel):
        if ext in BY_EXTENSION:
            return f"{ref} is PDF data named .{ext}: rename it to .pdf", None
        return None, None
    if kind_of(fmt) == "image":
        if ext == "pdf":
            return f"{ref} is {display(fmt)} data named .pdf: rename it to .{_ext_for(fmt)} or export a PDF", None
        info = probe(ctx, file)
        return _problem(ref, file.rel, info, "image"), info
    if fmt is None:
        return f"{ref} is not a PDF or a scanned picture (its first bytes match no known format): attach the document itself", None
    return f"{ref} is {display(fmt)}, not a PDF or a scanned picture: attach the document itself", None


def _declared_kind(bundle, at: str) -> str | None:
    if at.endswith("/poster"):
        return "image"
    if at.startswith("/media/"):
        kind = bundle.get(at.rsplit("/", 1)[0] + "/kind")
        return kind if kind in ("image", "video") else None
    return None


def _problem(ref: str, rel: str, info, declared: str | None, taken=()) -> str | None:
    fmt, ext = info.format, extension(rel)
    if info.problem == "empty":
        return f"{ref} is empty (0 bytes): export the file again"
    if fmt and ext in BY_EXTENSION and fmt not in BY_EXTENSION[ext] and kind_of(fmt):
        if kind_of(fmt) == "image" and taken and fmt not in taken:  # renamed, it would still be refused
            formats = ", ".join(display(f) for f in taken)
            return f"{ref} is {display(fmt)} data named .{ext}; the marketplace takes {formats}: convert it"
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
        if info.problem == "no-video":
            reason += _what_plays(info.tracks)
        if info.problem in ("budget", "timeout"):
            budget = "rule-timeout" if "rule-timeout" in detail else "the budget in [thresholds]"
            return f"{ref} {reason}; export it smaller, or raise {budget} if such files are expected"
        return f"{ref} {reason}: export it again from the original"
    return None


def _what_plays(tracks: tuple[str, ...]) -> str:
    """What a video without a video track holds, said only when it is known: sound alone, or nothing."""
    if not tracks:
        return ": nothing in it plays"
    if all(track == "soun" for track in tracks):
        return ": it is sound only"
    return ""


def _ext_for(fmt: str) -> str:
    return {"jpeg": "jpg", "tiff": "tif", "webm": "webm", "mov": "mov"}.get(fmt, fmt)


def prepare(config):
    """Before worker processes fork: import the probing libraries once, to share them (parallel.py)."""
    from listing_lint.media import preload

    preload()
