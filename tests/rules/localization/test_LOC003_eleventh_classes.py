"""LOC003 on the eleventh real-text source (session 14: Open Food Facts' app, openfoodfacts/smooth-app,
tests/data/parallel_smooth.jsonl.xz; docs/decisions.md, "Session 14").

A list item on a Russian page that is nothing but a product's or a label's name in Latin letters with
its model code or letter ("Nutri-Score A", "Eco-Score B", "Samsung Galaxy Tab A 10.1") is a name, as
it is inside a Russian sentence: Russian copy keeps them in Latin letters. Words after the name, or
Title Case words with a number and no code, are judged as before. Both ways, exact lines."""

from builder import lint

from loc_pages import PAGES, PRICE_LINES, full

RU = "listings/demo/detail/ru.html"


def _items(lang, *texts):
    """The ``lang`` page with its price line replaced by one list item a line (from line 7)."""
    return PAGES[lang].replace(PRICE_LINES[lang], "\n".join(f"<ul><li>{t}</li></ul>" for t in texts))


def test_a_latin_name_with_its_code_alone_on_a_russian_page_passes(bundle, tmp_path):
    # the app's Russian catalogue: "Nutri-Score A" Italian 0.56, "Eco-Score B" English 0.70 (old code)
    full(bundle, ru=_items("ru", "Nutri-Score A", "Eco-Score B", "Samsung Galaxy Tab A 10.1", "Dyson V15"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC007"]) == []


def test_near_miss_english_words_beside_or_without_a_code_are_still_reported(bundle, tmp_path):
    # a name followed by words, words with no code, Title Case words and a plain number (an English
    # label, not a model), and a plain English label: still another language
    full(bundle, ru=_items("ru", "Galaxy Tab A for kids", "Unknown Nutri-Score", "Download Version 2",
                           "Nutri-Score is not applicable"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == [(RU, line, "LOC003") for line in (7, 8, 9, 10)]
