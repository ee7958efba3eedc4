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
