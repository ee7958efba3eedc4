"""SCH003 names the file a path differs from only in letter case (issue 14, item 16)."""

from builder import findings, lint


def test_a_path_that_differs_only_in_case_gets_a_did_you_mean(bundle, tmp_path):
    bundle.image("Media/Scene-01.JPG")
    bundle.data["media"][0]["file"] = "media/scene-01.jpg"
    bundle.write()
    (f,) = findings(tmp_path, select=["SCH003", "SCH007"])  # one root cause: not an orphan too
    assert (f.code, f.path, f.line) == ("SCH003", "listings/demo/listing.json", bundle.line_of('"media/scene-01.jpg"'))
    assert f.message == ("media file media/scene-01.jpg does not exist in the bundle; "
                         "did you mean Media/Scene-01.JPG? (file names are case-sensitive)")


def test_a_path_with_no_near_twin_gets_no_guess(bundle, tmp_path):
    bundle.image("media/scene-01.jpg")
    bundle.data["media"][0]["file"] = "media/scene-02.jpg"
    bundle.write()
    (f,) = findings(tmp_path, select="SCH003")
    assert f.message.endswith("does not exist in the bundle; add it or fix the path")
    bundle.data["media"][0]["file"] = "media/scene-01.jpg"
    bundle.write()
    assert lint(tmp_path, select="SCH003") == []
