"""LOC001: a listed detail page with nothing on it is a missing page (issue 14, item 16)."""

from builder import findings, lint

from loc_pages import doc, full


def test_a_page_with_only_a_comment_is_missing(bundle, tmp_path):
    full(bundle, es='<!DOCTYPE html>\n<html lang="es">\n<head><meta charset="utf-8"></head>\n<body>\n'
                    "<!-- Escribe aquí la página -->\n</body>\n</html>\n")
    bundle.write()
    assert lint(tmp_path, select="LOC001") == [("listings/demo/detail/es.html", 4, "LOC001")]


def test_an_empty_inline_page_is_missing(bundle, tmp_path):
    full(bundle)
    bundle.data["detail_pages"]["fr"] = {"html": "  "}
    bundle.write()
    (f,) = findings(tmp_path, select="LOC001")
    assert (f.path, f.line) == ("listings/demo/listing.json", bundle.line_of('"html": "  "'))
    assert f.message.startswith("the fr detail page is empty")


def test_an_image_only_page_and_a_short_fragment_are_pages(bundle, tmp_path):
    full(bundle, es=doc("es", '<p><img src="https://ae01.alicdn.com/kf/x.jpg" alt=""></p>'), fr="<p>Prise connectée X1.</p>")
    bundle.write()
    assert lint(tmp_path, select="LOC001") == []


def test_a_page_the_parser_gave_up_on_is_sch001s_not_an_empty_page(bundle, tmp_path):
    """Text nested past libxml2's 256 levels is lost to the parser: SCH001 says so, once; LOC001
    must not add that the page is empty (one root cause, one finding)."""
    deep = "<div>" * 300 + "Prise connectée X1, 16 A." + "</div>" * 300
    full(bundle, fr=doc("fr", deep))
    bundle.write()
    assert [code for _, _, code in lint(tmp_path, select=["SCH001", "LOC001"])] == ["SCH001"]
