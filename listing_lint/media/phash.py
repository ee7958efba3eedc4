"""Perceptual fingerprints: the same picture re-encoded, resized, lightly cropped or recoloured
gets nearly the same bits; a different photo of the same product on the same background does not.

The choice was measured (docs/decisions.md; tests/rules/media/test_MED008_duplicate_media.py
keeps the measurement as a test): a 144-bit DCT hash (pHash, Zauner 2010: the 12x12 lowest
frequencies of a 64x64 grey thumbnail against their median) of the picture and of ten light
crops of it (3 % and 6 % off every side, or off one side). Two pictures are compared by the
smallest Hamming distance over all crop pairs, so a trimmed copy still lines up with its
original. A single 64-bit aHash, dHash or pHash could not tell a 5 % crop from another photo of
the same scene; 144 bits separated them with the widest relative margin of 64 to 576 bits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PIL import Image

THUMB = 64  # side of the grey thumbnail
WORK_SIDE = 96  # pictures are first reduced to about this short side
#: ... and no side is left longer than this (a 1 x 90,000,000 strip would otherwise make matrices
#: of 90 million columns: ``_rows``, ``_columns``); photos are never that elongated, so keep their sides
MAX_WORK_SIDE = 512
FREQ = 12  # lowest frequencies kept per axis: FREQ * FREQ bits
BITS = FREQ * FREQ
#: (left, top, right, bottom) fractions cut before hashing: none, all sides, each side alone
CROPS: tuple[tuple[float, float, float, float], ...] = (
    (0.0, 0.0, 0.0, 0.0),
    *((m, m, m, m) for m in (0.03, 0.06)),
    *(tuple(m if k == side else 0.0 for k in range(4)) for side in range(4) for m in (0.03, 0.06)),
)
#: grey levels varying less than this (standard deviation, 0-255) make a "flat" picture whose
#: hash bits are noise; flat pictures are compared by mean colour instead
FLAT_STDDEV = 3.0
FLAT_COLOR_DISTANCE = 12.0  # largest RGB distance at which two flat pictures are the same


@dataclass(frozen=True)
class Fingerprint:
    hashes: tuple[int, ...]  # one BITS-bit hash per entry of CROPS
    flat: bool
    color: tuple[float, float, float]  # mean RGB

    def distance(self, other: Fingerprint, within: int | None = None) -> int | None:
        """Smallest Hamming distance over crop pairs; flat pictures: 0 or BITS by colour; None if only one is flat.

        With ``within``, the answer is exact only when it is at most ``within`` (else it is some
        larger number): pairs that the triangle inequality puts further away are not compared.
        A crop is close to its own picture and far from a different photo, so for two different
        photos most of the 121 pairs are skipped.
        """
        if self.flat or other.flat:
            if not (self.flat and other.flat):
                return None
            return 0 if math.dist(self.color, other.color) <= FLAT_COLOR_DISTANCE else BITS
        mine, theirs = self.hashes, other.hashes
        if within is None:
            return min((a ^ b).bit_count() for a in mine for b in theirs)
        # d(a_i, b_j) >= |d(a_i, a_0) - d(a_0, b_j)|
        from_mine = self._from_first
        to_theirs = [(mine[0] ^ b).bit_count() for b in theirs]
        best = min(to_theirs)
        if best - max(from_mine) > within:
            return best  # every pair's bound is over ``within``: the loop below would compare none
        # ... and d(a_i, b_j) >= |d(a_i, b_0) - d(b_0, b_j)|, the other picture's first crop as the
        # anchor: for two different photos every crop of one is far from the other's whole picture,
        # whose own crops are near it, so most rows are passed over whole (issue 18, session 9)
        from_theirs = other._from_first
        to_mine = [(a ^ theirs[0]).bit_count() for a in mine]
        best = min(best, min(to_mine))
        low, high = min(to_theirs), max(to_theirs)
        nearest = max(from_theirs)
        for a, da, ea in zip(mine, from_mine, to_mine):
            if ea - nearest > within or da < low - within or da > high + within:
                continue  # every pair of this row is bound over ``within``
            for b, db, eb in zip(theirs, to_theirs, from_theirs):
                bound = max(abs(da - db), abs(ea - eb))
                if bound < best and bound <= within:
                    best = min(best, (a ^ b).bit_count())
        return best


    @cached_property
    def _from_first(self) -> tuple[int, ...]:
        """Each crop's distance to the whole picture's hash (kept: a picture meets every other one)."""
        return tuple((a ^ self.hashes[0]).bit_count() for a in self.hashes)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@lru_cache(maxsize=2)
def _dct_basis(n: int, k: int):
    import numpy as np

    x = np.arange(n)
    return np.array([np.cos(math.pi * (2 * x + 1) * u / (2 * n)) for u in range(k)])


def box_weights(in_size: int, in0: float, in1: float, out_size: int = THUMB):
    """Pillow's BOX resampling of the span [in0, in1) of an axis of ``in_size`` pixels to
    ``out_size`` pixels, as an (out_size, in_size) matrix: the coefficients of
    ``precompute_coeffs`` in Pillow's Resample.c (each output pixel averages the input pixels whose
    centres its footprint covers), without the 8-bit rounding of Pillow's passes."""
    return spans_weights(in_size, ((in0, in1),), out_size)[0]


def spans_weights(in_size: int, spans, out_size: int = THUMB):
    """``box_weights`` of several spans of one axis at once, (len(spans), out_size, in_size): a few
    array steps for all of them instead of a few per span (each costs microseconds whatever its
    size), with the same double-precision steps as Pillow's loop."""
    import numpy as np

    bounds = np.array(spans, dtype=np.float32)  # Pillow takes the box as C floats, and subtracts them so
    scale = (bounds[:, 1] - bounds[:, 0]).astype(np.float64) / out_size
    filterscale = np.maximum(scale, 1.0)
    support = 0.5 * filterscale
    centers = bounds[:, :1].astype(np.float64) + (np.arange(out_size) + 0.5)[None, :] * scale[:, None]
    # C's (int) truncation; the values are never negative (centre >= in0 + support - 0.5 >= 0 here)
    low = np.maximum((centers - support[:, None] + 0.5).astype(np.int64), 0)
    high = np.minimum((centers + support[:, None] + 0.5).astype(np.int64), in_size)
    # each row's candidates low .. high - 1 (at most ksize, as in Pillow), not the whole axis
    ksize = int(math.ceil(float(support.max()))) * 2 + 1
    index = low[..., None] + np.arange(ksize)
    u = (index - centers[..., None] + 0.5) * (1.0 / filterscale)[:, None, None]
    kept = (index < high[..., None]) & (u > -0.5) & (u <= 0.5)
    totals = kept.sum(axis=-1, keepdims=True)
    weights = np.divide(kept, totals, out=np.zeros(kept.shape), where=totals != 0)
    matrix = np.zeros((len(bounds), out_size, in_size))
    span, row, k = np.nonzero(kept)
    matrix[span, row, index[span, row, k]] = weights[span, row, k]
    return matrix


def _axis(size: int, cuts: tuple[tuple[float, float], ...]):
    """For each (start, end) cut of an axis of ``size`` pixels (the fractions off either end): the
    DCT basis times its BOX weights, (len(cuts), FREQ, size); and the whole axis's weights,
    (THUMB, size)."""
    import numpy as np

    distinct = list(dict.fromkeys([*cuts, (0.0, 0.0)]))  # the crops share their cuts: seven of eleven
    weights = spans_weights(size, [(size * a, size * (1 - b)) for a, b in distinct])
    at = [distinct.index(cut) for cut in cuts]
    return np.matmul(_dct_basis(THUMB, FREQ), weights[at]), weights[distinct.index((0.0, 0.0))]


# Each axis's matrices depend on its length alone, and drafts' side lengths repeat far more than
# their sizes do (100, 125, 94, 75...): kept per length, each at most 0.4 MB (a side of 512 pixels)
@lru_cache(maxsize=64)
def _rows(height: int, crops=CROPS):
    """(len(crops) * FREQ + THUMB, height): each crop's DCT rows, then the whole picture's BOX rows."""
    import numpy as np

    projected, whole = _axis(height, tuple((t, b) for _l, t, _r, b in crops))
    return np.ascontiguousarray(np.concatenate([projected.reshape(-1, height), whole]), dtype=np.float32)


@lru_cache(maxsize=64)
def _columns(width: int, crops=CROPS):
    """(len(crops), width, FREQ) and (width, THUMB): the same along the width, transposed."""
    import numpy as np

    projected, whole = _axis(width, tuple((l, r) for l, _t, r, _b in crops))
    return (np.ascontiguousarray(projected.transpose(0, 2, 1), dtype=np.float32),
            np.ascontiguousarray(whole.T, dtype=np.float32))


def dct_coefficients(grey: Image.Image, crops=CROPS):
    """Each crop's FREQ x FREQ lowest DCT frequencies of its THUMB x THUMB box-averaged thumbnail
    ((len(crops), FREQ * FREQ)), and the whole picture's thumbnail's standard deviation."""
    coeffs, spread = _coefficients_and_spread(grey, crops)
    return coeffs, spread()


def _coefficients_and_spread(grey: Image.Image, crops=CROPS):
    """``dct_coefficients``, the spread as a function: worked out only when asked (``_flat``).

    The resampling and the DCT are linear, so they are folded into one matrix per axis and crop
    (``_rows``, ``_columns``): two matrix products in all, no thumbnail made. Pillow's BOX resize gives
    the same values rounded to 8 bits after each of its two passes; without that rounding a hash
    bit whose coefficient sits at the median may differ (0.3 bits of 144 per crop on average on
    the bench's pictures; MED008's measurement, redone, keeps its margins: docs/decisions.md,
    session 12). 0.48 -> 0.19 ms per picture (issue 18)."""
    import numpy as np

    w, h = grey.size
    pixels = np.frombuffer(grey.tobytes(), dtype=np.uint8).reshape(h, w).astype(np.float32)
    left = _rows(h, crops)
    right, whole = _columns(w, crops)
    count = len(crops) * FREQ
    rows = left @ pixels
    coeffs = np.matmul(rows[:count].reshape(len(crops), FREQ, w), right).reshape(len(crops), -1)
    return coeffs, lambda: float((rows[count:] @ whole).std())


@lru_cache(maxsize=1)
def _ac_energy_weights():
    """(FREQ * FREQ,) weights that turn the whole picture's squared coefficients into a lower bound
    of its thumbnail's variance (``_flat``): 1 / (|b_u|^2 |b_v|^2 THUMB^2) for each frequency pair of
    ``_dct_basis``'s rows b (norms THUMB for u = 0, THUMB / 2 otherwise), 0 for the mean (u = v = 0)."""
    import numpy as np

    norms = np.array([THUMB] + [THUMB / 2] * (FREQ - 1))
    weights = 1.0 / (np.outer(norms, norms) * THUMB * THUMB)
    weights[0, 0] = 0.0
    return weights.reshape(-1)


#: how far the bound must clear ``FLAT_STDDEV ** 2`` (in variance) before the spread is not worked
#: out: float32 products put the two computations some hundredths apart at most, not this
FLAT_BOUND_MARGIN = 2.0


def _flat(coeffs, spread: Callable[[], float], crops) -> bool:
    """The picture's thumbnail varies less than ``FLAT_STDDEV``. The DCT's rows are orthogonal, so
    the whole picture's lowest frequencies hold at most the thumbnail's energy: their AC part over
    THUMB^2 is a lower bound of its variance (Parseval). A photo's bound is far over the threshold,
    and its spread (a third of the first matrix product's rows, a second product and a standard
    deviation: 0.11 -> 0.07 ms of a picture's fingerprint, issue 18) is then not needed."""
    import numpy as np

    if crops[0] == (0.0, 0.0, 0.0, 0.0):
        bound = float(np.dot(np.square(coeffs[0], dtype=np.float64), _ac_energy_weights()))
        if bound >= FLAT_BOUND_MARGIN * FLAT_STDDEV ** 2:
            return False
    return spread() < FLAT_STDDEV


def dct_hashes(coeffs) -> tuple[int, ...]:
    """The BITS-bit hash of each crop's coefficients: above or below their median."""
    import numpy as np

    ac = coeffs[:, 1:]  # the DC term only says how bright the picture is
    middle = ac.shape[1] // 2  # BITS - 1 is odd: the exact median
    medians = np.partition(ac, middle, axis=1)[:, middle]
    packed = np.packbits(coeffs > medians[:, None], axis=1)
    return tuple(int.from_bytes(row.tobytes(), "big") for row in packed)


def fingerprint(im: Image.Image, colour_source: Callable[[], Image.Image] | None = None, turn: int | None = None) -> Fingerprint:
    """The fingerprint of a decoded picture (any mode, any size), turned by the transpose ``turn``
    (the EXIF orientation's) if given.

    ``colour_source`` gives the picture in colour when ``im`` is a grey decode of a colour file
    (JPEGs are decoded as luma only); it is called only for a flat picture, whose colour matters.
    """
    from PIL import Image as PILImage

    im = work_picture(im, turn)
    coeffs, spread = _coefficients_and_spread(im if im.mode == "L" else im.convert("L"))
    flat = _flat(coeffs, spread, CROPS)
    colour = (0.0, 0.0, 0.0)
    if flat:
        source = colour_source() if im.mode == "L" and colour_source is not None else im
        r, g, b = source.convert("RGB").resize((1, 1), PILImage.Resampling.BOX).getpixel((0, 0))
        colour = (float(r), float(g), float(b))
    return Fingerprint(hashes=dct_hashes(coeffs), flat=flat, color=colour)


def reductions(size: tuple[int, int]) -> list[tuple[int, int]]:
    """The box reductions (width and height factors, in order) that take a picture of ``size`` to
    the work size: once to about WORK_SIDE on its short side, so the crops are cut from a small
    picture; then a strip's long side alone, to at most MAX_WORK_SIDE."""
    steps = []
    factor = min(size) // WORK_SIDE
    if factor >= 2:
        steps.append((factor, factor))
        size = (-(-size[0] // factor), -(-size[1] // factor))  # Pillow's reduce rounds up
    if max(size) > MAX_WORK_SIDE:
        steps.append((max(1, -(-size[0] // MAX_WORK_SIDE)), max(1, -(-size[1] // MAX_WORK_SIDE))))
    return steps


#: the most bytes of a picture converted to 8 bits at a time (``work_picture``)
BAND_BYTES = 4 * 1024 * 1024


def work_picture(im: Image.Image, turn: int | None = None) -> Image.Image:
    """``im`` turned by the transpose ``turn`` (Pillow's, for the EXIF orientation; None: as stored),
    as 8-bit grey or RGB, box-reduced to the work size (``reductions``).

    A picture in another mode (palette, grey or colour with alpha, CMYK, bilevel, 16-bit grey) is
    converted one band of rows at a time, each band reduced before the next is converted: converted
    whole, an 8000x8000 palette PNG (61 MiB as decoded, what max-decode-bytes priced) took another
    256 MiB as RGB, and a grey or colour picture with alpha as much again as its raster. A box
    reduction averages blocks aligned to the picture's top-left corner, and each band starts at a
    multiple of the reductions' row factors, so the bands make the picture that converting it
    whole and then reducing made, to the bit (docs/decisions.md, session 18, round 11). A turned
    picture is turned a band at a time too: turned whole, a copy of its raster."""
    from PIL import Image as PILImage

    width, height = im.size if turn in (None, *FLIPS) else im.size[::-1]
    steps = reductions((width, height))
    if im.mode in ("L", "RGB") and turn is None:
        for step in steps:
            im = im.reduce(step)
        return im
    unit = math.prod(rows for _columns, rows in steps)
    band = max(unit, BAND_BYTES // (4 * width) // unit * unit)
    levels = _eight_bit_scale(im)
    parts = []
    for top in range(0, height, band):
        part = _eight_bits(_turned_rows(im, turn, top, min(top + band, height)), levels)
        if part.mode not in ("L", "RGB"):
            part = part.convert("RGB")
        for step in steps:
            part = part.reduce(step)
        parts.append(part)
    if len(parts) == 1:
        return parts[0]
    out = PILImage.new(parts[0].mode, (parts[0].width, sum(p.height for p in parts)))
    top = 0
    for part in parts:
        out.paste(part, (0, top))
        top += part.height
    return out


#: Pillow's transposes that keep rows rows (FLIP_LEFT_RIGHT, FLIP_TOP_BOTTOM, ROTATE_180); the others
#: make the stored columns the shown rows
FLIPS = (0, 1, 3)


def _turned_rows(im: Image.Image, turn: int | None, top: int, bottom: int) -> Image.Image:
    """Rows ``top`` to ``bottom`` of ``im`` as the transpose ``turn`` shows it, cut from the stored
    picture: the rows or columns they come from, turned alone."""
    w, h = im.size
    box = {None: (0, top, w, bottom), 0: (0, top, w, bottom), 1: (0, h - bottom, w, h - top), 3: (0, h - bottom, w, h - top),
           2: (w - bottom, 0, w - top, h), 6: (w - bottom, 0, w - top, h),  # ROTATE_90, TRANSVERSE: the last column first
           4: (top, 0, bottom, h), 5: (top, 0, bottom, h)}[turn]  # ROTATE_270, TRANSPOSE: the first column first
    part = im.crop(box)
    return part if turn is None else part.transpose(turn)


def eight_bits(im: Image.Image) -> Image.Image:
    """A 16-bit or 32-bit grey picture (a 16-bit grey PNG opens as ``I;16``) as 8-bit grey, its
    levels scaled down; any other picture as it is. Pillow's own ``convert`` clips every level over
    255 to white, so every 16-bit grey photo was one flat white picture, and MED008 called any two
    of them the same. Integer or float32 work on the raster as decoded (``work_picture`` does it a
    band of rows at a time)."""
    return _eight_bits(im, _eight_bit_scale(im))


def _eight_bit_scale(im: Image.Image) -> float:
    """The level a 32-bit integer or float grey picture's white stands for, from its brightest
    pixel (``getextrema``: no copy of the raster): 1 for floats up to 1, 255 for levels up to 255,
    else at least 65535. 0 for any other mode (a 16-bit picture's levels have a fixed width)."""
    if not (im.mode.startswith("I") or im.mode == "F") or im.mode.startswith("I;16"):
        return 0.0
    extrema = im.getextrema()
    top = float(extrema[1]) if im.width and im.height else 0.0
    return 1.0 if im.mode == "F" and top <= 1.0 else 255.0 if top <= 255 else max(65535.0, top)


def _eight_bits(im: Image.Image, full: float) -> Image.Image:
    """``eight_bits`` of ``im`` (a whole picture or a band of one) whose white is ``full``."""
    if not (im.mode.startswith("I") or im.mode == "F"):
        return im
    import numpy as np
    from PIL import Image as PILImage

    levels = np.asarray(im)
    if levels.dtype.kind == "u":  # I;16, I;16B, I;16L
        return PILImage.fromarray((levels >> (8 * levels.dtype.itemsize - 8)).astype(np.uint8), "L")
    scaled = levels.astype(np.float32) * np.float32(255.0 / full)
    return PILImage.fromarray(np.clip(scaled, 0, 255).astype(np.uint8), "L")
