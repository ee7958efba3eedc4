"""LOC012 cases issue 14 (item 16) found missed: a mark after a currency or unit, a mark after an
inline element, titles and alt texts; and ``--fix`` counting each fix it applied."""

from builder import findings, lint

from loc_pages import FR, full

PRICE = "<p>Prix\u00a0: 39,90\u00a0€</p>"


def test_a_mark_after_a_currency_sign_is_found_and_fixed(bundle, tmp_path):
    """Both marks typed with a regular space: one habit of the page, one finding (at the first)
    whose fix replaces both (session 11)."""
    full(bundle, fr=FR.replace(PRICE, "<p>Moins de 5 € ? Oui, et 100 % !</p>"))
    bundle.write()
    (f,) = findings(tmp_path, select="LOC012")
    assert (f.path, f.line, f.column) == ("listings/demo/detail/fr.html", 7, 16)
    assert "and so is 1 more mark on this page" in f.message
    text = (bundle.dir / "detail/fr.html").read_text(encoding="utf-8")
    for e in sorted(f.fix.edits, key=lambda e: -e.start):
        text = text[: e.start] + e.new + text[e.end:]
    assert "Moins de 5 €\u202f? Oui, et 100 %\u202f!" in text


def test_a_mark_right_after_an_inline_element_is_found(bundle, tmp_path):
    full(bundle, fr=FR.replace(PRICE, "<p><b>Couleur</b>: noir</p>"))
    bundle.write()
    (f,) = findings(tmp_path, select="LOC012")
    assert (f.path, f.line, f.column) == ("listings/demo/detail/fr.html", 7, 18)
    text = (bundle.dir / "detail/fr.html").read_text(encoding="utf-8")
    e = f.fix.edits[0]
    assert text[: e.start] + e.new + text[e.end:] == FR.replace(PRICE, "<p><b>Couleur</b>\u00a0: noir</p>")


def test_near_misses_stay_silent(bundle, tmp_path):
    fr = FR.replace(PRICE, "<p><b>Couleur</b>\u00a0: noir. Prix\u00a0: 5\u00a0€\u202f? Voir</p><p>Note:</p>"
                           "<p>Format 16:9, départ à 12:30, https://fr.aliexpress.com/item?id=1 (?) et «\u00a0Réglages\u00a0»\u202f!</p>")
    full(bundle, fr=fr.replace("<p>Note:</p>", "<p>Note\u00a0:</p>"))
    bundle.data["title"]["fr"] = "Prise connectée X1\u00a0: Wi-Fi, compatible Alexa"
    bundle.write()
    assert lint(tmp_path, select="LOC012") == []


def test_french_titles_and_alt_texts_are_checked(bundle, tmp_path):
    full(bundle, fr=FR.replace(PRICE, '<p><img src="https://ae01.alicdn.com/x.jpg" alt="Prise X1 : vue de face"></p>'))
    bundle.data["title"]["fr"] = "Prise connectée X1 : Wi-Fi, compatible Alexa"
    bundle.write()
    result = findings(tmp_path, select="LOC012")
    title_line = 1 + next(i for i, line in enumerate((bundle.dir / "listing.json").read_text(encoding="utf-8").splitlines())
                          if "Prise connectée X1 :" in line)
    assert [(f.path, f.line) for f in result] == [("listings/demo/detail/fr.html", 7), ("listings/demo/listing.json", title_line)]
    assert "in the fr title" in result[1].message and result[1].fix is None


def test_spanish_alt_texts_need_opening_marks_titles_do_not(bundle, tmp_path):
    full(bundle)
    bundle.image("media/plug.jpg", alt={"es": "Necesitas ayuda? Mira el enchufe"})
    bundle.data["title"]["es"] = "Enchufe X1 Wi-Fi, compatible con Alexa!"
    bundle.write()
    result = findings(tmp_path, select="LOC012")
    assert [(f.path, f.code) for f in result] == [("listings/demo/listing.json", "LOC012")]
    assert "alt" in result[0].message or "Necesitas" in result[0].message
