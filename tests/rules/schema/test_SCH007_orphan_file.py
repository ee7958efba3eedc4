from builder import BundleBuilder, lint, png_bytes


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
