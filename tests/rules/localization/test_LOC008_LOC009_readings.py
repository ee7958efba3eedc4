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
