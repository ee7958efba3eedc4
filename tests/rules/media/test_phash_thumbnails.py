"""The perceptual hash's fast paths give the answers of the plain computation (issue 18).

``dct_coefficients`` folds each crop's BOX resampling and the DCT into one matrix per axis
(``box_weights``: Pillow's coefficients) instead of resizing eleven crops with Pillow and
transforming the thumbnails; ``Fingerprint.distance`` skips the pair loop when the triangle
inequality already puts every pair over ``within``. MED008's findings and the stored probes depend
on both: the weights must be Pillow's (its resize differs only by the rounding of its two 8-bit
passes) and the coefficients those of the thumbnails.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import media_factory as mf
from listing_lint.media.phash import (BITS, CROPS, FREQ, THUMB, Fingerprint, _dct_basis, box_weights,
                                      dct_coefficients, fingerprint)


def _pillow_thumbnails(grey: Image.Image, crops=CROPS) -> np.ndarray:
    w, h = grey.size
    raw = b"".join(
        grey.resize((THUMB, THUMB), Image.Resampling.BOX, box=(w * l, h * t, w * (1 - r), h * (1 - b))).tobytes()
        for l, t, r, b in crops
    )
    return np.frombuffer(raw, dtype=np.uint8).reshape(len(crops), THUMB, THUMB).astype(np.float64)


def _weighted_thumbnails(grey: Image.Image, crops=CROPS) -> np.ndarray:
    w, h = grey.size
    pixels = np.asarray(grey, dtype=np.float64)
    return np.stack([box_weights(h, h * t, h * (1 - b)) @ pixels @ box_weights(w, w * l, w * (1 - r)).T
                     for l, t, r, b in crops])


def _assert_pillows_resize(grey: Image.Image, crops=CROPS) -> None:
    # Pillow rounds after each pass: the second pass averages values each off by at most 1/2, then rounds
    assert np.abs(_weighted_thumbnails(grey, crops) - _pillow_thumbnails(grey, crops)).max() <= 1.0 + 1e-6


def _assert_coefficients_of_the_thumbnails(grey: Image.Image, crops=CROPS) -> None:
    coeffs, spread = dct_coefficients(grey, crops)
    thumbs = _weighted_thumbnails(grey, crops)
    basis = _dct_basis(THUMB, FREQ)
    expected = (basis @ thumbs @ basis.T).reshape(len(crops), -1)
    assert np.allclose(coeffs, expected, rtol=1e-4, atol=0.05 * max(1.0, np.abs(expected).max()) * 1e-3)
    assert spread == pytest.approx(float(_weighted_thumbnails(grey, ((0.0, 0.0, 0.0, 0.0),))[0].std()), abs=1e-3)


@pytest.mark.parametrize("size", [(100, 100), (125, 94), (64, 64), (65, 64), (63, 127), (97, 625), (250, 97), (1, 1)])
def test_the_weights_are_pillows_box_resize(size):
    grey = mf.photo(seed=sum(size), size=(300, 300)).resize(size).convert("L")
    _assert_pillows_resize(grey)
    _assert_coefficients_of_the_thumbnails(grey)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(width=st.integers(1, 420), height=st.integers(1, 420), seed=st.integers(0, 2**32 - 1),
       noise=st.booleans())
def test_the_weights_are_pillows_box_resize_at_any_size(width, height, seed, noise):
    """Wide, tall, tiny (enlarged) and large pictures, smooth or pure noise (every rounding shows)."""
    if noise:
        grey = Image.frombytes("L", (width, height), np.random.default_rng(seed).integers(0, 256, width * height, dtype=np.uint8).tobytes())
    else:
        grey = mf.photo(seed=seed % 1000, size=(160, 160)).resize((width, height)).convert("L")
    _assert_pillows_resize(grey)
    _assert_coefficients_of_the_thumbnails(grey)


_fraction = st.sampled_from([0.0, 0.01, 0.03, 0.06, 0.1, 0.25, 1 / 3])


@settings(max_examples=60, deadline=None)
@given(size=st.tuples(st.integers(1, 300), st.integers(1, 300)),
       crops=st.lists(st.tuples(_fraction, _fraction, _fraction, _fraction), min_size=1, max_size=12))
def test_the_weights_of_any_crops_are_pillows_box_resize(size, crops):
    """Crops sharing a side's box, or not: each crop's weights are its own."""
    grey = Image.frombytes("L", size, np.random.default_rng(sum(size)).integers(0, 256, size[0] * size[1], dtype=np.uint8).tobytes())
    _assert_pillows_resize(grey, tuple(crops))
    _assert_coefficients_of_the_thumbnails(grey, tuple(crops))


def test_a_different_photo_still_gets_different_hashes():
    a = fingerprint(mf.photo(seed=1, size=(100, 100)).convert("L"))
    b = fingerprint(mf.photo(seed=2, size=(100, 100)).convert("L"))
    assert a.distance(b) > BITS // 8


def _full_distance(a: Fingerprint, b: Fingerprint) -> int:
    return min((x ^ y).bit_count() for x in a.hashes for y in b.hashes)


def _prints() -> list[Fingerprint]:
    prints = [fingerprint(mf.photo(seed=s, shot=k, size=(320, 320))) for s in range(4) for k in range(3)]
    prints.append(fingerprint(mf.cropped(mf.photo(seed=0, size=(320, 320)))))
    prints.append(fingerprint(mf.reencoded(mf.photo(seed=1, size=(320, 320)))))
    rnd = random.Random(7)
    for base in list(prints[:6]):  # near copies: a few bits flipped in every crop's hash
        for flips in (1, 4, 12, 30):
            hashes = tuple(h ^ sum(1 << rnd.randrange(BITS) for _ in range(flips)) for h in base.hashes)
            prints.append(Fingerprint(hashes=hashes, flat=False, color=(0.0, 0.0, 0.0)))
    return prints


def test_distance_within_is_exact_up_to_within_and_over_it_beyond():
    prints = _prints()
    checked = near = 0
    for a in prints:
        for b in prints:
            full = _full_distance(a, b)
            for within in (0, 6, 12, 24, 48, BITS):
                got = a.distance(b, within=within)
                if full <= within:
                    assert got == full
                    near += 1
                else:
                    assert got > within
                checked += 1
    assert near > len(prints) and checked - near > len(prints)  # both sides of ``within`` were exercised


@pytest.mark.parametrize("size", [(1, 2_000_000), (3_000_000, 2), (97, 40_000)])
def test_a_strip_is_fingerprinted_in_bounded_memory(size):
    """A hostile strip (1 x 2,000,000 pixels decodes to 2 MB) must not make matrices of its
    length: 64 rows of 2 million doubles each, for each of 24 crops and axes, were gigabytes."""
    import tracemalloc

    from listing_lint.media.phash import _columns, _rows

    grey = Image.frombytes("L", size, np.random.default_rng(5).integers(0, 256, size[0] * size[1], dtype=np.uint8).tobytes())
    _rows.cache_clear()
    _columns.cache_clear()
    tracemalloc.start()
    try:
        print_ = fingerprint(grey)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(print_.hashes) == len(CROPS)
    assert peak < 32 * 2**20, peak


# -- the flatness test without the spread (Parseval's lower bound) -------------------------------
def _low_contrast(seed: int, size: tuple[int, int], spread: float) -> Image.Image:
    """A grey picture whose levels vary by about ``spread`` around mid-grey: smooth, noisy or both."""
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w]
    smooth = np.sin(x / max(w, 1) * rng.uniform(1, 9)) + np.cos(y / max(h, 1) * rng.uniform(1, 9))
    levels = 128 + spread * (rng.uniform(0, 1) * smooth + rng.uniform(0, 1.5) * rng.standard_normal((h, w)))
    return Image.fromarray(np.clip(np.rint(levels), 0, 255).astype(np.uint8), "L")


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), width=st.integers(1, 200), height=st.integers(1, 200),
       spread=st.sampled_from([0.0, 0.5, 1.0, 2.0, 2.9, 3.0, 3.1, 4.0, 4.3, 5.0, 8.0, 40.0]))
def test_the_bound_never_exceeds_the_spread_and_flatness_is_the_long_ways(seed, width, height, spread):
    from listing_lint.media.phash import FLAT_STDDEV, _ac_energy_weights, _coefficients_and_spread, _flat

    grey = _low_contrast(seed, (width, height), spread)
    coeffs, spread_of = _coefficients_and_spread(grey)
    variance = spread_of() ** 2
    bound = float(np.dot(np.square(coeffs[0], dtype=np.float64), _ac_energy_weights()))
    assert bound <= variance * (1 + 1e-4) + 1e-3
    assert _flat(coeffs, spread_of, CROPS) == (spread_of() < FLAT_STDDEV)


def _never(*_):
    raise AssertionError("the spread was worked out")


@pytest.mark.parametrize("seed", range(6))
def test_a_photo_is_no_flat_picture_without_its_spread(seed):
    from listing_lint.media.phash import _coefficients_and_spread, _flat

    coeffs, _ = _coefficients_and_spread(mf.photo(seed=seed, size=(100, 75)).convert("L"))
    assert _flat(coeffs, _never, CROPS) is False


@pytest.mark.parametrize("spread", [0.0, 2.0, 4.0])
def test_a_flat_or_nearly_flat_picture_is_still_measured(spread):
    """Near misses: a bound under the margin asks the spread (a flat picture is compared by colour)."""
    from listing_lint.media.phash import FLAT_STDDEV, _coefficients_and_spread, _flat

    coeffs, spread_of = _coefficients_and_spread(_low_contrast(7, (100, 75), spread))
    asked = []
    assert _flat(coeffs, lambda: asked.append(1) or spread_of(), CROPS) == (spread_of() < FLAT_STDDEV)
    assert asked
    assert fingerprint(_low_contrast(7, (100, 75), 0.0)).flat
