"""The video probe reads each track's ``tkhd`` once (session 16).

``_clock`` (the track's ID, for its fragments) and ``_display_size`` (matrix and size) each found the
video track's ``tkhd`` and read its version again (docs/decisions.md, "Session 15: the video probe
without hachoir"). Now the track's ``tkhd`` is found once and its version read once; the probe's
answer is unchanged.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from listing_lint.media.budget import DEFAULT
from listing_lint.media.video import _probe_iso

ROOT = Path(__file__).resolve().parents[1]
VIDEOS = ["fixtures/listings/smart-plug-x1/media/main-video.mp4", "fixtures/listings/solaris-s3/media/main-video.mp4"]


class CountedReads(io.BytesIO):
    """A file in memory that records the offset of every read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.offsets: Counter[int] = Counter()

    def read(self, n=-1):
        self.offsets[self.tell()] += 1
        return super().read(n)


def _tkhd_bodies(data: bytes) -> list[range]:
    """The byte ranges of every ``tkhd`` box's body (after its 8-byte header) in ``data``."""
    bodies, at = [], data.find(b"tkhd")
    while at != -1:
        size = int.from_bytes(data[at - 4:at], "big")
        bodies.append(range(at + 4, at - 4 + size))
        at = data.find(b"tkhd", at + 4)
    return bodies


@pytest.mark.parametrize("rel", VIDEOS)
def test_each_tkhd_field_is_read_once(rel):
    data = (ROOT / rel).read_bytes()
    fh = CountedReads(data)
    found = _probe_iso(fh, "mp4", len(data), DEFAULT)
    assert found.problem is None and found.width and found.height  # the video track's tkhd was read
    bodies = _tkhd_bodies(data)
    assert bodies
    reads = {at: n for at, n in fh.offsets.items() if any(at in body for body in bodies)}
    assert reads and all(n == 1 for n in reads.values()), reads  # the video track's version word was read twice
    assert _probe_iso(io.BytesIO(data), "mp4", len(data), DEFAULT) == found
