import io

from PIL import Image

import media_factory as mf
from builder import findings, lint
from media_factory import add, premium


def test_cmyk_animated_gif_and_oversize(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    gif = io.BytesIO()
    mf.photo(70, 1, size=(800, 800)).save(gif, "GIF")
    add(bundle, "media/cmyk.jpg", mf.cmyk_jpeg(), role="detail", placement="description")
    add(bundle, "media/anim.webp", mf.animated_webp(), role="detail", placement="description")
    add(bundle, "media/banner.gif", gif.getvalue(), role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED006") == [
        (path, bundle.line_of('"media/cmyk.jpg"'), "MED006"),
        (path, bundle.line_of('"media/anim.webp"'), "MED006"),
        (path, bundle.line_of('"media/banner.gif"'), "MED006"),
    ]
    messages = [f.message for f in findings(tmp_path, select="MED006")]
    assert messages[0].startswith("media/cmyk.jpg is a CMYK JPEG")
    assert messages[1].startswith("media/anim.webp is animated (4 frames)")
    assert messages[2] == "media/banner.gif is GIF; the marketplace takes JPEG, PNG, WebP: convert it"


def test_file_size_limits_come_from_thresholds(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.write()
    sizes = sorted(len(p) for p in photos[:8])
    out = findings(tmp_path, select="MED006", thresholds={"max-image-bytes": sizes[-1] - 1, "max-video-bytes": 1000})
    assert {f.message.split(" ")[0] for f in out} >= {"media/main.mp4"}
    assert all("over the" in f.message and str(f.severity) == "warning" for f in out)


def test_near_miss_srgb_jpeg_png_webp_mp4_mov(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    still = Image.open(io.BytesIO(photos[5]))
    add(bundle, "media/still.png", mf.png(still), role="detail", placement="description")
    add(bundle, "media/still.webp", mf.webp(still), role="detail", placement="description")
    add(bundle, "media/square.mov", videos["square.mov"], kind="video", role="scene", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED006") == []


def test_a_two_picture_mpo_from_a_phone_is_no_animation(bundle, tmp_path, photos, videos):
    """Near miss: an MPO (a JPEG with a second picture listed in its MP index, as phones write for a
    depth map or a preview) shows its first picture; it was "animated (2 frames)"."""
    premium(bundle, photos, videos)
    first, second = mf.photo(65, 1, size=(1000, 1000)), mf.photo(65, 2, size=(1000, 1000))
    add(bundle, "media/phone.jpg", mf.mpo(first, second), role="detail", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED006") == []


def test_an_animated_webp_and_apng_are_still_animated(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    frames = [mf.photo(66, i, size=(800, 800)) for i in range(3)]
    add(bundle, "media/anim.png", mf.encode(frames[0], "PNG", save_all=True, append_images=frames[1:]),
        role="detail", placement="description")
    add(bundle, "media/anim.webp", mf.animated_webp(800, 3), role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED006") == [(path, bundle.line_of(f'"media/anim.{e}"'), "MED006") for e in ("png", "webp")]
    assert all("is animated (3 frames)" in f.message for f in findings(tmp_path, select="MED006"))


def test_an_iphone_heic_is_a_format_the_marketplace_does_not_take(bundle, tmp_path, photos, videos):
    """No decoder here reads HEIC; MED006 skipped it as broken (MED005 then blamed the file)."""
    premium(bundle, photos, videos)
    add(bundle, "media/IMG_0001.HEIC", mf.heic_header(), role="detail", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED006") == [(path, bundle.line_of('"media/IMG_0001.HEIC"'), "MED006")]
    [finding] = findings(tmp_path, select="MED006")
    assert finding.message == "media/IMG_0001.HEIC is HEIC; the marketplace takes JPEG, PNG, WebP: convert it"
    assert str(finding.severity) == "warning"
