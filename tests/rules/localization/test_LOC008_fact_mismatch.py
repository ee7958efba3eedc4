from builder import lint

from loc_pages import EN, ES, FR, RU, full


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
