"""The running time of a fragmented MP4/MOV (ISO/IEC 14496-12 §8.8), read from its boxes.

Phones that record to a stream, and ffmpeg's ``-movflags frag_keyframe[+empty_moov]``, write a
``moov`` holding no samples (or only the first fragment's) plus ``mvex``, then ``moof``/``mdat``
pairs: ``mvhd`` gives 0 (or the first fragment's length) and the rest of the time is in the
fragments. In order: ``mvex/mehd`` when it declares the whole length; else each track's time is
carried through its fragments, a ``tfdt`` (the fragment's start) when there is one, plus the
``trun`` samples' durations (each sample's own, or ``tfhd``'s default, or ``trex``'s).

Bounded: the boxes read here count against the same box budget as the walk that found them,
and at most ``FRAGMENT_SAMPLES`` per-sample durations are read for one file. Past either, or
on a box or run that does not fit its parent, the duration is *unknown* (``Unknown``), never a
guess from the part that was read.
"""

from __future__ import annotations

import struct

from listing_lint.media.boxes import BoxError, BoxReader, TooManyBoxes

#: per-sample durations read from one file's runs: an hour at 60 frames a second with sound is
#: about 400,000; 16 MB of reads at most (four 4-byte fields a sample)
FRAGMENT_SAMPLES = 1_000_000
_CHUNK = 65_536  # samples read at a time (1 MiB at most), so a large run is never held whole
#: tfhd optional fields in flag order, with their sizes (§8.8.7.1)
_TFHD = ((0x01, 8), (0x02, 4), (0x08, 4), (0x10, 4), (0x20, 4))
_DEFAULT_DURATION = 0x08


class Unknown(Exception):
    """The duration cannot be told: the message says why (for MED007's words)."""


class _Reader(BoxReader):
    def __init__(self, fh, boxes_left: int):
        super().__init__(fh, boxes_left)
        self.samples_left = FRAGMENT_SAMPLES


def fragmented_duration(fh, moov: tuple[int, int], moofs: list[tuple[int, int]], tracks: dict[int, tuple[int, int]],
                        movie_scale: int, boxes_left: int) -> float | None:
    """Seconds of a fragmented movie, or None when ``moov`` has no ``mvex`` (not fragmented).

    ``moov``, ``moofs``: (body start, end) of the boxes; ``tracks``: track ID -> (media timescale,
    media duration in ``moov``). Raises ``Unknown`` when the length cannot be told within bounds."""
    r = _Reader(fh, boxes_left)
    try:
        mvex = r.child(*moov, b"mvex", clamp=True)  # the probe read this moov as FFmpeg does: cut at its end
    except BoxError:  # a moov the probe read whole: a child past the budget is no sign of fragments
        mvex = None
    if mvex is None:
        return None
    try:
        return _fragments(r, mvex, moofs, tracks, movie_scale)
    except TooManyBoxes:
        raise Unknown("its fragments hold more boxes than the budget (max-media-boxes)") from None
    except BoxError as exc:
        raise Unknown(str(exc)) from None


def _fragments(r: _Reader, mvex: tuple[int, int], moofs: list[tuple[int, int]], tracks: dict[int, tuple[int, int]],
               movie_scale: int) -> float | None:
    defaults: dict[int, int] = {}
    for kind, body, end in r.boxes(*mvex):
        if kind == b"mehd" and movie_scale:
            version, _, at = r.full_box(body, end, 0)
            length = r.number(at, version == 1, end)
            if length:
                return length / movie_scale
        elif kind == b"trex":
            _, _, at = r.full_box(body, end, 20)
            track, _, duration = struct.unpack(">III", r.read(at, 12))
            defaults[track] = duration
    ends = {track: duration for track, (_, duration) in tracks.items()}
    for start, end in moofs:
        for kind, body, stop in r.boxes(start, end):
            if kind == b"traf":
                _traf(r, body, stop, defaults, ends)
    seconds = [ends[t] / scale for t, (scale, _) in tracks.items() if scale]
    return max(seconds, default=None)


def _traf(r: _Reader, start: int, end: int, defaults: dict[int, int], ends: dict[int, int]) -> None:
    """Carries one track fragment's time into ``ends`` (track ID -> end, in the track's timescale)."""
    track, default, begin, runs = None, None, None, []
    for kind, body, stop in r.boxes(start, end):
        if kind == b"tfhd":
            _, flags, at = r.full_box(body, stop, 4)
            track = r.number(at, False, stop)
            at += 4
            for bit, size in _TFHD:
                if flags & bit:
                    if bit == _DEFAULT_DURATION:
                        default = r.number(at, False, stop)
                    at += size
        elif kind == b"tfdt":
            version, _, at = r.full_box(body, stop, 0)
            begin = r.number(at, version == 1, stop)
        elif kind == b"trun":
            runs.append((body, stop))
    if track is None or track not in ends:
        return  # a fragment of a track the movie does not declare: no time of any track it plays
    if default is None:
        default = defaults.get(track, 0)
    time = begin if begin is not None else ends[track]
    for body, stop in runs:
        time += _run(r, body, stop, default)
    ends[track] = max(ends[track], time)


def _run(r: _Reader, body: int, end: int, default: int) -> int:
    """The summed sample durations of one ``trun``."""
    _, flags, at = r.full_box(body, end, 4)
    count = struct.unpack(">I", r.read(at, 4))[0]
    at += 4 + 4 * bool(flags & 0x01) + 4 * bool(flags & 0x04)  # data offset, first sample's flags
    fields = sum(bool(flags & bit) for bit in (0x100, 0x200, 0x400, 0x800))
    if at + count * fields * 4 > end:
        raise Unknown(f"a run at byte {body - 8:,} declares {count:,} samples, more than it holds")
    if not flags & 0x100:
        return count * default
    r.samples_left -= count
    if r.samples_left < 0:
        raise Unknown(f"its fragments hold more than {FRAGMENT_SAMPLES:,} samples; not all were read")
    import numpy as np  # imported by the picture probe's fingerprint already

    total, stride = 0, 4 * fields
    for first in range(0, count, _CHUNK):
        n = min(_CHUNK, count - first)
        words = np.frombuffer(r.read(at + first * stride, n * stride), dtype=">u4")
        total += int(words[::fields].sum(dtype=np.uint64))  # the duration leads each sample's entry
    return total
