"""LOC002/LOC003 failure classes found on the THIRD real-text corpus (Filament, Laravel Lang,
PrestaShop Checkout catalogues, bench/third_corpus.py; docs/langid.md "Third measurement"). Each
class both ways, with the real strings the measurement missed, exact lines."""

from builder import findings, lint

from loc_pages import doc, full, with_blocks


# -- letters the page language never writes: the fast pass does not accept alone -----------------
def test_portuguese_paragraph_the_fast_pass_called_spanish_is_reported(bundle, tmp_path):
    # was silent: lingua's low-accuracy mode gave es 0.99 ("já", "não": Spanish never writes "ã")
    full(bundle, es=with_blocks("es", "O arquivo de ambiente criptografado já existe. Arquivo de ambiente criptografado não encontrado."))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003", "error")]
    assert "Portuguese" in got[0].message


def test_short_belarusian_label_on_a_russian_page_is_reported(bundle, tmp_path):
    # was silent: the fast pass put Russian first; "ў" is no Russian letter
    full(bundle, ru=with_blocks("ru", "Файл быў выдалены!"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/ru.html", 7, "LOC003", "warning")]
    assert "Belarusian" in got[0].message


def test_near_miss_french_sentence_with_spanish_loanwords_stays_silent(bundle, tmp_path):
    # "jalapeños", "piñatas": the accurate pass decides, French 0.91
    full(bundle, fr=with_blocks("fr", "Découvrez notre sélection de jalapeños et de piñatas pour la fête."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_a_names_letters_do_not_count(bundle, tmp_path):
    # "Provença" is a name (capitalised): the fast pass accepts as before
    full(bundle, es=with_blocks("es", "Recogida gratuita en nuestra tienda de la calle Provença, junto a la plaza."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- lingua's two modes disagree: py3langid is asked ----------------------------------------------
def test_portuguese_paragraph_the_accurate_pass_kept_as_spanish_is_reported(bundle, tmp_path):
    # was silent: fast pt 1.00, accurate es 0.61 (above the second opinion's 0.6); py3langid pt 0.85
    full(bundle, es=with_blocks("es", "O campo deve conter elementos. O arquivo deve ter quilobytes. O campo deve conter o valor."))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003")]
    assert "Portuguese" in got[0].message


def test_near_miss_spanish_sentence_with_french_dish_names_stays_silent(bundle, tmp_path):
    # fast fr 1.00, accurate es 0.67: asked, py3langid es 0.99
    full(bundle, es=with_blocks("es", "Nuestro menú incluye crème brûlée y otros postres franceses hechos en casa."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- LOC002: a block kept for want of a decision weighs for no language ---------------------------
CATALAN_PAGE = doc("es", """<p>O ha de tenir un slug vàlid.</p>
<p>El campo ha de ser numéric i pot contenir coma.</p>""")


def test_catalan_page_of_two_blocks_is_one_loc002(bundle, tmp_path):
    # the first block is Catalan 0.68 now that "vàlid" sends it to the accurate pass; the second is
    # fr 0.44 / es 0.40 for it, kept for want of a clear decision, and weighed as Spanish it made
    # the page 63 % Spanish (before the letters rule both passed and the joined page was Catalan)
    full(bundle, es=CATALAN_PAGE)
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.code) for f in got] == [("listings/demo/detail/es.html", "LOC002")]
    assert "Catalan" in got[0].message


def test_near_miss_the_same_blocks_in_a_spanish_page_are_one_block_finding(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "O ha de tenir un slug vàlid.</p>\n<p>El campo ha de ser numéric i pot contenir coma."))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    # the second block (Catalan with a Spanish "El campo") is found too since the fifth corpus's
    # fix: py3langid's best language, ca, is a rival of the accurate pass and its second opinion
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003"),
                                                      ("listings/demo/detail/es.html", 8, "LOC003")]
    assert all("Catalan" in f.message for f in got)


# -- a short page judged whole is also weighed against the page language's neighbours -----------
def test_catalan_page_of_two_labels_is_one_loc002(bundle, tmp_path):
    # the held-out corpus's last missed page: the fast pass ranked pt and it first (ca 0.05), and
    # against those the accurate pass kept Spanish 0.50; against es/ca/pt/it it is Catalan 0.67
    full(bundle, es=doc("es", "<p>Despeses d'enviament</p>\n<p>Cistella de Compra</p>"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.code) for f in got] == [("listings/demo/detail/es.html", "LOC002")]
    assert "Catalan" in got[0].message


def test_near_miss_spanish_page_of_two_labels_stays_silent(bundle, tmp_path):
    full(bundle, es=doc("es", "<p>Gastos de envío</p>\n<p>Carrito de compra</p>"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


# -- a paragraph's names explain its rejection only when the rest is the page language -----------
def test_german_paragraph_with_php_settings_on_an_english_page_is_reported(bundle, tmp_path):
    # the tuning corpus's last 80+ miss: without its capitalised words ("Sie", "Ihrer", "Datei")
    # the rest was de 0.43 / es 0.31 / en 0.26, kept for want of a decision, and so accepted
    full(bundle, en=with_blocks("en", "Legen Sie 'date.timezone' in Ihrer php.ini Datei fest (z.B. date.timezone = \"Europe/Berlin\")"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/en.html", 7, "LOC003", "error")]
    assert "German" in got[0].message


def test_near_miss_english_paragraph_with_german_product_names_stays_silent(bundle, tmp_path):
    # the rest without the names is English on top: the names explain the rejection
    full(bundle, en=with_blocks("en", "Order the Schwarzwälder Kirschtorte baking tin by Kaiser Backformen today and get free "
                        "delivery across Europe."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []
