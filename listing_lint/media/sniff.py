"""What a file really is, from its first bytes (magic numbers), and what its name promises."""

from __future__ import annotations

IMAGE_FORMATS = ("jpeg", "png", "webp", "gif", "bmp", "tiff", "heic", "avif")
VIDEO_FORMATS = ("mp4", "mov", "webm", "avi")

#: extension -> formats a file with that name may hold. MP4 and MOV are the same box
#: structure (ISO/IEC 14496-12 grew out of QuickTime) and players take either name.
BY_EXTENSION: dict[str, frozenset[str]] = {
    "jpg": frozenset({"jpeg"}),
    "jpeg": frozenset({"jpeg"}),
    "jpe": frozenset({"jpeg"}),
    "jfif": frozenset({"jpeg"}),
    "png": frozenset({"png"}),
    "webp": frozenset({"webp"}),
    "gif": frozenset({"gif"}),
    "bmp": frozenset({"bmp"}),
    "tif": frozenset({"tiff"}),
    "tiff": frozenset({"tiff"}),
    "heic": frozenset({"heic"}),
    "heif": frozenset({"heic"}),
    "avif": frozenset({"avif"}),
    "mp4": frozenset({"mp4", "mov"}),
    "m4v": frozenset({"mp4", "mov"}),
    "mov": frozenset({"mov", "mp4"}),
    "qt": frozenset({"mov", "mp4"}),
    "webm": frozenset({"webm"}),
    "mkv": frozenset({"webm"}),
    "avi": frozenset({"avi"}),
}

NAMES = {
    "jpeg": "JPEG", "png": "PNG", "webp": "WebP", "gif": "GIF", "bmp": "BMP", "tiff": "TIFF",
    "heic": "HEIC", "avif": "AVIF", "mp4": "MP4", "mov": "QuickTime MOV", "webm": "WebM/Matroska",
    "avi": "AVI", "pdf": "PDF", "html": "HTML", "zip": "ZIP",
}  # fmt: skip

_QUICKTIME_FIRST_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")


def sniff(head: bytes) -> str | None:
    """The format of a file from its first 32 bytes, or None when unknown."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "avi"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:2] == b"BM" and len(head) >= 14:
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if head[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return "zip"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "mov"
        if brand in (b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"hevc", b"hevx"):
            return "heic"
        if brand in (b"avif", b"avis"):
            return "avif"
        return "mp4"
    if head[4:8] in _QUICKTIME_FIRST_ATOMS:
        return "mov"
    if head.lstrip()[:1] == b"<":
        return "html"
    return None


def extension(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base else ""


def kind_of(fmt: str | None) -> str | None:
    """``image``, ``video``, or None for anything else."""
    if fmt in IMAGE_FORMATS:
        return "image"
    if fmt in VIDEO_FORMATS:
        return "video"
    return None


def display(fmt: str | None) -> str:
    return NAMES.get(fmt or "", "an unknown format")
