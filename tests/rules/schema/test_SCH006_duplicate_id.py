from builder import BundleBuilder, findings, lint


def test_two_bundles_share_an_id(tmp_path):
    BundleBuilder(tmp_path, "smart-plug", folder="a").write()
    b = BundleBuilder(tmp_path, "smart-plug", folder="b")
    b.write()
    assert lint(tmp_path, select="SCH006") == [("listings/b/listing.json", b.line_of('"smart-plug"'), "SCH006")]
    [f] = findings(tmp_path, select="SCH006")
    assert "listings/a/listing.json" in f.message and f.bundle == "smart-plug"


def test_duplicate_only_reported_when_its_bundle_is_linted(tmp_path):
    BundleBuilder(tmp_path, "smart-plug", folder="a").write()
    BundleBuilder(tmp_path, "smart-plug", folder="b").write()
    from builder import run_lint

    assert run_lint(tmp_path, select="SCH006", paths=["listings/a"]).findings == []
    assert [f.path for f in run_lint(tmp_path, select="SCH006", paths=["listings/b/listing.json"]).findings] == ["listings/b/listing.json"]


def test_repeated_sku_model(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["skus"].append({"id": "D2", "model": "D1-EU", "price": {"amount": "19.90", "currency": "USD"}})
    b.write()
    text = (b.dir / "listing.json").read_text()
    line = text[: text.rindex('"D1-EU"')].count("\n") + 1
    assert lint(tmp_path, select="SCH006") == [("listings/demo/listing.json", line, "SCH006")]


def test_near_miss_distinct_ids_and_models(tmp_path):
    BundleBuilder(tmp_path, "smart-plug").write()
    b = BundleBuilder(tmp_path, "smart-plug-uk")
    b.data["skus"].append({"id": "D2", "model": "D2-EU", "price": {"amount": "19.90", "currency": "USD"}})
    b.write()
    assert lint(tmp_path, select="SCH006") == []


def test_copied_sku_is_one_finding(tmp_path):
    """A SKU pasted twice repeats its id and its model: one root cause, one finding, on the id."""
    b = BundleBuilder(tmp_path)
    sku = dict(b.data["skus"][0])
    b.data["skus"].append(sku)
    b.write()
    text = (b.dir / "listing.json").read_text()
    line = text[: text.rindex(f'"{sku["id"]}"')].count("\n") + 1
    assert lint(tmp_path, select="SCH006") == [("listings/demo/listing.json", line, "SCH006")]
    [f] = findings(tmp_path, select="SCH006")
    assert f"id {sku['id']!r}, model {sku['model']!r}" in f.message


def test_id_and_model_repeating_different_skus_are_both_named(tmp_path):
    b = BundleBuilder(tmp_path)
    first = b.data["skus"][0]
    b.data["skus"].append({"id": "D2", "model": "D2-EU", "price": {"amount": "19.90", "currency": "USD"}})
    b.data["skus"].append({"id": first["id"], "model": "D2-EU", "price": {"amount": "19.90", "currency": "USD"}})
    b.write()
    [f] = findings(tmp_path, select="SCH006")
    assert "repeats skus[0]" in f.message and "repeats skus[1]" in f.message
