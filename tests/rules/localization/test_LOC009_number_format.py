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


def test_price_inside_an_english_paragraph_of_the_french_page_is_loc003_only(bundle, tmp_path):
    # the paragraph needs translating; its English price format is part of it, not a second finding
    fr = FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>Order today for only $1,234.50 and get free delivery to your door.</p>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select=["LOC003", "LOC009"]) == [("listings/demo/detail/fr.html", 7, "LOC003")]


def test_english_page_in_the_spanish_slot_is_loc002_only(bundle, tmp_path):
    from loc_pages import EN

    full(bundle, es=EN)
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC009"]) == [("listings/demo/detail/es.html", 2, "LOC002")]
