"""Single-file bundles (inline HTML, no media files by design) are not asked for scene visuals."""

import json

from builder import MINIMAL, lint


def write_single(tmp_path, media):
    data = dict(MINIMAL, id="hose-reel", media=media, detail_pages={"en": {"html": "<p>A 20 m garden hose reel.</p>"}})
    path = tmp_path / "listings" / "hose-reel.listing.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def test_near_miss_single_file_bundle_without_media(tmp_path):
    write_single(tmp_path, [])
    assert lint(tmp_path, select=["MED001", "MED002"]) == []


def test_single_file_bundle_that_lists_media_is_still_counted(tmp_path):
    write_single(tmp_path, [{"kind": "image", "file": "hose.jpg", "role": "cover"}])
    assert [code for _, _, code in lint(tmp_path, select=["MED001", "MED002"])] == ["MED001", "MED002"]
