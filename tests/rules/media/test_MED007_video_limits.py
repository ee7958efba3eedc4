from builder import findings, lint
from media_factory import add, premium


def test_long_small_and_4_3_videos(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    for name in ("long.mp4", "small.mp4", "4x3.mp4"):
        add(bundle, f"media/{name}", videos[name], kind="video", role="scene", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED007") == [
        (path, bundle.line_of(f'"media/{name}"'), "MED007") for name in ("long.mp4", "small.mp4", "4x3.mp4")
    ]
    long, small, four_three = (f.message for f in findings(tmp_path, select="MED007"))
    assert long == "video media/long.mp4: it runs 75 s (limit 60 s): export it again"
    assert small == "video media/small.mp4: it is 640x360, under 720p: export it again"
    assert four_three.startswith("video media/4x3.mp4: its shape 960x720 is none of 1:1, 3:4, 16:9, 9:16")
    assert all(str(f.severity) == "warning" for f in findings(tmp_path, select="MED007"))


def test_near_miss_16_9_mp4_and_1_1_mov(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    add(bundle, "media/square.mov", videos["square.mov"], kind="video", role="scene", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED007") == []


def test_limits_are_thresholds(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.write()
    assert [c for _, _, c in lint(tmp_path, select="MED007", thresholds={"max-video-seconds": 1})] == ["MED007"]
