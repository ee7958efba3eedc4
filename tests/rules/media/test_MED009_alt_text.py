from builder import findings, lint
from media_factory import premium

PAGE = """<!doctype html>
<html lang="es">
<body>
<p>Enchufe inteligente.</p>
<img src="../media/scene-06.jpg">
<img src="../media/scene-07.jpg" alt="">
</body>
</html>
"""


def test_missing_alt_locales_and_img_without_alt(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.data["media"][2]["alt"] = {"en": "Plug on a desk", "es": "  "}
    bundle.page("es", PAGE)
    bundle.write()
    assert lint(tmp_path, select="MED009") == [
        (f"{bundle.rel}/detail/es.html", 5, "MED009"),
        (f"{bundle.rel}/listing.json", bundle.line_of('"alt": {\n        "en": "Plug on a desk"'), "MED009"),
    ]
    messages = sorted(f.message for f in findings(tmp_path, select="MED009"))
    assert messages[0] == "<img> ../media/scene-06.jpg has no alt attribute: describe the picture in the page's language"
    assert messages[1] == 'media/scene-01.jpg has no alt text for es, fr, ru: add "alt": {"es": "..."}'


def test_near_miss_regional_locales_served_by_language_alt(bundle, tmp_path, photos, videos):
    premium(bundle, photos, videos)
    bundle.data["locales"] = ["en-US", "es-ES", "fr", "ru"]
    bundle.page("es-ES", PAGE.replace('<img src="../media/scene-06.jpg">', '<img src="../media/scene-06.jpg" alt="Enchufe">'))
    bundle.write()
    assert lint(tmp_path, select="MED009") == []


def test_required_locales_apply_to_a_bundle_that_declares_fewer(bundle, tmp_path, photos, videos):
    # required-locales and the bundle's own locales are both required: "de" must have alt text too
    premium(bundle, photos, videos)
    bundle.data["locales"] = ["en", "es", "fr", "ru"]
    bundle.write()
    assert lint(tmp_path, select="MED009") == []
    result = findings(tmp_path, select="MED009", required_locales=["en", "de"])
    assert result and all(f.message.endswith('has no alt text for de: add "alt": {"de": "..."}') for f in result)
    assert [f.line for f in result] == sorted({f.line for f in result})  # one finding per picture
