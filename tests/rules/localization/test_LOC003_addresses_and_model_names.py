"""Text a listing keeps as it is in every locale (session 11, real product copy):

- postal addresses of the manufacturer, importer and responsible person (GPSR), written as their
  own country writes them: "Musterhandel GmbH, Hauptstraße 12, 10115 Berlin, Deutschland" was
  German (0.99) on the Spanish page, and two of them made a short French page "56 % English";
- products named in Latin letters in Russian copy, with their model codes: "Samsung Galaxy Tab A
  10.1" was a four-word German phrase left in the Russian text once its numbers were out.

What is still found: a sentence of another language beside an address, and a Latin phrase with
function words in Russian text ("Case for iPhone 15 with card holder")."""

from builder import findings, lint

from loc_pages import PAGES, PRICE_LINES, full


def _page(lang, *texts):
    return PAGES[lang].replace(PRICE_LINES[lang], "\n".join(f"<p>{t}</p>" for t in texts))


ADDRESSES = {
    "es": ("Persona responsable en la UE: Musterhandel GmbH, Hauptstraße 12, 10115 Berlin, Alemania",
           "Musterhandel GmbH, Hauptstraße 12, 10115 Berlin, Germany",
           "Dirección de devolución: Warehouse 5, Unit 3B, Northfield Industrial Estate, Manchester M17 1AA, United Kingdom"),
    "fr": ("Personne responsable dans l’UE\u00a0: Musterhandel GmbH, Hauptstraße 12, 10115 Berlin, Deutschland",
           "Fabricant\u00a0: Shenzhen Anker Innovations Co., Ltd., Room 701, Block A, Nanshan District, Shenzhen, Guangdong, China",
           "EU REP\u00a0: Eurolink Services Ltd, 14 Harbour Road, Dublin 2, D02 XY45, Ireland"),
    "ru": ("Ответственное лицо в ЕС: Musterhandel GmbH, Hauptstraße 12, 10115 Berlin, Germany",
           "Изготовитель: Shenzhen Anker Innovations Co., Ltd., Room 701, Block A, Nanshan District, Shenzhen, China"),
    "en": ("Importeur: Vente Directe SARL, 12 rue de la Paix, 75002 Paris, France",
           "Calle Mayor 15, 3º B, 28013 Madrid, España"),
}


def test_postal_addresses_are_no_language(bundle, tmp_path):
    full(bundle, **{lang: _page(lang, *texts) for lang, texts in ADDRESSES.items()})
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC007"]) == []


def test_another_language_beside_an_address_is_still_found(bundle, tmp_path):
    es = _page("es", ADDRESSES["es"][0], "This smart plug turns any socket into a connected one and measures your energy use.",
               "Ships from 28013 Madrid within one working day, tracked to your door.")
    full(bundle, es=es)
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == [("listings/demo/detail/es.html", line, "LOC003") for line in (8, 9)]


MODEL_NAMES = ('Планшет Samsung Galaxy Tab A 10.1 (2019) 32 ГБ, черный',
               "Игровая мышь Logitech G Pro X Superlight, белая",
               "Смартфон Xiaomi Redmi Note 13 Pro Plus, 256 ГБ, синий",
               "Робот-пылесос Dreame Bot L10 Ultra Home Edition, белый",
               "Пылесос Dyson V15 Detect Absolute Extra, золотой",
               "Ноутбук Lenovo IdeaPad Slim Pro Gaming Edition 16 ГБ")


def test_products_named_in_latin_letters_in_russian_copy_pass(bundle, tmp_path):
    full(bundle, ru=_page("ru", *MODEL_NAMES))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_a_latin_phrase_with_function_words_in_russian_copy_is_still_a_leftover(bundle, tmp_path):
    full(bundle, ru=_page("ru", *MODEL_NAMES[:3], "Чехол для телефона Case for iPhone 15 with card holder, чёрный"))
    bundle.write()
    (f,) = findings(tmp_path, select=["LOC002", "LOC003"])
    assert (f.path, f.line, f.code) == ("listings/demo/detail/ru.html", 10, "LOC003")
    assert '"Case for with card holder"' in f.message
