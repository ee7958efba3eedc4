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


def test_plant_and_animal_names_with_a_marketplace_name_pass(bundle, tmp_path):
    """"Amazon sword" is an aquarium plant and "Amazon parrot" a bird (pet supplies): no
    marketplace. Both were LOC014 warnings on the old code."""
    full(bundle)
    bundle.data["title"]["en"] = "Amazon Sword Live Aquarium Plant, 15-20 cm"
    bundle.data["title"]["fr"] = "Cage pour Amazon parrots et gris du Gabon, 80 x 60 cm"
    bundle.write()
    assert lint(tmp_path, select="LOC014") == []


def test_marketplace_name_before_another_word_still_reported(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["en"] = "Live Aquarium Plant, Amazon Best Seller"
    bundle.write()
    assert lint(tmp_path, select="LOC014") == [("listings/demo/listing.json", bundle.line_of('"en": "Live'), "LOC014")]
