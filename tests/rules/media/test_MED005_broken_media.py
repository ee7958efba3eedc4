import struct

import media_factory as mf
from builder import findings, lint
from media_factory import add, premium


def test_png_named_jpg_truncated_empty_bomb_and_sound_only_video(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    for rel, content in [
        ("media/png-named.jpg", mf.png_named_jpg()),
        ("media/truncated.jpg", mf.truncated_jpeg()),
        ("media/empty.jpg", b""),
        ("media/bomb.png", mf.bomb_png()),
    ]:
        add(bundle, rel, content, role="detail", placement="description")
    add(bundle, "media/sound.mp4", videos["sound-only.mp4"], kind="video", role="scene", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    names = ["png-named.jpg", "truncated.jpg", "empty.jpg", "bomb.png", "sound.mp4"]
    assert lint(tmp_path, select="MED005") == [(path, bundle.line_of(f'"media/{n}"'), "MED005") for n in names]
    messages = [f.message for f in findings(tmp_path, select="MED005")]
    assert messages[0] == "media/png-named.jpg is PNG data named .jpg: rename it to .png or convert it"
    assert messages[1].startswith("media/truncated.jpg is truncated (image file is truncated")
    assert messages[2] == "media/empty.jpg is empty (0 bytes): export the file again"
    assert "declares 400,000,000 pixels, over Pillow's decompression-bomb limit; it was not decoded" in messages[3]
    assert "has no video track (tracks: soun): it is sound only" in messages[4]


def _without_tracks(mp4: bytes) -> bytes:
    """The same MP4 with every 'trak' box taken out of its 'moov': a movie that holds no track."""
    out, i = b"", 0
    while i < len(mp4):
        size, kind = struct.unpack(">I4s", mp4[i:i + 8])
        box = mp4[i:i + size]
        if kind == b"moov":
            children, j = b"", 8
            while j < size:
                child_size, child = struct.unpack(">I4s", box[j:j + 8])
                children += b"" if child == b"trak" else box[j:j + child_size]
                j += child_size
            box = struct.pack(">I4s", 8 + len(children), b"moov") + children
        out += box
        i += size
    return out


def test_a_video_with_no_track_at_all_is_not_called_sound(bundle, tmp_path, photos, videos):
    """Session 9 (round 3 of the hostile-input audit): an MP4 without any track was reported as
    "sound only"; the message says what the file holds."""
    premium(bundle, photos, videos)
    empty = _without_tracks(videos["wide.mp4"])
    add(bundle, "media/empty.mp4", empty, kind="video", role="scene", placement="description")
    bundle.write()
    [finding] = findings(tmp_path, select="MED005")
    assert (finding.path, finding.line) == (f"{bundle.rel}/listing.json", bundle.line_of('"media/empty.mp4"'))
    assert finding.message == ("media/empty.mp4 has no video track (tracks: none): nothing in it plays: "
                               "export it again from the original")


def test_declared_kind_and_poster_are_checked(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.file("media/poster.jpg", b"")
    add(bundle, "media/clip.mp4", videos["square.mov"], kind="image", role="detail", placement="description")
    bundle.write()
    messages = [f.message for f in findings(tmp_path, select="MED005")]
    assert messages == [
        "media/poster.jpg is empty (0 bytes): export the file again",
        "media/clip.mp4 is declared kind 'image' but is QuickTime MOV (video): fix \"kind\" or the file",
    ]


def test_near_miss_unusual_but_sound_files(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    add(bundle, "media/cmyk.jpg", mf.cmyk_jpeg(), role="detail", placement="description")
    add(bundle, "media/anim.webp", mf.animated_webp(), role="detail", placement="description")
    add(bundle, "media/square.mov", videos["square.mov"], kind="video", role="scene", placement="description")
    add(bundle, "media/square-named.mp4", videos["square.mov"], kind="video", role="scene", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED005") == []


def test_a_truncated_video(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.file("media/main.mp4", videos["wide.mp4"][: len(videos["wide.mp4"]) // 2])
    bundle.write()
    [finding] = findings(tmp_path, select="MED005")
    assert finding.message.startswith("media/main.mp4 is truncated (box '")


def test_a_picture_just_over_pillows_warning_limit_is_not_decoded_and_only_warns(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    add(bundle, "media/huge.png", mf.bomb_png(10000, 9500), role="detail", placement="description")
    bundle.write()
    [finding] = findings(tmp_path, select="MED005")
    assert finding.message.startswith("media/huge.png declares 95,000,000 pixels, more than Pillow decodes safely")
    assert str(finding.severity) == "warning"


def test_a_motion_photo_is_decoded_though_its_clip_holds_scan_marker_bytes(bundle, tmp_path, photos, videos):
    """Near miss: a 4 MP progressive JPEG (10 scans) with a 4 MB H.264 clip after its end, as Google
    and Samsung phones save motion photos. The clip's bytes hold some 570 FF DA pairs; counted as
    scans they made 2.3 x 10^9 scan pixels, over max-jpeg-scan-pixels, and the photo was reported
    "not decoded" (and so went unchecked by MED004 and MED008). libjpeg stops at the picture's end."""
    premium(bundle, photos, videos)
    still = mf.encode(mf.photo(64, 1, size=(2000, 2000)), "JPEG", progressive=True, quality=90)
    clip = mf.noisy_clip(tmp_path / "clip.mp4").read_bytes()
    assert clip.count(b"\xff\xda") * 2000 * 2000 > 2_000_000_000  # the old count was over the budget
    add(bundle, "media/motion.jpg", mf.motion_photo(still, clip), role="detail", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED005") == []


def test_scans_before_the_end_of_the_picture_still_count_with_a_trailer(bundle, tmp_path, photos, videos):
    """Still reported: a JPEG repeating its last scan 600 times over 2000x2000 pixels (2.4 x 10^9
    scan pixels, decoded by libjpeg), with bytes after its end like a motion photo's."""
    premium(bundle, photos, videos)
    add(bundle, "media/scans.jpg", mf.many_scans_jpeg(2000, 600) + b"\x00" * 64, role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED005") == [(path, bundle.line_of('"media/scans.jpg"'), "MED005")]
    [finding] = findings(tmp_path, select="MED005")
    assert "606 JPEG scans over 2000x2000 pixels" in finding.message
    assert str(finding.severity) == "warning"


def test_an_iphone_heic_is_not_called_broken(bundle, tmp_path, photos, videos):
    """Near miss: a HEIC (what an iPhone saves) is a picture in a format the marketplace does not
    take, which MED006 says; MED005 called it "not an image any decoder here recognises: export it
    again from the original"."""
    premium(bundle, photos, videos)
    add(bundle, "media/IMG_0001.HEIC", mf.heic_header(), role="detail", placement="description")
    add(bundle, "media/IMG_0002.heic", mf.heic_header(b"mif1"), role="detail", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED005") == []


def test_a_jpeg_no_decoder_reads_and_a_heic_named_jpg_are_still_reported(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    twelve = bytearray(mf.jpeg(mf.photo(67, 1, size=(800, 800))))
    twelve[twelve.index(b"\xff\xc0") + 4] = 12  # 12-bit samples: Pillow reads 8-bit JPEGs only
    add(bundle, "media/twelve.jpg", bytes(twelve), role="detail", placement="description")
    add(bundle, "media/heic-named.jpg", mf.heic_header(), role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED005") == [(path, bundle.line_of(f'"media/{n}"'), "MED005") for n in ("twelve.jpg", "heic-named.jpg")]
    twelve_finding, named = findings(tmp_path, select="MED005")
    assert "is not an image any decoder here recognises" in twelve_finding.message
    # renamed to .heic it would still be refused (MED006): the advice is the conversion
    assert named.message == "media/heic-named.jpg is HEIC data named .jpg; the marketplace takes JPEG, PNG, WebP: convert it"


def test_an_avif_named_jpg_is_one_finding_that_says_to_convert(bundle, tmp_path, photos, videos):
    """It was MED005 "rename it to .avif" and MED006 "convert it": renamed, MED006 would still refuse it."""
    premium(bundle, photos, videos)
    add(bundle, "media/phone.jpg", mf.encode(mf.photo(71, 1, size=(800, 800)), "AVIF"), role="detail", placement="description")
    add(bundle, "media/shop.jpg", mf.png_named_jpg(), role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select=["MED005", "MED006"]) == [
        (path, bundle.line_of('"media/phone.jpg"'), "MED005"), (path, bundle.line_of('"media/shop.jpg"'), "MED005")]
    avif, png = (f.message for f in findings(tmp_path, select=["MED005", "MED006"]))
    assert avif == "media/phone.jpg is AVIF data named .jpg; the marketplace takes JPEG, PNG, WebP: convert it"
    assert png == "media/shop.jpg is PNG data named .jpg: rename it to .png or convert it"  # a taken format: renaming is enough


def test_near_miss_an_avif_named_avif_is_only_med006s(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    add(bundle, "media/phone.avif", mf.encode(mf.photo(71, 1, size=(800, 800)), "AVIF"), role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select=["MED005", "MED006"]) == [(path, bundle.line_of('"media/phone.avif"'), "MED006")]


def _moov_ending_with(mp4: bytes, tail: bytes) -> bytes:
    """The same MP4 with ``tail`` added at the end of its 'moov' (ffmpeg writes the moov last, so no
    offset moves)."""
    at = mp4.rindex(b"moov") - 4
    size = struct.unpack(">I", mp4[at:at + 4])[0]
    assert at + size == len(mp4)
    return mp4[:at] + struct.pack(">I", size + len(tail)) + mp4[at + 4:] + tail


def test_a_box_shorter_than_its_own_header_is_a_broken_video(bundle, tmp_path, photos, videos):
    """Session 15: a box declaring 7 bytes (fewer than its 8-byte header) cannot be walked past;
    hachoir read it as an 8-byte box and went on, so the file was called sound."""
    premium(bundle, photos, videos)
    broken = _moov_ending_with(videos["wide.mp4"], struct.pack(">I", 7) + b"free")
    add(bundle, "media/short-box.mp4", broken, kind="video", role="scene", placement="description")
    bundle.write()
    [finding] = findings(tmp_path, select="MED005")
    assert (finding.path, finding.line) == (f"{bundle.rel}/listing.json", bundle.line_of('"media/short-box.mp4"'))
    assert finding.message == (f"media/short-box.mp4 cannot be parsed as MP4/MOV (box 'free' at byte {len(broken) - 8:,} "
                               "declares 7 bytes, less than its own header): export it again from the original")


def test_near_miss_quicktime_terminators_and_empty_boxes_are_sound(bundle, tmp_path, photos, videos):
    """Session 15: fewer than 8 bytes at the end of a box list are no box (a 32-bit zero, as QuickTime
    closes user-data lists with): FFmpeg's ``mov_read_default`` lists boxes only while 8 bytes remain.
    hachoir called a moov ending so "cannot be parsed". Also sound: an empty box, a size-0 box."""
    premium(bundle, photos, videos)
    for name, tail in {"terminator": b"\x00" * 4, "empty": struct.pack(">I", 8) + b"free",
                       "to-the-end": struct.pack(">I", 0) + b"free" + b"\x00" * 12}.items():
        add(bundle, f"media/{name}.mp4", _moov_ending_with(videos["wide.mp4"], tail), kind="video", role="scene",
            placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED005") == []
