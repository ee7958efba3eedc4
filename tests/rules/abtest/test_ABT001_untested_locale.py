from builder import findings, lint

PAGES = {"en": "detail/en.html", "es": "detail/es.html", "fr": "detail/fr.html", "ru": "detail/ru.html"}


def test_localized_pages_without_experiment(bundle, tmp_path, experiment):
    bundle.data["locales"] = ["en", "es", "fr", "ru"]
    bundle.data["detail_pages"] = dict(PAGES)
    bundle.data["experiments"] = [experiment(locale="fr")]
    bundle.write()
    path = f"{bundle.rel}/listing.json"
    assert lint(tmp_path, select="ABT001") == [
        (path, bundle.line_of('"detail/es.html"'), "ABT001"),
        (path, bundle.line_of('"detail/ru.html"'), "ABT001"),
    ]
    first = findings(tmp_path, select="ABT001")[0]
    assert first.message.startswith(
        "es detail page has no experiment: pages rolled out untested converted 32% below English"
    )
    assert str(first.severity) == "warning"


def test_near_miss_every_localized_page_has_an_experiment(bundle, tmp_path, experiment):
    bundle.data["detail_pages"] = {"en": "detail/en.html", "es-ES": "detail/es.html", "fr": "detail/fr.html"}
    # an experiment on the base language covers the regional page and vice versa; any element,
    # any status counts; English is the source language and needs none of its own
    bundle.data["experiments"] = [
        experiment(id="a", locale="es", element="title", status="done"),
        experiment(id="b", locale="fr-FR", element="detail_page"),
    ]
    bundle.write()
    assert lint(tmp_path, select="ABT001") == []


def test_english_can_be_required_by_configuration(bundle, tmp_path):
    bundle.data["detail_pages"] = {"en": "detail/en.html"}
    bundle.write()
    assert lint(tmp_path, select="ABT001") == []
    assert lint(tmp_path, select="ABT001", ab_exempt_locales=[]) == [
        (f"{bundle.rel}/listing.json", bundle.line_of('"detail/en.html"'), "ABT001")
    ]


def test_regional_pages_of_another_language_are_not_covered(bundle, tmp_path, experiment):
    bundle.data["detail_pages"] = {"es-MX": "detail/es-mx.html"}
    bundle.data["experiments"] = [experiment(locale="es-ES")]
    bundle.write()
    assert lint(tmp_path, select="ABT001") == [(f"{bundle.rel}/listing.json", bundle.line_of('"detail/es-mx.html"'), "ABT001")]


def test_pages_of_undeclared_locales_are_left_to_the_schema_rules(bundle, tmp_path):
    bundle.data["locales"] = ["en"]
    bundle.data["detail_pages"] = {"en": "detail/en.html", "de": "detail/de.html"}
    bundle.write()
    assert lint(tmp_path, select="ABT001") == []
