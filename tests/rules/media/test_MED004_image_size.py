import media_factory as mf
from builder import findings, lint
from media_factory import add, premium


def _jpeg(w, h, seed=60):
    return mf.jpeg(mf.photo(seed, 1, size=(w, h)))


def test_marketing_image_not_square_and_small_gallery_image(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.file("media/cover.jpg", _jpeg(800, 799))
    bundle.file("media/scene-02.jpg", _jpeg(700, 900, seed=61))
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED004") == [
        (path, bundle.line_of('"media/cover.jpg"'), "MED004"),
        (path, bundle.line_of('"media/scene-02.jpg"'), "MED004"),
    ]
    cover, gallery = findings(tmp_path, select="MED004")
    assert cover.message.startswith("marketing image media/cover.jpg is 800x799, not square")
    assert str(cover.severity) == "error"
    assert str(gallery.severity) == "warning"  # configured, not confirmed


def test_square_marketing_image_under_800(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.file("media/cover.jpg", _jpeg(790, 790))
    bundle.write()
    [finding] = findings(tmp_path, select="MED004")
    assert "is 790x790, under 800x800" in finding.message


def test_near_miss_exactly_800_and_a_large_landscape_gallery_image(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.file("media/cover.jpg", _jpeg(800, 800))
    bundle.file("media/scene-02.jpg", _jpeg(1000, 800, seed=61))
    add(bundle, "media/small-detail.jpg", _jpeg(300, 300, seed=62), role="detail", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED004") == []


def _turned(w, h, orientation, seed=63):
    """A phone photo: ``w`` x ``h`` pixels as the sensor stores them, and an EXIF orientation."""
    return mf.turned_jpeg(mf.photo(seed, 1, size=(w, h)), orientation)


def test_a_phone_photo_turned_by_its_exif_orientation_is_measured_as_shown(bundle, tmp_path, photos, videos):
    """Orientation 6 and 8 turn the stored 1000x800 a quarter: shoppers see 800x1000, and the
    message said "1000x800", a size the seller never saw in any viewer."""
    premium(bundle, photos, videos)
    bundle.file("media/cover.jpg", _turned(1000, 800, 6))
    bundle.file("media/scene-02.jpg", _turned(1200, 700, 8, seed=64))
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED004") == [
        (path, bundle.line_of('"media/cover.jpg"'), "MED004"),
        (path, bundle.line_of('"media/scene-02.jpg"'), "MED004"),
    ]
    cover, gallery = findings(tmp_path, select="MED004")
    assert cover.message.startswith(
        "marketing image media/cover.jpg is 800x1000 as shown (stored 1000x800, turned by its EXIF orientation 6), not square")
    assert gallery.message.startswith(
        "gallery image media/scene-02.jpg is 700x1200 as shown (stored 1200x700, turned by its EXIF orientation 8);")


def test_near_miss_turned_photos_of_the_right_size_and_a_broken_exif_block(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.file("media/cover.jpg", _turned(800, 800, 6))
    bundle.file("media/scene-02.jpg", _turned(1000, 800, 6, seed=64))  # shown 800x1000: 800 on the short side
    broken = mf.with_app1(_jpeg(800, 800, seed=65), b"Exif\x00\x00II*\x00\xff\xff\xff\x7f" + bytes(range(256)) * 40)
    bundle.file("media/scene-03.jpg", broken)
    bundle.write()
    assert lint(tmp_path, select="MED004") == []
