"""A locale map's key that is no locale tag (session 15, docs/decisions.md): "english" for "en" in
``detail_pages`` or ``title`` is SCH002 alone, naming the language when the key is its name; the
rules that read a page or a title as its locale's stay silent on it (they said "the english page is
100% English; put the english translation here" and "no detail page for required locale en")."""

import pytest
from builder import BundleBuilder, findings

MANIFEST = "listings/demo/listing.json"
ENGLISH = "<p>The lamp switches itself on at dusk and off again in the morning, all year round.</p>"
SPANISH = "<p>La lámpara se enciende sola al anochecer y se apaga por la mañana, todo el año.</p>"


def _bundle(tmp_path, key: str) -> BundleBuilder:
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"en": "Dusk to dawn lamp", "es": "Lámpara del anochecer al amanecer"}
    b.page("es", SPANISH)
    b.file("detail/en.html", ENGLISH)
    b.data["detail_pages"][key] = "detail/en.html"
    b.write()
    return b


@pytest.mark.parametrize("key, named", [("english", "en"), ("English", "en"), ("inglés", "en"), ("page-one", None)])
def test_a_detail_page_under_a_key_that_is_no_locale_tag_is_one_finding(tmp_path, key, named):
    b = _bundle(tmp_path, key)
    found = [f for f in findings(tmp_path, select=["SCH", "LOC"], **{"required-locales": ["en", "es"]}) if f.code != "SCH007"]
    assert [(f.code, f.path, f.line) for f in found] == [("SCH002", MANIFEST, b.line_of(f'"{key}"'))], [f.message for f in found]
    tail = f"; it names the language '{named}': write '{named}'"
    assert found[0].message.endswith(tail) if named else "names the language" not in found[0].message


def test_a_title_under_a_language_name_is_one_finding(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"english": "Dusk to dawn lamp", "es": "Lámpara del anochecer al amanecer"}
    b.page("en", ENGLISH).page("es", SPANISH)
    b.write()
    found = [f for f in findings(tmp_path, select=["SCH", "LOC"], **{"required-locales": ["en", "es"]}) if f.code != "SCH007"]
    assert [(f.code, f.line) for f in found] == [("SCH002", b.line_of('"english"'))], [f.message for f in found]


def test_near_miss_a_page_under_a_locale_tag_is_still_judged_and_required(tmp_path):
    """The same English page under "es" (a locale tag) is LOC002's, and a missing "en" is LOC001's."""
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"en": "Dusk to dawn lamp", "es": "Lámpara del anochecer al amanecer"}
    b.page("es", ENGLISH)
    b.write()
    codes = {f.code for f in findings(tmp_path, select=["SCH", "LOC"], **{"required-locales": ["en", "es"]})}
    assert {"LOC002", "LOC001"} <= codes, codes


def test_an_empty_page_under_a_key_that_is_no_locale_tag_is_the_keys_finding_alone(tmp_path):
    """LOC001 calls an empty page a missing locale: under "english" no locale is missing but the
    key's (SCH002). It also read every such page: 100,000 keys naming one file took 39 s and 2.7 GB."""
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"en": "Dusk to dawn lamp", "es": "Lámpara del anochecer al amanecer"}
    b.page("en", ENGLISH).page("es", SPANISH)
    b.file("detail/empty.html", "<!DOCTYPE html><html><body></body></html>")
    b.data["detail_pages"]["english"] = "detail/empty.html"
    b.write()
    found = [f for f in findings(tmp_path, select=["SCH", "LOC"], **{"required-locales": ["en", "es"]}) if f.code != "SCH007"]
    assert [(f.code, f.line) for f in found] == [("SCH002", b.line_of('"english"'))], [f.message for f in found]


def test_near_miss_an_empty_page_under_a_locale_tag_is_still_a_missing_locale(tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"en": "Dusk to dawn lamp", "es": "Lámpara del anochecer al amanecer"}
    b.page("en", ENGLISH).page("es", "<!DOCTYPE html><html lang=\"es\"><body></body></html>")
    b.write()
    found = findings(tmp_path, select=["SCH", "LOC"], **{"required-locales": ["en", "es"]})
    assert [f.code for f in found] == ["LOC001"] and "the es detail page is empty" in found[0].message, [f.message for f in found]
