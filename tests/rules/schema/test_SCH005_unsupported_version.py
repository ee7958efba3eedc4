from builder import BundleBuilder, findings, lint


def test_future_version_is_refused_with_the_supported_list(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["schema_version"] = "2"
    b.data["new_field_of_v2"] = True
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", 2, "SCH005")]
    [f] = findings(tmp_path, select="SCH005")
    assert "'2' is not supported" in f.message and '"1"' in f.message


def test_near_miss_version_1(tmp_path):
    BundleBuilder(tmp_path).write()
    assert lint(tmp_path, select="SCH005") == []
