"""Names in elisions and names with letters no candidate language writes (docs/langid.md, session
6). "d'Italie", "Кот-д'Ивуар": the capital after an elision is the name's, not an inner capital
like iPhone's, so the words stay and are judged. "Åland", "Škoda", "Łódź": a capitalised word with
a letter none of the candidate languages writes is a name, and lingua rules a language out by
such a letter ("Les îles Åland" on a French page was English 1.00). Both ways, exact lines."""

from builder import findings, lint

from loc_pages import full, with_blocks


def test_russian_country_name_with_an_elision_and_latin_names_stays_silent(bundle, tmp_path):
    # was LOC003 "English (0.95)": "Кот-д'Ивуар" was stripped whole, only the Latin names were left
    full(bundle, ru=with_blocks("ru", "Кот-д'Ивуар Processed Can Checkout"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_french_islands_name_with_a_letter_french_never_writes_stays_silent(bundle, tmp_path):
    # LOC003 "English (1.00)" once the elision keeps its word: lingua rules French out by the "Å"
    full(bundle, fr=with_blocks("fr", "Les îles d'Åland"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_french_sentence_naming_polish_cities_stays_silent(bundle, tmp_path):
    full(bundle, fr=with_blocks("fr", "Livraison gratuite vers Łódź et Gdańsk, retrait possible chez notre partenaire Škoda."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_catalan_label_with_an_elision_on_a_spanish_page_is_reported(bundle, tmp_path):
    # was silent: "d'Impostos" was stripped as a camel-case name, "Taxa creada amb éxit." passed
    full(bundle, es=with_blocks("es", "Taxa d'Impostos creada amb éxit."))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003")]
    assert "Catalan" in got[0].message


def test_an_acronym_after_an_elision_stays_neutral(bundle, tmp_path):
    # "l'API" keeps its acronym neutral: the French sentence around it decides
    full(bundle, fr=with_blocks("fr", "Configurez la clé de l'API avant de publier la fiche du produit."))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_lower_case_words_with_foreign_letters_still_count(bundle, tmp_path):
    # only capitalised words are names: a Czech leftover sentence on a French page is still foreign
    full(bundle, fr=with_blocks("fr", "Doprava zdarma při nákupu nad tisíc korun, zboží odešleme ještě dnes."))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/fr.html", 7, "LOC003")]
