"""LOC003 on a neighbour's label pasted onto the page (session 18: the Open Food Network's
catalogues, with their Catalan, Portuguese and Ukrainian translations seeded on the es and ru
pages). Lingua's low-accuracy mode calls "Les comandes estan tancades" (Catalan) Spanish and
"Назад до списку замовлень" (Ukrainian) Russian, and accepted them alone; the accurate pass gave
"Data da encomenda" (Portuguese) to Portuguese only at 0.64, under the label's
``ACCURATE_REJECT``. Their words are the neighbour's by e^3.8 to e^14 (``words.REJECT_LEAD``) and
py3langid names the neighbour too. Near misses: correct labels whose words lean to a neighbour but
py3langid keeps the page language ("Carros guardados"), names ("Mondial Relay", "Cache Actions"),
and a site's path ("/producers"), which is no word at all. Exact lines."""

import pytest
from builder import findings, lint

from loc_pages import full, with_blocks

from listing_lint.l10n.neutral import strip_neutral


@pytest.mark.parametrize(("page", "text", "language"), [
    ("es", "Les comandes estan tancades", "Catalan"),  # fast pass es 0.35 (top); words ca by e^11.5
    ("es", "Por favor resolva os seguintes erros", "Portuguese"),  # fast pass es 0.96; words pt by e^14.3
    ("es", "Data da encomenda", "Portuguese"),  # accurate pt 0.64; words pt by e^9.1, py3langid pt
    ("es", "Nom de la granja:", "Catalan"),  # accurate ca 0.53; words ca by e^7.7, py3langid ca
    ("ru", "Назад до списку замовлень", "Ukrainian"),  # fast pass ru 0.84; words uk by e^3.8
])
def test_a_neighbours_label_the_fast_pass_took_for_the_page_language_is_reported(
        bundle, tmp_path, page, text, language):
    full(bundle, **{page: with_blocks(page, text)})
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code) for f in got] == [(f"listings/demo/detail/{page}.html", 7, "LOC003")]
    assert language in got[0].message


@pytest.mark.parametrize(("page", "text"), [
    ("es", "Carros guardados"),  # Shuup's Spanish: words pt, accurate pt 0.70, py3langid es
    ("es", "Mondial Relay"),  # the carrier: "relay" is English, a name's shape
    ("en", "Cache Actions"),  # fr 0.60 and py3langid fr, a name's shape
    ("es", "Carrito de compra"),
    ("ru", "Код купона"),
    # PrusaSlicer's Spanish page keeps the paper size's English name: German words lead Spanish by
    # e^9.0 and the accurate pass said de 0.63, but English words lead German by e^2.2 (no German)
    ("es", "German Legal Fanfold, 8 1/2 × 13 in"),
])
def test_near_miss_correct_label_whose_words_lean_to_a_neighbour_stays_silent(bundle, tmp_path, page, text):
    full(bundle, **{page: with_blocks(page, text)})
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


@pytest.mark.parametrize("page", ["es", "fr", "ru"])
def test_a_sites_path_alone_is_no_english(bundle, tmp_path, page):
    # "/producers" on every page (the Open Food Network's link to its producers' page) was English
    # 0.89-0.94 there, and "detail/en.html unchanged"
    full(bundle, **{lang: with_blocks(lang, "/producers") for lang in ("en", page)})
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_english_around_a_path_is_still_english(bundle, tmp_path):
    full(bundle, es=with_blocks("es", "Visit /producers to meet the farmers who grow your food"))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003")]


@pytest.mark.parametrize(("text", "left"), [
    ("/producers", ""),
    ("Visita /shops/map para ver", "Visita para ver"),
    ("fin. /etc/passwd.", "fin."),
    ("km/h y 24/7", "km/h y"),  # a letter or digit before the slash: no path
    ("Ogg / Opus", "Ogg Opus"),  # a space after the slash: only the lone slash goes, as before
    ("/Producers", "/Producers"),  # a capital: a path is lower case
])
def test_a_path_is_a_slash_after_a_space_then_lower_case_segments(text, left):
    assert strip_neutral(text) == left
