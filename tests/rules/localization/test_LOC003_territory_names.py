"""Country and region names carry no language: a block that is only CLDR names of countries as the
page language writes them ("Luxembourg", "Trinidad and Tobago" on an English page) is not judged
(the third real-text corpus: lingua called "Luxembourg" Dutch, "Montserrat" Catalan, "Seychelles"
French, 8 of its 14 short false alarms). A country named in another language is still text of that
language, and a sentence around a country name is still judged."""

from builder import findings

from loc_pages import full, with_blocks

from listing_lint.l10n.cldr import territory_names_only


def test_country_names_of_the_page_language_are_not_judged(bundle, tmp_path):
    full(bundle, en=with_blocks("en", "Luxembourg", "Trinidad and Tobago", "Faroe Islands", "Montserrat",
                                "Seychelles", "Bosnia and Herzegovina, Mauritania"),
         fr=with_blocks("fr", "Azerbaïdjan"))
    bundle.write()
    assert findings(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_a_country_named_in_another_language_is_still_reported(bundle, tmp_path):
    # the Spanish names of the same countries on the English page: Spanish text, a leftover
    full(bundle, en=with_blocks("en", "Luxembourg", "Islas Feroe y Trinidad y Tobago, Luxemburgo y Alemania"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/en.html", 7, "LOC003")], got
    assert "Spanish" in got[0].message


def test_names_only_means_the_whole_block():
    assert territory_names_only("Trinidad and Tobago", "en") and territory_names_only("Côte d'Ivoire", "en")
    assert territory_names_only("Luxemburgo", "es") and not territory_names_only("Luxembourg", "es")
    assert not territory_names_only("Made in France", "en")
    assert not territory_names_only("Ships to Luxembourg and Montserrat", "en")
    assert not territory_names_only("Alemania", "en")


# -- ISO 3166-1 names (data/iso3166_names.json) ---------------------------------------------------
def test_iso_names_with_commas_are_names_too(bundle, tmp_path):
    # was LOC003 "Catalan (0.78)" (third corpus, Laravel Lang's country list): ISO's name of BQ, CLDR
    # writes "Caribbean Netherlands"; a comma inside a name does not split it
    full(bundle, en=with_blocks("en", "Bonaire, Sint Eustatius and Saba", "Congo, The Democratic Republic of the"),
         es=with_blocks("es", "Congo, República Democrática del"))
    bundle.write()
    assert findings(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_an_iso_name_in_another_language_is_still_reported(bundle, tmp_path):
    # the Portuguese ISO name on the Spanish page: Portuguese text
    full(bundle, es=with_blocks("es", "Congo, A República Democrática do"))
    bundle.write()
    got = findings(tmp_path, select="LOC003")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/es.html", 7, "LOC003")], got
    assert "Portuguese" in got[0].message


def test_iso_names_join_at_most_three_parts_and_only_whole_names():
    assert territory_names_only("Bonaire, Sint Eustatius and Saba, Curaçao, Luxembourg", "en")
    assert territory_names_only("Islas BES (Caribe Neerlandés)", "es")
    assert not territory_names_only("Bonaire, Sint Eustatius and Saba, ships free", "en")
    assert not territory_names_only("Bonaire, Sint Eustatius and Saba", "es")  # the English name
    assert not territory_names_only(", ;", "en")
