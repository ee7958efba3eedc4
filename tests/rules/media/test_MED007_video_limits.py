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


def test_a_fragmented_video_of_75_s_is_too_long(bundle, tmp_path, photos, videos):
    """Phones recording to a stream and ffmpeg's frag_keyframe write the time in fragments: mvhd
    says 0 s (empty_moov), or only the first fragment's second, and a 75 s video was never flagged."""
    premium(bundle, photos, videos)
    for name, empty in (("frag-empty.mp4", True), ("frag-first.mp4", False)):
        clip = mf.fragmented(tmp_path / name, 1280, 720, seconds=75, empty_moov=empty, audio=not empty)
        add(bundle, f"media/{name}", clip.read_bytes(), kind="video", role="scene", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED007") == [
        (path, bundle.line_of(f'"media/{name}"'), "MED007") for name in ("frag-empty.mp4", "frag-first.mp4")]
    empty, first = (f.message for f in findings(tmp_path, select="MED007"))
    assert empty == "video media/frag-empty.mp4: it runs 75 s (limit 60 s): export it again"
    assert first.startswith("video media/frag-first.mp4: it runs 75")


def test_near_miss_a_fragmented_video_of_30_s(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    clip = mf.fragmented(tmp_path / "frag.mp4", 1280, 720, seconds=30)
    add(bundle, "media/frag.mp4", clip.read_bytes(), kind="video", role="scene", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED007") == []


def test_a_fragment_run_that_lies_makes_the_length_unknown_not_a_guess(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    clip = mf.fragmented(tmp_path / "frag.mp4", 1280, 720, seconds=10).read_bytes()
    lying = mf.box(b"moof", mf.full_box(b"mfhd", 0, 0, b"\x00\x00\x00\x63") + mf.box(
        b"traf", mf.full_box(b"tfhd", 0, 0x08, b"\x00\x00\x00\x01\x00\x00\x02\x00")
        + mf.full_box(b"trun", 0, 0x100, b"\xff\xff\xff\xff" + b"\x00\x00\x02\x00")))
    add(bundle, "media/frag.mp4", clip + lying, kind="video", role="scene", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED007") == [(path, bundle.line_of('"media/frag.mp4"'), "MED007")]
    [finding] = findings(tmp_path, select="MED007")
    assert finding.message.startswith("video media/frag.mp4: its running time cannot be told (it is fragmented and a run "
                                      "at byte ")
    assert "declares 4,294,967,295 samples, more than it holds), so it may run over 60 s" in finding.message


def test_a_phone_portrait_video_is_measured_as_shown(bundle, tmp_path, photos, videos):
    """Stored 640x360 with a quarter-turn matrix: shown 360x640, and said so."""
    premium(bundle, photos, videos)
    small = mf.video(tmp_path / "small.mp4", 640, 360, audio=False)
    add(bundle, "media/portrait.mp4", mf.portrait(tmp_path / "portrait.mp4", small).read_bytes(),
        kind="video", role="scene", placement="description")
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED007") == [(path, bundle.line_of('"media/portrait.mp4"'), "MED007")]
    [finding] = findings(tmp_path, select="MED007")
    assert finding.message == "video media/portrait.mp4: it is 360x640, under 720p: export it again"


def test_near_miss_a_portrait_mov_stored_4_3_is_shown_3_4(bundle, tmp_path, photos, videos):
    """1280x960 is 4:3 (not on the list), but turned by its matrix it is shown 960x1280, 3:4 (on it)."""
    premium(bundle, photos, videos)
    stored = mf.video(tmp_path / "stored.mp4", 1280, 960, audio=False)
    add(bundle, "media/portrait.mov", mf.portrait(tmp_path / "portrait.mov", stored).read_bytes(),
        kind="video", role="scene", placement="description")
    bundle.write()
    assert lint(tmp_path, select="MED007") == []
