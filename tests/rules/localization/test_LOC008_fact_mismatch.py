from builder import findings, lint

from loc_pages import EN, ES, FR, RU, full, with_blocks


def test_length_differs_in_french(bundle, tmp_path):
    en = EN.replace("<p>Price: $39.90</p>", "<p>Hose length: 20 m, weight 1,250 g.</p>")
    fr = FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>Longueur du tuyau\u00a0: 15 m, poids 1\u202f250 g.</p>")
    full(bundle, en=en, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == [("listings/demo/detail/fr.html", 7, "LOC008")]


def test_battery_and_model_differ_in_russian(bundle, tmp_path):
    en = EN.replace("<p>Price: $39.90</p>", "<p>Model SP-X1 with a 5000 mAh battery.</p>")
    ru = RU.replace("<p>Цена: 39,90 $</p>", "<p>Модель SP-X2 с аккумулятором 500 мАч.</p>")
    full(bundle, en=en, ru=ru)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == [
        ("listings/demo/detail/ru.html", 7, "LOC008"),
        ("listings/demo/detail/ru.html", 7, "LOC008"),
    ]


def test_same_facts_in_every_locale_format_pass(bundle, tmp_path):
    en = EN.replace("<p>Price: $39.90</p>", "<p>Price: $1,234.50. Screen 6.5 inch, cable 1.5 m, 2.4 GHz.</p>")
    es = ES.replace("<p>Precio: 39,90 US$</p>", "<p>Precio: 1.234,50 US$. Pantalla de 16,5 cm, cable de 1,5 m, 2.4 GHz.</p>")
    fr = FR.replace("<p>Prix\u00a0: 39,90\u00a0€</p>", "<p>Prix\u00a0: 1\u202f234,50\u00a0$US. Écran 6,5 pouces, câble 1,5 m, 2,4 GHz.</p>")
    ru = RU.replace("<p>Цена: 39,90 $</p>", "<p>Цена: 1\u00a0234,50 $. Экран 6,5 дюйма, кабель 1,5 м, 2,4 ГГц.</p>")
    full(bundle, en=en, es=es, fr=fr, ru=ru)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == []


# Product kinds beyond electrical goods (session 12): what a number before a unit may also be.

def test_other_readings_of_numbers_before_units_are_silent(bundle, tmp_path):
    """Bra sizes in each market's system ("32A" in English, "70A" in Spanish, "85A" in French) are
    no amperes and "32A-38C" is no model number; "Pack of 2 500 ml bottles" is two bottles of
    500 ml on an English page; "1/4 in" is a quarter inch (6,35 mm), not 4 inches; "5′9″" is one
    height (1,75 m), not 9 inches. Each was a LOC008 error on the old code."""
    en = with_blocks("en", "Sizes 32A, 34A, 34B, 36C.", "Pack of 2 500 ml bottles of wash included.",
                     "1/4 in square drive.", "Our model is 5′9″ and wears size M.")
    es = with_blocks("es", "Tallas 70A, 75A, 75B, 80C.", "Incluye 2 botellas de 500 ml de detergente.",
                     "Cuadradillo de 6,35 mm.", "Nuestro modelo mide 1,75 m y lleva la talla M.")
    fr = with_blocks("fr", "Tailles 85A, 90A, 90B, 95C.", "Livré avec 2 flacons de 500\u00a0ml de lessive.",
                     "Carré de 6,35\u00a0mm.", "Notre mannequin mesure 1,75\u00a0m et porte du M.")
    full(bundle, en=en, es=es, fr=fr)
    bundle.data["title"]["en"] = "Wireless Cotton Bra, Sizes 32A-38C"
    bundle.data["title"]["fr"] = "Soutien-gorge en coton sans armatures, du 85A au 100C"
    bundle.data["title"]["es"] = "Sujetador de algodón sin aros, tallas 70A-85C"
    bundle.write()
    assert lint(tmp_path, select="LOC008") == []


def test_wrong_facts_behind_those_readings_still_differ(bundle, tmp_path):
    """A charger's 2A is still amperes (no cup letter beside it), and a height, a fraction or two
    bottles of 500 ml are still compared with what the translation says."""
    en = with_blocks("en", "Output 5 V 2A.", "Pack of 2 500 ml bottles.", "1/4 in square drive.", "Our model is 5′9″.")
    fr = with_blocks("fr", "Sortie 5\u00a0V 3A.", "Lot de 2 flacons de 250\u00a0ml.", "Carré de 12\u00a0mm.",
                     "Notre mannequin mesure 1,55\u00a0m.")
    full(bundle, en=en, fr=fr)
    bundle.write()
    got = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/fr.html", 7, "LOC008")] * 4
    assert sorted(f.message.split(" in fr")[0] for f in got) == ["1,55 m", "12 mm", "250 ml", "3A"]


# Session 13: numbers and units of real shop copy.

def test_a_russian_year_is_no_mass(bundle, tmp_path):
    """"в 1869 г." is a year ("г." is год): four plain digits before "г." from 1000 on, and from
    1900 without the period, as before; "1990-х гг." is years too. The old code read 1869 as grams,
    a mass against the English 500 g refill that the Russian page does not mention."""
    en = with_blocks("en", "A 1.2 kg tin of loose-leaf black tea; the 500 g refill pack is sold separately.",
                     "Our tea house has blended tea in Tula since 1869.")
    ru = with_blocks("ru", "Жестяная банка чёрного листового чая 1,2 кг.",
                     "Наша чайная фабрика основана в Туле в 1869 г.; с 2015 г. и с 1990-х гг. она продаёт чай по всему миру.")
    full(bundle, en=en, ru=ru)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == []


def test_a_grouped_number_before_g_is_grams_and_a_weight_without_period_too(bundle, tmp_path):
    """Years are never grouped: "2 000 г" is 2 kg (the old code took it for the year 2000 and let it
    pass), and "Вес: 1869 г" without the period of год is grams."""
    en = with_blocks("en", "Gift box: net weight 2,500 g.", "The kettle weighs 1,250 g.")
    ru = with_blocks("ru", "Подарочная коробка: масса нетто 2 000 г.", "Вес чайника: 1869 г")
    full(bundle, en=en, ru=ru)
    bundle.write()
    got = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line, f.message.split(", but")[0]) for f in got] == [
        ("listings/demo/detail/ru.html", 7, "2 000 г in ru"), ("listings/demo/detail/ru.html", 7, "1869 г in ru")]


def test_the_same_unit_in_another_script_is_the_same_number(bundle, tmp_path):
    """"g" and "г", "mAh" and "мАч" are one unit: there is no conversion to round, so "5000 mAh"
    against "4800 мАч" is another figure (the old code gave them the 10 % of a conversion and let it
    pass); "1.5 m" and "1,5 м" agree."""
    full(bundle, en=with_blocks("en", "A 5000 mAh battery and a 1.5 m cable."),
         ru=with_blocks("ru", "Аккумулятор 4800 мАч и кабель 1,5 м."))
    bundle.write()
    got = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line, f.message.split(", but")[0]) for f in got] == [("listings/demo/detail/ru.html", 7, "4800 мАч in ru")]


def test_a_lone_cup_size_of_a_bra_is_no_current(bundle, tmp_path):
    """A bra sold in one size ("32A", "85A", "70A") has no other cup beside it: the product's titles
    and headings (bra, soutien-gorge, sujetador, бюстгальтер) say it is sold by cup size. The old code
    read each as amperes: two errors."""
    bundle_titles = {"en": "Lace Underwire Bra, Size 32A", "fr": "Soutien-gorge en dentelle à armatures, taille 85A",
                     "es": "Sujetador de encaje con aros, talla 70A", "ru": "Кружевной бюстгальтер на косточках, размер 70A"}
    full(bundle, en=with_blocks("en", "Size 32A in ivory lace, hand wash only."),
         fr=with_blocks("fr", "Taille 85A en dentelle ivoire, lavage à la main."),
         es=with_blocks("es", "Talla 70A en encaje marfil, lavar a mano."))
    bundle.data["title"] = bundle_titles
    bundle.write()
    assert lint(tmp_path, select="LOC008") == []


def test_a_lone_current_of_a_charger_is_still_compared(bundle, tmp_path):
    """No bra in the titles: "32A" is amperes; in a bra's listing too when volts stand beside it."""
    from listing_lint.l10n.numbers import measures

    full(bundle, en=with_blocks("en", "Charging current 32A."), fr=with_blocks("fr", "Courant de charge 16A."))
    bundle.write()
    assert lint(tmp_path, select="LOC008") == [("listings/demo/detail/fr.html", 7, "LOC008")]
    assert [m.raw for m in measures("Output 32A, 230 V", "en", cup_sizes=True)] == ["32A", "230 V"]


def test_milligrams_micrograms_fluid_ounces_and_food_energy_are_compared(bundle, tmp_path):
    """"5000 mg" against "500 mg", "1.7 fl oz" against "5 ml", "400 kcal" against "40 kcal": none was
    read before. Their right conversions (50 ml, µg = mcg = мкг, kJ and kcal) agree."""
    en = with_blocks("en", "Vitamin C 5000 mg and folate 400 mcg in each capsule.", "A 1.7 fl oz travel bottle.",
                     "Energy 1674 kJ / 400 kcal per 100 g.")
    fr = with_blocks("fr", "Vitamine C 500\u00a0mg et folates 400\u00a0µg par gélule.", "Un flacon de voyage de 50\u00a0ml.",
                     "Énergie 1674\u00a0kJ / 400\u00a0kcal pour 100\u00a0g.")
    es = with_blocks("es", "Vitamina C 5000 mg y folato 400 μg por cápsula.", "Un frasco de viaje de 5 ml.",
                     "Energía 1674 kJ / 40 kcal por 100 g.")
    ru = with_blocks("ru", "Витамин C 5000 мг и фолиевая кислота 400 мкг в 1 капсуле.", "Дорожный флакон 50 мл.",
                     "Энергетическая ценность 1674 кДж / 400 ккал на 100 г.")
    full(bundle, en=en, fr=fr, es=es, ru=ru)
    bundle.write()
    got = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line, f.message.split(" in ")[0].replace("\u00a0", " ")) for f in got] == [
        ("listings/demo/detail/es.html", 7, "5 ml"), ("listings/demo/detail/es.html", 7, "40 kcal"),
        ("listings/demo/detail/fr.html", 7, "500 mg"),
    ]


def test_units_inside_codes_and_ounces_of_mass_are_no_new_facts(bundle, tmp_path):
    """"VC5000MG" is a product code, "8 oz" of steak a mass (227 g) and "16 fl oz" a volume (473 ml):
    none is compared with the other."""
    en = with_blocks("en", "SKU VC5000MG, an 8 oz steak and a 16 fl oz sauce.")
    fr = with_blocks("fr", "Réf. VC500MG, un steak de 227\u00a0g et une sauce de 473\u00a0ml.")
    full(bundle, en=en, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == []


US_LABEL = ("Nutrition Facts. Serving size 30 g.", "Energy 502 kJ / 120 kcal, total fat 4.5 g, protein 3 g.")


def test_nutrition_per_serving_against_per_100_g_is_not_compared(bundle, tmp_path):
    """A US label gives nutrition per serving (21 CFR 101.9), an EU one per 100 g (Regulation (EU)
    1169/2011), whose table may head its column "100 г" alone: the same granola, other figures. The
    old code reported each of the French and Russian masses; the Spanish page's serving is
    compared, and its 12 kcal is wrong."""
    fr_table = ("<table><tr><th>Valeurs nutritionnelles</th><th>pour 100\u00a0g</th></tr>"
                "<tr><td>Énergie</td><td>1674\u00a0kJ / 400\u00a0kcal</td></tr>"
                "<tr><td>Matières grasses</td><td>15\u00a0g</td></tr><tr><td>Protéines</td><td>10\u00a0g</td></tr></table>")
    ru_table = ("<table><tr><th>Пищевая ценность</th><th>100 г</th></tr>"
                "<tr><td>Энергетическая ценность</td><td>1674 кДж / 400 ккал</td></tr>"
                "<tr><td>Жиры</td><td>15 г</td></tr><tr><td>Белки</td><td>10 г</td></tr></table>")
    full(bundle, en=with_blocks("en", *US_LABEL),
         fr=with_blocks("fr", "Granola aux noix, sachet refermable.").replace("</p>", "</p>\n" + fr_table, 1),
         ru=with_blocks("ru", "Гранола с орехами в пакете с застёжкой.").replace("</p>", "</p>\n" + ru_table, 1),
         es=with_blocks("es", "Información nutricional. Ración de 30 g.",
                        "Por ración: energía 502 kJ / 12 kcal, grasas 4,5 g, proteínas 3 g."))
    bundle.write()
    got = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line, f.message.split(" in ")[0]) for f in got] == [("listings/demo/detail/es.html", 7, "12 kcal")]


# Ranges and alternatives (session 13): a power supply's "100-240 V AC, 50/60 Hz" was read as 240 V
# and 60 Hz, and each market's own "230 V, 50 Hz" was reported against it.

def test_near_miss_a_value_inside_a_range_or_among_alternatives_agrees(bundle, tmp_path):
    en = with_blocks("en", "Input: 100-240 V AC, 50/60 Hz. Fits wrists of 15-20 cm.")
    es = with_blocks("es", "Entrada: 230 V CA, 50 Hz. Para muñecas de 15 a 20 cm.")
    fr = with_blocks("fr", "Entrée\u00a0: 100 V - 240 V, 50-60 Hz. Pour poignets de 17 cm.")
    ru = with_blocks("ru", "Вход: от 100 до 240 В, 50 Гц. Для запястья 15–20 см.")
    full(bundle, en=en, es=es, fr=fr, ru=ru)
    bundle.write()
    assert lint(tmp_path, select="LOC008") == []


def test_a_value_outside_the_range_or_the_alternatives_is_reported(bundle, tmp_path):
    full(bundle, en=with_blocks("en", "Input: 100-240 V AC, 50/60 Hz."), es=with_blocks("es", "Entrada: 250 V CA, 45 Hz."))
    bundle.write()
    found = findings(tmp_path, select="LOC008")
    assert [(f.path, f.line, f.code) for f in found] == [("listings/demo/detail/es.html", 7, "LOC008")] * 2
    assert [f.message.split(";")[0] for f in found] == ["250 V in es, but the English text says 100-240 V",
                                                         "45 Hz in es, but the English text says 50/60 Hz"]


# -- session 14: cup sizes typed with Cyrillic letters ----------------------------------------------
_BRA_TITLES = {"en": "Heated Wireless Bra with USB Pad", "es": "Sujetador sin aros con almohadilla USB",
               "fr": "Soutien-gorge chauffant sans armatures", "ru": "Бюстгальтер с подогревом без косточек"}


def test_a_cup_size_typed_in_cyrillic_is_no_current_or_voltage(bundle, tmp_path):
    """"75А" and "80В" typed on a Cyrillic keyboard are the cups A and B, not 75 amperes and 80 volts,
    alone in a bra's listing or in a list beside a cup that is no unit ("85С"). The old code read
    them as the Cyrillic ampere and volt: against the English "5 V" of the pad, two errors."""
    from listing_lint.l10n.numbers import measures

    full(bundle, en=with_blocks("en", "Size 80B. Heating pad: 5 V over USB.", "Also in 75A."),
         ru=with_blocks("ru", "Размер 80В. Подогрев через USB.", "Есть и 75А."))
    bundle.data["title"] = dict(_BRA_TITLES)
    bundle.write()
    assert lint(tmp_path, select=["LOC008", "LOC013"]) == []
    assert [m.raw for m in measures("Размеры: 75А, 80В, 85С", "ru")] == []


def test_near_miss_cyrillic_amperes_and_volts_are_still_read(bundle, tmp_path):
    """No bra named: "80В" is 80 volts against the English "12 V"; in a bra's listing too when volts
    stand in the same text ("75А, зарядка 5 В"), and a list of unit letters alone ("75А, 80В") is no
    size chart."""
    from listing_lint.l10n.numbers import measures

    full(bundle, en=with_blocks("en", "Input voltage 12 V."), ru=with_blocks("ru", "Входное напряжение 80В."))
    bundle.write()
    assert lint(tmp_path, select="LOC008") == [("listings/demo/detail/ru.html", 7, "LOC008")]
    assert [m.raw for m in measures("Размер 75А, зарядка 5 В", "ru", cup_sizes=True)] == ["75А", "5 В"]
    assert [m.raw for m in measures("Ток: 75А, 80В", "ru")] == ["75А", "80В"]
