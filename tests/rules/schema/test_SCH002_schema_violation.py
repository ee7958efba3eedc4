from builder import BundleBuilder, findings, lint


def test_price_as_number_is_reported_at_the_value_in_plain_words(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["skus"].append({"id": "D2", "model": "D2-EU", "price": {"amount": 39.9, "currency": "USD"}})
    b.write()
    [f] = findings(tmp_path, select="SCH002")
    assert (f.path, f.line) == ("listings/demo/listing.json", b.line_of('"amount": 39.9,'))
    assert f.message == '`skus[1].price.amount` must be a decimal string above zero like "39.90", got 39.9'


def test_unknown_field_names_the_closest_valid_one(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["catgory"] = "home-garden"
    b.write()
    [f] = findings(tmp_path, select="SCH002")
    assert f.line == b.line_of('"catgory"')
    assert "unknown field `catgory`" in f.message and "category" in f.message


def test_one_finding_per_violation(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = ["EU", "MARS"]
    b.data["metrics"] = {"ctr": 3.8}
    del b.data["category"]
    b.write()
    got = lint(tmp_path, select="SCH002")
    assert got == [
        ("listings/demo/listing.json", 1, "SCH002"),
        ("listings/demo/listing.json", b.line_of('"MARS"'), "SCH002"),
        ("listings/demo/listing.json", b.line_of("3.8"), "SCH002"),
    ]
    messages = [f.message for f in findings(tmp_path, select="SCH002")]
    assert "`the document` is missing the required field `category`" in messages
    assert any("rates are fractions" in m for m in messages)


def test_store_json_violation_points_into_store_json(tmp_path):
    BundleBuilder(tmp_path).write()
    (tmp_path / "store.json").write_text('{\n  "warehouses_coverage": 75\n}\n', encoding="utf-8")
    assert lint(tmp_path, select="SCH002") == [("store.json", 2, "SCH002")]


def test_near_miss_the_spec_example_is_valid(tmp_path):
    import json
    from pathlib import Path

    data = Path(__file__).parents[2] / "data"
    b = BundleBuilder(tmp_path)
    b.data = json.loads((data / "example_listing.json").read_text(encoding="utf-8"))
    b.data["locales"] = ["en", "es_ES", "fr", "ru"]  # the es_ES spelling is accepted
    b.write()
    (tmp_path / "store.json").write_bytes((data / "example_store.json").read_bytes())
    assert lint(tmp_path, select="SCH002") == []


def test_list_entries_all_of_one_wrong_type_are_one_finding(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["media"] = ["media/main.mp4", "media/scene-01.jpg", "media/scene-02.jpg"]
    b.write()
    [f] = findings(tmp_path, select="SCH002")
    assert (f.line, f.column) == (b.line_of('"media/main.mp4"'), 5)
    assert f.message == '`media[0]` must be an object, got "media/main.mp4"; so must the other 2 entries of `media` (a string each)'


def test_near_miss_entries_of_different_wrong_types_stay_apart(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["media"] = ["media/main.mp4", 7]
    b.data["markets"] = ["EU", "MARS", "VENUS"]  # enum errors: each value its own
    b.write()
    assert len(findings(tmp_path, select="SCH002")) == 4


def test_a_value_in_other_letter_case_names_the_option_meant(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["markets"] = ["eu"]
    b.data["certificates"] = [{"scheme": "ce", "issued": "2026-01-10", "models": ["D1-EU"], "file": "c.pdf"}]
    b.write()
    messages = sorted(f.message for f in findings(tmp_path, select="SCH002"))
    assert messages[0].startswith("`certificates[0].scheme` must be one of CE,") and messages[0].endswith("; did you mean 'CE'?")
    assert messages[1] == "`markets[0]` must be one of EU, UK, US; got \"eu\"; did you mean 'EU'?"
