"""The perceptual hash's fast paths give the answers of the plain computation (issue 18).

``thumbnails`` resamples on Pillow's image core, makes each first pass once for the crops that
share it, and copies one sheet out instead of calling ``Image.resize`` and ``tobytes`` per crop; ``Fingerprint.distance`` skips the pair loop when
the triangle inequality already puts every pair over ``within``. Neither may change a value:
MED008's findings and the stored probes depend on them.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import media_factory as mf
from listing_lint.media.phash import BITS, CROPS, THUMB, Fingerprint, fingerprint, thumbnails


def _plain_thumbnails(grey: Image.Image, crops=CROPS) -> np.ndarray:
    w, h = grey.size
    raw = b"".join(
        grey.resize((THUMB, THUMB), Image.Resampling.BOX, box=(w * l, h * t, w * (1 - r), h * (1 - b))).tobytes()
        for l, t, r, b in crops
    )
    return np.frombuffer(raw, dtype=np.uint8).reshape(len(crops), THUMB, THUMB).astype(np.float64)


@pytest.mark.parametrize("size", [(100, 100), (125, 94), (64, 64), (65, 64), (63, 127), (97, 625), (250, 97), (1, 1)])
def test_thumbnails_are_the_plain_resizes(size):
    grey = mf.photo(seed=sum(size), size=(300, 300)).resize(size).convert("L")
    assert np.array_equal(thumbnails(grey), _plain_thumbnails(grey))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(width=st.integers(1, 420), height=st.integers(1, 420), seed=st.integers(0, 2**32 - 1),
       noise=st.booleans())
def test_thumbnails_are_the_plain_resizes_at_any_size(width, height, seed, noise):
    """Wide, tall, tiny (enlarged) and large pictures, smooth or pure noise (every rounding shows)."""
    if noise:
        grey = Image.frombytes("L", (width, height), np.random.default_rng(seed).integers(0, 256, width * height, dtype=np.uint8).tobytes())
    else:
        grey = mf.photo(seed=seed % 1000, size=(160, 160)).resize((width, height)).convert("L")
    assert np.array_equal(thumbnails(grey), _plain_thumbnails(grey))


_fraction = st.sampled_from([0.0, 0.01, 0.03, 0.06, 0.1, 0.25, 1 / 3])


@settings(max_examples=60, deadline=None)
@given(size=st.tuples(st.integers(1, 300), st.integers(1, 300)),
       crops=st.lists(st.tuples(_fraction, _fraction, _fraction, _fraction), min_size=1, max_size=12))
def test_thumbnails_of_any_crops_are_the_plain_resizes(size, crops):
    """Crops sharing a side's box, or not: each crop's passes are still its own."""
    grey = Image.frombytes("L", size, np.random.default_rng(sum(size)).integers(0, 256, size[0] * size[1], dtype=np.uint8).tobytes())
    assert np.array_equal(thumbnails(grey, tuple(crops)), _plain_thumbnails(grey, tuple(crops)))


def test_a_different_photo_still_gets_different_thumbnails():
    a = mf.photo(seed=1, size=(100, 100)).convert("L")
    b = mf.photo(seed=2, size=(100, 100)).convert("L")
    assert not np.array_equal(thumbnails(a), thumbnails(b))


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
