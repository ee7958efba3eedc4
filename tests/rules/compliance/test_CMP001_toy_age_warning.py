"""Session 18, round 9: a toy's under-36-months warning shown on one detail page must be shown on every page in
that page's own language (Toy Safety Directive 2009/48/EC Art. 11(2)-(3), Annex V Part B(1)); which toys need
it depends on the toy, so a listing that shows it nowhere is left alone."""

from builder import findings, lint
from product_kinds import make_toy

EN = "<p>WARNING: Not suitable for children under 36 months. Small parts. Choking hazard.</p>"
OWN = {
    "es": "<p>ADVERTENCIA: No apto para niños menores de 36 meses. Contiene piezas pequeñas.</p>",
    "fr": "<p>AVERTISSEMENT : Ne convient pas aux enfants de moins de 36 mois. Petits éléments.</p>",
    "ru": "<p>ВНИМАНИЕ: Не подходит для детей младше 36 месяцев. Мелкие детали.</p>",
}
COPY = {
    "es": "<p>Coche de juguete con mando. Edad recomendada: 3 años y más.</p>",
    "fr": "<p>Voiture jouet télécommandée. Âge conseillé : 3 ans et plus.</p>",
    "ru": "<p>Игрушечная машинка с пультом. Возраст: от 3 лет.</p>",
}


def _page(body: str, lang: str) -> str:
    return f"<!doctype html><html lang={lang}><body>\n<h1>Toy car</h1>\n{body}\n</body></html>"


def _toy(b, en=EN, pages=COPY, markets=("EU", "UK", "US")):
    make_toy(b)
    b.data["markets"] = list(markets)
    b.page("en", _page(en, "en"))
    for lang, body in pages.items():
        b.page(lang, _page(body, lang))
    return b.write()


def test_a_warning_on_the_english_page_only(bundle, tmp_path):
    _toy(bundle, pages={**COPY, "es": COPY["es"] + EN})  # the English sentence pasted on the Spanish page does not count
    assert lint(tmp_path, select="CMP001") == [
        (f"{bundle.rel}/detail/{lang}.html", 1, "CMP001") for lang in ("es", "fr", "ru")]
    f = findings(tmp_path, select="CMP001")[0]
    assert f.message.startswith('no age warning ("Not suitable for children under 36 months") in the page\'s own language (es) for the EU market (toy product)')
    assert "No apto para niños menores de 36 meses" in f.message and str(f.severity) == "warning"


def test_only_the_page_without_its_warning(bundle, tmp_path):
    _toy(bundle, pages={**OWN, "fr": COPY["fr"]})
    assert lint(tmp_path, select="CMP001") == [(f"{bundle.rel}/detail/fr.html", 1, "CMP001")]


def test_a_warning_shown_only_on_a_translated_page_is_asked_of_the_english_one(bundle, tmp_path):
    _toy(bundle, en="<p>Remote-control toy car, ages 3 and up.</p>", pages={**COPY, "ru": OWN["ru"]})
    assert [(path.rsplit("/", 1)[1], code) for path, _, code in lint(tmp_path, select="CMP001")] == [
        ("en.html", "CMP001"), ("es.html", "CMP001"), ("fr.html", "CMP001")]


def test_near_miss_every_page_in_its_own_language(bundle, tmp_path):
    _toy(bundle, pages=OWN)
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_wordings_labels_use(bundle, tmp_path):
    _toy(bundle, en="<p>Not for children under 3 years.</p>", pages={
        "es": "<p>No adecuado para menores de 3 años.</p>",
        "fr": "<p>Déconseillé aux enfants de moins de 3 ans.</p>",
        "ru": "<p>Не рекомендуется детям до 3 лет.</p>"})
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_the_russian_packaging_order_and_other_common_wordings(bundle, tmp_path):
    # "Детям до 3 лет не давать" (the age first) is how Russian toy packaging usually says it
    _toy(bundle, pages={
        "es": "<p>Atención: no apto para menores de 3 años.</p>",
        "fr": "<p>Attention. Ne convient pas à un enfant de moins de 36 mois.</p>",
        "ru": "<p>Внимание! Детям до 3 лет не давать: мелкие детали.</p>"})
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_the_pictogram_with_its_alt_text(bundle, tmp_path):
    _toy(bundle, pages={**OWN, "es": '<p>Coche de juguete.</p><img src="https://ae01.alicdn.com/w.png" '
                                    'alt="No apto para niños menores de 36 meses">'})
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_a_toy_for_older_children_shows_no_warning_anywhere(bundle, tmp_path):
    _toy(bundle, en="<p>Remote-control toy car for ages 8 and up.</p>")
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_not_a_toy_or_not_for_the_eu(bundle, tmp_path):
    _toy(bundle, markets=("US",))
    assert lint(tmp_path, select="CMP001") == []
    bundle.data["markets"] = ["EU", "UK", "US"]
    bundle.data["product_groups"] = ["household-appliance", "mains-powered"]
    bundle.write()
    assert [path for path, _, _ in lint(tmp_path, select="CMP001") if path.endswith(".html")] == []


def test_the_shipped_wordings_search_hostile_text_quickly():
    import time

    from listing_lint.standards import pagetext
    from listing_lint.standards.registry import load_registry

    (rule,) = [r for r in load_registry().rules_of("evidence") if r.id == "eu-toy-age-warning-each-language"]
    hostile = ["not suitable for children " * 40_000, "no apto para niños menores de " * 30_000,
               "ne convient pas aux enfants de moins de " * 25_000, "не подходит для детей младше " * 30_000,
               "детям до 3 лет " * 30_000]  # the Russian age-first wording's start, never finished
    for pattern in rule.get("page_text_by_language").values():
        for text in hostile:
            start = time.perf_counter()
            assert pagetext.search(pattern, [text]) is False
            assert time.perf_counter() - start < 0.9
