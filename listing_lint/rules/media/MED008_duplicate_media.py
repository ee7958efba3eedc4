"""MED008 duplicate-media — the same picture twice: byte-identical, or a re-encoded, resized, cropped or recoloured copy.

What it checks: every pair of images in ``media``: identical bytes, or perceptual fingerprints
(a 144-bit DCT hash of the picture as shown, its EXIF orientation applied, and of ten light
crops of it) within ``max-duplicate-distance`` bits. Two different photos of one product on one background are not duplicates; the threshold
was measured on such pairs, generated and real (the front and back views of catalogue garments;
docs/decisions.md). The fingerprint is grey: colour variants recoloured from one shot are reported
as the same picture. The same file listed once in the gallery and
once in the description is reuse, not a duplicate; listed twice in one placement, it is a duplicate, and
a file listed many times there is one finding, at its first repeat, that counts the entries.
Why: a copy wastes one of the 6 gallery slots or one of the 9 scene visuals the Premium
handbook asks for, and the marketplace treats a repeated main image as duplicate listing.
Fails:
    media/scene-05.jpg: copy of media/scene-01.jpg at 100%    (saved again)
Passes:
    media/scene-05.jpg: photo 800x800    (another photo)
"""

import hashlib

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.media import ImageProbe, probe
from listing_lint.media.phash import BITS
from listing_lint.rules.media._shared import file_key, item_file, limit

CODE, NAME, SEVERITY = "MED008", "duplicate-media", Severity.WARNING
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke
#: entries a repeated file's finding numbers; a listing that names one file 10,000 times gets one
#: finding that counts them, not 9,999 (session 16)
MAX_NUMBERED = 5


def check(bundle, ctx):
    most, severity = limit(ctx, "max-duplicate-distance")
    seen: list[tuple[object, str, object, ImageProbe]] = []  # (item, file key, file, probe)
    listed: dict[tuple[str, str], list] = {}  # (file key, placement) -> the entries that list the file there
    for item in bundle.media:
        if item.kind != "image":
            continue
        file = item_file(ctx, bundle, item)
        info = probe(ctx, file) if file is not None else None
        if not isinstance(info, ImageProbe) or info.problem or not info.decoded:
            continue
        key = file_key(bundle, item.file)
        entries = listed.setdefault((key, item.placement), [])
        entries.append(item)
        if len(entries) > 1:
            continue  # a repeat: one finding per file and placement, below, however many times it is listed
        match = _first_match(ctx, (item, key, file, info), seen, most)
        if match:
            yield ctx.finding(pointer("media", item.index, "file"), match, severity=severity)
        else:
            seen.append((item, key, file, info))
    for entries in listed.values():
        if len(entries) > 1:
            yield ctx.finding(pointer("media", entries[1].index, "file"), _repeated(entries), severity=severity)


def _repeated(entries: list) -> str:
    """The one finding of a file listed more than once in one placement, at its first repeat."""
    first, item = entries[0], entries[1]
    if len(entries) == 2:
        return f"{item.file} is listed twice in the {item.placement} (also media #{first.index + 1}): remove one"
    numbers = ", ".join(f"#{e.index + 1}" for e in entries[:MAX_NUMBERED])
    more = f" and {len(entries) - MAX_NUMBERED:,} more" if len(entries) > MAX_NUMBERED else ""
    return (f"{item.file} is listed {len(entries):,} times in the {item.placement} (media {numbers}{more}): "
            f"keep one and remove the other {len(entries) - 1:,}")


def _first_match(ctx, entry, seen, most: float) -> str | None:
    item, key, file, info = entry
    for other, other_key, other_file, other_info in seen:
        if key == other_key:
            continue  # the same file in the other placement: reuse, not a copy
        if info.size == other_info.size and _digest(ctx, file) == _digest(ctx, other_file):
            return f"{item.file} has the same bytes as {other.file}: replace one with a different photo"
        if info.fingerprint is None or other_info.fingerprint is None:
            continue
        distance = info.fingerprint.distance(other_info.fingerprint, within=most)
        if distance is not None and distance <= most:
            return (
                f"{item.file} is the same picture as {other.file} (perceptual distance {distance} of {BITS} bits; "
                f"copies measure up to {most:g}): replace it with a different photo"
            )
    return None


def _digest(ctx, file) -> str:
    """sha256 of a file, read only when another image has the very same size."""
    memo = ctx.cache.setdefault("media.sha256", {})
    if file.rel not in memo:
        memo[file.rel] = hashlib.sha256(file.read_bytes()).hexdigest()
    return memo[file.rel]
