"""The compliant test bundles are clean under every CMP and BRD rule: the baseline each rule test breaks."""

from builder import findings, lint


def test_complete_smart_plug_is_clean(plug, tmp_path):
    plug.write()
    assert [(f.code, f.message) for f in findings(tmp_path, select=["CMP", "BRD"])] == []


def test_battery_led_light_with_ce_only_is_clean_in_eu_and_uk(light, tmp_path):
    # no EN 62368-1 demanded of a battery LED light, no UKCA demanded in the UK, no FCC without the US
    light.write()
    assert lint(tmp_path, select=["CMP", "BRD"]) == []
