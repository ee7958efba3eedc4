"""The video probe (``struct``, session 15) against the hachoir walk it replaced, on real videos and fuzzed ones.

    python bench/video_probe_compare.py [--repo bench/repo-1000] [--mutants 300] [--seed 15]

1. Real files: every MP4/MOV under ``fixtures/`` and ``--repo``, and the kinds of video the tests
   make with ffmpeg (H.264 with and without sound, MOV, sound only, portrait MP4 and MOV, fragmented
   with an empty or a first-fragment ``moov``, noisy, MPEG-4 Part 2, faststart). Both probes must
   give the same ``VideoProbe``; prints the count and any difference.
2. Fuzzed: ``--mutants`` copies of four real files, each cut short, or with 1-8 bytes changed in
   its boxes (not in ``mdat``), or with a box size set to a random value, or with 1-4 bytes
   changed anywhere in the boxes whose fields are read (``mvhd tkhd mdhd hdlr stsd``). Prints how the two
   answers compare (same; both broken, said differently; one broken), the slowest probe, and every
   case where only hachoir found a file broken (the new probe must be at least as strict).
3. Time per probe of each, on the real files (``time.process_time``, 20 rounds).
"""

from __future__ import annotations

import argparse
import collections
import io
import random
import struct
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hachoir_oracle import hachoir_probe  # noqa: E402

from listing_lint.media.budget import DEFAULT  # noqa: E402
from listing_lint.media.sniff import sniff  # noqa: E402
from listing_lint.media.video import _probe_iso  # noqa: E402


def made_videos(folder: Path) -> dict[str, bytes]:
    """The kinds of video the tests make, plus a few an encoder or a phone writes."""
    import subprocess

    import media_factory as mf

    made = {
        "wide.mp4": mf.video(folder / "wide.mp4", 1280, 720),
        "square.mov": mf.video(folder / "square.mov", 720, 720, audio=False),
        "square-sound.mov": mf.video(folder / "square-sound.mov", 720, 720),
        "sound-only.mp4": mf.audio_only_mp4(folder / "sound-only.mp4"),
        "long.mp4": mf.video(folder / "long.mp4", 1280, 720, seconds=75, fps=1, audio=False),
        "4x3.mp4": mf.video(folder / "4x3.mp4", 960, 720, audio=False),
        "noisy.mp4": mf.noisy_clip(folder / "noisy.mp4"),
        "frag-empty-moov.mp4": mf.fragmented(folder / "frag-empty-moov.mp4", 320, 240, seconds=6),
        "frag-first.mp4": mf.fragmented(folder / "frag-first.mp4", 320, 240, seconds=6, empty_moov=False, audio=True),
    }
    made["portrait.mp4"] = mf.portrait(folder / "portrait.mp4", made["wide.mp4"])
    made["portrait.mov"] = mf.portrait(folder / "portrait.mov", made["square-sound.mov"])
    for name, extra in {"mpeg4.mp4": ["-c:v", "mpeg4"], "faststart.mp4": ["-c:v", "libx264", "-movflags", "+faststart"]}.items():
        out = folder / name
        subprocess.run([mf.ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc=size=640x360:rate=10:duration=2", "-f", "lavfi", "-i", "sine=duration=2",
                        "-c:a", "aac", "-shortest", *extra, "-pix_fmt", "yuv420p", str(out)], check=True, capture_output=True)
        made[name] = out
    return {name: path.read_bytes() for name, path in made.items()}


def real_videos(repo: Path | None) -> dict[str, bytes]:
    found = {}
    roots = [ROOT / "fixtures"] + ([repo] if repo else [])
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in (".mp4", ".mov", ".m4v") and path.is_file():
                found[str(path.relative_to(root.parent))] = path.read_bytes()
    return found


def both(data: bytes):
    fmt = sniff(data[:32])
    if fmt not in ("mp4", "mov"):
        return None, None, 0.0
    started = time.process_time()
    new = _probe_iso(io.BytesIO(data), fmt, len(data), DEFAULT)
    took = time.process_time() - started
    return new, hachoir_probe(io.BytesIO(data), fmt, len(data), DEFAULT), took


def box_offsets(data: bytes) -> list[int]:
    """Where every box header is, outside ``mdat`` (the part of a file the probes read)."""
    found, stack = [], [(0, len(data))]
    containers = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"moof", b"traf", b"mvex", b"edts", b"dinf", b"udta"}
    while stack:
        at, end = stack.pop()
        while at + 8 <= end:
            size, kind = struct.unpack(">I4s", data[at:at + 8])
            if size < 8 or at + size > end:
                break
            found.append(at)
            if kind in containers:
                stack.append((at + 8, at + size))
            at += size
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    how = rng.choice(("cut", "bytes", "size", "fields"))
    if how == "cut":
        return data[:rng.randrange(8, len(data))]
    out = bytearray(data)
    offsets = box_offsets(data)
    if how == "size":
        at = rng.choice(offsets)
        near = (struct.unpack(">I", data[at:at + 4])[0] + rng.randrange(-16, 17)) % (1 << 32)
        out[at:at + 4] = struct.pack(">I", rng.choice((0, 1, 7, 8, rng.randrange(1 << 32), near)))
        return bytes(out)
    if how == "fields":  # inside the boxes whose fields the probes read: headers, handler, sample entries
        read = [at for at in offsets if data[at + 4:at + 8] in (b"mvhd", b"tkhd", b"mdhd", b"hdlr", b"stsd")]
        at = rng.choice(read)
        size = struct.unpack(">I", data[at:at + 4])[0]
        for _ in range(rng.randint(1, 4)):
            out[at + 8 + rng.randrange(size - 8)] = rng.randrange(256)
        return bytes(out)
    at = rng.choice(offsets)
    for _ in range(rng.randint(1, 8)):
        i = min(len(out) - 1, at + rng.randrange(0, 120))
        out[i] = rng.randrange(256)
    return bytes(out)


def verdict(new, old) -> str:
    if new == old:
        return "same"
    if new.problem and old.problem:
        return f"both broken: {old.problem} (hachoir) / {new.problem} (struct)"
    if old.problem:
        return f"only hachoir broken ({old.problem})"
    if new.problem:
        return f"only struct broken ({new.problem})"
    return "both fine, fields differ"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path)
    ap.add_argument("--mutants", type=int, default=300)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        made = made_videos(Path(tmp))
    videos = {**made, **real_videos(args.repo)}
    differ = []
    for name, data in videos.items():
        new, old, _ = both(data)
        if new != old:
            differ.append((name, old, new))
    print(f"real files: {len(videos)}, same probe: {len(videos) - len(differ)}")
    for name, old, new in differ:
        print(f"  DIFFERS {name}\n    hachoir {old}\n    struct  {new}")

    rng = random.Random(args.seed)
    bases = [made[n] for n in ("wide.mp4", "portrait.mov", "frag-first.mp4", "mpeg4.mp4")]
    tally, slowest, looser = collections.Counter(), 0.0, []
    for i in range(args.mutants):
        data = mutate(bases[i % len(bases)], rng)
        new, old, took = both(data)
        if new is None:
            tally["no longer sniffed as MP4/MOV"] += 1
            continue
        slowest = max(slowest, took)
        kind = verdict(new, old)
        tally[kind] += 1
        if kind.startswith("only hachoir"):
            looser.append((old, new))
    print(f"fuzzed: {args.mutants} mutants, slowest struct probe {slowest * 1000:.1f} ms")
    for kind, n in tally.most_common():
        print(f"  {n:5d}  {kind}")
    for old, new in looser[:10]:
        print(f"  hachoir: {old.problem}: {old.detail}\n   struct: {new}")

    timed = [d for d in made.values()]
    for label, fn in (("struct", _probe_iso), ("hachoir", hachoir_probe)):
        started = time.process_time()
        for _ in range(20):
            for data in timed:
                fn(io.BytesIO(data), sniff(data[:32]), len(data), DEFAULT)
        per = (time.process_time() - started) / (20 * len(timed)) * 1000
        print(f"{label}: {per:.3f} ms per probe ({len(timed)} made videos)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
