from builder import findings, lint

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


def test_declared_locales_and_region_satisfying_language_pass(bundle, tmp_path):
    full(bundle)
    bundle.data["locales"] = ["en", "es"]
    bundle.data["title"] = {"en": bundle.data["title"]["en"], "es_ES": bundle.data["title"]["es"]}
    bundle.data["detail_pages"] = {"en": "detail/en.html", "es-ES": "detail/es.html"}
    bundle.write()
    assert lint(tmp_path, select="LOC001", required_locales=["en", "es"]) == []


def test_required_locales_apply_even_when_the_bundle_declares_fewer(bundle, tmp_path):
    # adding "de" to required-locales must require it: a bundle's own `locales` cannot opt out
    full(bundle)
    bundle.data["locales"] = ["en", "es", "fr", "ru"]
    bundle.write()
    result = findings(tmp_path, select="LOC001", required_locales=["en", "es", "fr", "ru", "de"])
    assert [(f.path, f.line, f.code) for f in result] == [
        ("listings/demo/listing.json", bundle.line_of('"title"'), "LOC001"),
        ("listings/demo/listing.json", bundle.line_of('"detail_pages"'), "LOC001"),
    ]
    assert [f.message.split(";")[0] for f in result] == ["no title for required locale de", "no detail page for required locale de"]


def test_a_locale_the_bundle_declares_is_required_too(bundle, tmp_path):
    full(bundle)
    bundle.data["locales"] = ["en", "es", "fr", "ru", "it"]
    bundle.write()
    assert lint(tmp_path, select="LOC001", required_locales=["en"]) == [
        ("listings/demo/listing.json", bundle.line_of('"title"'), "LOC001"),
        ("listings/demo/listing.json", bundle.line_of('"detail_pages"'), "LOC001"),
    ]


def test_a_null_title_or_page_is_the_schema_finding_alone(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["ru"] = None
    bundle.data["detail_pages"]["ru"] = None
    bundle.write()
    lines = sorted(line for _, line, _ in lint(tmp_path, select=["SCH002", "LOC001"]))
    assert [code for _, _, code in lint(tmp_path, select=["SCH002", "LOC001"])] == ["SCH002", "SCH002"]
    text = (bundle.dir / "listing.json").read_text(encoding="utf-8")
    assert lines == sorted(i + 1 for i, line in enumerate(text.splitlines()) if line.strip().startswith('"ru": null'))


def test_a_null_regional_title_is_sch002s_and_a_missing_page_is_still_loc001s(bundle, tmp_path):
    full(bundle)
    del bundle.data["title"]["ru"]
    bundle.data["title"]["ru-RU"] = None  # SCH002 for the null; and ru is still covered by the key: no LOC001
    bundle.data["detail_pages"].pop("ru")
    bundle.write()
    assert [code for _, _, code in lint(tmp_path, select="LOC001")] == ["LOC001"]  # the page only
