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
