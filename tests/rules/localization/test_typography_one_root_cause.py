"""One root cause, one finding (session 18): the rules that read a text as its page's language
(LOC009 number format, LOC012 typography, LOC013 imperial units) leave alone a block or a page
judged another language (LOC003, LOC002), whichever locale it was copied from, and a bundle
refused for its schema_version gets the refusal alone."""

from builder import findings, lint

from loc_pages import EN, ES, FR, RU, full

ROOTED = ["LOC002", "LOC003", "LOC009", "LOC012", "LOC013"]
FR_BLOCK = ("Besoin d'aide ? Écrivez-nous ! La prise coûte 1 234,50 € et mesure 10 x 5 cm : "
            "elle se branche sur « toutes » les prises.")
ES_BLOCK = "¿Necesitas ayuda? ¡Escríbenos! El enchufe cuesta $1.234,50 y mide 4 in: se conecta a cualquier toma."


def _second_block(page: str, lang: str, text: str) -> str:
    """``page`` with its second paragraph (line 5) replaced by ``text``."""
    old = {"es": ES, "fr": FR, "ru": RU}[lang].split("\n")[4]
    return page.replace(old, f"<p>{text}</p>")


def test_a_french_block_copied_onto_the_spanish_page_is_loc003_alone(bundle, tmp_path):
    full(bundle, es=_second_block(ES, "es", FR_BLOCK))
    bundle.write()
    assert lint(tmp_path, select=ROOTED) == [("listings/demo/detail/es.html", 5, "LOC003")]


def test_a_spanish_block_copied_onto_the_french_and_russian_pages_is_loc003_alone(bundle, tmp_path):
    full(bundle, fr=_second_block(FR, "fr", ES_BLOCK), ru=_second_block(RU, "ru", ES_BLOCK))
    bundle.write()
    assert lint(tmp_path, select=ROOTED) == [
        ("listings/demo/detail/fr.html", 5, "LOC003"), ("listings/demo/detail/ru.html", 5, "LOC003")]


def test_near_miss_the_same_marks_in_the_pages_own_language_are_found(bundle, tmp_path):
    es = _second_block(ES, "es", "Necesitas ayuda? El enchufe cuesta $1.234,50 y mide 4 in: se conecta a cualquier toma.")
    full(bundle, es=es)
    bundle.write()
    assert {code for _, _, code in lint(tmp_path, select=ROOTED)} == {"LOC009", "LOC012", "LOC013"}


def test_the_french_page_in_the_spanish_slot_is_loc002_alone(bundle, tmp_path):
    page = FR.replace('<html lang="fr">', '<html lang="es">').replace(
        "<p>Prix\u00a0: 39,90\u00a0€</p>", f"<p>{FR_BLOCK}</p>")
    full(bundle, es=page)
    bundle.write()
    assert lint(tmp_path, select=ROOTED) == [("listings/demo/detail/es.html", 2, "LOC002")]


def test_a_refused_bundle_gets_the_refusal_alone(bundle, tmp_path):
    full(bundle, es=_second_block(ES, "es", "Necesitas ayuda? Cuesta $1.234,50 y mide 4 in: {{product_name}}."),
         fr=_second_block(FR, "fr", "Besoin d'aide? Prix: $1,234.50"))
    bundle.data["schema_version"] = "2"
    bundle.write()
    assert [f.code for f in findings(tmp_path, select=["LOC", "SCH"])] == ["SCH005"]
