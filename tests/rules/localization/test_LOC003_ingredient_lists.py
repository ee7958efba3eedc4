"""An ingredient list in INCI names is the same in every language (the EU glossary of common
ingredient names): copied onto the Spanish, French and Russian pages it is not untranslated
English (session 13: three LOC003 errors for "Aqua, Glycerin, Cetearyl Alcohol, ...")."""

import time

import pytest
from builder import findings, lint

from listing_lint.l10n.ingredients import label_of
from loc_pages import full, with_blocks

#: ingredient lists as real labels print them (CeraVe, La Roche-Posay, The Ordinary, SVR, as a public
#: product database copied them from the labels), in the forms labels use: capitals, "Aqua
#: (Water)", "Aqua/Water/Eau", asterisks, "1,2-Hexanediol", active and inactive parts, colourants
REAL_LISTS = [
    "Aqua/Water, Glycerin, Cetearyl Alcohol, Phenoxyethanol, Stearyl Alcohol, Cetyl Alcohol, PEG-40 Stearate, "
    "Behentrimonium Methosulfate, Glyceryl Stearate SE, Xanthan Gum, Carbomer, Ceramide NP, Ceramide AP, Ceramide EOP, "
    "Phytosphingosine, Cholesterol, Sodium Lauroyl Lactylate, Sodium Hyaluronate, Tocopheryl Acetate",
    "Aqua/Water, Cocamidopropyl Betaine, Glycerin, Sodium Lauroyl Sarcosinate, Niacinamide, Sodium Chloride, Zinc PCA, "
    "Phospholipids, Cholesterol, Sodium Hyaluronate, Ceramide NP, Carbomer, Sodium Hydroxide, Disodium EDTA",
    "Active: Homosalate 9%, Octinoxate 7.5%, Octisalate 5%, Zinc Oxide 4%. Inactive: Aqua/Water, Glycerin, Niacinamide, "
    "Dimethicone, Cetearyl Alcohol, Cetyl Alcohol, PEG-40 Stearate",
    "Aqua/Water, Glycerin, C12-15 Alkyl Benzoate, Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine, Drometrizole "
    "Trisiloxane, Diethylamino Hydroxybenzoyl Hexyl Benzoate, Homosalate, Octocrylene, Silica, Tocopherol",
    "Aqua (Water), Sodium Hyaluronate, Panthenol, Sodium Hyaluronate Crosspolymer, Propanediol, Pentylene Glycol, "
    "Glycerin, PPG-26-Buteth-26, PEG-40 Hydrogenated Castor Oil, Lactic Acid, 1,2-Hexanediol, Phenoxyethanol",
    "Squalane, Caprylic/Capric Triglyceride, Retinol, Solanum Lycopersicum (Tomato) Fruit Extract, "
    "Simmondsia Chinensis (Jojoba) Seed Oil",
    "Ascorbic Acid, Isodecyl Neopentanoate, Squalane, PEG/PPG-17/6 Copolymer, Polysilicone-11, "
    "Sodium Hyaluronate Crosspolymer, Silica, Isononyl Isononanoate",
    "AQUA / WATER, GLYCERIN, CETEARYL ALCOHOL, CAPRYLIC/CAPRIC TRIGLYCERIDE, CETYL ALCOHOL, CETEARETH-20, PETROLATUM, "
    "POTASSIUM PHOSPHATE, CERAMIDE NP, CERAMIDE AP, CERAMIDE EOP, CARBOMER, DIMETHICONE",
    "Aqua/Water/Eau, Glycerin*, Butyrospermum Parkii (Shea) Butter*, Helianthus Annuus Seed Oil*, Cetearyl Alcohol, "
    "Glyceryl Stearate, Tocopherol, Parfum/Fragrance, Limonene, Linalool. *Ingredients from organic farming",
    "Talc, Mica, Zinc Stearate, Dimethicone, Octyldodecanol, Silica, Tocopheryl Acetate. "
    "May contain: CI 77891, CI 77491, CI 77492, CI 77499",
]

NOT_LISTS = [
    "Made with shea butter, hyaluronic acid, niacinamide and vitamin E, it is gentle on skin.",
    "Suitable for dry skin, oily skin, combination skin, sensitive skin and normal skin.",
    "Chocolate, Vanilla, Caramel, Strawberry, Mint, Lemon",
    "Fast charging, long battery life, waterproof, lightweight, compact design, easy to use",
    "Cotton 95%, Elastane 5%, Polyester, Nylon, Spandex, Viscose",  # fibre names are translated (Reg. 1007/2011)
    "Lightweight, breathable, quick-drying, anti-odour, machine washable",
    "Glycerin, shea butter and aloe vera keep your hands soft, even after many washes a day.",
]


@pytest.mark.parametrize("text", REAL_LISTS)
def test_real_ingredient_lists_are_recognised(text):
    assert label_of(text) is not None


@pytest.mark.parametrize("text", NOT_LISTS)
def test_prose_and_other_lists_are_not(text):
    assert label_of(text) is None


def test_the_label_is_still_judged():
    assert label_of("Ingredientes: " + REAL_LISTS[1]) == "Ingredientes"
    assert label_of("Состав: " + REAL_LISTS[5]) == "Состав"


def test_an_ingredient_list_copied_to_every_page_is_silent(bundle, tmp_path):
    inci, french = REAL_LISTS[0] + ".", "Ingrédients\u00a0: " + REAL_LISTS[8]
    full(bundle, en=with_blocks("en", inci), es=with_blocks("es", "Ingredientes: " + inci),
         fr=with_blocks("fr", french), ru=with_blocks("ru", "Состав: " + inci))
    bundle.write()
    assert lint(tmp_path, select="LOC") == []


def test_an_english_sentence_about_the_ingredients_is_still_reported(bundle, tmp_path):
    english = "Made with shea butter, hyaluronic acid, niacinamide and vitamin E, it is gentle on sensitive skin."
    full(bundle, es=with_blocks("es", "Ingredientes: " + REAL_LISTS[1] + ".", english))
    bundle.write()
    found = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in found] == [("listings/demo/detail/es.html", 7, "LOC003")]
    assert found[0].column > len(REAL_LISTS[1])  # the sentence after the list, not the list


def test_hostile_lists_are_bounded():
    for text in (", a" * 6_600, "a, " * 300_000, "Aqua, " * 3_300 + "x" * 10):
        started = time.process_time()
        label_of(text)
        assert time.process_time() - started < 1.0
