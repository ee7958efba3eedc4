"""Real media for the MED tests, made once per session (videos with ffmpeg, photos with Pillow)."""

from __future__ import annotations

import pytest

import media_factory as mf


@pytest.fixture(scope="session")
def photos() -> list[bytes]:
    """Ten different 800x800 JPEG photos of one product (different rooms and angles)."""
    return [mf.jpeg(mf.photo(seed=40 + i, shot=1 + i % 3, size=(800, 800))) for i in range(10)]


@pytest.fixture(scope="session")
def videos(tmp_path_factory) -> dict[str, bytes]:
    """name -> bytes of real videos: 16:9 MP4, 1:1 MOV, one without a video track, a long and a small one."""
    folder = tmp_path_factory.mktemp("videos")
    made = {
        "wide.mp4": mf.video(folder / "wide.mp4", 1280, 720),
        "square.mov": mf.video(folder / "square.mov", 720, 720, audio=False),
        "sound-only.mp4": mf.audio_only_mp4(folder / "sound-only.mp4"),
        "long.mp4": mf.video(folder / "long.mp4", 1280, 720, seconds=75, fps=1, audio=False),
        "small.mp4": mf.video(folder / "small.mp4", 640, 360, audio=False),
        "4x3.mp4": mf.video(folder / "4x3.mp4", 960, 720, audio=False),
    }
    return {name: path.read_bytes() for name, path in made.items()}
