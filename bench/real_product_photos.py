"""MED008 (and the other MED rules' probe) on real product photo sets: Magento's sample catalogue.

    python bench/real_product_photos.py --mirror /path/to/magento2-sample-data.git [--every 3]

The pictures are read from a git mirror of magento/magento2-sample-data at the pinned commit
(``COMMIT``; licence OSL 3.0, pub/media/LICENSE.txt): they are not committed here. File names
give the sets: ``<style>-<colour>_<view>.jpg`` (views main, alt1, back, side_a, side_b, outfit)
and ``<style>-<colour>-0[_alt1].jpg`` for bags. Classes measured (docs/decisions.md, session 18):

  views     two different views (front, back, side...) of one product in one colour: different
            pictures, MED008 must stay silent
  colours   the main view of two colour variants of one style (Magento recolours one shot)
  copies    a real duplicate made from every ``--every``-th picture (re-encoded, resized, cropped
            3-5 %, WebP, PNG, palette PNG, EXIF-rotated, CMYK, progressive): MED008 must fire

Every probe is also checked for a ``problem`` (MED005) and for the size it reports (MED004/006).
"""

from __future__ import annotations

import argparse
import collections
import io
import itertools
import re
import statistics
import subprocess
import sys
import tarfile
from pathlib import Path

COMMIT = "53807565ba9f23c9409268c02bb995cf39ef553d"  # 2024-03-06
PRODUCTS = "pub/media/catalog/product"
NAME = re.compile(r"^(?P<style>[a-z]+\d+)-(?P<colour>[a-z]+)(?:-0)?(?:_(?P<view>main|alt1|back|outfit|side_a|side_b))?\.jpg$")


def pictures(mirror: Path) -> dict[str, bytes]:
    """file name -> bytes of every product picture at ``COMMIT``."""
    tar = subprocess.run(["git", f"--git-dir={mirror}", "archive", COMMIT, PRODUCTS], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        return {Path(m.name).name: archive.extractfile(m).read() for m in archive if m.isfile()}


def sets(names) -> dict[str, dict[tuple[str, str], str]]:
    """style -> (colour, view) -> file name."""
    out: dict[str, dict] = collections.defaultdict(dict)
    for name in names:
        if m := NAME.match(name):
            out[m["style"]][(m["colour"], m["view"] or "main")] = name
    return out


def _save(im, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, fmt, **options)
    return buffer.getvalue()


def _crop(im, margin: float, sides=(1, 1, 1, 1)):
    w, h = im.size
    return im.crop((int(w * margin * sides[0]), int(h * margin * sides[1]),
                    w - int(w * margin * sides[2]), h - int(h * margin * sides[3])))


def _exif_rotated(im) -> bytes:
    """Stored on its side with EXIF orientation 6, as phones write: shown upright."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6
    return _save(im.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=90, exif=exif.tobytes())


def copies():
    from PIL import Image

    half = lambda im: im.resize((im.width // 2, im.height // 2), Image.Resampling.LANCZOS)  # noqa: E731
    return {
        "JPEG q60": lambda im: _save(im, "JPEG", quality=60),
        "resized 50%": lambda im: _save(half(im), "JPEG", quality=85),
        "cropped 3% all sides": lambda im: _save(_crop(im, 0.03), "JPEG", quality=85),
        "cropped 5% all sides": lambda im: _save(_crop(im, 0.05), "JPEG", quality=85),
        "cropped 4% left+bottom": lambda im: _save(_crop(im, 0.04, (1, 0, 0, 1)), "JPEG", quality=85),
        "cropped 5%, 57%, WebP": lambda im: _save(_crop(im, 0.05).resize((int(im.width * .57), int(im.height * .57))), "WEBP", quality=70),
        "WebP q75": lambda im: _save(im, "WEBP", quality=75),
        "PNG": lambda im: _save(im, "PNG"),
        "palette PNG": lambda im: _save(im.convert("P", palette=Image.Palette.ADAPTIVE), "PNG"),
        "EXIF-rotated": _exif_rotated,
        "CMYK JPEG": lambda im: _save(im.convert("CMYK"), "JPEG", quality=90),
        "progressive q70": lambda im: _save(im, "JPEG", quality=70, progressive=True),
    }


def measure(data: dict[str, bytes], every: int):
    from PIL import Image

    from listing_lint.media.image import probe_image_bytes

    probes = {name: probe_image_bytes(raw) for name, raw in data.items()}
    problems = [(name, p.problem) for name, p in probes.items() if p.problem or not p.fingerprint]
    classes: dict[str, list] = collections.defaultdict(list)
    for style, files in sets(probes).items():
        for (c1, v1), (c2, v2) in itertools.combinations(sorted(files), 2):
            if c1 != c2 and not v1 == v2 == "main":
                continue
            a, b = files[(c1, v1)], files[(c2, v2)]
            same = Image.open(io.BytesIO(data[a])).convert("RGB").tobytes() == Image.open(io.BytesIO(data[b])).convert("RGB").tobytes()
            label = "views" if c1 == c2 else "colours"
            classes[label].append((probes[a].fingerprint.distance(probes[b].fingerprint), a, b, same))
    for name in sorted(data)[::every]:
        im = Image.open(io.BytesIO(data[name])).convert("RGB")
        for label, make in copies().items():
            p = probe_image_bytes(make(im))
            if p.problem or not p.fingerprint:
                problems.append((f"{name} {label}", p.problem))
            elif label in ("PNG", "palette PNG", "EXIF-rotated", "CMYK JPEG", "WebP q75") and (p.width, p.height) != im.size:
                problems.append((f"{name} {label}", f"reported {p.width}x{p.height}, is {im.size[0]}x{im.size[1]}"))
            else:
                classes["copies"].append((probes[name].fingerprint.distance(p.fingerprint), name, label, False))
    return classes, problems


def report(classes, problems, threshold: float) -> None:
    for label, rows in classes.items():
        d = sorted(r[0] for r in rows)
        print(f"{label:8s} pairs {len(d):5d}  min {d[0]:3d}  median {statistics.median(d):5.1f}  max {d[-1]:3d}  "
              f"<= {threshold:g}: {sum(x <= threshold for x in d)}")
    print("\nthreshold sweep: false alarms (views, pixels not identical) / misses (copies)")
    for t in range(15, 27):
        alarms = sum(r[0] <= t and not r[3] for r in classes["views"])
        misses = sum(r[0] > t for r in classes["copies"])
        print(f"  {t:2d}: {alarms:3d} / {misses:3d}")
    print(f"\nviews at or under {threshold:g} (false alarms unless the pixels are the same):")
    for r in sorted(classes["views"]):
        if r[0] <= threshold:
            print(f"  {r[0]:3d} {r[1]} {r[2]}{'  (same pixels: a real duplicate)' if r[3] else ''}")
    print(f"copies over {threshold:g} (misses):")
    for r in sorted(classes["copies"], reverse=True):
        if r[0] > threshold:
            print(f"  {r[0]:3d} {r[1]} {r[2]}")
    print("\nprobe problems on real, valid pictures:", problems or "none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True, help="git directory of magento/magento2-sample-data")
    parser.add_argument("--every", type=int, default=3, help="make copies of every N-th picture")
    parser.add_argument("--threshold", type=float, default=None, help="default: max-duplicate-distance")
    args = parser.parse_args()
    from listing_lint.thresholds import default_thresholds

    threshold = args.threshold if args.threshold is not None else default_thresholds("aliexpress")["max-duplicate-distance"].value
    classes, problems = measure(pictures(args.mirror), args.every)
    report(classes, problems, threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
