from builder import findings, lint
from media_factory import premium


def _item_line(bundle, file):
    return bundle.line_of(f'"file": "{file}"') - 2  # the item's "{" (kind, then file)


def test_main_video_without_poster_and_not_first(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    video = bundle.data["media"].pop(0)
    del video["poster"]
    bundle.data["media"].insert(2, video)
    bundle.write()
    line = _item_line(bundle, "media/main.mp4")
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="MED003") == [(path, line, "MED003"), (path, line, "MED003")]
    messages = [f.message for f in findings(tmp_path, select="MED003")]
    assert "has no poster image" in messages[0]
    assert "is not the first gallery item (media/cover.jpg is)" in messages[1]


def test_near_miss_first_with_a_poster_even_after_description_items(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    description = bundle.data["media"].pop()  # a description image may come before the video
    bundle.data["media"].insert(0, description)
    bundle.write()
    assert lint(tmp_path, select="MED003") == []


def _cover_video(bundle, **fields):
    bundle.file("media/main.mp4", b"\x00\x00\x00\x18ftypmp42").file("media/still.jpg", b"\xff\xd8\xff")
    bundle.data["media"] = [{"kind": "video", "role": "cover", "file": "media/main.mp4", **fields}]
    bundle.write()


def test_a_poster_under_another_name_is_the_schema_finding_alone(bundle, tmp_path):
    _cover_video(bundle, thumbnail="media/still.jpg")
    assert lint(tmp_path, select=["SCH002", "MED003"]) == [(f"{bundle.rel}/listing.json", bundle.line_of('"thumbnail"'), "SCH002")]


def test_a_poster_of_the_wrong_type_is_the_schema_finding_alone(bundle, tmp_path):
    _cover_video(bundle, poster=["media/still.jpg"])
    assert [code for _, _, code in lint(tmp_path, select=["SCH002", "MED003"])] == ["SCH002"]


def test_near_miss_an_unknown_field_that_names_no_picture_leaves_the_missing_poster(bundle, tmp_path):
    _cover_video(bundle, duration="0:30")
    assert sorted(code for _, _, code in lint(tmp_path, select=["SCH002", "MED003"])) == ["MED003", "SCH002"]
