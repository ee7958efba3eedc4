from builder import lint

from loc_pages import full


def test_promotional_word_and_marketplace_name(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["en"] = "HOT SALE Smart Plug X1 Wi-Fi, as sold on eBay"
    bundle.write()
    assert lint(tmp_path, select="LOC014") == [("listings/demo/listing.json", bundle.line_of('"en": "HOT'), "LOC014")]


def test_words_from_config(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["es"] = "Enchufe inteligente X1 Wi-Fi, calidad premium"
    bundle.write()
    assert lint(tmp_path, select="LOC014", wordlists={"es": ["calidad premium"]}) == [
        ("listings/demo/listing.json", bundle.line_of('"es": "Enchufe'), "LOC014")
    ]


def test_lowercase_words_and_compatible_products_pass(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["en"] = "Smart Plug X1 for hot water heaters, new-style plug, works with Amazon Alexa"
    bundle.write()
    assert lint(tmp_path, select="LOC014") == []
