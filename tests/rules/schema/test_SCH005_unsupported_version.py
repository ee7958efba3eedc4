from builder import BundleBuilder, findings, lint


def test_future_version_is_refused_with_the_supported_list(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["schema_version"] = "2"
    b.data["new_field_of_v2"] = True
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", 2, "SCH005")]
    [f] = findings(tmp_path, select="SCH005")
    assert '"2" is not supported' in f.message and '"1"' in f.message


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


def test_null_version_says_null_and_what_to_write_and_is_not_refused(tmp_path):
    b = _refusable(tmp_path)
    b.data["schema_version"] = None
    b.data["skus"][0]["price"]["amount"] = 39.9  # a second mistake: SCH002 still judges the file
    b.write()
    [f] = findings(tmp_path, select="SCH005")
    assert (f.path, f.line, f.column) == ("listings/demo/listing.json", 2, 21)
    assert "None" not in f.message and f.message == 'schema_version is null, not a version: write "schema_version": "1"'
    result = lint(tmp_path)
    assert [x for x in result if x[2] == "SCH002"] == [("listings/demo/listing.json", 16, "SCH002")]  # the amount only
    assert {"CMP001", "MED002"} <= {code for _, _, code in result}  # linted like a bundle without a version


def test_version_as_a_number_is_asked_to_be_quoted_once(tmp_path):
    b = _refusable(tmp_path)
    b.data["schema_version"] = 1
    b.write()
    result = lint(tmp_path)
    assert [x for x in result if x[2].startswith("SCH")] == [("listings/demo/listing.json", 2, "SCH005")]
    [f] = findings(tmp_path, select="SCH005")
    assert f.message == 'schema_version must be a string: write "1" in double quotes, not 1'
    assert "MED002" in {code for _, _, code in result}  # not refused


def test_future_version_as_a_number_is_refused(tmp_path):
    b = _refusable(tmp_path)
    b.data["schema_version"] = 2
    b.write()
    assert lint(tmp_path) == [("listings/demo/listing.json", 2, "SCH005")]
    [f] = findings(tmp_path, select="SCH005")
    assert f.message.startswith("schema_version 2 is not supported")
