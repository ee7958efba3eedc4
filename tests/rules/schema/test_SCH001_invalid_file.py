import pytest

from builder import BundleBuilder, findings, lint, run_lint


def test_trailing_comma_is_reported_at_the_comma(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write('{\n  "schema_version": "1",\n  "id": "demo",\n}\n')
    assert lint(tmp_path, select="SCH001") == [("listings/demo/listing.json", 3, "SCH001")]
    [f] = findings(tmp_path, select="SCH001")
    assert f.column == 15 and f.message == "invalid JSON: trailing comma before '}': JSON allows none; delete the comma"


def test_invalid_utf8_points_at_the_bad_byte(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write(b'{\n  "id": "caf\xe9"\n}\n')
    [f] = findings(tmp_path, select="SCH001")
    assert (f.path, f.line, f.column) == ("listings/demo/listing.json", 2, 13)
    assert "0xe9" in f.message


def test_top_level_array_is_not_a_listing(tmp_path):
    BundleBuilder(tmp_path).write("[1, 2]\n")
    assert lint(tmp_path, select="SCH001") == [("listings/demo/listing.json", 1, "SCH001")]


def test_page_in_windows_1252_is_reported_on_the_page(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("es", "")
    b.files["detail/es.html"] = "<p>Garantía de dos años</p>\n<p>Envío gratis</p>".encode("cp1252")
    b.write()
    [f] = findings(tmp_path, select="SCH001")
    assert (f.path, f.line, f.column) == ("listings/demo/detail/es.html", 1, 10)


def test_store_json_broken(tmp_path):
    BundleBuilder(tmp_path).write()
    (tmp_path / "store.json").write_text('{"seller": {"legal_name": "X"}\n', encoding="utf-8")
    assert lint(tmp_path, select="SCH001") == [("store.json", 1, "SCH001")]  # the end of the text: a } is missing


def test_near_miss_utf8_bom_and_utf8_page_are_fine(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("es", "<p>Garantía de dos años, envío gratis y devolución en 30 días</p>")
    manifest = b.write()
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    assert lint(tmp_path, select="SCH001") == []


def test_one_broken_bundle_does_not_stop_the_others(tmp_path):
    BundleBuilder(tmp_path, "good-one").write()
    BundleBuilder(tmp_path, "broken").write('{"id": "broken",,}')
    BundleBuilder(tmp_path, "good-two").write()
    result = run_lint(tmp_path, select="SCH")
    assert [(f.path, f.line, f.column, f.code) for f in result.findings] == [("listings/broken/listing.json", 1, 17, "SCH001")]
    assert len(result.bundles) == 3


@pytest.mark.parametrize(
    "text, line, column, message",
    [
        ('{\n  "id": "demo",\n  "markets": ["EU", "US",]\n}\n', 3, 25, "trailing comma before ']': JSON allows none; delete the comma"),
        ('{\n  // the demo listing\n  "id": "demo"\n}\n', 2, 3, "JSON has no comments"),
        ('{\n  "id": "demo", /* draft */\n  "category": "other"\n}\n', 2, 17, "JSON has no comments"),
        ("{\n  'id': 'demo'\n}\n", 2, 3, "single quotes: JSON strings and keys take double quotes"),
        ('{\n  "id": \u201cdemo\u201d\n}\n', 2, 9, "curly quote \u201c: JSON strings and keys take straight double quotes"),
        ("", 1, 1, "the file is empty: it must hold one JSON object, {…}"),
        ("\n  \n", 1, 1, "the file is empty"),
        ('{\n  id: "demo"\n}\n', 2, 3, 'the key id needs double quotes: "id"'),
        ('{\n  "category": home-garden\n}\n', 2, 15, 'the text home-garden needs double quotes: "home-garden"'),
        ('{\n  "gift": True\n}\n', 2, 11, "True is not JSON: write true"),
        ('{\n  "id": "demo"\n  "category": "other"\n}\n', 3, 3, "a comma is missing before this"),
        ('{\n  "title": {"en": "TV 12" screen"}\n}\n', 2, 25, "a double quote inside a string ends it early"),
        ('{\n  "media": [{"file": "media\\scene.jpg"}]\n}\n', 2, 28, "\\s is not an escape JSON knows"),
        ('{\n  "id": "demo",\n  "title": {"en": "Plug"\n', 3, 25, "the file ends too early"),
        ('{\n  "id": "demo"\n}\n}\n', 4, 1, "an extra '}' after the end of the object"),
        ('{"id": "demo"}\n{"id": "copy"}\n', 2, 1, "more text after the end of the JSON object: the file holds one object"),
        ('{\n  "title": {"en": "Smart\nplug"}\n}\n', 2, 25, "a line break inside a string"),
        ('{\n  "stock": 007\n}\n', 2, 12, "a number cannot start with 0"),
        ('{\n  "color": #fff\n}\n', 2, 12, "a value is expected here"),  # a # inside a line starts no comment
        ('# listing for the X1\n{\n  "id": "demo"\n}\n', 1, 1, "JSON has no comments"),
        ('{\r\n  "id": "demo",,\r\n  "category": "other"\r\n}\r\n', 2, 16, "two commas in a row: delete one"),
        ('{\n  "markets": [, "EU"]\n}\n', 2, 15, "a comma right after '[': delete it"),
    ],
)
def test_hand_written_json_mistakes_are_named_at_the_character_to_change(tmp_path, text, line, column, message):
    BundleBuilder(tmp_path).write(text)
    [f] = findings(tmp_path, select="SCH")
    assert (f.code, f.line, f.column) == ("SCH001", line, column)
    assert f.message.startswith("invalid JSON: " + message)
    assert "Expecting" not in f.message


def test_near_miss_a_comma_between_members_and_a_slash_in_a_string_are_fine(tmp_path):
    BundleBuilder(tmp_path).file("notes.txt", "x").write()  # the builder writes valid JSON with commas everywhere
    b = BundleBuilder(tmp_path, "other")
    b.data["title"] = {"en": "Socket // 2 pack /* EU */, 12\" screen, C:\\temp"}
    b.write()
    assert lint(tmp_path, select="SCH001") == []


def test_explaining_a_parse_error_is_linear_on_hostile_text():
    import time

    from listing_lint.bundle.jsonerrors import explain

    for text, pos in (("{" + " " * 1_000_000 + "}", 1_000_001), ("[" + "1," * 500_000 + " " * 500_000 + "]", 1_500_001)):
        start = time.perf_counter()
        explain(text, "Expecting value", pos)
        assert time.perf_counter() - start < 1.0


def test_a_key_given_twice_is_reported_at_the_second_naming_the_first(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write()
    text = (b.dir / "listing.json").read_text(encoding="utf-8")
    text = text.replace('"id": "demo",', '"id": "demo",\n  "title": {"en": "Old title"},', 1)
    (b.dir / "listing.json").write_text(text, encoding="utf-8")
    [f] = findings(tmp_path, select="SCH")
    second = text.index('"title": {}')
    line = text[:second].count("\n") + 1
    assert (f.code, f.path, f.line, f.column) == ("SCH001", "listings/demo/listing.json", line, 3)
    assert f.message == f"`title` is given twice (line 4 and line {line}); the last one wins: delete one"


def test_a_key_given_twice_inside_a_media_entry_names_the_entry(tmp_path):
    BundleBuilder(tmp_path).write(
        '{\n  "media": [\n    {"kind": "image", "file": "a.jpg"},\n    {"kind": "image",\n     "file": "b.jpg",\n     "kind": "video"}\n  ]\n}\n'
    )
    [f] = findings(tmp_path, select="SCH001")
    assert (f.line, f.column) == (6, 6)
    assert f.message == "`kind` is given twice in `media[1]` (line 4 and line 6); the last one wins: delete one"


def test_a_key_given_three_times_on_one_line_is_one_finding(tmp_path):
    BundleBuilder(tmp_path).write('{"id": "a", "id": "b", "id": "c"}')
    [f] = findings(tmp_path, select="SCH001")
    assert (f.line, f.column) == (1, 13)
    assert f.message == "`id` is given 3 times (line 1, columns 2, 13 and 24); the last one wins: keep one and delete the others"


def test_a_key_given_twice_in_store_json(tmp_path):
    BundleBuilder(tmp_path).write()
    (tmp_path / "store.json").write_text('{\n  "seller": {"legal_name": "X",\n             "legal_name": "Y"}\n}\n', encoding="utf-8")
    [f] = findings(tmp_path, select="SCH001")
    assert (f.path, f.line, f.column) == ("store.json", 3, 14)
    assert f.message.startswith("`legal_name` is given twice in `seller` (line 2 and line 3)")


def test_near_miss_the_same_key_in_different_objects_and_keys_differing_in_case(tmp_path):
    BundleBuilder(tmp_path).write(
        '{"title": {"en": "A", "EN": "B"}, "detail_pages": {"en": {"html": "<p>x</p>"}},'
        ' "media": [{"kind": "image"}, {"kind": "video"}], "lint": {"ignore": []}}'
    )
    assert lint(tmp_path, select="SCH001") == []


def test_duplicate_keys_are_found_in_linear_time_and_capped():
    import time

    from listing_lint.bundle.positions import duplicate_keys

    n = 100_000
    for text, expected in (
        ("{" + ",".join('"a":1' for _ in range(n)) + "}", 1),  # one key 100,000 times: one entry
        ('{"m":[' + ",".join('{"a":1,"a":2}' for _ in range(n)) + "]}", 1000),  # 100,000 objects: capped
        ("[" * 150 + '{"b":1,"b":2}' + "]" * 150, 1),
    ):
        start = time.perf_counter()
        found = duplicate_keys(text, 1000)
        assert time.perf_counter() - start < 3.0
        assert len(found) == expected
    assert found == [("/0" * 150, "b", [151, 157])]


def test_a_trailing_comma_in_a_file_with_a_bom_and_crlf_is_at_the_comma(tmp_path):
    BundleBuilder(tmp_path).write(b'\xef\xbb\xbf{\r\n  "id": "demo",\r\n  "markets": ["EU",]\r\n}\r\n')
    [f] = findings(tmp_path, select="SCH001")
    assert (f.line, f.column) == (3, 19) and "trailing comma before ']'" in f.message
