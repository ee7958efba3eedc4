from builder import findings, lint

from loc_pages import ES, FR, full


def test_wrong_html_lang_with_fix(bundle, tmp_path):
    full(bundle, fr=FR.replace('lang="fr"', 'lang="en"'))
    bundle.write()
    result = findings(tmp_path, select="LOC004")
    assert [(f.path, f.line, f.code) for f in result] == [("listings/demo/detail/fr.html", 2, "LOC004")]
    edit = result[0].fix.edits[0]
    text = (bundle.dir / "detail/fr.html").read_text(encoding="utf-8")
    assert text[: edit.start] + edit.new + text[edit.end :] == FR


def test_underscore_spelling_and_missing_lang(bundle, tmp_path):
    full(bundle, es=ES.replace('lang="es"', 'lang="es_ES"'), fr=FR.replace(' lang="fr"', ""))
    bundle.write()
    result = findings(tmp_path, select="LOC004")
    assert [(f.path, f.line, f.code) for f in result] == [
        ("listings/demo/detail/es.html", 2, "LOC004"),
        ("listings/demo/detail/fr.html", 2, "LOC004"),
    ]
    assert result[0].fix.edits[0].new == "es-ES"
    assert result[1].fix.edits[0].new == ' lang="fr"'


def test_region_tags_and_fragments_pass(bundle, tmp_path):
    full(bundle, es=ES.replace('lang="es"', 'lang="es-ES"'), fr="<p>Prise connectée compatible Alexa.</p>")
    bundle.write()
    assert lint(tmp_path, select="LOC004") == []


def test_english_page_in_the_spanish_slot_is_loc002_only_and_not_fixed(bundle, tmp_path):
    # its lang="en" is true of its text: the root cause is the missing translation (LOC002)
    from loc_pages import EN

    full(bundle, es=EN)
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC004"]) == [("listings/demo/detail/es.html", 2, "LOC002")]


def test_italian_page_in_the_french_slot_declaring_german_is_reported_without_a_fix(bundle, tmp_path):
    from test_LOC012_typography import ITALIAN_AS_FR

    full(bundle, fr=ITALIAN_AS_FR.replace('lang="fr"', 'lang="de"'))
    bundle.write()
    result = findings(tmp_path, select=["LOC002", "LOC004"])
    assert [(f.line, f.code) for f in result] == [(2, "LOC004"), (2, "LOC002")]
    assert result[0].fix is None
