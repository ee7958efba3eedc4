"""The video probe as hachoir read it (sessions 4-14): a test oracle for ``listing_lint.media.video``.

``video.py`` reads the boxes with ``struct`` since session 15; this is the hachoir walk it
replaced, kept verbatim but for its name, so tests can check the two give the same ``VideoProbe``
on every real MP4 and MOV (tests/test_video_oracle.py, bench/video_probe_compare.py).
"""

from __future__ import annotations

from typing import Iterator

from listing_lint.media.budget import DEFAULT, Budget, OverBudget
from listing_lint.media.fragments import Unknown, fragmented_duration
from listing_lint.media.video import VideoProbe


def hachoir_probe(fh, fmt: str, size: int, budget: Budget = DEFAULT) -> VideoProbe:
    from hachoir.core import config as hachoir_config
    from hachoir.parser import guessParser
    from hachoir.stream import InputIOStream

    hachoir_config.quiet = True  # hachoir logs parse warnings to stderr; we report, not print
    try:
        parser = guessParser(InputIOStream(fh, source="media", tags=[("id", "mov")]))
        if parser is None:
            return VideoProbe(format=fmt, size=size, problem="unparsed", detail="no MP4/MOV box structure")
        return _read_boxes(_Walk(parser, budget.boxes), fmt, size, fh)
    except OverBudget as exc:
        return VideoProbe(format=fmt, size=size, problem="budget", detail=str(exc))
    except Exception as exc:  # noqa: BLE001 - hachoir raises many kinds on malformed input
        detail = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        return VideoProbe(format=fmt, size=size, problem="unparsed", detail=detail)


class _Walk:
    """Lists the boxes of one parse, counting them: hachoir keeps every field it has read, so
    listing 3 million empty boxes took 2 GB; past the budget the walk stops (OverBudget)."""

    def __init__(self, parser, limit: int):
        self.parser = parser
        self.limit = limit
        self.boxes = 0

    def atoms(self, node) -> Iterator[tuple[str, object]]:
        for field in node:
            self.boxes += 1
            if self.boxes > self.limit:
                raise OverBudget(f"more than {self.limit:,} boxes, over the budget (max-media-boxes)")
            if field.is_field_set and field.name.startswith("atom["):
                yield field["tag"].value, field

    def child(self, node, tag: str):
        return next((a for t, a in self.atoms(node) if t == tag), None)

    def path(self, node, *tags: str):
        for tag in tags:
            atom = self.child(node, tag) if node is not None else None
            node = _body(atom) if atom is not None else None
        return node


def _body(atom):
    return next((f for f in atom if f.is_field_set), None)


def _read_boxes(walk: _Walk, fmt: str, size: int, fh) -> VideoProbe:
    moov, moofs = None, []
    for tag, atom in walk.atoms(walk.parser):
        declared = atom["size"].value
        if declared == 1 and "size64" in atom:
            declared = atom["size64"].value
        end = atom.address // 8 + (declared if declared else size - atom.address // 8)
        if end > size:
            return VideoProbe(format=fmt, size=size, problem="truncated",
                              detail=f"box '{tag}' ends at byte {end:,}; the file has {size:,}")
        if tag == "moov":
            moov = _body(atom)
        elif tag == "moof":  # its body starts after the 8-byte header, or 16 with a 64-bit size
            moofs.append((atom.address // 8 + (16 if atom["size"].value == 1 else 8), end))
    if moov is None:
        return VideoProbe(format=fmt, size=size, problem="truncated", detail="no 'moov' box: the recording was never finished")
    duration, scale = None, 0
    header = walk.path(moov, "mvhd")
    if header is not None and header["time_scale"].value:
        scale = header["time_scale"].value
        duration = header["duration"].value / scale
    tracks, video, clocks = [], None, {}
    for tag, trak in walk.atoms(moov):
        if tag != "trak":
            continue
        body = _body(trak)
        handler = walk.path(body, "mdia", "hdlr")
        kind = handler["subtype"].value if handler is not None else ""
        tracks.append(kind)
        _clock(walk, body, clocks)
        if kind == "vide" and video is None:
            video = body
    found = {"format": fmt, "size": size, "tracks": tuple(tracks)}
    if video is not None:
        width, height = _display_size(walk, video)
        found.update(width=width, height=height, codec=_codec(walk, video))
    try:  # after every hachoir read: the fragments are read from ``fh`` directly
        whole = fragmented_duration(fh, (moov.absolute_address // 8, (moov.absolute_address + moov.size) // 8), moofs,
                                    clocks, scale, walk.limit - walk.boxes)
    except Unknown as exc:
        found.update(duration=None, why_no_duration=f"it is fragmented and {exc}")
    else:
        found["duration"] = duration if whole is None else max(duration or 0, whole)
    return VideoProbe(**found, problem=None if video is not None else "no-video")


def _clock(walk: _Walk, track, clocks: dict[int, tuple[int, int]]) -> None:
    """Adds the track's ID -> (timescale, duration in ``moov``) from ``tkhd`` and ``mdhd`` (for its fragments)."""
    tkhd, mdhd = walk.path(track, "tkhd"), walk.path(track, "mdia", "mdhd")
    if tkhd is not None and mdhd is not None:
        clocks[tkhd["track_id"].value] = (mdhd["time_scale"].value, mdhd["duration"].value)


def _display_size(walk: _Walk, track) -> tuple[int | None, int | None]:
    tkhd = walk.path(track, "tkhd")
    if tkhd is None:
        return None, None
    width = int(float(tkhd["frame_size_width"].display))
    height = int(float(tkhd["frame_size_height"].display))
    # a transformation matrix with a zero "a" term turns the picture by 90 or 270 degrees
    # (phones record portrait video as landscape plus this matrix)
    if float(tkhd["geom_a"].display) == 0 and float(tkhd["geom_b"].display) != 0:
        width, height = height, width
    return width or None, height or None


def _codec(walk: _Walk, track) -> str | None:
    stsd = walk.path(track, "mdia", "minf", "stbl", "stsd")
    if stsd is None or "sample_entry[0]" not in stsd:
        return None
    entry = stsd["sample_entry[0]"]
    if "format" not in entry:
        return None
    value = entry["format"].value
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)
