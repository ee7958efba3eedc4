"""LOC003 on a smart plug's short labels with Latin-script names in them (session 18: Tasmota's
device strings, its Ukrainian and Bulgarian seeded on the Russian page).

Two ways a Ukrainian label passed on a Russian page:

* "Помилка запису чипу RF": without its name "RF", the rest is uk 0.65 for the accurate pass, and
  a short rest beside names was rejected only at ``NAMED_REST_SURE`` (a title's weak sample); its
  words are Ukrainian by e^6.5 (``words.REJECT_LEAD``), which is evidence enough.
* "Завантажено з Flash-пам'яті": lingua's fast pass ranks bg 0.70 / uk 0.16 / ru 0.14, and the
  accurate pass weighed only ru against bg (ru 0.59); its words name Ukrainian by e^16, and the
  words' rival now joins the accurate pass's rivals as py3langid's does.

Near misses: the same labels in Russian with the same names, and correct Russian labels whose
words lean to Bulgarian. Exact lines."""

import pytest
from builder import findings, lint

from loc_pages import full, with_blocks


@pytest.mark.parametrize("text", [
    "Помилка запису чипу RF",  # rest uk 0.65 without "RF"; words uk by e^6.5
    "Завантажено з Flash-пам'яті",  # fast bg 0.70 / uk 0.16; accurate ru 0.59 against bg alone
    "Помилка запису чипу",  # no name: fast bg 0.44, accurate ru against bg alone; uk 0.65 with uk
])
def test_a_ukrainian_label_with_a_name_on_a_russian_page_is_reported(bundle, tmp_path, text):
    full(bundle, ru=with_blocks("ru", text))
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code) for f in got] == [("listings/demo/detail/ru.html", 7, "LOC003")]
    assert "Ukrainian" in got[0].message


@pytest.mark.parametrize("text", [
    "Ошибка записи чипа RF",  # Tasmota's Russian of the label above
    "Загружено из Flash-памяти",
    "Настройки MQTT",
    "Товары для Дома Samsung",
    "Параметры KNX",
    "Перезагрузка",
])
def test_near_miss_russian_label_with_a_name_stays_silent(bundle, tmp_path, text):
    full(bundle, ru=with_blocks("ru", text))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


@pytest.mark.parametrize(("page", "text"), [
    ("ru", "Назва тавару"),  # Belarusian, which has no word list: Ukrainian words must not replace it
    ("en", "Canal de venda"),  # Catalan: Dutch words lead English and Italian, not Catalan
    ("en", "Mot de passe"),  # French: the words' rival Dutch must not join and split the text
])
def test_a_words_rival_replaces_the_fast_rival_only_when_it_leads_every_list(bundle, tmp_path, page, text):
    full(bundle, **{page: with_blocks(page, text)})
    bundle.write()
    got = findings(tmp_path, select=["LOC002", "LOC003"])
    assert [(f.path, f.line, f.code) for f in got] == [(f"listings/demo/detail/{page}.html", 7, "LOC003")]


def test_near_miss_a_names_shape_keeps_the_fast_rival(bundle, tmp_path):
    # "Google Play" on a Spanish page: English words, but a name; against English it was en 0.66
    full(bundle, es=with_blocks("es", "Google Play"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_near_miss_a_french_label_with_an_english_word_is_weighed_against_english(bundle, tmp_path):
    # the Open Food Network's French "Logo smartphone (SVG)" was German 0.71 against German, the fast
    # pass's rival; its words name English (not German), and against English it is French
    full(bundle, fr=with_blocks("fr", "Logo smartphone (SVG)"))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []
