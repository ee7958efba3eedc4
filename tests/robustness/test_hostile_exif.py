"""Hostile phone pictures (session 14): broken EXIF blocks, the largest EXIF directory. Each must
give an answer (the orientation 1, or the one the first directory says) quickly, without a crash
or a printed warning; the HTML report's thumbnails too.
"""

from __future__ import annotations

import struct
import time
import warnings
from functools import lru_cache

import pytest

import media_factory as mf
from listing_lint.media.image import probe_image_bytes

IFD = b"II*\x00\x08\x00\x00\x00"  # a little-endian TIFF header, first directory at byte 8
EXIF_BLOCKS = {
    "cut short": b"Exif\x00\x00" + IFD[:6],
    "noise": b"Exif\x00\x00" + bytes(range(256)) * 200,
    "first directory past the end": b"Exif\x00\x00II*\x00\xff\xff\xff\x7f",
    "5,000 entries of 2 G values each": b"Exif\x00\x00" + IFD + b"\x88\x13" + b"\x12\x01\x03\x00\xff\xff\xff\x7f\x00\x00\x00\x00" * 5000,
    "a directory that names itself next": b"Exif\x00\x00" + IFD + b"\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x08\x00\x00\x00",
    "orientation as text": b"Exif\x00\x00" + IFD + b"\x01\x00\x12\x01\x02\x00\x02\x00\x00\x00\x36\x00\x00\x00\x00\x00\x00\x00",
    "orientation 9": b"Exif\x00\x00" + IFD + b"\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x09\x00\x00\x00\x00\x00\x00\x00",
}


@lru_cache(maxsize=None)
def _photo() -> bytes:
    return mf.jpeg(mf.photo(90, 1, size=(1000, 800)))


@pytest.mark.parametrize("name", EXIF_BLOCKS)
def test_a_broken_exif_block_is_read_quickly_and_quietly(name):
    data = mf.with_app1(_photo(), EXIF_BLOCKS[name])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        started = time.perf_counter()
        probe = probe_image_bytes(data)
        elapsed = time.perf_counter() - started
    # a directory naming itself as the next one still says 6 in the first: only that one is read
    expected = (None, 800, 1000, 6) if name == "a directory that names itself next" else (None, 1000, 800, 1)
    assert (probe.problem, probe.width, probe.height, probe.orientation) == expected
    assert elapsed < 1.0
    assert not caught  # Pillow's "Corrupt EXIF data" warnings stay out of the report's stderr


@pytest.mark.parametrize("fmt", ["WEBP", "PNG"])
def test_the_largest_exif_directory_is_read_in_bounded_time(fmt):
    """65,535 entries (the most a directory counts), in a WebP's or PNG's EXIF chunk (no 64 KB JPEG segment cap)."""
    n = 65535
    block = IFD + struct.pack("<H", n) + b"\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00" * n + b"\x00" * 4
    data = mf.encode(mf.photo(91, 1, size=(100, 80)), fmt, exif=block)
    started = time.perf_counter()
    probe = probe_image_bytes(data)
    assert time.perf_counter() - started < 2.0
    assert (probe.width, probe.height, probe.orientation) == (80, 100, 6)


def _thumb(data: bytes):
    import base64
    import io

    from PIL import Image

    from listing_lint.reporters.html.thumbs import thumbnail_uri

    uri = thumbnail_uri(data)
    return None if uri is None else Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))


def test_the_html_reports_thumbnail_is_the_picture_as_shown():
    """Turned by its EXIF orientation like the rules measure it; a 16-bit grey PNG had no thumbnail
    at all (Pillow cannot shrink ``I;16``); a broken EXIF block is no reason to draw none."""
    import numpy as np

    assert _thumb(mf.turned_jpeg(mf.photo(66, 1, size=(1000, 800)), 6)).size == (128, 160)
    grey = _thumb(mf.grey16_png(mf.photo(68, 1, size=(800, 800))))
    assert grey is not None and 40 < np.asarray(grey).mean() < 230
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert _thumb(mf.with_app1(_photo(), EXIF_BLOCKS["cut short"])).size == (160, 128)
    assert not caught
