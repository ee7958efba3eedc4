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


# session 16 (hostile input): a doctype with an internal subset ends, for the HTML tokenizer, at its first
# ">"; the rest is text, and the <html lang> after it a misplaced <html> whose attributes browsers add to
# the implied root. libxml2 dropped them: LOC004 "<html> has no lang" on a page that has one
SUBSET = '<!DOCTYPE html [\n  <!ENTITY brand "X1">\n]>\n'


def test_a_doctype_internal_subset_keeps_the_pages_lang(bundle, tmp_path):
    full(bundle, es=SUBSET + ES.split("\n", 1)[1])
    bundle.write()
    assert lint(tmp_path, select="LOC004") == []


def test_a_wrong_lang_after_a_doctype_internal_subset_is_reported_on_its_tag_and_fixed(bundle, tmp_path):
    fr = SUBSET + FR.split("\n", 1)[1]
    full(bundle, fr=fr.replace('lang="fr"', 'lang="en"'))
    bundle.write()
    [f] = findings(tmp_path, select="LOC004")
    assert (f.path, f.line, f.code) == ("listings/demo/detail/fr.html", 4, "LOC004")
    assert f.message == '<html lang="en"> on the fr page; set lang="fr"'
    [edit] = f.fix.edits
    text = (bundle.dir / "detail/fr.html").read_text(encoding="utf-8")
    assert text[: edit.start] + edit.new + text[edit.end :] == fr


def test_near_miss_text_before_html_without_lang_is_still_a_missing_lang(bundle, tmp_path):
    full(bundle, es=SUBSET + ES.split("\n", 1)[1].replace(' lang="es"', ""))
    bundle.write()
    assert [(f.line, f.message) for f in findings(tmp_path, select="LOC004")] == [(4, '<html> has no lang; add lang="es"')]


def test_fix_after_an_empty_comment_edits_the_tag_the_parser_read(bundle, tmp_path):
    # "<!-->" is a whole (empty) comment for the HTML tokenizer: the <html lang="en"> after it is the root,
    # the later <html lang="fr"> misplaced; the fix walked to "-->" and edited the second
    head, rest = ES.split("\n", 1)
    es = head + '\n<!--><html lang="en"> -->' + rest.replace('lang="es"', 'lang="fr"')
    full(bundle, es=es)
    bundle.write()
    [f] = findings(tmp_path, select="LOC004")
    assert (f.line, f.message) == (2, '<html lang="en"> on the es page; set lang="es"')
    [edit] = f.fix.edits
    assert es[: edit.start] + edit.new + es[edit.end :] == es.replace('lang="en"', 'lang="es"')
