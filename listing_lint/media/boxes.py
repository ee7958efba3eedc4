"""Reading ISO base media boxes (MP4, MOV: ISO/IEC 14496-12 §4.2) with ``struct``, within a budget.

A box is a 32-bit size and a four-letter type, then its body; size 1 means a 64-bit size follows
the type, size 0 that the box runs to the end of its parent. Every box listed counts against the
box budget (``max-media-boxes``), and every box must be at least as long as its own header, so a
walk always moves forward and ends. ``video.py`` walks the movie's boxes with it and
``fragments.py`` the fragments'.
"""

from __future__ import annotations

import struct
from typing import Iterator

_SIZE_TYPE = struct.Struct(">I4s")
_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")


class BoxError(Exception):
    """A box that cannot be read as it declares itself: the message says which and where."""


class TooManyBoxes(BoxError):
    """More boxes than the budget allows were listed."""


class BoxReader:
    def __init__(self, fh, boxes_left: int):
        self.fh = fh
        self.boxes_left = boxes_left

    def read(self, at: int, n: int) -> bytes:
        self.fh.seek(at)
        data = self.fh.read(n)
        if len(data) != n:
            raise BoxError(f"the file ends inside a box at byte {at:,}")
        return data

    def header(self, at: int, end: int) -> tuple[bytes, int, int]:
        """``(type, body start, declared end)`` of the box at ``at`` in a parent ending at ``end``,
        counted against the budget. The declared end is not checked against ``end``."""
        self.boxes_left -= 1
        if self.boxes_left < 0:
            raise TooManyBoxes("more boxes than the budget (max-media-boxes)")
        size, kind = _SIZE_TYPE.unpack(self.read(at, 8))
        body = at + 8
        if size == 1:  # a 64-bit size follows the type
            if at + 16 > end:
                raise BoxError(f"box '{name(kind)}' at byte {at:,} does not fit in its parent")
            size, body = _U64.unpack(self.read(at + 8, 8))[0], at + 16
        elif size == 0:  # runs to the end of its parent
            size = end - at
        if size < body - at:
            raise BoxError(f"box '{name(kind)}' at byte {at:,} declares {size:,} bytes, less than its own header")
        return kind, body, at + size

    def boxes(self, start: int, end: int, clamp: bool = False) -> Iterator[tuple[bytes, int, int]]:
        """``(type, body start, box end)`` of the boxes from ``start`` to ``end``. A box shorter than
        its own header is an error. So is one running past its parent, unless ``clamp``: then it is
        cut at the parent's end, as FFmpeg's MOV demuxer reads it (``mov_read_default`` limits a
        child's size to what its parent has left) and hachoir did (its autofix)."""
        at = start
        while at + 8 <= end:
            kind, body, stop = self.header(at, end)
            if stop > end:
                if not clamp:
                    raise BoxError(f"box '{name(kind)}' at byte {at:,} does not fit in its parent")
                stop = end
            yield kind, body, stop
            at = stop

    def child(self, start: int, end: int, kind: bytes, clamp: bool = False) -> tuple[int, int] | None:
        """(body start, end) of the first box of type ``kind`` from ``start`` to ``end``, or None."""
        return next(((body, stop) for k, body, stop in self.boxes(start, end, clamp) if k == kind), None)

    def path(self, body: tuple[int, int] | None, *kinds: bytes) -> tuple[int, int] | None:
        """The box reached by following the first child of each type in turn (cut at parents, ``clamp``)."""
        for kind in kinds:
            if body is None:
                return None
            body = self.child(*body, kind, clamp=True)
        return body

    def full_box(self, body: int, end: int, need: int) -> tuple[int, int, int]:
        """A full box's version, flags and where its fields start, after checking ``need`` bytes fit."""
        self.fits(body, 4 + need, end)
        word = _U32.unpack(self.read(body, 4))[0]
        return word >> 24, word & 0xFFFFFF, body + 4

    def number(self, at: int, wide: bool, end: int) -> int:
        """A 64-bit (``wide``) or 32-bit unsigned number at ``at``, inside a box ending at ``end``."""
        self.fits(at, 8 if wide else 4, end)
        return (_U64 if wide else _U32).unpack(self.read(at, 8 if wide else 4))[0]

    @staticmethod
    def fits(at: int, need: int, end: int) -> None:
        if at + need > end:
            raise BoxError(f"a box ending at byte {end:,} is shorter than its fields")


def name(kind: bytes) -> str:
    return kind.decode("latin-1")
