from builder import BundleBuilder, findings, lint, run_lint


def test_missing_media_file_is_reported_at_its_path(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg")
    b.data["media"].append({"kind": "image", "file": "media/scene-02.jpg", "role": "scene"})
    b.write()
    assert lint(tmp_path, select="SCH003") == [("listings/demo/listing.json", b.line_of('"media/scene-02.jpg"'), "SCH003")]
    [f] = findings(tmp_path, select="SCH003")
    assert f.message.startswith("media file media/scene-02.jpg does not exist")


def test_missing_page_certificate_and_letter(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["detail_pages"]["es"] = "detail/es.html"
    b.data["certificates"] = [{"scheme": "CE", "issued": "2026-01-01", "models": ["D1-EU"], "file": "certs/ce.pdf"}]
    b.data["brand"] = {"name": "Demo", "authorization": [{"from": "Owner", "to": "Seller", "file": "certs/letter.pdf"}]}
    b.write()
    # the letter's missing file is BRD003's, which names the letter in the chain (one root cause, one finding)
    assert lint(tmp_path, select="SCH003") == [
        ("listings/demo/listing.json", b.line_of('"detail/es.html"'), "SCH003"),
        ("listings/demo/listing.json", b.line_of('"certs/ce.pdf"'), "SCH003"),
    ]
    assert [code for _, _, code in lint(tmp_path, select=["SCH003", "BRD003"]) if code == "BRD003"] == ["BRD003"]


def test_folder_instead_of_file(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["media"].append({"kind": "image", "file": "media", "role": "scene"})
    b.image("media/scene-01.jpg")
    b.write()
    [f] = findings(tmp_path, select="SCH003")
    assert "not a regular file" in f.message


def test_near_miss_all_files_present(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg").page("en", "<p>Hello</p>")
    b.write()
    assert lint(tmp_path, select="SCH003") == []


def test_a_path_without_its_extension_gets_a_did_you_mean_and_no_orphan(tmp_path):
    from builder import png_bytes

    b = BundleBuilder(tmp_path)
    b.file("media/scene-01.jpg", png_bytes(fmt="JPEG"))
    b.data["media"] = [{"kind": "image", "role": "scene", "file": "media/scene-01"}]
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", b.line_of('"media/scene-01"'), "SCH003")]
    [f] = findings(tmp_path, select="SCH003")
    assert f.message == "media file media/scene-01 does not exist in the bundle; did you mean media/scene-01.jpg?"


def test_a_page_path_the_schema_rejects_is_the_schema_finding_alone(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("fr", "<p>Une prise connectée</p>")
    b.data["detail_pages"]["fr"] = "detail/fr"  # not an .html path: SCH002; not also missing, nor fr.html an orphan
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", b.line_of('"detail/fr"'), "SCH002")]


def test_near_miss_a_missing_file_with_no_namesake_is_still_missing(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("fr", "<p>Une prise connectée</p>")
    b.data["detail_pages"]["fr"] = "detail/francais.html"
    b.write()
    assert sorted(lint(tmp_path, select="SCH"), key=str) == [
        ("listings/demo/detail/fr.html", None, "SCH007"),
        ("listings/demo/listing.json", b.line_of('"detail/francais.html"'), "SCH003"),
    ]
    [f] = findings(tmp_path, select="SCH003")
    assert f.message.endswith("; add it or fix the path")


# session 16 (hostile input): a file copied from a Mac keeps its name decomposed (NFD: "e" + U+0301) while
# listing.json names it composed (NFC): "does not exist; add it or fix the path" sent the seller looking
# for a file that is plainly there
def test_a_file_named_in_another_unicode_form_is_told_so(tmp_path):
    import unicodedata

    b = BundleBuilder(tmp_path)
    b.image("media/café.jpg")
    b.files[unicodedata.normalize("NFD", "media/café.jpg")] = b.files.pop("media/café.jpg")
    b.write()
    result = run_lint(tmp_path, select=["SCH003", "SCH007"]).findings
    assert [(f.code, f.path, f.line) for f in result] == [("SCH003", "listings/demo/listing.json", b.line_of('"media/café.jpg"'))]
    assert result[0].message == ("media file media/café.jpg does not exist in the bundle under these bytes: the file 'media/cafe\\u0301.jpg' "
                                 "has the same letters in another Unicode form (decomposed, NFD, as macOS writes accents); rename the file "
                                 "so its name is NFC, as the path in listing.json is")


def test_near_miss_a_composed_name_named_composed_is_found(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/café.jpg")
    b.write()
    assert run_lint(tmp_path, select=["SCH003", "SCH007"]).findings == []
