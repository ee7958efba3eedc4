"""LOC003 failure classes found on the held-out real-text corpus (Bagisto and Shopware catalogues,
bench/heldout_corpus.py; docs/langid.md "Held-out measurement"). Each class both ways, with the
real strings the measurement missed or alarmed on, exact lines."""

from builder import findings, lint

from loc_pages import doc, full, with_blocks


# -- a compound's script is its last part's; the other script's words together make a phrase ----
def test_russian_sentence_with_a_latin_compound_on_an_english_page_is_reported(bundle, tmp_path):
    # was silent: "ZIP-архив" counted as a Latin word, and no Cyrillic run alone was phrase-long
    full(bundle, en=with_blocks("en", "Загрузить ZIP-архив с изображениями"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/en.html", 7, "LOC003")]
    assert "Russian" in got[0].message


def test_russian_sentence_around_one_latin_word_on_a_french_page_is_reported(bundle, tmp_path):
    # was silent: "email" was the only French-script word left, and no Cyrillic run was a phrase alone
    full(bundle, fr=with_blocks("fr", "Этот адрес email уже зарегистрирован."))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line) for f in got] == [("listings/demo/detail/fr.html", 7)]
    assert "Russian" in got[0].message


def test_near_miss_russian_sentence_with_an_api_key_compound_stays_silent(bundle, tmp_path):
    # was "paragraph has Catalan left in it: "API-ключ Fixer.io"": the compound made a Latin run
    full(bundle, ru=with_blocks("ru", "Введите ваш API-ключ Fixer.io для автоматического обновления обменных курсов. "
                        "Автоматическое обновление обменных курсов по расписанию с использованием настроенного сервиса API."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_french_word_with_a_two_word_cyrillic_name_stays_silent(bundle, tmp_path):
    full(bundle, fr=with_blocks("fr", "Robe «Белая Ночь»"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- rivals that split the text: the page language far behind is no acceptance -----------------
def test_spanish_split_between_catalan_and_spanish_on_an_english_page_is_reported(bundle, tmp_path):
    # was silent: the accurate pass gave ca 0.48 / es 0.45 / en 0.07, and no rival reached 0.5
    full(bundle, en=with_blocks("en", "¿Habilitar compartir en Twitter?"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line) for f in got] == [("listings/demo/detail/en.html", 7)]
    assert "locale is en" in got[0].message


def test_near_miss_the_same_spanish_on_the_spanish_page_stays_silent(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "¿Habilitar compartir en Twitter? Continuar con el proceso de pago."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- Title Case: capitals are the style, not names ------------------------------------------------
def test_french_title_case_label_on_an_english_page_is_reported(bundle, tmp_path):
    # was silent: "Livres Numériques" was removed as a name and "Collection de" passed
    full(bundle, en=with_blocks("en", "Collection de Livres Numériques"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line) for f in got] == [("listings/demo/detail/en.html", 7)]
    assert "French" in got[0].message


def test_italian_title_case_label_on_a_spanish_page_is_reported(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "Cliente Aggiornato con Successo"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line) for f in got] == [("listings/demo/detail/es.html", 7)]
    assert "Italian" in got[0].message


def test_near_miss_spanish_title_case_label_and_a_product_name_stay_silent(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "Materiales de Arte y Manualidades"))
    bundle.data["title"]["es"] = "Guantes de invierno Arctic Touchscreen"
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- a close call between the page language and one neighbour: two models must agree ----------
def test_spanish_sentences_lingua_calls_neighbours_by_a_hair_stay_silent(bundle, tmp_path):
    # were "paragraph is Portuguese (0.57)" and "paragraph is Catalan (0.61)"; py3langid: es 0.85
    full(bundle, es=with_blocks("es", "Has cancelado el pedido realizado el").replace(
        "<p>Programa", "<p>Administre sus configuraciones de cookies</p>\n<p>Programa"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_catalan_sentence_far_ahead_of_spanish_is_still_reported(bundle, tmp_path):
    # the accurate pass: ca 0.62 / es 0.08, no close call, no second model asked
    full(bundle, es=with_blocks("es", "El pagament de Razorpay ha estat cancel·lat."))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line) for f in got] == [("listings/demo/detail/es.html", 7)]


# -- the fast pass accepts a sentence only when it is sure (FAST_SURE) ----------------------------
def test_portuguese_sentences_the_fast_pass_called_spanish_are_reported(bundle, tmp_path):
    # were silent: the fast pass gave es 0.84 and es 0.79 (then enough from 0.6)
    full(bundle, es=with_blocks("es", "Tem certeza de que deseja excluir esta seção?").replace(
        "<p>Programa", "<p>Por favor, selecione um grupo de atributos. Arraste esses atributos para adicionar "
                       "nas colunas ou grupos.</p>\n<p>Programa"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line) for f in got] == [("listings/demo/detail/es.html", 5), ("listings/demo/detail/es.html", 8)]
    assert all("Portuguese" in f.message for f in got)


def test_near_miss_the_spanish_originals_stay_silent(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "¿Está seguro de que desea eliminar esta sección?").replace(
        "<p>Programa", "<p>Por favor, seleccione un grupo de atributos. Arrastre estos atributos para añadirlos "
                       "a las columnas o grupos.</p>\n<p>Programa"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- a page in another script is named by its blocks' one language --------------------------------
RUSSIAN_PAGE = doc("es", """<p>Идентификатор: не найден в системе.</p>
<p>Изображение: не найдено там, где этот импорт ожидает свои изображения.</p>
<p>Суператрибут с кодом не найден или не принадлежит семейству атрибутов.</p>""")


def test_russian_page_in_the_spanish_slot_is_one_loc002(bundle, tmp_path):
    # was three LOC003 ("Bulgarian", "Russian", "Ukrainian" from the fast model) and no LOC002
    full(bundle, es=RUSSIAN_PAGE)
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.code) for f in got] == [("listings/demo/detail/es.html", "LOC002")]
    assert "Russian" in got[0].message


def test_near_miss_one_russian_paragraph_in_a_spanish_page_is_a_block_finding(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "Изображение: не найдено там, где этот импорт ожидает свои изображения."))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003")]
    assert "Russian" in got[0].message


def test_near_miss_english_sentence_with_german_product_names_stays_silent(bundle, tmp_path):
    # German capitalises nouns, but capitals in an English sentence are still names: skipping the
    # names step for text judged German made this "German (0.96)" (docs/langid.md, not kept)
    full(bundle, en=with_blocks("en", "Order the Schwarzwälder Kirschtorte baking tin by Kaiser Backformen today."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- names in another script mark a title: a short rest is rejected only when sure ----------------
def test_near_miss_short_russian_label_with_a_latin_brand_stays_silent(bundle, tmp_path):
    # the rest, "Товары для Дома", is Belarusian 0.65 for the accurate pass alone: a weak sample
    # of a title whose Latin brand marks it as one (docs/langid.md, mixed strings)
    full(bundle, ru=with_blocks("ru", "Товары для Дома Hoff"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_short_english_label_with_a_cyrillic_name_on_a_spanish_page_is_still_reported(bundle, tmp_path):
    # the rest is English 0.97: sure, so the names do not save it
    full(bundle, es=with_blocks("es", "Create new order Данного Часовой"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003", "error")]
    assert "English" in got[0].message
