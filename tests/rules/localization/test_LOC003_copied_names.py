"""LOC003 on a product's name copied unchanged from the English page (session 16: the App Store
listings of six apps; "Onion Browser" was Dutch 0.90 on the Spanish page, "Thunderbird" German
0.96 on mozilla.org's French one). The English page lets the name through with the same other
language ahead (Dutch 0.56, German 0.52): the text is not English there either, so its copies are
that name again, not English left untranslated; session 13 keeps such a text to the English page
("Quattro Stagioni"). A copy judged English (a label never translated) is still found. Exact lines."""

from builder import lint

from loc_pages import full, with_blocks

NAMES = ("Onion Browser", "Thunderbird")


def test_a_name_the_english_page_lets_through_as_another_language_is_no_copy(bundle, tmp_path):
    full(bundle, **{lang: with_blocks(lang, *NAMES) for lang in ("en", "es", "fr", "ru")})
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC007"]) == []


def test_near_miss_an_english_label_copied_unchanged_is_still_found(bundle, tmp_path):
    full(bundle, **{lang: with_blocks(lang, "Size guide") for lang in ("en", "es", "fr")})
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC007"]) == [
        ("listings/demo/detail/es.html", 7, "LOC003"), ("listings/demo/detail/fr.html", 7, "LOC003")]
