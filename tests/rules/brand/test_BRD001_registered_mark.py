from builder import findings, lint


def _brand(bundle, mark="TM", office="EUIPO", title="Voltra® Smart Plug"):
    bundle.data["brand"] = {"name": "Voltra"}
    if mark:
        bundle.data["brand"]["trademark"] = {"mark": mark, "office": office, "number": "019000001", "classes": [9]}
    bundle.data["title"] = {"en": title}


def test_registered_sign_on_an_unregistered_mark(bundle, tmp_path):
    _brand(bundle)
    bundle.write()
    assert lint(tmp_path, select="BRD001") == [(f"{bundle.rel}/listing.json", bundle.line_of("Voltra®"), "BRD001")]
    (f,) = findings(tmp_path, select="BRD001")
    assert f.message.startswith("Voltra® in the title (en): the trademark is not registered") and str(f.severity) == "error"


def test_registered_sign_without_any_trademark_record_in_a_page(bundle, tmp_path):
    _brand(bundle, mark=None, title="Voltra Smart Plug")
    bundle.page("en", "<html lang='en'><body>\n<h1>Smart plug</h1>\n<p>The <b>VOLTRA</b><sup>®</sup> app.</p>\n<p>Voltra (R) again</p></body></html>")
    bundle.write()
    assert lint(tmp_path, select="BRD001") == [(f"{bundle.rel}/detail/en.html", 3, "BRD001")]


def test_foreign_registration_on_a_us_listing_warns(bundle, tmp_path):
    _brand(bundle, mark="R", office="CNIPA")
    bundle.data["markets"] = ["US"]
    bundle.write()
    (f,) = findings(tmp_path, select="BRD001")
    assert str(f.severity) == "warning" and "TMEP" in f.message


def test_near_miss_tm_sign_and_other_companies_marks(bundle, tmp_path):
    _brand(bundle, title="Voltra™ Smart Plug, works with Alexa® and Google Home®")
    bundle.write()
    assert lint(tmp_path, select="BRD001") == []


def test_near_miss_registered_mark_in_its_market(bundle, tmp_path):
    _brand(bundle, mark="R", office="EUIPO")
    bundle.write()
    assert lint(tmp_path, select="BRD001") == []
