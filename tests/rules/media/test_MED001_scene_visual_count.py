from builder import findings, lint
from media_factory import add, premium


def test_seven_scene_visuals_are_too_few(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos, scenes=6)  # main video + cover + 5 scenes = 7
    bundle.write()
    assert lint(tmp_path, select="MED001") == [(f"{bundle.rel}/listing.json", bundle.line_of('"media"'), "MED001")]
    [finding] = findings(tmp_path, select="MED001")
    assert finding.message.startswith("7 scene visuals")
    assert "add 2 more" in finding.message
    assert str(finding.severity) == "error"


def test_near_miss_exactly_nine_with_the_main_video(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos, scenes=8)  # main video + cover + 7 scenes = 9
    bundle.write()
    assert lint(tmp_path, select="MED001") == []


def test_the_same_file_listed_twice_counts_once_and_details_do_not_count(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos, scenes=7)
    add(bundle, "media/scene-01.jpg", photos[1], placement="description")
    add(bundle, "media/detail.jpg", photos[8], role="detail")
    bundle.write()
    assert [m.split(" ")[0] for m in (f.message for f in findings(tmp_path, select="MED001"))] == ["8"]


def test_threshold_override_is_honoured_and_only_warns(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos, scenes=8)
    bundle.write()
    [finding] = findings(tmp_path, select="MED001", thresholds={"min-scene-media": 10})
    assert str(finding.severity) == "warning"
