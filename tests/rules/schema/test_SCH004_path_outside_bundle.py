import os

from builder import BundleBuilder, findings, lint


def test_dotdot_and_absolute_paths(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["media"] = [
        {"kind": "image", "file": "../other/scene.jpg", "role": "scene"},
        {"kind": "image", "file": "/etc/passwd", "role": "scene"},
    ]
    b.write()
    assert lint(tmp_path, select="SCH004") == [
        ("listings/demo/listing.json", b.line_of('"../other/scene.jpg"'), "SCH004"),
        ("listings/demo/listing.json", b.line_of('"/etc/passwd"'), "SCH004"),
    ]


def test_symlink_resolving_outside_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    b = BundleBuilder(tmp_path)
    b.data["certificates"] = [{"scheme": "CE", "issued": "2026-01-01", "models": ["D1-EU"], "file": "certs/ce.pdf"}]
    b.write()
    (b.dir / "certs").mkdir()
    os.symlink(secret, b.dir / "certs" / "ce.pdf")
    [f] = findings(tmp_path, select="SCH004")
    assert (f.path, f.line) == ("listings/demo/listing.json", b.line_of('"certs/ce.pdf"'))
    assert "symlink" in f.message and "TOP-SECRET" not in f.message


def test_page_image_leaving_the_bundle(tmp_path):
    b = BundleBuilder(tmp_path)
    b.page("es", '<p>Foto</p>\n<p><img src="../../shared/banner.jpg" alt="Banner"></p>\n')
    b.write()
    assert lint(tmp_path, select="SCH004") == [("listings/demo/detail/es.html", 2, "SCH004")]


def test_near_miss_relative_paths_inside_and_urls(tmp_path):
    b = BundleBuilder(tmp_path)
    b.image("media/scene-01.jpg")
    b.page("es", '<p><img src="../media/scene-01.jpg" alt="x"> <a href="https://www.aliexpress.com/store/1">Tienda</a></p>')
    b.write()
    (b.dir / "media" / "alias.jpg").symlink_to(b.dir / "media" / "scene-01.jpg")
    b.data["media"].append({"kind": "image", "file": "media/alias.jpg", "role": "scene"})
    b.write()
    assert lint(tmp_path, select="SCH004") == []
