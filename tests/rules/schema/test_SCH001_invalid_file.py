from builder import BundleBuilder, findings, lint, run_lint


def test_trailing_comma_is_reported_at_its_line_and_column(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write('{\n  "schema_version": "1",\n  "id": "demo",\n}\n')
    assert lint(tmp_path, select="SCH001") == [("listings/demo/listing.json", 4, "SCH001")]
    [f] = findings(tmp_path, select="SCH001")
    assert f.column == 1 and "invalid JSON" in f.message


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
    assert lint(tmp_path, select="SCH001") == [("store.json", 2, "SCH001")]


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
