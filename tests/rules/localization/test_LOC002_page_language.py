from builder import lint

from loc_pages import EN, full


def test_english_page_in_the_spanish_slot(bundle, tmp_path):
    full(bundle, es=EN.replace('lang="en"', 'lang="es"'))
    bundle.write()
    assert lint(tmp_path, select="LOC002") == [("listings/demo/detail/es.html", 2, "LOC002")]


def test_page_reported_once_not_per_block(bundle, tmp_path):
    full(bundle, es=EN.replace('lang="en"', 'lang="es"'))
    bundle.write()
    assert lint(tmp_path, select="LOC003") == []


def test_spanish_page_with_an_english_quotation_is_spanish(bundle, tmp_path):
    es = """<!doctype html>
<html lang="es"><body>
<p>Este enchufe inteligente convierte cualquier toma en una conectada y mide el consumo.</p>
<p>Como dice el manual: <q lang="en">Keep away from water and do not cover while in use.</q></p>
<p>Funciona con Alexa, Google Home y la aplicación Smart Life por Wi-Fi.</p>
</body></html>"""
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select="LOC002") == []


def test_the_english_page_unchanged_is_said_so_and_reported_once(bundle, tmp_path):
    from builder import findings

    full(bundle, es=EN.replace('lang="en"', 'lang="es"'))
    bundle.write()
    result = findings(tmp_path, select="LOC")
    assert [(f.path, f.line, f.code) for f in result] == [("listings/demo/detail/es.html", 2, "LOC002")]
    assert result[0].message == "the es page is 100% English by text (detail/en.html unchanged); put the Spanish translation here"


def test_a_page_written_in_another_language_is_not_called_a_copy(bundle, tmp_path):
    from builder import findings

    from test_LOC012_typography import ITALIAN_AS_FR

    full(bundle, fr=ITALIAN_AS_FR)
    bundle.write()
    result = findings(tmp_path, select="LOC002")
    assert [f.message for f in result] == ["the fr page is 100% Italian by text; put the French translation here"]
