"""The video probe (``media/video.py``, ``struct`` since session 15) against the hachoir walk it
replaced (``hachoir_oracle.py``): the same ``VideoProbe`` on real videos, and on fuzzed copies an
answer in bounded time that is never more lenient than hachoir's (bench/video_probe_compare.py
runs the same comparison on the bench repo's videos and 3,000 mutants)."""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

import pytest

import media_factory as mf
from hachoir_oracle import hachoir_probe
from listing_lint.media.budget import DEFAULT
from listing_lint.media.sniff import sniff
from listing_lint.media.video import _probe_iso

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from video_probe_compare import mutate  # noqa: E402


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("probe")
    made = {
        "wide.mp4": mf.video(folder / "wide.mp4", 320, 180),
        "square.mov": mf.video(folder / "square.mov", 240, 240),
        "sound-only.mp4": mf.audio_only_mp4(folder / "sound-only.mp4", seconds=1),
        "fragmented.mp4": mf.fragmented(folder / "fragmented.mp4", 160, 120, seconds=4),
        "fragmented-first.mp4": mf.fragmented(folder / "fragmented-first.mp4", 160, 120, seconds=4, empty_moov=False,
                                              audio=True),
    }
    made["portrait.mp4"] = mf.portrait(folder / "portrait.mp4", made["wide.mp4"])
    made["portrait.mov"] = mf.portrait(folder / "portrait.mov", made["square.mov"])
    videos = {name: path.read_bytes() for name, path in made.items()}
    for path in sorted((ROOT / "fixtures").rglob("*.mp4")):
        videos[str(path.relative_to(ROOT))] = path.read_bytes()
    return videos


def _both(data: bytes):
    fmt = sniff(data[:32])
    started = time.perf_counter()
    new = _probe_iso(io.BytesIO(data), fmt, len(data), DEFAULT)
    return new, hachoir_probe(io.BytesIO(data), fmt, len(data), DEFAULT), time.perf_counter() - started


def test_the_same_probe_as_hachoirs_on_real_videos(real):
    for name, data in real.items():
        new, old, _ = _both(data)
        assert new == old, name
    assert {p.tracks for p in map(lambda d: _both(d)[0], real.values())} >= {("vide", "soun"), ("soun",), ("vide",)}


def test_fuzzed_videos_get_an_answer_in_bounded_time_never_more_lenient_than_hachoirs(real):
    rng = random.Random(15)
    bases = [real["wide.mp4"], real["portrait.mov"], real["fragmented-first.mp4"]]
    broken = 0
    for i in range(300):
        data = mutate(bases[i % len(bases)], rng)
        if sniff(data[:32]) not in ("mp4", "mov"):
            continue
        new, old, took = _both(data)
        assert took < 2.0
        assert not (old.problem and not new.problem), (i, old, new)
        broken += bool(new.problem)
    assert broken > 20  # the mutants do break files
