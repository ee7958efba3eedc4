from builder import lint

from loc_pages import ES, full


def test_han_placeholder_in_spanish_page_and_bracket_in_french_title(bundle, tmp_path):
    full(bundle, es=ES.replace("<h1>Enchufe inteligente X1</h1>", "<h1>El mejor {关键词} para tu hogar</h1>"))
    bundle.data["title"]["fr"] = "[PRODUCT NAME] Prise connectée Wi-Fi"
    bundle.write()
    assert lint(tmp_path, select="LOC005") == [
        ("listings/demo/detail/es.html", 3, "LOC005"),
        ("listings/demo/listing.json", bundle.line_of('"fr": "[PRODUCT'), "LOC005"),
    ]


def test_template_syntax_and_lorem(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es"] = "Enchufe {{modelo}} Wi-Fi"
    bundle.data["title"]["ru"] = "Lorem ipsum dolor sit amet"
    bundle.write()
    assert [code for _, _, code in lint(tmp_path, select="LOC005")] == ["LOC005", "LOC005"]


def test_percent_footnote_and_braces_in_fluent_text_pass(bundle, tmp_path):
    es = ES.replace(
        "<p>Precio: 39,90 US$</p>",
        "<p>Ahorra hasta un 20 % en la factura [1] con el modo eco (ver nota 2).</p>\n<p>Talla XXL disponible [ver tabla].</p>",
    )
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select="LOC005") == []


def test_todo_is_a_spanish_word_but_todo_colon_is_a_marker(bundle, tmp_path):
    es = ES.replace(
        "<p>Precio: 39,90 US$</p>",
        "<p>TODO INCLUIDO: enchufe, guía rápida y todo lo que necesitas para empezar.</p>\n<p>TODO: traducir la garantía</p>",
    )
    full(bundle, es=es)
    bundle.data["title"]["en"] = "Smart Plug X1 TODO"
    bundle.write()
    text = (bundle.dir / "detail" / "es.html").read_text(encoding="utf-8")
    line = text[: text.index("TODO: traducir")].count("\n") + 1
    assert lint(tmp_path, select="LOC005") == [
        ("listings/demo/detail/es.html", line, "LOC005"),
        ("listings/demo/listing.json", bundle.line_of('"en": "Smart Plug X1 TODO"'), "LOC005"),
    ]


def test_lorem_ipsum_is_a_placeholder_not_a_language(bundle, tmp_path):
    es = ES.replace("<p>Precio: 39,90 US$</p>", "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>")
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select=["LOC003", "LOC005", "LOC007"]) == [("listings/demo/detail/es.html", 7, "LOC005")]
