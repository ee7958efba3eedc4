from builder import lint

from loc_pages import FR, RU, full


def test_english_price_format_on_russian_and_french_pages(bundle, tmp_path):
    ru = RU.replace("<p>Цена: 39,90 $</p>", "<p>Цена: $1,234.50</p>")
    fr = FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>Prix\u00a0: 39.90\u00a0€</p>")
    full(bundle, fr=fr, ru=ru)
    bundle.write()
    assert lint(tmp_path, select="LOC009") == [
        ("listings/demo/detail/fr.html", 7, "LOC009"),
        ("listings/demo/detail/ru.html", 7, "LOC009"),
    ]


def test_correct_prices_versions_and_bands_pass(bundle, tmp_path):
    # 39,90 € with a plain space, U+202F or U+00A0 groupings; Bluetooth 5.3 and 2.4 GHz as written everywhere
    fr = FR.replace(
        "<p>Prix\u00a0: 39,90\u00a0€</p>",
        "<p>Prix\u00a0: 39,90 € (1 234,50 € les 40, 1\u00a0234,50\u00a0€ TTC), Bluetooth 5.3, 2.4 GHz.</p>",
    )
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC009") == []
