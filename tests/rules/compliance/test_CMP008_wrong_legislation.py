from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_radio_product_under_lvd_and_emc(plug, tmp_path):
    plug.data["certificates"][0]["legislation"] = ["LVD", "EMC", "RoHS"]
    plug.write()
    assert lint(tmp_path, select="CMP008") == [(manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP008")]
    (f,) = findings(tmp_path, select="CMP008")
    assert f.message.startswith("CE certificate is under LVD+EMC but the product is radio")
    assert "get a declaration under the RED" in f.message


def test_near_miss_separate_lvd_certificate_for_the_charger_beside_red(plug, tmp_path):
    plug.data["certificates"].append({**plug.data["certificates"][0], "legislation": ["LVD", "EMC"]})
    plug.write()
    assert lint(tmp_path, select="CMP008") == []


def test_near_miss_mains_product_without_radio_under_lvd(light, tmp_path):
    light.data["product_groups"] = ["mains-powered", "led-lighting"]
    light.data["certificates"][0]["legislation"] = ["LVD", "EMC"]
    light.write()
    assert lint(tmp_path, select="CMP008") == []


def test_a_receive_only_radio_is_still_radio_equipment_in_the_eu(plug, tmp_path):
    # radio-receiver (an FM radio, a radio-controlled clock) implies radio: the RED, not the LVD and EMC
    plug.data["product_groups"] = ["radio-receiver", "mains-powered"]
    plug.data["certificates"][0]["legislation"] = ["LVD", "EMC", "RoHS"]
    plug.write()
    assert lint(tmp_path, select="CMP008") == [(manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP008")]
