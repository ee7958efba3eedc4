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
