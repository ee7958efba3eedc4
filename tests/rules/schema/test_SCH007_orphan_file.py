from builder import BundleBuilder, findings, lint, png_bytes


def test_unreferenced_image_is_an_orphan(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg")
    b.file("media/scene-10.jpg", png_bytes(fmt="JPEG"))
    b.write()
    assert lint(tmp_path, select="SCH007") == [("listings/demo/media/scene-10.jpg", None, "SCH007")]


def test_near_miss_embedded_by_a_page_or_not_a_media_file(tmp_path):
    b = BundleBuilder(tmp_path)
    b.file("media/scene-10.jpg", png_bytes(fmt="JPEG"))
    b.file("notes.txt", "photographer: Ana, shot 2026-03-02")
    b.page("es", '<p><img src="../media/scene-10.jpg" alt="Escena"></p>')
    b.write()
    assert lint(tmp_path, select="SCH007") == []


# One root cause, one finding: files a field the schema rejects would list are SCH002's, not orphans too.
def _jpeg() -> bytes:
    return png_bytes(fmt="JPEG")


def test_misspelt_media_field_is_the_schema_finding_alone(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg").image("media/scene-02.jpg")
    b.data["medias"] = b.data.pop("media")
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", b.line_of('"medias"'), "SCH002")]


def test_missing_media_field_is_the_schema_finding_alone(tmp_path):
    b = BundleBuilder(tmp_path)
    b.file("media/scene-01.jpg", _jpeg()).file("media/main.mp4", b"\x00\x00\x00\x18ftypmp42")
    del b.data["media"]
    b.write()
    assert [code for _, _, code in lint(tmp_path, select="SCH")] == ["SCH002"]


def test_misspelt_detail_pages_leaves_neither_the_pages_nor_what_they_embed_orphans(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("en", '<p><img src="../media/diagram.jpg" alt="Wiring diagram"></p>').file("media/diagram.jpg", _jpeg())
    b.data["detail_page"] = b.data.pop("detail_pages")
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", b.line_of('"detail_page"'), "SCH002")]


def test_detail_pages_as_a_list_is_the_schema_finding_alone(tmp_path):
    b = BundleBuilder(tmp_path)
    b.file("detail/en.html", "<p>A plug</p>").file("detail/es.html", "<p>Un enchufe</p>")
    b.data["detail_pages"] = ["detail/en.html", "detail/es.html"]
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/listing.json", b.line_of('"detail_pages"'), "SCH002")]


def test_misspelt_or_mistyped_certificates_are_the_schema_finding_alone(tmp_path):
    cert = {"scheme": "CE", "issued": "2025-01-10", "models": ["D1-EU"], "file": "docs/ce.pdf"}
    for field, value in (("certificate", [cert]), ("certificates", cert)):
        repo = tmp_path / field / type(value).__name__
        b = BundleBuilder(repo)
        b.file("docs/ce.pdf", b"%PDF-1.4\n%%EOF\n")
        b.data[field] = value
        b.write()
        assert [code for _, _, code in lint(repo, select="SCH")] == ["SCH002"], field


def test_near_miss_a_real_orphan_beside_a_rejected_field_is_still_reported(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg")
    b.file("docs/forgotten.pdf", b"%PDF-1.4\n%%EOF\n")
    b.data["medias"] = b.data.pop("media")  # excuses pictures and videos, not a PDF
    b.write()
    assert ("listings/demo/docs/forgotten.pdf", None, "SCH007") in lint(tmp_path, select="SCH")


def test_near_miss_an_unrelated_schema_finding_does_not_excuse_an_orphan(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg")
    b.file("media/scene-10.jpg", _jpeg())
    b.data["titel"] = {"en": "Plug"}
    b.write()
    assert lint(tmp_path, select="SCH007") == [("listings/demo/media/scene-10.jpg", None, "SCH007")]


def test_media_written_as_a_list_of_paths_leaves_no_poster_orphan(tmp_path):
    b = BundleBuilder(tmp_path)
    b.file("media/main.mp4", b"\x00\x00\x00\x18ftypmp42").file("media/main-poster.jpg", _jpeg()).file("media/scene-01.jpg", _jpeg())
    b.data["media"] = ["media/main.mp4", "media/scene-01.jpg"]  # the poster was in the entry these replaced
    b.write()
    assert [code for _, _, code in lint(tmp_path, select="SCH")] == ["SCH002"]  # both entries: one finding


# session 14: an empty page path beside the page it was meant to name
def test_empty_page_path_is_the_schema_finding_alone_naming_the_page(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("en", "<p>A plug</p>").page("fr", '<p>Une prise <img src="../media/diagram.jpg" alt="Schéma"></p>')
    b.file("media/diagram.jpg", _jpeg())
    b.data["detail_pages"]["fr"] = ""
    b.write()
    found = findings(tmp_path, select="SCH")
    assert [(f.path, f.line, f.code) for f in found] == [("listings/demo/listing.json", b.line_of('"fr": ""'), "SCH002")]
    assert found[0].message.endswith('got ""; did you mean "detail/fr.html"?')


def test_near_miss_an_empty_page_path_does_not_excuse_another_page(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("en", "<p>A plug</p>").page("fr", "<p>Une prise</p>").file("detail/old.html", "<p>Old</p>")
    b.data["detail_pages"]["fr"] = ""
    b.write()
    assert lint(tmp_path, select="SCH") == [("listings/demo/detail/old.html", None, "SCH007"),
                                            ("listings/demo/listing.json", b.line_of('"fr": ""'), "SCH002")]


# session 16 (hostile input): a folder of 50,000 unreferenced files dumped into a bundle gave 50,000 SCH007
# findings (2.9 s of the rule's CPU); the first MAX_LISTED_ORPHANS are reported, the first counting the rest
def _dump(b, count: int) -> None:
    folder = b.dir / "dump"
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"img{i:05d}.jpg").write_bytes(b"\xff\xd8\xff\xe0")


def test_a_dumped_folder_of_orphans_is_reported_on_the_first_fifty_and_counted(tmp_path):
    from listing_lint.rules.schema.SCH007_orphan_file import MAX_LISTED_ORPHANS

    b = BundleBuilder(tmp_path)
    b.write()
    _dump(b, 500)
    found = findings(tmp_path, select="SCH007")
    assert [f.path for f in found] == [f"listings/demo/dump/img{i:05d}.jpg" for i in range(MAX_LISTED_ORPHANS)]
    assert found[0].message == ("dump/img00000.jpg is in the bundle but nothing references it; list it in listing.json, embed it, "
                                "or delete it; the bundle has 500 files nothing references: the first 50 are reported one by one, "
                                "and 450 more after them are unreferenced too, most in dump/ (450) (a folder copied into the bundle?)")
    assert "the bundle has" not in found[1].message


def test_near_miss_fifty_orphans_are_each_reported_and_nothing_counted(tmp_path):
    b = BundleBuilder(tmp_path)
    b.write()
    _dump(b, 50)
    found = findings(tmp_path, select="SCH007")
    assert len(found) == 50 and not any("the bundle has" in f.message for f in found)
