from builder import findings, lint

from loc_pages import FR, RU, full, with_blocks


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


def test_a_spreadsheet_cell_reference_is_no_dollar_price(bundle, tmp_path):
    # session 18, Odoo's Spanish, French and Russian help on spreadsheet functions: "$A$1" is an
    # absolute cell reference, not one US dollar written before its number; a price on the same
    # page that puts "$" first is still one (the near miss)
    es = with_blocks("es", "Un indicador de si la referencia es absoluta (por ejemplo, $A$1), 2 corresponde a fila absoluta.",
                     "Precio: $1")
    full(bundle, es=es)
    bundle.write()
    found = findings(tmp_path, select="LOC009")
    assert [(f.path, f.line, f.code, f.message.split(":")[0]) for f in found] == [
        ("listings/demo/detail/es.html", 7, "LOC009", "$1")]
    assert len(found) == 1


def test_the_same_price_written_the_same_way_in_a_block_is_one_finding(bundle, tmp_path):
    # session 18, Odoo's French order mails: "$ 10.00" nine times in one block drew nine equal
    # findings; another price written that way in the block is another finding (the near miss)
    fr = with_blocks("fr", "Commande de $ 10.00, acompte de $ 10.00, reste $ 10.00.", "Remise de $ 10.00 sur $ 20.00.")
    full(bundle, fr=fr)
    bundle.write()
    found = findings(tmp_path, select="LOC009")
    assert [(f.path, f.line, f.message.split(" is ")[0]) for f in found] == [
        ("listings/demo/detail/fr.html", 7, "$ 10.00"), ("listings/demo/detail/fr.html", 7, "$ 10.00"),
        ("listings/demo/detail/fr.html", 7, "$ 20.00")]


def test_a_model_code_with_both_separators_is_no_number(bundle, tmp_path):
    # session 18: "SP-1.234,5" names a model (letters, a hyphen, then digits and separators); the
    # same digits standing alone are a number written the German way on a French page (near miss)
    fr = with_blocks("fr", "Modèle SP-1.234,5, réf. 2.4.1.", "Capacité de 1.234,5 litres.")
    full(bundle, fr=fr)
    bundle.write()
    found = findings(tmp_path, select="LOC009")
    assert [(f.path, f.line, f.message.split(" is ")[0]) for f in found] == [("listings/demo/detail/fr.html", 7, "1.234,5")]
    assert len(found) == 1
