from builder import lint

from loc_pages import FR, full


def test_utf8_read_as_latin1(bundle, tmp_path):
    full(bundle, fr=FR.replace("<h1>Prise connectée X1</h1>", "<h1>CÃ¢ble de 2 mÃ¨tres</h1>"))
    bundle.data["title"]["ru"] = "Ð£Ð¼Ð½Ð°Ñ Ñ€Ð¾Ð·ÐµÑ‚ÐºÐ°"
    bundle.write()
    assert lint(tmp_path, select="LOC011") == [
        ("listings/demo/detail/fr.html", 3, "LOC011"),
        ("listings/demo/listing.json", bundle.line_of('"ru": "Ð'), "LOC011"),
    ]


def test_accents_guillemets_and_cyrillic_pass(bundle, tmp_path):
    fr = FR.replace("<h1>Prise connectée X1</h1>", "<h1>Câble de 2 mètres, « qualité » garantie – 39,90 €</h1>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC011") == []
