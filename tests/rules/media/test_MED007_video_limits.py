import media_factory as mf
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


def test_a_video_just_over_the_limit_says_by_how_much(bundle, tmp_path, photos, videos):
    """The message of a 2.4 s video over a 2 s limit read "it runs 2 s (limit 2 s)"."""
    premium(bundle, photos, videos)
    bundle.file("media/main.mp4", mf.video(tmp_path / "over.mp4", 1280, 720, seconds=2.4, audio=False).read_bytes())
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED007", thresholds={"max-video-seconds": 2}) == [
        (path, bundle.line_of('"media/main.mp4"'), "MED007")]
    [finding] = findings(tmp_path, select="MED007", thresholds={"max-video-seconds": 2})
    assert "it runs 2.4 s (limit 2 s)" in finding.message


def test_a_video_of_the_limit_exactly_is_silent(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)  # wide.mp4 runs 2.0 s
    bundle.write()
    assert lint(tmp_path, select="MED007", thresholds={"max-video-seconds": 2}) == []
