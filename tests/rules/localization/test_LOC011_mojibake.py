from builder import lint

from loc_pages import FR, full


def test_utf8_read_as_latin1(bundle, tmp_path):
    full(bundle, fr=FR.replace("<h1>Prise connectée X1</h1>", "<h1>CÃ¢ble de 2 mÃ¨tres</h1>"))
    bundle.data["title"]["ru"] = "Ð£Ð¼Ð½Ð°Ñ Ñ€Ð¾Ð·ÐµÑ‚ÐºÐ°"
    bundle.write()
    assert lint(tmp_path, select="LOC011") == [
        ("listings/demo/detail/fr.html", 3, "LOC011"),
        ("listings/demo/listing.json", bundle.line_of('"ru": "Ð'), "LOC011"),
    ]


def test_accents_guillemets_and_cyrillic_pass(bundle, tmp_path):
    fr = FR.replace("<h1>Prise connectée X1</h1>", "<h1>Câble de 2 mètres, « qualité » garantie – 39,90 €</h1>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC011") == []


def test_ascii_text_is_never_bad_for_the_installed_ftfy():
    """LOC011 answers ASCII text without importing ftfy; that holds only while ftfy's badness
    pattern matches no ASCII string. Every string of one or two ASCII characters and a sample of
    longer ones are put to it."""
    import itertools
    import random

    from ftfy.badness import BADNESS_RE

    chars = [chr(i) for i in range(128)]
    short = ("".join(p) for n in (1, 2) for p in itertools.product(chars, repeat=n))
    rnd = random.Random(11)
    longer = ("".join(rnd.choice(chars) for _ in range(rnd.randint(3, 60))) for _ in range(20_000))
    assert not any(BADNESS_RE.search(s) for s in itertools.chain(short, longer))


def test_ascii_text_is_answered_without_ftfy(monkeypatch):
    import sys

    from listing_lint.rules.localization.LOC011_mojibake import repaired

    monkeypatch.setitem(sys.modules, "ftfy", None)  # importing it now would raise ImportError
    assert repaired("Cafe (the ASCII spelling), 2 m cable, 100% cotton") is None


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def test_russian_read_as_latin1_is_mojibake_not_spanish(bundle, tmp_path):
    # one root cause: the encoding; the broken letters once made LOC002 call the page 53 % Spanish
    from loc_pages import RU

    paragraph = RU.splitlines()[3]
    full(bundle, ru=RU.replace(paragraph, _mojibake(paragraph)))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC011"]) == [("listings/demo/detail/ru.html", 4, "LOC011")]


def test_a_wholly_mojibake_page_is_not_another_language(bundle, tmp_path):
    from loc_pages import RU

    full(bundle, ru=_mojibake(RU))
    bundle.write()
    found = lint(tmp_path, select=["LOC002", "LOC003", "LOC011"])
    assert {code for _, _, code in found} == {"LOC011"} and len(found) == 9
