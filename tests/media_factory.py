"""Real test media, made on the spot: photos of a product scene, broken files, and real videos.

Images come from Pillow; videos from the ffmpeg binary that the ``imageio-ffmpeg`` wheel ships
(a test dependency only: the linter itself never runs ffmpeg).

    photo(seed=3, shot=0)                  # one "photo": a product on a background
    photo(seed=3, shot=1)                  # another photo of the same product on the same background
    jpeg(photo(3), quality=60)             # bytes
    truncated_jpeg(), bomb_png(), cmyk_jpeg(), animated_webp(), png_named_jpg()
    rgba_png(), lossless_webp(), many_scans_jpeg(), many_boxes_mp4(mp4)   # decode bombs under the pixel limit
    video(path, 1280, 720, seconds=2)      # a real H.264 MP4 or MOV (by the suffix)
    audio_only_mp4(path)                   # an MP4 with no video track
    fragmented(path, 1280, 720, seconds=75)   # a fragmented MP4, as phones and ffmpeg's frag_keyframe write it
    portrait(path, landscape_path)         # a phone's portrait video: landscape pixels and a tkhd rotation
    turned_jpeg(im, 6), with_app1(jpeg, raw), grey16_png(im)   # EXIF orientation, a raw EXIF block, 16-bit grey
    box(b"free", b""), full_box(...), moof(...)                # ISO BMFF boxes, for hostile fragments
"""

from __future__ import annotations

import io
import random
import struct
import subprocess
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from builder import BundleBuilder

SIDE = 1000


# -- photos --------------------------------------------------------------------------------
def _background(seed: int, size: tuple[int, int]) -> Image.Image:
    """A room: a lit wall with texture, a table edge, a few soft objects. Same seed, same room."""
    rnd = random.Random(seed)
    w, h = size
    top = tuple(rnd.randrange(120, 230) for _ in range(3))
    bottom = tuple(max(0, c - rnd.randrange(40, 100)) for c in top)
    grad = Image.linear_gradient("L").resize((w, h))
    im = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), grad)
    draw = ImageDraw.Draw(im)
    table_y = int(h * rnd.uniform(0.55, 0.7))
    draw.rectangle((0, table_y, w, h), fill=tuple(rnd.randrange(60, 200) for _ in range(3)))
    for _ in range(14):
        x, y = rnd.randrange(w), rnd.randrange(h)
        r = rnd.randrange(w // 30, w // 6)
        color = tuple(rnd.randrange(30, 250) for _ in range(3))
        shape = draw.ellipse if rnd.random() < 0.5 else draw.rectangle
        shape((x - r, y - r // 2, x + r, y + r), fill=color)
    im = im.filter(ImageFilter.GaussianBlur(w / 150))
    noise = Image.effect_noise(size, 18).convert("RGB")
    return Image.blend(im, noise, 0.08)


def _product(seed: int, side: int) -> Image.Image:
    """A smart plug: a white rounded body, a face plate, two pins' holes, a ring and a logo."""
    rnd = random.Random(seed * 7919 + 1)
    body = tuple(rnd.randrange(200, 250) for _ in range(3))
    accent = tuple(rnd.randrange(0, 120) for _ in range(3))
    im = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    s = side
    d.rounded_rectangle((s * 0.12, s * 0.05, s * 0.88, s * 0.95), radius=s * 0.15, fill=body + (255,), outline=(90, 90, 90, 255), width=max(2, s // 80))
    d.ellipse((s * 0.22, s * 0.18, s * 0.78, s * 0.74), fill=tuple(c - 25 for c in body) + (255,))
    for x in (0.38, 0.62):
        d.ellipse((s * (x - 0.04), s * 0.42, s * (x + 0.04), s * 0.5), fill=(30, 30, 30, 255))
    d.arc((s * 0.3, s * 0.78, s * 0.7, s * 0.9), 200, 340, fill=accent + (255,), width=max(2, s // 40))
    d.rectangle((s * 0.42, s * 0.8, s * 0.58, s * 0.86), fill=accent + (255,))
    return im


def photo(seed: int = 0, shot: int = 0, size: tuple[int, int] = (SIDE, SIDE), product: int | None = None) -> Image.Image:
    """A photo of product ``product`` (default ``seed``) in room ``seed``; ``shot`` moves camera and product."""
    rnd = random.Random(seed * 1000 + shot)
    w, h = size
    room = _background(seed, (int(w * 1.4), int(h * 1.4)))
    dx, dy = rnd.randrange(0, int(w * 0.4)), rnd.randrange(0, int(h * 0.4))
    im = room.crop((dx, dy, dx + w, dy + h))
    if shot:
        im = ImageEnhance.Brightness(im).enhance(rnd.uniform(0.85, 1.15))
    side = int(min(w, h) * (rnd.uniform(0.35, 0.6) if shot else 0.5))
    plug = _product(seed if product is None else product, side).rotate(rnd.uniform(-35, 35) if shot else 0, expand=True)
    x = rnd.randrange(0, max(1, w - plug.width)) if shot else (w - plug.width) // 2
    y = rnd.randrange(0, max(1, h - plug.height)) if shot else (h - plug.height) // 2
    shadow = Image.new("RGBA", plug.size, (0, 0, 0, 90))
    im.paste(shadow, (x + side // 20, y + side // 20), plug.split()[3].filter(ImageFilter.GaussianBlur(side / 30)))
    im.paste(plug, (x, y), plug)
    return im


# -- encodings ------------------------------------------------------------------------------
def encode(im: Image.Image, fmt: str, **save) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **save)
    return out.getvalue()


def jpeg(im: Image.Image, quality: int = 90, **save) -> bytes:
    return encode(im.convert("RGB") if im.mode not in ("RGB", "L", "CMYK") else im, "JPEG", quality=quality, **save)


def png(im: Image.Image) -> bytes:
    return encode(im, "PNG")


def webp(im: Image.Image, quality: int = 85) -> bytes:
    return encode(im, "WEBP", quality=quality)


# -- look-alikes: the same photo, changed the ways re-uploads change it --------------------
def reencoded(im: Image.Image) -> Image.Image:
    return Image.open(io.BytesIO(jpeg(im, quality=45)))


def resized(im: Image.Image, factor: float = 0.6) -> Image.Image:
    return im.resize((int(im.width * factor), int(im.height * factor)), Image.Resampling.LANCZOS)


def cropped(im: Image.Image, margin: float = 0.05) -> Image.Image:
    mx, my = int(im.width * margin), int(im.height * margin)
    return im.crop((mx, my, im.width - mx, im.height - my))


def recolored(im: Image.Image) -> Image.Image:
    im = ImageEnhance.Color(im).enhance(1.3)
    im = ImageEnhance.Brightness(im).enhance(1.08)
    tint = Image.new("RGB", im.size, (255, 230, 200))
    return Image.blend(im, tint, 0.08)


# -- broken and unusual files --------------------------------------------------------------
def png_named_jpg() -> bytes:
    """PNG bytes, to be saved under a .jpg name."""
    return png(photo(11).resize((800, 800)))


def truncated_jpeg() -> bytes:
    data = jpeg(photo(12).resize((800, 800)))
    return data[: len(data) * 2 // 3]


def cmyk_jpeg(side: int = 800) -> bytes:
    return jpeg(photo(13).resize((side, side)).convert("CMYK"))


def animated_webp(side: int = 800, frames: int = 4) -> bytes:
    shots = [photo(14, shot=i).resize((side, side)) for i in range(frames)]
    out = io.BytesIO()
    shots[0].save(out, "WEBP", save_all=True, append_images=shots[1:], duration=200, loop=0)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width: int = 20000, height: int = 20000) -> bytes:
    """A complete, valid 1-bit PNG of ``width`` x ``height`` zeros: tiny on disk, 400 M pixels decoded.

    Written chunk by chunk so that making it never holds the decoded image in memory.
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    comp = zlib.compressobj(9)
    chunks = [comp.compress(row * 1000) for _ in range(height // 1000)] + [comp.compress(row * (height % 1000))]
    idat = b"".join(chunks) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def rgba_png(width: int = 9400, height: int = 9400, level: int = 1) -> bytes:
    """A complete, valid RGBA PNG of zero pixels, under Pillow's pixel limit yet 4 bytes a pixel to
    decode (9400x9400: 88 M pixels, 337 MiB raster). Compressed in blocks of rows, never held whole."""
    row = b"\x00" * (1 + width * 4)
    per = max(1, (4 << 20) // len(row))
    comp = zlib.compressobj(level)
    parts = [comp.compress(row * per) for _ in range(height // per)] + [comp.compress(row * (height % per)), comp.flush()]
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b"")


def palette_png(width: int = 7700, height: int = 7700) -> bytes:
    """A complete, valid palette PNG of one colour (7700x7700: about 60 KB, 59 M pixels decoded)."""
    row = b"\x00" * (1 + width)
    per = max(1, (4 << 20) // len(row))
    comp = zlib.compressobj(9)
    parts = [comp.compress(row * per) for _ in range(height // per)] + [comp.compress(row * (height % per)), comp.flush()]
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"PLTE", bytes((200, 120, 40)))
            + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b""))


def lossless_webp(width: int = 16383, height: int = 5000) -> bytes:
    """A real lossless WebP of one colour at ``width`` x ``height`` (16383 is VP8L's largest side), in
    about 40 bytes: libwebp encodes a flat 64x64 picture with one-symbol Huffman codes, which cost no
    bits a pixel, so the same bitstream under a larger VP8L size header decodes to that size."""
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 20, 30)).save(out, "WEBP", lossless=True, method=0, quality=0)
    data = out.getvalue()
    at = data.index(b"VP8L") + 8  # chunk tag, chunk size, then the 0x2f signature
    assert data[at] == 0x2F
    bits = int.from_bytes(data[at + 1 : at + 5], "little")
    bits = (bits & ~((1 << 28) - 1)) | (width - 1) | ((height - 1) << 14)
    return data[: at + 1] + bits.to_bytes(4, "little") + data[at + 5 :]


def _segments(data: bytes) -> list[bytes]:
    """A JPEG cut into marker segments; a start-of-scan segment keeps its entropy-coded data."""
    out, at = [data[:2]], 2
    while at < len(data):
        marker = data[at + 1]
        if marker == 0xD9:
            out.append(data[at:])
            break
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        end = at + 2 + length
        if marker == 0xDA:  # the scan's data runs to the next marker that is not a stuffed FF00 or a restart
            while not (data[end] == 0xFF and data[end + 1] not in (0x00, *range(0xD0, 0xD8))):
                end += 1
        out.append(data[at:end])
        at = end
    return out


def many_scans_jpeg(side: int = 8000, copies: int = 2000) -> bytes:
    """A real progressive JPEG of ``side`` x ``side`` whose last refinement scan is repeated
    ``copies`` times: every decoder walks each copy over the whole picture."""
    im = Image.new("L", (side, side), 128)
    out = io.BytesIO()
    im.save(out, "JPEG", progressive=True, quality=50)
    parts = _segments(out.getvalue())
    last_scan = max(i for i, p in enumerate(parts) if p[1] == 0xDA)
    return b"".join(parts[:last_scan + 1]) + parts[last_scan] * copies + b"".join(parts[last_scan + 1:])


def many_boxes_mp4(video: bytes, boxes: int = 3_000_000) -> bytes:
    """A real MP4 followed by ``boxes`` empty 8-byte ``free`` boxes (legal padding, one by one)."""
    return video + b"\x00\x00\x00\x08free" * boxes


def turned_jpeg(im: Image.Image, orientation: int, **save) -> bytes:
    """A JPEG of ``im``'s pixels as stored, with an EXIF orientation a viewer turns it by (6: a phone
    held upright, its sensor's landscape pixels turned a quarter clockwise to be shown)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return jpeg(im, exif=exif.tobytes(), **save)


def with_app1(data: bytes, raw: bytes) -> bytes:
    """A JPEG with ``raw`` as an APP1 segment right after its start (a broken EXIF block, say)."""
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(raw) + 2) + raw + data[2:]


def grey16_png(im: Image.Image) -> bytes:
    """A 16-bit grey PNG of ``im`` (levels times 256), as scanners and some editors save them."""
    return encode(im.convert("L").point(lambda v: v * 256, "I").convert("I;16"), "PNG")


# -- ISO base media boxes (ISO/IEC 14496-12), for fragments a test shapes by hand ----------
def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, flags: int, payload: bytes = b"") -> bytes:
    return box(kind, struct.pack(">I", version << 24 | flags) + payload)


def moof(track: int, sequence: int, durations: list[int] | None = None, count: int = 0, default: int = 0,
         start: int | None = None) -> bytes:
    """A movie fragment of one track run: each sample's duration given (``durations``), or ``count``
    samples of ``tfhd``'s ``default`` duration; ``start``: a ``tfdt`` base time."""
    tfhd = full_box(b"tfhd", 0, 0x08 if default else 0, struct.pack(">I", track) + (struct.pack(">I", default) if default else b""))
    tfdt = full_box(b"tfdt", 1, 0, struct.pack(">Q", start)) if start is not None else b""
    if durations is not None:
        trun = full_box(b"trun", 0, 0x100, struct.pack(">I", len(durations)) + b"".join(struct.pack(">I", d) for d in durations))
    else:
        trun = full_box(b"trun", 0, 0, struct.pack(">I", count))
    return box(b"moof", full_box(b"mfhd", 0, 0, struct.pack(">I", sequence)) + box(b"traf", tfhd + tfdt + trun))


# -- videos --------------------------------------------------------------------------------
def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def video(path: Path, width: int = 1280, height: int = 720, seconds: float = 2, audio: bool = True, fps: int = 10) -> Path:
    """A real H.264 video (MP4 or MOV by ``path``'s suffix) of a moving test pattern."""
    args = [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc=size={width}x{height}:rate={fps}:duration={seconds}"]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=duration={seconds}", "-c:a", "aac", "-shortest"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)]
    subprocess.run(args, check=True, capture_output=True)
    return path


def heic_header(brand: bytes = b"heic") -> bytes:
    """The start of an iPhone's HEIC (ISO/IEC 23008-12): an 'ftyp' box of brand ``brand`` and a 'meta'
    box. No decoder here reads HEIC (Pillow has no HEIF plugin), so these bytes are probed as a real
    photo's would be: a HEIC picture no decoder recognises."""
    ftyp = struct.pack(">I", 24) + b"ftyp" + brand + b"\x00\x00\x00\x00" + b"mif1heic"
    meta = struct.pack(">I", 2060) + b"meta" + b"\x00" * 2052
    return ftyp + meta


def noisy_clip(path: Path, width: int = 640, height: int = 480, seconds: float = 1) -> Path:
    """A real H.264 MP4 of moving noise, as a phone's clip of a real scene compresses: 4.4 MB a second
    at 640x480, with an FF DA byte pair every 8 KB or so (what a JPEG scan marker looks like)."""
    args = [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size={width}x{height}:rate=30:duration={seconds}",
            "-vf", "noise=alls=40:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)]
    subprocess.run(args, check=True, capture_output=True)
    return path


def motion_photo(still: bytes, clip: bytes) -> bytes:
    """A motion photo as Google and Samsung phones write it: the JPEG, then the clip's MP4 after its end."""
    return still + clip


def mpo(first: Image.Image, second: Image.Image, **save) -> bytes:
    """A two-picture MPO (CIPA DC-007) as phones and 3D cameras write it, under a .jpg name."""
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second], **save)
    return out.getvalue()


def fragmented(path: Path, width: int = 1280, height: int = 720, seconds: float = 75, empty_moov: bool = True,
               audio: bool = False) -> Path:
    """A real fragmented H.264 MP4 (ffmpeg ``-movflags frag_keyframe[+empty_moov]``, a fragment a
    second): ``mvhd`` says 0 s (``empty_moov``) or the first fragment's length, the rest is in ``moof``s."""
    args = [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc=size={width}x{height}:rate=2:duration={seconds}"]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=duration={seconds}", "-c:a", "aac", "-shortest"]
    flags = "frag_keyframe+empty_moov" if empty_moov else "frag_keyframe"
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "2", "-movflags", flags, str(path)]
    subprocess.run(args, check=True, capture_output=True)
    return path


def portrait(path: Path, landscape: Path) -> Path:
    """A phone's portrait video: ``landscape``'s pixels, and a track matrix turning them a quarter
    (ffmpeg's ``-display_rotation``, as phones write it), in an MP4 or a MOV by ``path``'s suffix."""
    args = [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-display_rotation", "90", "-i", str(landscape),
            "-c", "copy", str(path)]
    subprocess.run(args, check=True, capture_output=True)
    return path


def audio_only_mp4(path: Path, seconds: float = 2) -> Path:
    args = [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"sine=duration={seconds}", "-c:a", "aac", str(path)]
    subprocess.run(args, check=True, capture_output=True)
    return path


# -- bundles -------------------------------------------------------------------------------
ALT = {"en": "Smart plug on a desk", "es": "Enchufe inteligente sobre un escritorio",
       "fr": "Prise connectée sur un bureau", "ru": "Умная розетка на столе"}


def add(b: BundleBuilder, rel: str, content: bytes, kind: str = "image", role: str = "scene", **item) -> BundleBuilder:
    """Write ``content`` to ``rel`` in the bundle and list it in ``media``."""
    b.file(rel, content)
    b.data["media"].append({"kind": kind, "file": rel, "role": role, **item})
    return b


def premium(b: BundleBuilder, photos: list[bytes], videos: dict[str, bytes], scenes: int = 8) -> BundleBuilder:
    """A listing that passes every MED rule: main video first (with poster), a cover, ``scenes`` scene photos."""
    b.file("media/poster.jpg", photos[9])
    add(b, "media/main.mp4", videos["wide.mp4"], kind="video", role="cover", poster="media/poster.jpg")
    add(b, "media/cover.jpg", photos[0], role="cover")
    for i in range(1, scenes):
        add(b, f"media/scene-{i:02d}.jpg", photos[i], placement="gallery" if i < 6 else "description")
    for item in b.data["media"]:
        if item["kind"] == "image":
            item["alt"] = dict(ALT)
    return b
