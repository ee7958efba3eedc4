from builder import findings, lint


def test_variant_media_and_page_not_in_the_bundle(bundle, tmp_path, experiment):
    bundle.file("media/control.jpg", b"jpeg")
    bundle.data["experiments"] = [
        experiment(
            variants=[
                {"id": "control", "media": "media/control.jpg"},
                {"id": "dusk", "media": "media/scene-dusk.jpg", "page": "../other/detail/es.html"},
            ]
        )
    ]
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="ABT004") == [
        (path, bundle.line_of('"media/scene-dusk.jpg"'), "ABT004"),
        (path, bundle.line_of('"../other/detail/es.html"'), "ABT004"),
    ]
    messages = [f.message for f in findings(tmp_path, select="ABT004")]
    assert "'media/scene-dusk.jpg', which is not in the bundle" in messages[0]
    assert messages[1].startswith("variant dusk of experiment es-hero uses page '../other/detail/es.html', which leaves the bundle")


def test_near_miss_every_variant_file_exists(bundle, tmp_path, experiment):
    bundle.file("media/control.jpg", b"jpeg").file("media/dusk.jpg", b"jpeg").file("detail/es-b.html", "<p>Hola</p>")
    bundle.data["experiments"] = [
        experiment(
            variants=[
                {"id": "control", "media": "media/control.jpg"},
                {"id": "dusk", "media": "./media/dusk.jpg", "page": "detail/es-b.html", "title": "Luz solar"},
            ]
        )
    ]
    bundle.write()
    assert lint(tmp_path, select="ABT004") == []
