from builder import lint

from loc_pages import ES, full


def test_feet_only_on_spanish_page(bundle, tmp_path):
    full(bundle, es=ES.replace("<p>Precio: 39,90 US$</p>", "<p>Manguera de 50 ft con pistola de riego.</p>"))
    bundle.write()
    assert lint(tmp_path, select="LOC013") == [("listings/demo/detail/es.html", 7, "LOC013")]


def test_metric_alongside_and_localized_inches_pass(bundle, tmp_path):
    es = ES.replace(
        "<p>Precio: 39,90 US$</p>",
        "<p>Manguera de 15 m (50 ft) con pistola de riego.</p>\n<p>Pantalla de 6,5 pulgadas.</p>",
    )
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select="LOC013") == []


def test_inches_inside_an_english_paragraph_of_the_spanish_page_are_loc003_only(bundle, tmp_path):
    es = ES.replace("<p>Precio: 39,90 US$</p>", "<p>The hose is 50 ft long and comes with a spray gun for your garden.</p>")
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select=["LOC003", "LOC013"]) == [("listings/demo/detail/es.html", 7, "LOC003")]
