"""l10n/addresses.py: what is an address part, and what stays (session 11)."""

from listing_lint.l10n.addresses import strip_addresses


def test_address_parts_go_and_the_words_around_them_stay():
    assert strip_addresses("Persona responsable en la UE: Musterhandel GmbH, Hauptstraße 12, 10115 Berlin, Alemania") == \
        "Persona responsable en la UE: , , , "
    assert strip_addresses("123456, г. Москва, ул. Ленина, д. 5, ООО «Ромашка»").strip(" ,") == ""
    assert strip_addresses("Fabricant : Shenzhen Anker Innovations Co., Ltd., Room 701, Block A, Nanshan District").strip(" :,") == ""
    assert strip_addresses("250 Executive Park Blvd, Suite 3400 - Сан-Франциско, Калифорния, 94134 - США").strip(" ,-") == ""


def test_product_copy_with_numbers_and_places_is_no_address():
    for text in ("Batería de 10000 mAh, Carga Rápida de 20 W, Samsung Galaxy S24",
                 "Envío desde 28013 Madrid en 24 horas laborables",
                 "Edición limitada Ltd. 2024, 500 unidades: compra ya en nuestra tienda",
                 "Suite 300 Ltd. edition box with 12 pieces",
                 "Smart Plug X1, 16 A, 3680 W, Wi-Fi 2.4 GHz"):
        assert strip_addresses(text) == text


def test_only_the_address_of_a_long_text_goes():
    text = "Hello,\nYour order has been confirmed.\nThank you for your trust.\nMy Company\n250 Executive Park Blvd, Suite 3400\nSan Francisco CA 94134\nUnited States"
    assert strip_addresses(text).startswith("Hello,\nYour order has been confirmed.\nThank you for your trust.\n")
    assert "Executive" not in strip_addresses(text) and "Francisco" not in strip_addresses(text)
