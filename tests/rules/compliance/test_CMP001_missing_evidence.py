from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_us_market_without_fcc_certificate(plug, tmp_path):
    plug.data["certificates"] = [c for c in plug.data["certificates"] if c["scheme"] != "FCC"]
    plug.write()
    assert lint(tmp_path, select="CMP001") == [(manifest(plug), line_after(plug, '"markets"', '"US"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001")
    assert f.message.startswith("no FCC certificate for the US market (internet-connected+radio product)")
    assert str(f.severity) == "error"


def test_eu_market_without_ce(light, tmp_path):
    light.data["certificates"] = []
    light.data["markets"] = ["EU"]
    light.write()
    assert lint(tmp_path, select="CMP001") == [(manifest(light), line_after(light, '"markets"', '"EU"'), "CMP001")]


def test_near_miss_ce_only_uk_listing_is_fine(light, tmp_path):
    light.data["markets"] = ["UK"]
    light.write()
    assert lint(tmp_path, select="CMP001") == []


def test_near_miss_no_electrical_group_needs_no_certificate(bundle, tmp_path):
    bundle.data["markets"] = ["EU", "UK", "US"]
    bundle.write()
    assert lint(tmp_path, select="CMP001") == []


def test_battery_led_light_in_the_us_only_informs(light, tmp_path):
    # FCC for LED lighting is unconfirmed in the registry: info, not error
    light.data["markets"] = ["US"]
    light.write()
    (f,) = findings(tmp_path, select="CMP001")
    assert str(f.severity) == "info"


def test_ukca_only_uk_listing_has_nothing_for_northern_ireland(light, tmp_path):
    light.data["markets"] = ["UK"]
    light.data["certificates"][0]["scheme"] = "UKCA"
    light.write()
    assert lint(tmp_path, select="CMP001") == [(manifest(light), line_after(light, '"markets"', '"UK"'), "CMP001")]
    (f,) = findings(tmp_path, select="CMP001")
    assert f.message.startswith("no CE certificate for the UK market (battery+led-lighting product): the UK market includes Northern Ireland")
    assert "UKCA alone is not recognised there" in f.message and str(f.severity) == "error"


def test_near_miss_ukca_beside_ce_in_the_uk(light, tmp_path):
    light.data["markets"] = ["UK"]
    light.data["certificates"].append({**light.data["certificates"][0], "scheme": "UKCA"})
    light.write()
    assert lint(tmp_path, select="CMP001") == []
