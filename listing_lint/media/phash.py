"""Perceptual fingerprints: the same picture re-encoded, resized, lightly cropped or recoloured
gets (nearly) the same bits; a different photo gets different bits.

Three classic 64-bit hashes are here because the choice was measured (docs/decisions.md, and
tests/rules/media/test_MED008_duplicate_media.py keeps the measurement): ``phash`` (DCT of a
32x32 grey thumbnail, Zauner 2010 / pHash.org) is the one rules use. Pure Python on purpose:
the DCT needs only the 8x8 lowest frequencies, about 10,000 multiplications per image, which is
cheaper than decoding the image and spares a numpy/scipy run-time dependency.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from PIL import Image

THUMB = 32  # side of the grey thumbnail every hash starts from
BITS = 64
#: a thumbnail whose grey levels vary less than this (standard deviation, 0-255) is "flat":
#: its hash bits are noise, so flat pictures are compared by colour instead
FLAT_STDDEV = 3.0
FLAT_COLOR_DISTANCE = 12.0  # max Euclidean RGB distance for two flat pictures to be the same


@dataclass(frozen=True)
class Fingerprint:
    bits: int  # the perceptual hash (``phash``)
    flat: bool  # next to no structure: compare ``color`` instead of ``bits``
    color: tuple[float, float, float]  # mean RGB

    def distance(self, other: Fingerprint) -> int | None:
        """Hamming distance of the hashes; for two flat pictures 0 or BITS by colour; None if one is flat."""
        if self.flat or other.flat:
            if not (self.flat and other.flat):
                return None
            gap = math.dist(self.color, other.color)
            return 0 if gap <= FLAT_COLOR_DISTANCE else BITS
        return hamming(self.bits, other.bits)


def hamming(a: int, b: int) -> int:
    return bin(a ^ b).count("1")


def grey_thumbnail(im: Image.Image, side: int = THUMB) -> list[int]:
    """``side`` x ``side`` grey levels, row-major, by area averaging (the BOX filter)."""
    from PIL import Image as PILImage

    grey = im.convert("L") if im.mode != "L" else im
    return list(grey.resize((side, side), PILImage.Resampling.BOX).getdata())


def mean_color(im: Image.Image) -> tuple[float, float, float]:
    from PIL import Image as PILImage

    rgb = im.convert("RGB").resize((1, 1), PILImage.Resampling.BOX)
    r, g, b = rgb.getpixel((0, 0))
    return float(r), float(g), float(b)


def stddev(pixels: Sequence[int]) -> float:
    mean = sum(pixels) / len(pixels)
    return math.sqrt(sum((p - mean) ** 2 for p in pixels) / len(pixels))


def _bits(values: Sequence[float], pivot: float) -> int:
    out = 0
    for v in values:
        out = (out << 1) | (v > pivot)
    return out


def _shrink(pixels: Sequence[int], side: int, to: int) -> list[float]:
    step = side // to
    out = []
    for by in range(to):
        for bx in range(to):
            total = 0
            for y in range(by * step, (by + 1) * step):
                row = y * side
                total += sum(pixels[row + bx * step : row + (bx + 1) * step])
            out.append(total / (step * step))
    return out


def ahash(pixels: Sequence[int], side: int = THUMB) -> int:
    """Average hash: 8x8 means above the overall mean."""
    small = _shrink(pixels, side, 8)
    return _bits(small, sum(small) / len(small))


def dhash(pixels: Sequence[int], side: int = THUMB) -> int:
    """Difference hash: is each of 8x8 cells brighter than its right neighbour (from a 9-wide grid)."""
    # sample a 9x8 grid from the thumbnail by averaging column bands
    cols = [round(i * side / 9) for i in range(10)]
    rows = [round(j * side / 8) for j in range(9)]
    grid = []
    for j in range(8):
        line = []
        for i in range(9):
            cells = [pixels[y * side + x] for y in range(rows[j], rows[j + 1]) for x in range(cols[i], cols[i + 1])]
            line.append(sum(cells) / len(cells))
        grid.append(line)
    out = 0
    for line in grid:
        for i in range(8):
            out = (out << 1) | (line[i] > line[i + 1])
    return out


@lru_cache(maxsize=4)
def _dct_rows(n: int, k: int) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(math.cos(math.pi * (2 * x + 1) * u / (2 * n)) for x in range(n)) for u in range(k))


def phash(pixels: Sequence[int], side: int = THUMB) -> int:
    """DCT hash: the 8x8 lowest frequencies of the 32x32 thumbnail above their median (DC excluded)."""
    basis = _dct_rows(side, 8)
    rows = [pixels[y * side : (y + 1) * side] for y in range(side)]
    # first the 8 lowest frequencies of every row, then of every column of those
    row_coeffs = [[sum(c * p for c, p in zip(b, row)) for b in basis] for row in rows]
    coeffs = [[sum(basis[v][y] * row_coeffs[y][u] for y in range(side)) for u in range(8)] for v in range(8)]
    flat = [c for line in coeffs for c in line]
    ac = sorted(flat[1:])
    median = (ac[len(ac) // 2 - 1] + ac[len(ac) // 2]) / 2
    return _bits(flat, median)


def fingerprint(im: Image.Image) -> Fingerprint:
    pixels = grey_thumbnail(im)
    return Fingerprint(bits=phash(pixels), flat=stddev(pixels) < FLAT_STDDEV, color=mean_color(im))
