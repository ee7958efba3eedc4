"""A price or measure written another locale's way (session 11, real product copy): "1.299 $US"
on a French page is 1,299 dollars written the German way. It was a fact mismatch (LOC008, an
error) beside its format warning (LOC009): one root cause, two findings. And LOC009 read it the
English way, 1.299 dollars, and told the seller to write "1,30 $US"."""

from builder import findings, lint

from loc_pages import EN, ES, FR, RU, full

EN_LINE = "<p>Price: $39.90</p>"
FR_LINE = "<p>Prix\u00a0: 39,90\u00a0€</p>"
RU_LINE = "<p>Цена: 39,90 $</p>"
ES_LINE = "<p>Precio: 39,90 US$</p>"
ES_PRICE = ES.replace(ES_LINE, "<p>Precio: 1299 US$ con una batería de 5200 mAh.</p>")
RU_PRICE = RU.replace(RU_LINE, "<p>Цена: 1299 $, аккумулятор 5200 мА·ч.</p>")


def test_a_number_written_another_way_is_one_format_finding_not_a_fact(bundle, tmp_path):
    full(bundle, en=EN.replace(EN_LINE, "<p>Price: $1,299 with a 5,200 mAh battery.</p>"),
         fr=FR.replace(FR_LINE, "<p>Prix\u00a0: 1.299 $US avec une batterie de 5.200 mAh.</p>"),
         ru=RU.replace(RU_LINE, "<p>Цена: 1.299 $, аккумулятор 5.200 мА·ч.</p>"), es=ES_PRICE)
    bundle.write()
    result = findings(tmp_path, select=["LOC008", "LOC009"])
    assert [(f.path, f.line, f.code) for f in result] == [
        ("listings/demo/detail/fr.html", 7, "LOC009"), ("listings/demo/detail/ru.html", 7, "LOC009"),
    ]
    assert "CLDR writes 1\u202f299,00\u00a0$US" in result[0].message
    assert "1\u00a0299,00\u00a0$" in result[1].message and "1,30" not in result[1].message


def test_a_different_value_written_another_way_is_still_a_fact_mismatch(bundle, tmp_path):
    full(bundle, en=EN.replace(EN_LINE, "<p>Price: $1,299 with a 5,200 mAh battery.</p>"),
         fr=FR.replace(FR_LINE, "<p>Prix\u00a0: 1.499 $US avec une batterie de 5.000 mAh.</p>"), es=ES_PRICE, ru=RU_PRICE)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == [("listings/demo/detail/fr.html", 7, "LOC008")] * 2


def test_a_rounded_conversion_agrees_and_a_wrong_one_does_not(bundle, tmp_path):
    """Translators round a converted measure: "30 feet" is "près de 10 mètres" in Odoo's French
    (9 % apart), within ``fact-cross-unit-tolerance`` (10 %); "5 lb" as "2 kg" (12 %) and "8 oz"
    as "800 g" are other figures."""
    full(bundle, en=EN.replace(EN_LINE, "<p>A range of about 30 feet, 5 lb of cable and an 8 oz steak.</p>"),
         fr=FR.replace(FR_LINE, "<p>Une portée de près de 10 mètres, 2 kg de câble et un steak de 800 g.</p>"),
         es=ES.replace(ES_LINE, "<p>Un alcance de unos 9 m, 2,3 kg de cable y un filete de 227 g.</p>"),
         ru=RU.replace(RU_LINE, "<p>Дальность около 10 м, 2,3 кг кабеля и стейк 230 г.</p>"))
    bundle.write()
    result = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line) for f in result] == [("listings/demo/detail/fr.html", 7)] * 2
    assert {f.message.split(" in fr")[0] for f in result} == {"2 kg", "800 g"}


def test_a_magnitude_letter_scales_a_price(bundle, tmp_path):
    # session 18, Odoo's CRM help: "above $15k" is "$15.000" in Spanish, fifteen thousand, not the
    # $15 the price reading took from "$15k"; a written-out price that differs is still a mismatch
    full(bundle, en=EN.replace(EN_LINE, "<p>Deals above $15k get a manager. Price: $39.90</p>"),
         es=ES.replace(ES_LINE, "<p>Las oportunidades de más de 15.000 US$ tienen un responsable. Precio: 39,90 US$</p>"),
         fr=FR.replace(FR_LINE, "<p>Les opportunités au-delà de 15\u202f000 $US ont un responsable. Prix\u00a0: 49,90\u00a0$US</p>"))
    bundle.write()
    result = findings(tmp_path, select=["LOC008", "LOC009"])
    assert [(f.path, f.line, f.code) for f in result] == [("listings/demo/detail/fr.html", 7, "LOC008")]
    assert "49,90" in result[0].message
