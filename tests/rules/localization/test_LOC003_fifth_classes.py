"""LOC002/LOC003 failure classes found on the FIFTH real-text corpus (Aimeos and Shopify Polaris
catalogues, bench/fifth_corpus.py; docs/langid.md "Fifth measurement"). Each class both ways, with
the real strings the measurement missed, exact lines."""

from builder import findings, lint

from loc_pages import doc, full, with_blocks


# -- the first pass's best language is a rival of the accurate pass --------------------------------
def test_english_label_whose_fast_rivals_miss_english_is_reported_on_a_french_page(bundle, tmp_path):
    # was silent: the fast pass ranked nl 0.92 / de 0.06 / fr 0.01 / en 0.006, so the accurate pass
    # chose among fr, nl and de (fr 0.38); py3langid says en 0.998, and with English a rival the
    # accurate pass calls it English
    full(bundle, fr=with_blocks("fr", "Order of the types in the frontend"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/fr.html", 7, "LOC003", "error")]
    assert "English" in got[0].message


def test_english_label_whose_fast_rivals_miss_english_is_reported_on_a_spanish_page(bundle, tmp_path):
    # was silent: fast fr 0.46 / nl 0.39 / es 0.09 / en 0.04; the accurate pass among es, fr, nl kept
    # Spanish (es 0.40), and py3langid's second opinion was asked among the same three
    full(bundle, es=with_blocks("es", "Invalid characters in controller name"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003", "error")]
    assert "English" in got[0].message


def test_english_page_of_one_label_on_the_french_slot_is_one_loc002(bundle, tmp_path):
    # the fifth corpus's missed whole page (judged carefully as one text: the same rivals)
    full(bundle, fr=doc("fr", "<p>Invalid characters in controller name</p>"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.code) for f in got] == [("listings/demo/detail/fr.html", "LOC002")]
    assert "English" in got[0].message


def test_near_miss_spanish_page_py3langid_calls_portuguese_stays_silent(bundle, tmp_path):
    # correct Spanish (Aimeos): py3langid's best is pt 0.50, a rival the fast pass did not rank;
    # with Portuguese among the accurate pass's rivals the page is still Spanish (es 0.88)
    full(bundle, es=doc("es", "<p>Imposible mover archivo importado de a</p>"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []



# -- a weak win is settled by py3langid, however far behind the page language is -------------------
def test_near_miss_russian_label_lingua_calls_ukrainian_weakly_stays_silent(bundle, tmp_path):
    # was a 30-79 false alarm: the accurate pass gave uk 0.75 / ru 0.24 / bg 0.02 (the page language
    # under half of the winner, so py3langid was not asked); py3langid says ru 0.56
    full(bundle, ru=with_blocks("ru", "Перейти к списку типов атрибутов"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_french_label_with_an_english_loan_word_stays_silent(bundle, tmp_path):
    # the tuning corpus's one 30-79 false alarm: accurate en 0.63 / nl 0.21 / fr 0.16, py3langid fr 0.50
    full(bundle, fr=with_blocks("fr", "Accepte le marketing par e-mail"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_ukrainian_sentence_with_no_ukrainian_only_letter_is_still_reported_on_a_russian_page(bundle, tmp_path):
    # a weak win too (accurate uk 0.74 / ru 0.19), but py3langid agrees (uk 0.86): still reported
    full(bundle, ru=with_blocks("ru", "Встановити як типову адресу доставки"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/ru.html", 7, "LOC003", "error")]
    assert "Ukrainian" in got[0].message



def test_spanish_label_far_ahead_of_french_is_reported_though_its_words_lean_french(bundle, tmp_path):
    # a weak win far ahead (fr 0.01): py3langid settles it, the words opinion does not (it is for
    # close calls; with it this held-out Spanish label passed on a French page)
    full(bundle, fr=with_blocks("fr", "Habilitar notificación de cookies"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/fr.html", 7, "LOC003", "error")]
    assert "Spanish" in got[0].message

# -- terms of the neutral list that are words too are words of their text -------------------------
def test_near_miss_french_label_with_plus_stays_silent(bundle, tmp_path):
    # the lower-case "plus" is kept: the label is judged on all its words
    full(bundle, fr=with_blocks("fr", "Afficher plus de filtres"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_english_product_name_heading_on_a_spanish_page_stays_silent(bundle, tmp_path):
    # "Smart" first in the heading is still removed as the name it is here: "plug" alone is not judged
    full(bundle, es=with_blocks("es", "Enchufe inteligente X1</p>\n<h2>Smart plug X1</h2>\n<p>Fácil de instalar."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_french_link_text_with_plus_is_reported_on_an_english_page(bundle, tmp_path):
    # was silent: "plus" was removed and "En savoir" (9 letters) is under the judged minimum
    full(bundle, en=with_blocks("en", "En savoir plus"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code, str(f.severity)) for f in got] == [("listings/demo/detail/en.html", 7, "LOC003", "warning")]
    assert "French" in got[0].message


def test_near_miss_product_line_names_from_the_list_are_still_removed(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "Funda para Galaxy S24 Plus y Echo Dot"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []
