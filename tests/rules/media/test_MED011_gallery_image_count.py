from builder import findings, lint
from media_factory import premium


def test_seven_gallery_images(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.data["media"][-1]["placement"] = "gallery"  # scene-07 joins cover + scene-01..05
    bundle.write()
    line = bundle.line_of('"file": "media/scene-07.jpg"') - 2
    assert lint(tmp_path, select="MED011") == [(f"{bundle.rel}/listing.json", line, "MED011")]
    [finding] = findings(tmp_path, select="MED011")
    assert finding.message.startswith("7 gallery images; the marketplace takes at most 6: move media/scene-07.jpg")


def test_near_miss_six_gallery_images_and_more_in_the_description(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    gallery = [m for m in bundle.data["media"] if m["kind"] == "image" and m.get("placement", "gallery") == "gallery"]
    assert len(gallery) == 6
    bundle.write()
    assert lint(tmp_path, select="MED011") == []
