"""LOC003/LOC007 on a list of codes with one word among them (session 14: Open Food Facts' app gives
the packer codes of EU food labels as its example, "EMB 53062, FR 62.448.034 CE, 84 R 20, 33
RECOLTANT 522", the same on every page). Once its codes, numbers and acronyms are removed one word
is left ("RECOLTANT", Catalan 0.96 on the English page, "RECOLTANTE" Portuguese on the Spanish
one): part of a code, no sample of a language. Two words left, or a word that is most of the block,
are judged as before. Both ways, exact lines."""

from builder import lint

from loc_pages import PAGES, PRICE_LINES, full

CODES = "EMB 53062, FR 62.448.034 CE, 84 R 20, 33 RECOLTANT 522"


def _page(lang, *texts):
    return PAGES[lang].replace(PRICE_LINES[lang], "\n".join(f"<p>{t}</p>" for t in texts))


def test_a_list_of_codes_with_one_word_is_no_language(bundle, tmp_path):
    full(bundle, en=_page("en", CODES), es=_page("es", CODES.replace("RECOLTANT", "RECOLTANTE")),
         fr=_page("fr", CODES), ru=_page("ru", CODES))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC007"]) == []


def test_near_miss_a_word_that_is_most_of_the_block_or_two_words_are_judged(bundle, tmp_path):
    # an English word beside a few codes, two English words among codes: still English on a Spanish page
    full(bundle, es=_page("es", "Waterproof 50 m, IP68, 5 ATM", "EMB 53062, FR 62.448.034 CE, Harvested Locally 522"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == [
        ("listings/demo/detail/es.html", 7, "LOC003"), ("listings/demo/detail/es.html", 8, "LOC003")]
