from builder import findings, lint

from loc_pages import full
from listing_lint.finding import Severity


def test_english_over_128_and_empty_spanish(bundle, tmp_path):
    full(bundle)
    bundle.data["title"]["en"] = "Smart Plug " * 12  # 132 characters
    bundle.data["title"]["es"] = "  "
    bundle.write()
    result = findings(tmp_path, select="LOC010")
    assert [(f.path, f.line, f.code) for f in result] == [
        ("listings/demo/listing.json", bundle.line_of('"en": "Smart Plug Smart'), "LOC010"),
        ("listings/demo/listing.json", bundle.line_of('"es": "  "'), "LOC010"),
    ]
    assert result[0].severity == Severity.ERROR


def test_long_french_title_within_218_passes(bundle, tmp_path):
    full(bundle)
    title = ("Prise connectée Wi-Fi avec mesure de consommation, programmation horaire, minuterie et mode absence, "
             "compatible Alexa et Google Home, 16 A, 3680 W, lot de 2")
    assert 128 < len(title) <= 218
    bundle.data["title"]["fr"] = title
    bundle.write()
    assert lint(tmp_path, select="LOC010") == []
