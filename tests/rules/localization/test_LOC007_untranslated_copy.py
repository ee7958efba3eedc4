from builder import lint

from loc_pages import FR, full


def test_table_cell_left_in_english(bundle, tmp_path):
    full(bundle, fr=FR.replace("<td>Puissance nominale</td>", "<td>Rated power</td>"))
    bundle.write()
    assert lint(tmp_path, select="LOC007") == [("listings/demo/detail/fr.html", 6, "LOC007")]


def test_identical_codes_brands_and_shared_words_pass(bundle, tmp_path):
    # "Port", "USB-C", "3680 W" and "Wi-Fi 2.4 GHz, Bluetooth 5.3" are the same in both pages
    fr = FR.replace("<td>Wi-Fi 2,4 GHz, Bluetooth 5.3, LED</td>", "<td>Wi-Fi 2.4 GHz, Bluetooth 5.3</td>")
    fr = fr.replace("<h1>Prise connectée X1</h1>", "<h1>Smart Plug X1</h1>")
    full(bundle, fr=fr)
    bundle.write()
    assert lint(tmp_path, select="LOC007") == []
