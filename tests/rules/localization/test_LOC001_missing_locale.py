from builder import lint

from loc_pages import full


def test_missing_title_and_page_for_required_locale(bundle, tmp_path):
    full(bundle)
    del bundle.data["title"]["ru"]
    del bundle.data["detail_pages"]["ru"]
    bundle.write()
    title_line = bundle.line_of('"title"')
    pages_line = bundle.line_of('"detail_pages"')
    assert lint(tmp_path, select="LOC001") == [
        ("listings/demo/listing.json", title_line, "LOC001"),
        ("listings/demo/listing.json", pages_line, "LOC001"),
    ]


def test_declared_locales_replace_the_default_and_region_satisfies_language(bundle, tmp_path):
    full(bundle)
    bundle.data["locales"] = ["en", "es"]
    bundle.data["title"] = {"en": bundle.data["title"]["en"], "es_ES": bundle.data["title"]["es"]}
    bundle.data["detail_pages"] = {"en": "detail/en.html", "es-ES": "detail/es.html"}
    bundle.write()
    assert lint(tmp_path, select="LOC001") == []
