"""How much the MED rules cost on 1,000 images, against what Pillow needs just to open them.

    python bench/media_bench.py                 # 1,000 images in 100 bundles (made once, cached)
    python bench/media_bench.py --images 200    # a quicker run
    python bench/media_bench.py --parsers       # compare video container parsers (docs/decisions.md)

Three figures in CPU seconds of this one process (the machine may be shared; wall time would
count other people's work), files already in the page cache (the best of 3 runs after a
warm-up run counts):
  open     Image.open() + .size for every image: the header only
  decode   Image.open() + .load(): the pixels, which anything that looks at an image must pay
  rules    the engine with --select MED minus the engine with --select LNT002 (the cost of
           loading bundles without the media rules)
The target (issue 4) is rules < decode.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

PER_BUNDLE = 10


def make_corpus(root: Path, images: int) -> list[Path]:
    """``images`` product photos (70 % JPEG, 20 % PNG, 10 % WebP, 800-1600 px) in bundles of 10."""
    import media_factory as mf
    from PIL import Image

    rnd = random.Random(7)
    bases = [mf.photo(seed=200 + i, shot=i % 4, size=(1600, 1600)) for i in range(40)]
    paths: list[Path] = []
    for b in range(0, images, PER_BUNDLE):
        folder = root / "listings" / f"bench-{b // PER_BUNDLE:04d}"
        media = []
        for k in range(min(PER_BUNDLE, images - b)):
            base = bases[(b + k * 7) % len(bases)]
            side = rnd.choice((800, 1000, 1200, 1600))
            x, y = rnd.randrange(0, 1600 - side + 1), rnd.randrange(0, 1600 - side + 1)
            im = base.crop((x, y, x + side, y + side))
            fmt = rnd.choices(("jpg", "png", "webp"), (7, 2, 1))[0]
            rel = f"media/img-{k:02d}.{fmt}"
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = {"jpg": lambda: mf.jpeg(im, quality=85), "png": lambda: mf.encode(im, "PNG", compress_level=3), "webp": lambda: mf.webp(im)}[fmt]()
            path.write_bytes(data)
            paths.append(path)
            media.append({"kind": "image", "file": rel, "role": "scene", "placement": "gallery" if k < 6 else "description"})
        manifest = {
            "schema_version": "1", "id": folder.name, "category": "home-garden", "markets": ["EU"],
            "title": {}, "detail_pages": {}, "media": media,
            "skus": [{"id": "B1", "model": "B1", "price": {"amount": "9.90", "currency": "USD"}}],
        }  # fmt: skip
        (folder / "listing.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return paths


def time_pillow(paths: list[Path], decode: bool) -> float:
    from PIL import Image

    start = time.process_time()
    for path in paths:
        with Image.open(path) as im:
            im.size
            if decode:
                im.load()
    return time.process_time() - start


def time_engine(root: Path, select: str) -> float:
    from listing_lint.config import Config
    from listing_lint.engine import make_settings, run

    cfg = Config(values={"select": [select], "cache": False, "jobs": 1}, root=root)
    start = time.process_time()
    settings = make_settings(cfg, [str(root)], root, date(2026, 11, 25))
    run(settings, [str(root)])
    elapsed = time.process_time() - start
    return elapsed


def best_of(fn, *args, runs: int = 3) -> float:
    fn(*args)  # warm: imports, page cache
    return min(fn(*args) for _ in range(runs))


def bench_rules(images: int) -> None:
    root = Path(tempfile.gettempdir()) / f"listing-lint-media-bench-{images}"
    if not (root / "listings").is_dir():
        print(f"making {images} images in {root} ...")
        shutil.rmtree(root, ignore_errors=True)
        make_corpus(root, images)
    paths = sorted(p for p in (root / "listings").rglob("media/*") if p.is_file())
    opened = best_of(time_pillow, paths, False)
    decoded = best_of(time_pillow, paths, True)
    engine_med = best_of(time_engine, root, "MED")
    engine_base = best_of(time_engine, root, "LNT002")
    rules = engine_med - engine_base
    print(f"{len(paths)} images, {len(paths) // PER_BUNDLE} bundles")
    print(f"  Pillow open (header):      {opened:7.2f} s")
    print(f"  Pillow open + decode:      {decoded:7.2f} s")
    print(f"  engine --select MED:       {engine_med:7.2f} s")
    print(f"  engine --select LNT002:    {engine_base:7.2f} s")
    print(f"  MED rules add:             {rules:7.2f} s  ({rules / decoded:.0%} of open + decode)")


# -- video container parsers ---------------------------------------------------------------
def _videos(folder: Path) -> dict[str, Path]:
    import media_factory as mf

    made = {
        "16x9.mp4": mf.video(folder / "16x9.mp4", 1280, 720),
        "1x1.mov": mf.video(folder / "1x1.mov", 720, 720, audio=False),
        "sound-only.mp4": mf.audio_only_mp4(folder / "sound-only.mp4"),
    }
    rotated = folder / "rotated.mp4"
    subprocess.run([mf.ffmpeg(), "-loglevel", "error", "-y", "-display_rotation", "90", "-i", str(made["16x9.mp4"]),
                    "-c", "copy", str(rotated)], check=True)  # fmt: skip
    made["rotated.mp4"] = rotated
    data = made["16x9.mp4"].read_bytes()
    (folder / "truncated.mp4").write_bytes(data[: len(data) - 200])
    made["truncated.mp4"] = folder / "truncated.mp4"
    return made


def _hachoir(path):
    from pathlib import Path as P

    from listing_lint.bundle.files import SourceFile
    from listing_lint.media.video import probe_video

    p = probe_video(SourceFile(P(path), str(path), str(path)))
    return p.problem or f"{p.duration:.1f}s {p.width}x{p.height} {p.codec}"


def _pymediainfo(path):
    from pymediainfo import MediaInfo

    info = MediaInfo.parse(path)
    video = [t for t in info.tracks if t.track_type == "Video"]
    if not video:
        return "no video track"
    v = video[0]
    return f"{(info.general_tracks[0].duration or 0) / 1000:.1f}s {v.width}x{v.height} {v.format} rot={v.rotation}"


def _pyav(path):
    import av

    with av.open(str(path)) as container:
        video = [s for s in container.streams if s.type == "video"]
        if not video:
            return "no video track"
        cc = video[0].codec_context
        return f"{container.duration / 1e6:.1f}s {cc.width}x{cc.height} {cc.name}"


def _mutagen(path):
    from mutagen.mp4 import MP4

    info = MP4(path).info
    return f"{info.length:.1f}s (no width/height) {info.codec}"


def bench_parsers() -> None:
    parsers = {"hachoir": ("hachoir.parser", _hachoir), "pymediainfo": ("pymediainfo", _pymediainfo),
               "PyAV": ("av", _pyav), "mutagen": ("mutagen", _mutagen)}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        videos = _videos(Path(tmp))
        for label, (module, fn) in parsers.items():
            proc = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True)
            if proc.returncode:
                print(f"{label}: not installed")
                continue
            import_us = proc.stderr.strip().splitlines()[-1].split("|")[1].strip()
            print(f"{label}: import {int(import_us) / 1000:.0f} ms")
            for name, path in videos.items():
                try:
                    fn(path)
                    start = time.perf_counter()
                    for _ in range(20):
                        out = fn(path)
                    ms = (time.perf_counter() - start) / 20 * 1000
                except Exception as exc:  # noqa: BLE001 - a parser's failure is a result here
                    out, ms = f"raised {type(exc).__name__}: {str(exc)[:60]}", float("nan")
                print(f"    {name:15} {ms:6.2f} ms  {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--parsers", action="store_true", help="compare video container parsers instead")
    args = parser.parse_args()
    if args.parsers:
        bench_parsers()
    else:
        bench_rules(args.images)


if __name__ == "__main__":
    main()
