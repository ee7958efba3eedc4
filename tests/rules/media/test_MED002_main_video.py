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


def _video_entry(bundle, **fields):
    bundle.file("media/main.mp4", b"\x00\x00\x00\x18ftypmp42")
    bundle.file("media/main.jpg", b"\xff\xd8\xff")
    bundle.data["media"] = [{"kind": "video", "role": "cover", "file": "media/main.mp4", "poster": "media/main.jpg", **fields}]
    bundle.write()


def test_a_misspelt_kind_is_the_schema_finding_alone(bundle, tmp_path):
    _video_entry(bundle, kind="vidoe")
    assert lint(tmp_path, select=["SCH002", "MED002"]) == [(f"{bundle.rel}/listing.json", bundle.line_of('"vidoe"'), "SCH002")]


def test_a_role_in_capitals_is_the_schema_finding_alone(bundle, tmp_path):
    _video_entry(bundle, role="Cover")
    assert lint(tmp_path, select=["SCH002", "MED002"]) == [(f"{bundle.rel}/listing.json", bundle.line_of('"Cover"'), "SCH002")]


def test_near_miss_a_valid_scene_video_still_leaves_no_main_video(bundle, tmp_path):
    _video_entry(bundle, role="scene")
    assert lint(tmp_path, select=["SCH002", "MED002"]) == [(f"{bundle.rel}/listing.json", bundle.line_of('"media"'), "MED002")]


def test_a_role_given_twice_is_the_duplicate_key_finding_alone(bundle, tmp_path):
    _video_entry(bundle)
    text = (bundle.dir / "listing.json").read_text(encoding="utf-8")
    text = text.replace('"role": "cover",', '"role": "cover",\n      "role": "scene",', 1)  # the last wins: "scene"
    (bundle.dir / "listing.json").write_text(text, encoding="utf-8")
    assert lint(tmp_path, select=["SCH001", "MED002"]) == [(f"{bundle.rel}/listing.json", bundle.line_of('"role": "scene"'), "SCH001")]
