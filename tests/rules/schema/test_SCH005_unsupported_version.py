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


def _refusable(tmp_path) -> BundleBuilder:
    """A bundle every family has something to say about: no media, an EU radio product without evidence."""
    b = BundleBuilder(tmp_path)
    b.data.update({"product_groups": ["radio"], "markets": ["EU", "US"], "lint": {"ignore": ["MED001"]}})
    return b


def test_refused_bundle_gets_the_refusal_and_nothing_else(tmp_path):
    b = _refusable(tmp_path)
    b.data["schema_version"] = "2"
    b.write()
    assert lint(tmp_path) == [("listings/demo/listing.json", 2, "SCH005")]  # no MED, CMP, ABT, LNT001 …


def test_near_miss_the_same_bundle_in_version_1_is_judged(tmp_path):
    _refusable(tmp_path).write()
    codes = {code for _, _, code in lint(tmp_path)}
    assert "SCH005" not in codes and {"CMP001", "MED002"} <= codes


def test_refused_bundle_is_not_counted_by_store_rules(tmp_path):
    BundleBuilder(tmp_path, "smart-plug", folder="a").write()
    b = BundleBuilder(tmp_path, "smart-plug", folder="b")
    b.data["schema_version"] = "2"
    b.write()
    assert lint(tmp_path, select=["SCH005", "SCH006"]) == [("listings/b/listing.json", 2, "SCH005")]
