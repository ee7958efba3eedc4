"""Hostile fragmented MP4s (session 14): boxes built to make the walk over a fragmented file's
``moof`` boxes long. Each must give an answer (the duration unknown, said so) in bounded time.
"""

from __future__ import annotations

import struct
import time

import pytest

import media_factory as mf
from listing_lint.bundle.files import SourceFile
from listing_lint.media.budget import DEFAULT
from listing_lint.media.fragments import FRAGMENT_SAMPLES
from listing_lint.media.video import probe_video

@pytest.fixture(scope="module")
def fragmented(tmp_path_factory) -> bytes:
    """A real 4 s fragmented MP4 (ffmpeg, a fragment a second, one video track of ID 1)."""
    return mf.fragmented(tmp_path_factory.mktemp("frag") / "frag.mp4", 320, 240, seconds=4).read_bytes()


def _probe(tmp_path, data: bytes):
    path = tmp_path / "v.mp4"
    path.write_bytes(data)
    started = time.perf_counter()
    probe = probe_video(SourceFile(path, "v.mp4", "v.mp4"), DEFAULT)
    return probe, time.perf_counter() - started


def _traf(*boxes: bytes) -> bytes:
    return mf.box(b"moof", mf.full_box(b"mfhd", 0, 0, b"\x00\x00\x00\x63") + mf.box(b"traf", b"".join(boxes)))


TFHD = mf.full_box(b"tfhd", 0, 0x08, struct.pack(">II", 1, 512))  # track 1, samples of 512 ticks by default

HOSTILE = {  # name: (the boxes appended to a real 4 s fragmented MP4, words of why the length is unknown)
    "a run declaring 4 G samples in 8 bytes": (
        _traf(TFHD, mf.full_box(b"trun", 0, 0x100, b"\xff\xff\xff\xff" + b"\x00" * 4)), "declares 4,294,967,295 samples"),
    "200,000 empty boxes in a track fragment": (
        _traf(TFHD, mf.box(b"free") * 200_000), "more boxes than the budget"),
    "a box pointing past its parent": (
        _traf(TFHD, struct.pack(">I", 1 << 30) + b"trun"), "does not fit in its parent"),
    "a 64-bit size smaller than its header": (
        _traf(TFHD, struct.pack(">I", 1) + b"trun" + struct.pack(">Q", 8)), "less than its own header"),
    "runs of more samples than the probe reads": (
        b"".join(_traf(TFHD, mf.full_box(b"trun", 0, 0x100, struct.pack(">I", 600_000) + b"\x00\x00\x02\x00" * 600_000))
                 for _ in range(2)), f"more than {FRAGMENT_SAMPLES:,} samples"),
    "a tfdt cut short": (_traf(TFHD, mf.full_box(b"tfdt", 1, 0, b"\x00\x00\x00\x01")), "shorter than its fields"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_fragments_make_the_length_unknown_in_bounded_time(tmp_path, fragmented, name):
    tail, words = HOSTILE[name]
    probe, elapsed = _probe(tmp_path, fragmented + tail)
    assert probe.problem is None and probe.duration is None
    assert words in probe.why_no_duration
    assert elapsed < 2.0, elapsed


def test_fragments_read_as_written(tmp_path, fragmented):
    """Near misses: the real file; a size-0 box (to its parent's end); a run of per-sample durations
    after a tfdt; a fragment of a track the movie does not declare (no time of any track)."""
    probe, _ = _probe(tmp_path, fragmented)
    assert probe.duration == pytest.approx(4.0)
    scale = 16384  # ffmpeg's timescale for 2 frames a second at 320x240 (checked below)
    size0 = mf.box(b"moof", mf.full_box(b"mfhd", 0, 0, b"\x00\x00\x00\x63")
                   + struct.pack(">I", 0) + b"traf" + TFHD + mf.full_box(b"trun", 0, 0, struct.pack(">I", 2 * scale // 512)))
    probe, _ = _probe(tmp_path, fragmented + size0)
    assert probe.duration == pytest.approx(6.0)
    later = mf.moof(1, 100, durations=[scale] * 3, start=10 * scale)
    stranger = mf.moof(7, 101, count=1000, default=scale)
    probe, _ = _probe(tmp_path, fragmented + later + stranger)
    assert probe.duration == pytest.approx(13.0)


def test_empty_and_64_bit_fragments_are_read_not_refused(tmp_path, fragmented):
    """An empty moof (8 bytes), an empty traf, and a moof with a 64-bit size (size field 1)."""
    run = mf.moof(1, 5, count=4, default=512)
    wide = struct.pack(">I", 1) + b"moof" + struct.pack(">Q", len(run) + 8) + run[8:]
    for tail, seconds in ((mf.box(b"moof"), 4.0), (mf.box(b"moof", mf.box(b"traf")), 4.0), (wide, 4.125)):
        probe, _ = _probe(tmp_path, fragmented + tail)
        assert (probe.problem, probe.why_no_duration) == (None, "")
        assert probe.duration == pytest.approx(seconds)
