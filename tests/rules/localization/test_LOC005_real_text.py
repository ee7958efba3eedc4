"""LOC005 brackets on real shop copy (session 11). Marketplace copy heads its bullet points with
bracketed capitals ("[LONG BATTERY LIFE] Up to 40 hours"): the old rule took any bracket of four
capitals or more for a template slot and gave an error for each; it also let "[Product Name]"
through because it was not in capitals. A bracket is a slot now when its words name what goes in
it (data/placeholder_words.yaml) or it holds a snake_case identifier."""

from builder import lint

from loc_pages import EN, ES, FR, RU, full

EN_LINE = "<p>Price: $39.90</p>"
ES_LINE = "<p>Precio: 39,90 US$</p>"
FR_LINE = "<p>Prix\u00a0: 39,90\u00a0€</p>"
RU_LINE = "<p>Цена: 39,90 $</p>"


def _paragraphs(texts):
    return "\n".join(f"<p>{t}</p>" for t in texts)


def test_bracketed_labels_of_real_copy_pass(bundle, tmp_path):
    labels = ("[LONG BATTERY LIFE] Up to 40 hours of playtime on one charge.",
              "[UPGRADED VERSION] The plug now reports its energy use every second.",
              "[WIDE COMPATIBILITY] Works with Alexa, Google Home and SmartThings.",
              "[BRAND NEW] Sealed in its box. [SALE] Only this week.",
              "Order summary [CANCELLED], see note [1] and the size table [2 PACK].",
              "[FURN_8220] Four Person Desk: the internal reference of the product.")
    es = ("[BATERÍA DE LARGA DURACIÓN] Hasta 40 horas de uso con una carga.", "Talla XXL disponible [ver tabla].")
    full(bundle, en=EN.replace(EN_LINE, _paragraphs(labels)), es=ES.replace(ES_LINE, _paragraphs(es)))
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == []


def test_slots_named_in_any_case_and_language_are_found(bundle, tmp_path):
    slots = ("[Product Name] turns any socket into a smart one.", "Made by [Your Brand] for your home.",
             "[Insert feature here] and more.", "Order [PAYPAL_ORDER_ID] is ready.")
    es = ("El mejor [NOMBRE DEL PRODUCTO] para tu hogar.", "Auriculares [关键词] para ti.")
    full(bundle, en=EN.replace(EN_LINE, _paragraphs(slots)), es=ES.replace(ES_LINE, _paragraphs(es)))
    bundle.data["title"]["ru"] = "[НАЗВАНИЕ ТОВАРА] умная розетка"
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == [
        *(("listings/demo/detail/en.html", line, "LOC005") for line in (7, 8, 9, 10)),
        *(("listings/demo/detail/es.html", line, "LOC005") for line in (7, 8)),
        ("listings/demo/listing.json", bundle.line_of('"ru": "[НАЗВАНИЕ'), "LOC005"),
    ]


def test_han_in_a_bracket_that_is_no_slot_is_a_cjk_leftover(bundle, tmp_path):
    full(bundle, es=ES.replace(ES_LINE, "<p>Cable de carga [充电线] de 1 m.</p>"))
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == [("listings/demo/detail/es.html", 7, "LOC006")]


def test_a_label_followed_by_its_value_is_no_slot(bundle, tmp_path):
    """Sellers head a value with its label in brackets (session 13): "[Size] 500 ml [Hair type] All
    hair types". A bracket of slot words is a label when a colon parts it from its value, when it
    names a number and a number follows, or when the text is a list of labels and values with
    another label in it. Each bracket of these was an unfilled placeholder on the old code."""
    en = ("[Size] 500 ml [Hair type] All hair types", "[Size]: 500 ml", "[Color]: Black [Quantity] 2 bottles")
    es = ("[Tamaño] 500 ml [Tipo de cabello] Todo tipo de cabello", "[Marca]: Voltia")
    fr = "<p>[Taille] : 500\u00a0ml [Type de cheveux] Tous types de cheveux</p>"
    ru = "<p>[Количество] 2 шт. [Тип волос] Для всех типов волос</p>"
    full(bundle, en=EN.replace(EN_LINE, _paragraphs(en)), es=ES.replace(ES_LINE, _paragraphs(es)),
         fr=FR.replace(FR_LINE, fr), ru=RU.replace(RU_LINE, ru))
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == []


def test_slots_beside_values_are_still_slots(bundle, tmp_path):
    """A run of brackets, a template's own words, a bracket that names no number before a number,
    a bracket in a sentence: still unfilled."""
    slots = ("[Brand] [Product Name] 500 ml", "[Your Brand]: Voltia", "[Brand] 2 Pack Shampoo",
             "[Product Name] for [Keyword] lovers", "Size 500 ml, [Product Name] for all hair types.")
    full(bundle, en=EN.replace(EN_LINE, _paragraphs(slots)))
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == [("listings/demo/detail/en.html", line, "LOC005") for line in range(7, 12)]


def test_list_items_of_labels_and_values(bundle, tmp_path):
    """Bullets give one label and value each: "[Color] Black" is a label when another item of its
    list is one ("[Size] 500 ml"; alone it is one too since session 14); a list of slots with no
    label among them, or an item with no value, stays unfilled."""
    labels = "<ul><li>[Size] 500 ml</li><li>[Color] Black</li><li>[Material] Recycled PET</li><li>Made in France</li></ul>"
    slots = "<ul><li>[Model] X1</li><li>[Brand] Voltia</li></ul>\n<ul><li>[Size] 500 ml</li><li>[Product Name]</li></ul>"
    full(bundle, en=EN.replace(EN_LINE, labels + "\n" + slots))
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == [
        ("listings/demo/detail/en.html", 8, "LOC005"), ("listings/demo/detail/en.html", 8, "LOC005"),
        ("listings/demo/detail/en.html", 9, "LOC005")]


# -- session 14: one attribute's label and its value alone -----------------------------------------
def test_an_attribute_label_with_its_value_alone_is_a_label(bundle, tmp_path):
    """"[Color] Black" alone in a paragraph (no colon, no number, no list) names an attribute and
    gives its value: a label, like "[Size] 500 ml". The old code reported it as an unfilled slot."""
    texts = ("[Color] Black", "[Material] 100% organic cotton", "[Colour] Navy blue.")
    full(bundle, en=EN.replace(EN_LINE, _paragraphs(texts)), ru=RU.replace(RU_LINE, "<p>[Цвет] Чёрный</p>"))
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == []


def test_near_miss_a_product_slot_or_a_longer_text_after_an_attribute_stays_a_slot(bundle, tmp_path):
    """A slot naming the product itself ("[Product Name] Smart Plug", "[Brand] Voltia"), an attribute
    before a sentence or a title's words ("[Color] Running Shoes for Men and Women"), a template's
    word ("[Your Color] Black") and the same label in a heading, where templates put slots: unfilled."""
    slots = ("[Product Name] Smart Plug", "[Brand] Voltia", "[Color] Running Shoes for Men and Women",
             "[Your Color] Black")
    page = EN.replace(EN_LINE, _paragraphs(slots)).replace("<h1>Smart Plug X1</h1>", "<h1>[Color] Black</h1>")
    full(bundle, en=page)
    bundle.write()
    assert lint(tmp_path, select=["LOC005", "LOC006"]) == [("listings/demo/detail/en.html", line, "LOC005")
                                                           for line in (3, 7, 8, 9, 10)]


def test_a_bracket_glued_to_a_word_is_code_not_a_slot(bundle, tmp_path):
    # session 18, PrusaSlicer's help in four languages: "M109 S[first_layer_temperature]" is a G-code
    # command indexing a setting; the same name standing alone in the sentence is a slot (near miss)
    en = EN.replace(EN_LINE, '<p>You can put a "M109 S[first_layer_temperature]" command wherever you want.</p>\n'
                             "<p>Heat the nozzle to [first_layer_temperature] first.</p>")
    full(bundle, en=en)
    bundle.write()
    assert lint(tmp_path, select="LOC005") == [("listings/demo/detail/en.html", 8, "LOC005")]


def test_near_miss_a_slot_glued_to_chinese_or_upper_case_stays_a_slot(bundle, tmp_path):
    """Only a lower-case identifier glued to Latin code is an index: Chinese writes no space before a
    bracket ("适用于[型号]", a template's model slot), and "para[MODELO]" is a slot typed without one."""
    en = EN.replace(EN_LINE, "<p>适用于[型号] 的充电器</p>\n<p>Compatible para[MODELO] y más.</p>")
    full(bundle, en=en)
    bundle.write()
    assert lint(tmp_path, select="LOC005") == [("listings/demo/detail/en.html", line, "LOC005") for line in (7, 8)]
