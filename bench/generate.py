"""Generate a large, deterministic listing repo for the benchmarks.

    python bench/generate.py OUT [--bundles 1000] [--seed 1]

Each bundle is what a real premium listing looks like: listing.json with SKUs, media, alt text,
certificates, brand, responsible persons, fulfilment, metrics and an experiment; four detail
pages (en, es, fr, ru) of about twenty text blocks each; ten JPEG images (cover 800×800, scenes,
description images, size chart), a poster, a real H.264 MP4, three certificates (two PDFs and a
scanned JPEG) and, in three bundles of five, a trademark certificate. Same arguments, same bytes
(given the same Pillow and ffmpeg builds): bundle ``k`` never depends on how many come after it,
so the 100-bundle repo is the first tenth of the 1,000-bundle one.
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
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]  # tests/: pdf_writer, the repo's one PDF writer
from corpus import FEATURES, NOUNS, PHRASES, SENTENCES  # noqa: E402
from pdf_writer import HELVETICA, Document, pdf_string  # noqa: E402

LOCALES = ("en", "es", "fr", "ru")
IMAGE_POOL = 48  # distinct pictures per size class; a bundle draws distinct ones from a pool
SIZES = {"cover": (800, 800), "scene": (1000, 1000), "description": (750, 1000), "chart": (800, 600), "poster": (720, 720)}
CATEGORIES = ("home-garden", "consumer-electronics-accessories", "auto-moto-parts", "home-garden")
GROUPS = (["mains-powered", "radio", "internet-connected"], ["battery", "led-lighting"], ["wired-charging"], [])


# -- media -------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def picture(kind: str, index: int) -> bytes:
    """A JPEG of random shapes: distinct pictures, not near-duplicates, about 30-60 KB."""
    from PIL import Image, ImageDraw

    rng = random.Random(f"{kind}-{index}")
    width, height = SIZES[kind]
    img = Image.new("RGB", (width, height), tuple(rng.randrange(40, 250) for _ in range(3)))
    draw = ImageDraw.Draw(img)
    for _ in range(14):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1, y1 = x0 + rng.randrange(40, width // 2), y0 + rng.randrange(40, height // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x0, y0, x1, y1), fill=colour)
    for _ in range(6):
        points = [(rng.randrange(width), rng.randrange(height)) for _ in range(4)]
        draw.line(points, fill=tuple(rng.randrange(256) for _ in range(3)), width=rng.randrange(3, 12))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82)
    return out.getvalue()


@lru_cache(maxsize=None)
def video(variant: int) -> bytes:
    """A real H.264 MP4, 720×720, 6 s (ffmpeg from imageio-ffmpeg, bit-exact flags)."""
    import imageio_ffmpeg

    pattern = ("testsrc", "testsrc2", "smptebars", "rgbtestsrc")[variant % 4]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "v.mp4"
        subprocess.run(
            [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
             "-i", f"{pattern}=size=720x720:rate=25:duration=6", "-c:v", "libx264", "-preset", "veryfast",
             "-crf", "36", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-threads", "1",
             "-fflags", "+bitexact", "-flags", "+bitexact", str(out)],
            check=True,
        )
        return out.read_bytes()


def pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF with the certificate's text (Helvetica, Latin-1); tests/pdf_writer.py writes it."""
    text = "BT /F1 11 Tf 60 780 Td 14 TL " + " ".join(f"{pdf_string(s)} '" for s in lines) + " ET"
    doc = Document()
    doc.add(b"<< /Type /Catalog /Pages 2 0 R >>")
    doc.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    doc.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
    doc.stream(text.encode("latin-1"))
    doc.add(HELVETICA)
    return doc.serialize(root=1, binary_marker=False)


# -- text ----------------------------------------------------------------------------------------
def paragraph(rng: random.Random, locale: str, sentences: int) -> str:
    return " ".join(rng.sample(SENTENCES[locale], sentences))


def page_html(rng: random.Random, locale: str, title: str, images: list[tuple[str, str]]) -> str:
    """A full HTML document of about 20 text blocks (headings, paragraphs, list, table, alt text)."""
    phrases = PHRASES[locale]
    parts = [f"<!DOCTYPE html>\n<html lang=\"{locale}\">\n<head>\n<meta charset=\"utf-8\">",
             f"<title>{title}</title>\n</head>\n<body>", f"<h1>{title}</h1>"]
    for section in range(3):
        parts.append(f"<h2>{rng.choice(phrases)}</h2>")
        parts.append(f"<p>{paragraph(rng, locale, 2)}</p>")
        parts.append(f"<p>{paragraph(rng, locale, rng.choice((1, 2)))}</p>")
        if section < len(images):
            src, alt = images[section]
            parts.append(f'<p><img src="../{src}" alt="{alt}" width="750"></p>')
    parts.append("<ul>")
    parts.extend(f"  <li>{s}</li>" for s in rng.sample(SENTENCES[locale], 3))
    parts.append("</ul>")
    parts.append("<table>")
    for label in rng.sample(phrases, 1):
        parts.append(f"  <tr><th>{label}</th><td>{rng.choice(phrases)}, 220–240 V</td></tr>")
    parts.append("</table>")
    for src, alt in images[3:]:
        parts.append(f'<p><img src="../{src}" alt="{alt}" width="750"></p>')
    parts.append(f"<p>{paragraph(rng, locale, 2)}</p>\n</body>\n</html>\n")
    return "\n".join(parts)


# -- one bundle ------------------------------------------------------------------------------------
def bundle(index: int, seed: int) -> tuple[str, dict[str, bytes]]:
    """(folder name, {relative path: bytes}) of bundle ``index``; depends only on index and seed."""
    rng = random.Random(f"{seed}-{index}")
    kind = index % len(NOUNS["en"])
    bid = f"p{index:05d}-" + NOUNS["en"][kind].replace(" ", "-").lower()
    model = f"LL-{index:05d}"
    brand = rng.choice(("Voltra", "Gardeno", "Lumio", "Chargex", "Drivo"))
    files: dict[str, bytes] = {}
    media: list[dict] = []

    def alt_map(i: int) -> dict[str, str]:
        return {loc: PHRASES[loc][(i + kind) % len(PHRASES[loc])] for loc in LOCALES}

    picks = {k: rng.sample(range(IMAGE_POOL), n) for k, n in (("cover", 1), ("scene", 4), ("description", 4), ("chart", 1), ("poster", 1))}
    files["media/main.mp4"] = video(index % 4)
    files["media/poster.jpg"] = picture("poster", picks["poster"][0])
    media.append({"kind": "video", "file": "media/main.mp4", "role": "cover", "poster": "media/poster.jpg"})
    files["media/cover.jpg"] = picture("cover", picks["cover"][0])
    media.append({"kind": "image", "file": "media/cover.jpg", "role": "cover", "alt": alt_map(0)})
    for n, p in enumerate(picks["scene"], 1):
        files[f"media/scene-{n:02d}.jpg"] = picture("scene", p)
        media.append({"kind": "image", "file": f"media/scene-{n:02d}.jpg", "role": "scene", "alt": alt_map(n)})
    described = []
    for n, p in enumerate(picks["description"], 1):
        rel = f"media/detail-{n:02d}.jpg"
        files[rel] = picture("description", p)
        media.append({"kind": "image", "file": rel, "role": "scene", "placement": "description", "alt": alt_map(4 + n)})
        described.append((rel, 4 + n))
    files["media/size-chart.jpg"] = picture("chart", picks["chart"][0])
    media.append({"kind": "image", "file": "media/size-chart.jpg", "role": "size-chart", "placement": "description", "alt": alt_map(9)})

    titles = {}
    for loc in LOCALES:
        titles[loc] = f"{brand} {NOUNS[loc][kind]} {model}, {rng.choice(FEATURES[loc])}"
        images = [(rel, alt_map(i)[loc]) for rel, i in described]
        files[f"detail/{loc}.html"] = page_html(rng, loc, titles[loc], images).encode("utf-8")

    skus = [{"id": f"{model}-{c}", "model": f"{model}-{c}", "price": {"amount": f"{rng.randrange(19, 89)}.90", "currency": "USD"}, "core": c == "EU"}
            for c in ("EU", "UK", "US")]
    files["certs/ce-declaration.pdf"] = pdf([f"EU Declaration of Conformity No. CE-{index:05d}", f"{brand} {model}", "EN IEC 62368-1:2020+A11:2020", "EN 55032:2015+A11:2020"])
    files["certs/ukca-declaration.pdf"] = pdf([f"UK Declaration of Conformity No. UK-{index:05d}", f"{brand} {model}", "BS EN IEC 62368-1:2020+A11:2020"])
    files["certs/fcc-grant.jpg"] = picture("chart", (picks["chart"][0] + 7) % IMAGE_POOL)
    issued = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
    certificates = [
        {"scheme": "CE", "legislation": ["LVD", "EMC", "RoHS"], "standards": ["EN IEC 62368-1:2020+A11:2020", "EN 55032:2015+A11:2020", "EN 55035:2017+A11:2020"],
         "number": f"CE-{index:05d}", "issuer": f"{brand} Ltd", "issued": issued, "models": [s["model"] for s in skus], "file": "certs/ce-declaration.pdf"},
        {"scheme": "UKCA", "legislation": ["LVD", "EMC"], "standards": ["BS EN IEC 62368-1:2020+A11:2020"], "number": f"UK-{index:05d}",
         "issuer": f"{brand} Ltd", "issued": issued, "models": [skus[1]["model"]], "file": "certs/ukca-declaration.pdf"},
        {"scheme": "FCC", "legislation": ["15B"], "standards": ["ANSI C63.4-2014"], "number": f"FCC-{index:05d}", "issued": issued,
         "models": [skus[2]["model"]], "file": "certs/fcc-grant.jpg"},
    ]
    brand_info: dict = {"name": brand}
    if index % 5 < 3:
        files["certs/trademark.jpg"] = picture("chart", (picks["chart"][0] + 13) % IMAGE_POOL)
        brand_info["trademark"] = {"mark": "R", "office": "EUIPO", "number": f"0{18000000 + index}", "classes": [9, 11], "file": "certs/trademark.jpg"}

    data = {
        "schema_version": "1",
        "id": bid,
        "category": CATEGORIES[kind % len(CATEGORIES)],
        "product_groups": GROUPS[kind % len(GROUPS)],
        "placed_on_market": f"2026-{rng.randrange(1, 11):02d}-{rng.randrange(1, 28):02d}",
        "markets": ["EU", "UK", "US"],
        "locales": list(LOCALES),
        "title": titles,
        "detail_pages": {loc: f"detail/{loc}.html" for loc in LOCALES},
        "skus": skus,
        "media": media,
        "certificates": certificates,
        "brand": brand_info,
        "responsible_person": [
            {"market": "EU", "name": f"{brand} Europe GmbH", "address": "Hauptstraße 1, 10115 Berlin, Germany", "email": "eu@example.com"},
            {"market": "UK", "name": f"{brand} UK Ltd", "address": "1 High Street, London EC1A 1AA, United Kingdom", "email": "uk@example.com"},
        ],
        "fulfillment": {"supply_lead_time_days": rng.randrange(5, 20),
                        "warehouses": [{"market": m, "kind": "local", "handling_days": rng.randrange(1, 4)} for m in ("EU", "UK", "US")]},
        "metrics": {"ctr": round(rng.uniform(0.02, 0.06), 4), "add_to_cart_rate": round(rng.uniform(0.08, 0.2), 4),
                    "conversion_rate": round(rng.uniform(0.015, 0.04), 4), "return_rate": round(rng.uniform(0.01, 0.05), 4),
                    "dispute_rate": round(rng.uniform(0.002, 0.03), 4), "dsr": round(rng.uniform(4.6, 4.95), 2),
                    "health_score": rng.randrange(70, 100), "daily_visitors": {loc: rng.randrange(200, 5000) for loc in LOCALES}},
        "selection": {"blue_ocean_score": rng.randrange(60, 100), "competition_heat": rng.randrange(20, 80)},
        "experiments": [{
            "id": f"exp-{index:05d}-es", "locale": "es", "element": "title", "hypothesis": "A shorter Spanish title lifts CTR",
            "primary_metric": "ctr", "variants": [{"id": "control"}, {"id": "short", "title": titles["es"][:60]}],
            "traffic_split": [50, 50], "mde": 0.2, "start": "2026-12-07", "end": "2027-01-04", "status": "planned"}],
    }
    files["listing.json"] = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return bid, files


STORE = {
    "seller": {"legal_name": "Bench Store Ltd", "license_registered": "2021-03-01", "serious_violations_12m": 0},
    "warehouses_coverage": 0.7,
    "support_response_hours": {"EU": 12, "UK": 12, "US": 20},
    "inventory_turnover_days": 32,
    "metrics": {"ctr": 0.041, "conversion_rate": 0.024, "dsr": 4.85},
}


def generate(out: Path, bundles: int, seed: int = 1) -> Path:
    """Write the repo (replacing ``out``); returns ``out``."""
    if out.exists():
        shutil.rmtree(out)
    (out / "listings").mkdir(parents=True)
    (out / "store.json").write_text(json.dumps(STORE, indent=2) + "\n", encoding="utf-8")
    for index in range(1, bundles + 1):
        name, files = bundle(index, seed)
        for rel, content in files.items():
            path = out / "listings" / name / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.bundles, args.seed)
    files = sum(1 for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.bundles} bundles, {files} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
