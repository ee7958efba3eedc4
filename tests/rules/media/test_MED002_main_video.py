from builder import findings, lint
from media_factory import add, premium


def test_no_main_video(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.data["media"].pop(0)  # the main video
    bundle.write()
    assert lint(tmp_path, select="MED002") == [(f"{bundle.rel}/listing.json", bundle.line_of('"media"'), "MED002")]


def test_a_video_with_another_role_is_named_in_the_message(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.data["media"][0]["role"] = "scene"
    bundle.write()
    [finding] = findings(tmp_path, select="MED002")
    assert 'media/main.mp4 is a video with role \'scene\': make it role "cover"' in finding.message


def test_near_miss_a_cover_video(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.write()
    assert lint(tmp_path, select="MED002") == []


def test_a_cover_image_is_not_a_main_video(bundle, tmp_path, photos):
    add(bundle, "media/cover.jpg", photos[0], role="cover")
    bundle.write()
    assert [c for _, _, c in lint(tmp_path, select="MED002")] == ["MED002"]
