"""Probe a video file's container: duration, display size, codec, whether it has a video track.

MP4 and MOV share the ISO base media box structure. The few boxes needed are read with ``struct``
(``boxes.py``), following only the path to each field, so a 100 MB video costs a few kilobytes of
reads: ``moov/mvhd`` (duration), each ``trak``'s ``tkhd`` (ID, size, rotation), ``mdia/mdhd`` (its
clock), ``mdia/hdlr`` (the handler: no ``vide``, no video), ``mdia/minf/stbl/stsd`` (the codec), and
every top-level box's end against the file size (truncation). A fragmented file's running time is
in its ``moof`` boxes: ``fragments.py``, within the same box budget. This replaced hachoir, which
cost 2-5 ms a video for the same answers (docs/decisions.md, session 15). Nothing here runs an
external binary.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

from listing_lint.media.boxes import BoxError, BoxReader, TooManyBoxes, name
from listing_lint.media.budget import DEFAULT, Budget
from listing_lint.media.fragments import Unknown, fragmented_duration
from listing_lint.media.sniff import sniff

if TYPE_CHECKING:
    from listing_lint.bundle.files import SourceFile

ISO_FORMATS = ("mp4", "mov")


@dataclass(frozen=True)
class VideoProbe:
    format: str | None  # from the magic bytes
    size: int
    duration: float | None = None  # seconds
    width: int | None = None  # as displayed (rotation applied)
    height: int | None = None
    codec: str | None = None  # sample-entry four-cc of the first video track: avc1, hvc1, mp4v...
    tracks: tuple[str, ...] = ()  # handler types in order: vide, soun, ...
    problem: str | None = None  # empty | unparsed | truncated | no-video | budget | timeout
    detail: str = ""
    why_no_duration: str = ""  # why ``duration`` is None in a file that parsed (a fragmented one past its bounds)

    @property
    def has_video(self) -> bool:
        return "vide" in self.tracks


def probe_video(file: SourceFile, budget: Budget = DEFAULT) -> VideoProbe:
    size = file.size
    if size == 0:
        return VideoProbe(format=None, size=0, problem="empty")
    fmt = sniff(file.read_bytes(32))
    if fmt not in ISO_FORMATS:
        return VideoProbe(format=fmt, size=size)  # not ours to parse; MED005/MED006 say what it is
    held = file.held()
    if held is not None and len(held) == size:  # the bytes the result cache hashed: parsed from memory, the file not opened again
        return _probe_iso(io.BytesIO(held), fmt, size, budget)
    try:
        with open(file.path, "rb") as fh:  # a SourceFile path: already resolved inside the bundle
            return _probe_iso(fh, fmt, size, budget)
    except OSError as exc:
        return VideoProbe(format=fmt, size=size, problem="unparsed", detail=exc.strerror or str(exc))


def _probe_iso(fh, fmt: str, size: int, budget: Budget) -> VideoProbe:
    reader = BoxReader(fh, budget.boxes)
    try:
        return _read_boxes(reader, fmt, size)
    except TooManyBoxes:
        return VideoProbe(format=fmt, size=size, problem="budget",
                          detail=f"more than {budget.boxes:,} boxes, over the budget (max-media-boxes)")
    except BoxError as exc:
        return VideoProbe(format=fmt, size=size, problem="unparsed", detail=str(exc))


def _read_boxes(r: BoxReader, fmt: str, size: int) -> VideoProbe:
    moov, moofs, at = None, [], 0
    while at + 8 <= size:  # fewer than 8 bytes left are no box (FFmpeg: mov_read_default)
        kind, body, end = r.header(at, size)
        if end > size:
            return VideoProbe(format=fmt, size=size, problem="truncated",
                              detail=f"box '{name(kind)}' ends at byte {end:,}; the file has {size:,}")
        if kind == b"moov":
            moov = (body, end) if end > body else None
        elif kind == b"moof":
            moofs.append((body, end))
        at = end
    if moov is None:
        return VideoProbe(format=fmt, size=size, problem="truncated", detail="no 'moov' box: the recording was never finished")
    duration, scale = None, 0
    header = r.child(*moov, b"mvhd", clamp=True)
    if header is not None and header[1] > header[0]:
        version, at = _full_box(r, header, "mvhd")
        scale = r.number(at + (16 if version else 8), False, header[1])
        if scale:
            duration = r.number(at + (20 if version else 12), version == 1, header[1]) / scale
    tracks, video, clocks = [], None, {}
    for kind, body, end in r.boxes(*moov, clamp=True):
        if kind != b"trak":
            continue
        track = (body, end)
        handler = r.path(track, b"mdia", b"hdlr")
        subtype = _handler(r, handler) if handler is not None and handler[1] > handler[0] else ""
        tracks.append(subtype)
        tkhd = r.path(track, b"tkhd")  # found and read once: its ID for the clocks, its matrix and size for the display
        fields = _clock(r, track, tkhd, clocks)
        if subtype == "vide" and video is None:
            video = (track, tkhd, fields)
    found = {"format": fmt, "size": size, "tracks": tuple(tracks)}
    if not scale:  # no movie header, or one whose timescale is 0
        duration = _tracks_duration(clocks)
    if video is not None:
        track, tkhd, fields = video
        width, height = _display_size(r, tkhd, fields)
        found.update(width=width, height=height, codec=_codec(r, track))
    try:
        whole = fragmented_duration(r.fh, moov, moofs, clocks, scale, r.boxes_left)
    except Unknown as exc:
        found.update(duration=None, why_no_duration=f"it is fragmented and {exc}")
    else:
        found["duration"] = duration if whole is None else max(duration or 0, whole)
        if found["duration"] is None and not scale:
            found["why_no_duration"] = "neither its movie header nor any track gives a timescale"
    return VideoProbe(**found, problem=None if video is not None else "no-video")


def _tracks_duration(clocks: dict[int, tuple[int, int]]) -> float | None:
    """Seconds of the longest track by its own clock (``mdhd``), for a movie without a header or whose
    header's timescale is 0 (no length can be told from it): the tracks are what plays. FFmpeg logs
    "Invalid mvhd time scale" and reads on (``mov_read_mvhd``); a file edited so was silently of
    unknown length, and MED007 quiet."""
    seconds = [length / timescale for timescale, length in clocks.values() if timescale]
    return max(seconds, default=None)


def _full_box(r: BoxReader, box: tuple[int, int], kind: str) -> tuple[int, int]:
    """The version (0 or 1: 32- or 64-bit times, ISO/IEC 14496-12 §8.2.2, §8.3.2, §8.4.2) of the
    ``mvhd``, ``tkhd`` or ``mdhd`` ``box``, and where its fields start; another version is unreadable."""
    version, _, at = r.full_box(*box, 0)
    if version not in (0, 1):
        raise BoxError(f"box '{kind}' at byte {box[0] - 8:,} is of version {version}, which no reader knows")
    return version, at


def _handler(r: BoxReader, hdlr: tuple[int, int]) -> str:
    """The handler type of ``hdlr``: ``vide``, ``soun``, ... (after version, flags and pre_defined)."""
    _, _, at = r.full_box(*hdlr, 8)
    return r.read(at + 4, 4).decode("latin-1")


def _clock(r: BoxReader, track: tuple[int, int], tkhd: tuple[int, int] | None,
           clocks: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """Adds the track's ID -> (timescale, duration in ``moov``) from ``tkhd`` and ``mdhd`` (for its fragments);
    returns the ``tkhd``'s version and fields start if it read them, for ``_display_size``."""
    mdhd = r.path(track, b"mdia", b"mdhd")
    if tkhd is None or mdhd is None or tkhd[1] == tkhd[0] or mdhd[1] == mdhd[0]:
        return None
    fields = version, at = _full_box(r, tkhd, "tkhd")
    track_id = r.number(at + (16 if version else 8), False, tkhd[1])
    version, at = _full_box(r, mdhd, "mdhd")
    timescale = r.number(at + (16 if version else 8), False, mdhd[1])
    length = r.number(at + (20 if version else 12), version == 1, mdhd[1])
    clocks[track_id] = (timescale, length)
    return fields


#: in a tkhd after version and flags: the transformation matrix's a and b, and the width, for each version
_MATRIX = {0: 36, 1: 48}


def _display_size(r: BoxReader, tkhd: tuple[int, int] | None, fields: tuple[int, int] | None) -> tuple[int | None, int | None]:
    """The ``tkhd``'s display size, rotation applied; ``fields``: its version and fields start, if ``_clock`` read them."""
    if tkhd is None or tkhd[1] == tkhd[0]:
        return None, None
    version, at = fields or _full_box(r, tkhd, "tkhd")
    matrix = at + _MATRIX[version]
    r.fits(matrix, 44, tkhd[1])
    a, b = struct.unpack(">II", r.read(matrix, 8))
    width, height = struct.unpack(">II", r.read(matrix + 36, 8))
    width, height = width >> 16, height >> 16  # 16.16 fixed point: the whole pixels
    # a transformation matrix with a zero "a" term turns the picture by 90 or 270 degrees
    # (phones record portrait video as landscape plus this matrix)
    if a == 0 and b != 0:
        width, height = height, width
    return width or None, height or None


def _codec(r: BoxReader, track: tuple[int, int]) -> str | None:
    """The four-cc of the first sample entry of the track's ``stsd``: avc1, hvc1, mp4v..."""
    stsd = r.path(track, b"mdia", b"minf", b"stbl", b"stsd")
    if stsd is None or stsd[1] == stsd[0]:
        return None
    _, _, at = r.full_box(*stsd, 4)
    if not r.number(at, False, stsd[1]):
        return None
    r.fits(at + 4, 8, stsd[1])
    return r.read(at + 8, 4).decode("latin-1")
