from builder import findings, lint

from loc_pages import EN, FR, full


def test_short_cell_left_in_english(bundle, tmp_path):
    # "Power on" is too short for LOC003 to judge: the identical copy is the evidence
    en = EN.replace("<td>Port</td>", "<td>Power on</td>")
    full(bundle, en=en, fr=FR.replace("<td>Port</td>", "<td>Power on</td>"))
    bundle.write()
    result = findings(tmp_path, select=["LOC003", "LOC007"])
    assert [(f.path, f.line, f.code) for f in result] == [("listings/demo/detail/fr.html", 6, "LOC007")]
    assert result[0].message == "table cell is the English text of detail/en.html line 6 unchanged; translate it"


def test_a_copy_long_enough_to_judge_is_loc003_only(bundle, tmp_path):
    # one root cause, one finding: LOC003 says it is the English text unchanged
    full(bundle, fr=FR.replace("<td>Puissance nominale</td>", "<td>Rated power</td>"))
    bundle.write()
    result = findings(tmp_path, select=["LOC003", "LOC007"])
    assert [(f.path, f.line, f.code) for f in result] == [("listings/demo/detail/fr.html", 6, "LOC003")]
    assert result[0].message.startswith("table cell is English (")
    assert ", locale is fr: detail/en.html line 6 unchanged; translate it" in result[0].message


def test_identical_codes_brands_and_shared_words_pass(bundle, tmp_path):
    # "Port", "USB-C", "3680 W" and "Wi-Fi 2.4 GHz, Bluetooth 5.3" are the same in both pages
    fr = FR.replace("<td>Wi-Fi 2,4 GHz, Bluetooth 5.3, LED</td>", "<td>Wi-Fi 2.4 GHz, Bluetooth 5.3</td>")
    fr = fr.replace("<h1>Prise connectée X1</h1>", "<h1>Smart Plug X1</h1>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC007") == []


def test_short_copy_spelt_the_same_in_french_passes(bundle, tmp_path):
    en = EN.replace("<td>Port</td>", "<td>Mode Eco</td>")
    full(bundle, en=en, fr=FR.replace("<td>Port</td>", "<td>Mode Eco</td>"))
    bundle.write()
    assert lint(tmp_path, select=["LOC003", "LOC007"]) == []


def test_english_page_in_the_french_slot_is_loc002_only(bundle, tmp_path):
    full(bundle, fr=EN.replace('lang="en"', 'lang="fr"'))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003", "LOC007"]) == [("listings/demo/detail/fr.html", 2, "LOC002")]
