"""A picture whose digest nobody knew yet is read once, for its digest and its probe (issue 18).

``probe_file`` used to hash the file (one read) and then probe it (a second read); now the bytes
read for the probe are hashed. The answer, and the digest the run remembers for the file, must be
those of the long way, whatever the picture: a clean photo, a truncated one, a PNG named .jpg, a
file too large to be read whole (streamed and hashed from disk as before).
"""

from __future__ import annotations

import hashlib

import pytest

import media_factory as mf
from listing_lint import memo
from listing_lint.bundle.files import SourceFile
from listing_lint.media import _probe_now, probe_file
from listing_lint.media import image as media_image
from listing_lint.media.budget import DEFAULT

MAX_BYTES = 200 * 1024 * 1024
PICTURES = {
    "photo.jpg": lambda: mf.jpeg(mf.photo(seed=3, size=(640, 480))),
    "truncated.jpg": mf.truncated_jpeg,
    "named.jpg": mf.png_named_jpg,
    "flat.png": lambda: mf.png(mf.photo(seed=1, size=(90, 90)).point(lambda _: 128)),
    "noise.webp": lambda: mf.webp(mf.photo(seed=5, size=(300, 200))),
}


@pytest.fixture(autouse=True)
def _fresh_memory():
    memo.clear_memory()
    yield
    memo.clear_memory()


def _file(tmp_path, name: str, content: bytes) -> SourceFile:
    path = tmp_path / name
    path.write_bytes(content)
    return SourceFile(path, name, name)


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_one_read_gives_the_long_ways_probe_and_digest(tmp_path, name):
    content = PICTURES[name]()
    file = _file(tmp_path, name, content)
    got = probe_file(file, MAX_BYTES, DEFAULT)
    assert memo.file_digest(file.path, read=False) == hashlib.sha256(content).hexdigest()
    memo.clear_memory()
    assert got == _probe_now(_file(tmp_path, name, content), MAX_BYTES, None, DEFAULT)  # read from disk by probe_image


@pytest.mark.parametrize("name", ["photo.jpg", "truncated.jpg"])
def test_a_picture_too_large_to_read_whole_is_hashed_and_streamed_as_before(tmp_path, monkeypatch, name):
    content = PICTURES[name]()
    expected = probe_file(_file(tmp_path, name, content), MAX_BYTES, DEFAULT)
    memo.clear_memory()
    monkeypatch.setattr(media_image, "WHOLE_READ_BYTES", 64)
    monkeypatch.setattr("listing_lint.media.WHOLE_READ_BYTES", 64)
    file = _file(tmp_path, "big-" + name, content)
    assert probe_file(file, MAX_BYTES, DEFAULT) == expected
    assert memo.file_digest(file.path, read=False) == hashlib.sha256(content).hexdigest()


def test_the_remembered_digest_keys_the_answer_for_the_same_bytes_elsewhere(tmp_path):
    content = PICTURES["photo.jpg"]()
    first = probe_file(_file(tmp_path, "a.jpg", content), MAX_BYTES, DEFAULT)
    edited = _file(tmp_path, "a.jpg", PICTURES["noise.webp"]())  # rewritten: the remembered digest is stale
    assert probe_file(edited, MAX_BYTES, DEFAULT).format == "webp"
    assert probe_file(_file(tmp_path, "b.jpg", content), MAX_BYTES, DEFAULT) == first
