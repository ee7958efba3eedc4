from builder import findings, lint

from loc_pages import ES, FR, full


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


def _table(*rows):
    return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"


def test_size_chart_with_metric_in_other_cells_or_a_second_table_is_silent(bundle, tmp_path):
    """A size chart gives centimetres and inches in other columns or in a second table, and a
    cosmetics label gives "50 ml / 1,7 oz" (US labels print fluid ounces as "oz"): metric is
    there. Each inch cell and the oz were LOC013 findings on the old code."""
    es = ES.replace("<p>Precio: 39,90 US$</p>", "\n".join([
        _table(["Talla", "Pecho (cm)", "Pecho (in)"], ["M", "96-104 cm", "38-41 in"]),
        _table(["Talla", "S", "M"], ["Largo", "26,8 in", "28 in"]),
        _table(["Talla", "S", "M"], ["Largo", "68 cm", "71 cm"]),
        "<p>Contenido: 50 ml / 1,7 oz.</p>"]))
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select="LOC013") == []


def test_inch_only_chart_and_ounces_alone_still_reported(bundle, tmp_path):
    """Inches in a page's tables with no centimetres in any of them, and ounces with no metric
    value of either dimension, are still imperial only."""
    es = ES.replace("<p>Precio: 39,90 US$</p>", "\n".join([
        _table(["Talla", "S", "M"], ["Largo", "26,8 in", "28 in"]),
        "<p>Contenido: 1,7 oz.</p>"]))
    full(bundle, es=es)
    bundle.write()
    got = lint(tmp_path, select="LOC013")
    assert got == [("listings/demo/detail/es.html", 7, "LOC013")] * 2 + [("listings/demo/detail/es.html", 8, "LOC013")]


def test_fluid_ounces_alone_are_imperial_only_and_beside_millilitres_are_not(bundle, tmp_path):
    """"1,7 fl oz" was not read at all (session 13): alone on a French page it is imperial only;
    with its millilitres (no-break space inside "fl oz" too) it is not."""
    fr = FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>",
                    "<p>Sérum en flacon de 1,7 fl oz.</p>\n<p>Crème de 50\u00a0ml (1,7 fl\u00a0oz).</p>")
    full(bundle, fr=fr)
    bundle.write()
    got = findings(tmp_path, select="LOC013")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/fr.html", 7, "LOC013")]
    assert got[0].message.startswith("1,7 fl oz only in imperial units")


def test_a_threads_nominal_inch_size_is_no_length(bundle, tmp_path):
    # session 18: "1/2 in NPT" and "3/4 in-BSP" name pipe threads (units.yaml, thread_designations),
    # no length to give in millimetres; an inch size of the same text that is a length is still
    # imperial only (the near miss, on its own line)
    es = ES.replace("<p>Precio: 39,90 US$</p>",
                    "<p>Conexión de 1/2 in NPT y racor de 3/4 in-BSP.</p>\n<p>Tubo de 1/2 in de diámetro con rosca NPT.</p>")
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select="LOC013") == [("listings/demo/detail/es.html", 8, "LOC013")]
