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


# ---- a CE certificate under the GPSR alone (session 17) -------------------------------------------
def _gpsr_only(b, groups):
    b.data["product_groups"] = groups
    b.data["markets"] = ["EU"]
    b.data["certificates"] = [{"scheme": "CE", "legislation": ["GPSR"], "standards": ["EN 1400:2013+A2:2018"],
                               "issued": "2026-05-01", "models": ["X1-EU"], "file": "certs/ce.pdf"}]
    b.write()


def test_a_ce_certificate_under_the_gpsr_alone_marks_nothing(plug, tmp_path):
    # a baby pacifier: no harmonisation act covers it, so it may carry no CE marking (Regulation (EC)
    # No 765/2008 Art. 30(2)); a lab's "CE certificate" under the GPSR was silent
    _gpsr_only(plug, ["childcare", "childrens-product"])
    assert lint(tmp_path, select="CMP008") == [(manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP008")]
    (f,) = findings(tmp_path, select="CMP008")
    assert f.message.startswith("CE certificate is only under the GPSR: the GPSR (EU) 2023/988 provides for no CE marking")
    assert "take this certificate out of `certificates`" in f.message and str(f.severity) == "warning"


def test_an_electrical_product_whose_ce_certificate_is_under_the_gpsr_alone(plug, tmp_path):
    # CE evidence for electrical equipment names no law (CMP001 is met): the GPSR-only certificate is CMP008's
    _gpsr_only(plug, ["mains-powered"])
    assert lint(tmp_path, select=["CMP001", "CMP008"]) == [
        (manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP008")]


def test_near_miss_a_toy_under_the_gpsr_alone_is_cmp001s_missing_tsd(plug, tmp_path):
    # one cause, one finding: CMP001 already says the toy's CE certificate is not under the TSD
    _gpsr_only(plug, ["toy"])
    assert [code for _, _, code in lint(tmp_path, select=["CMP001", "CMP008"])] == ["CMP001"]


def test_near_miss_the_gpsr_beside_an_act_that_provides_for_ce(plug, tmp_path):
    plug.data["certificates"][0]["legislation"] = ["RED", "RED-DA", "RoHS", "GPSR"]
    plug.write()
    assert lint(tmp_path, select="CMP008") == []


# ---- machinery: the Directive until 2027-01-19, the Regulation from 2027-01-20 (session 18) --------
def _machinery(b, law, placed):
    b.data["product_groups"] = ["machinery", "battery"]
    b.data["markets"] = ["EU"]
    b.data["placed_on_market"] = placed
    b.data["certificates"] = [{"scheme": "CE", "legislation": [law, "EMC", "RoHS", "BATT"], "standards": ["EN 15194:2017"],
                               "issued": "2026-05-01", "models": ["X1-EU"], "file": "certs/ce.pdf"}]
    b.write()


def test_machinery_placed_after_the_repeal_under_the_directive(plug, tmp_path):
    _machinery(plug, "MD", "2027-03-01")
    assert lint(tmp_path, select="CMP008", as_of=None) == [(manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP008")]
    (f,) = findings(tmp_path, select="CMP008", as_of=None)
    assert f.message.startswith("CE certificate is under MD but the product is machinery: the Machinery Regulation (EU) 2023/1230 repeals")
    assert str(f.severity) == "warning"


def test_machinery_under_the_regulation_before_it_applies(plug, tmp_path):
    _machinery(plug, "MR", "2026-10-01")
    assert lint(tmp_path, select="CMP008", as_of=None) == [(manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP008")]


def test_near_miss_machinery_under_the_law_of_its_day(plug, tmp_path):
    _machinery(plug, "MD", "2027-01-19")
    assert lint(tmp_path, select=["SCH002", "CMP008"], as_of=None) == []
    _machinery(plug, "MR", "2027-01-20")
    assert lint(tmp_path, select=["SCH002", "CMP008"], as_of=None) == []
