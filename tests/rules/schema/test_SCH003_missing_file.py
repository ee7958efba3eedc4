from builder import BundleBuilder, findings, lint


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
