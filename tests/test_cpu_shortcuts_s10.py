"""Shortcuts taken for CPU in issue 18, session 10 give the answers of the longer way."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from listing_lint.media import image as image_mod
from listing_lint.media.image import probe_image_bytes


# -- a sniffed JPEG or PNG is opened with Pillow's plugin for it alone ----------------------------------
def _picture(fmt: str, **save) -> bytes:
    im = Image.new("RGB", (320, 240))
    for x in range(0, 320, 8):  # a pattern, so the fingerprint is not a flat picture's
        im.paste((x % 256, (3 * x) % 256, 90), (x, 0, x + 4, 240))
    out = io.BytesIO()
    im.save(out, fmt, **save)
    return out.getvalue()


def _mpo() -> bytes:
    first, second = Image.new("RGB", (200, 150), (200, 40, 40)), Image.new("RGB", (200, 150), (40, 40, 200))
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


PICTURES = {
    "baseline jpeg": lambda: _picture("JPEG", quality=85),
    "progressive jpeg": lambda: _picture("JPEG", progressive=True),
    "cmyk jpeg": lambda: _cmyk(),
    "mpo (a JPEG with a second picture)": _mpo,
    "png": lambda: _picture("PNG"),
    "palette png": lambda: _palette_png(),
    "truncated jpeg": lambda: _picture("JPEG")[:1500],
    "truncated png": lambda: _picture("PNG")[:900],
    "jpeg magic, then noise": lambda: b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8,
    "png magic, then noise": lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(200)),
    "jpeg magic alone": lambda: b"\xff\xd8\xff",
    "gif": lambda: _picture("GIF"),
}


def _cmyk() -> bytes:
    out = io.BytesIO()
    Image.new("CMYK", (160, 120), (10, 200, 30, 5)).save(out, "JPEG")
    return out.getvalue()


def _palette_png() -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(_picture("PNG"))).convert("P").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_one_plugin_probes_as_every_plugin_does(name, monkeypatch):
    data = PICTURES[name]()
    shortcut = probe_image_bytes(data)
    monkeypatch.setattr(image_mod, "pillow_formats", lambda fmt: None)  # Pillow's search over every plugin
    assert probe_image_bytes(data) == shortcut


def test_the_shortcut_is_taken_for_jpeg(monkeypatch):
    """The comparison above means something only if the plugin list is really passed."""
    asked = []
    real_open = Image.open

    def spy(fp, mode="r", formats=None):
        asked.append(formats)
        return real_open(fp, mode, formats)

    monkeypatch.setattr(Image, "open", spy)
    probe_image_bytes(PICTURES["baseline jpeg"]())
    assert asked and asked[0] == ("JPEG",)
