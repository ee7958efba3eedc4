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
