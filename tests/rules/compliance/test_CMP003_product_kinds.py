"""CMP003 for the product kinds of issue 17: the standards each kind needs, both ways."""

from builder import findings, lint
from helpers_cmp import line_after, manifest
from pdf_writer import certificate_pdf
from product_kinds import (
    make_appliance,
    make_kids_helmet,
    make_lamp,
    make_pacifier,
    make_qi_charger,
    make_qi_earbuds,
    make_toy,
)


def _drop(b, cert, standard):
    b.data["certificates"][cert]["standards"].remove(standard)


def test_toy_without_en_71_2_is_one_error_for_eu_and_uk(bundle, tmp_path):
    _drop(make_toy(bundle), 0, "EN 71-2:2020")
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert f.message.startswith("toy products in the EU need EN 71-2")
    assert "test to EN 71-2:2020 or add the notified body's EU-type examination certificate" in f.message
    assert str(f.severity) == "error"


def test_near_miss_an_ec_type_examination_replaces_the_harmonised_standard(bundle, tmp_path):
    _drop(make_toy(bundle), 0, "EN 71-2:2020")
    bundle.data["markets"] = ["EU", "US"]
    bundle.data["certificates"][0]["notified_body"] = "0197"
    bundle.write()
    assert lint(tmp_path, select="CMP003") == []


def test_electric_toy_needs_en_62115_a_plain_toy_does_not(bundle, tmp_path):
    _drop(make_toy(bundle), 0, "EN IEC 62115:2020+A11:2020")
    bundle.write()
    (f,) = findings(tmp_path, select="CMP003")
    assert "electric-toy products in the EU need EN 62115" in f.message
    bundle.data["product_groups"] = ["toy"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == []


def test_cpc_without_astm_f963(bundle, tmp_path):
    make_toy(bundle).data["certificates"][1]["standards"] = ["16 CFR 1250"]
    bundle.write()
    line = line_after(bundle, '"CPC"', '"standards"')
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line, "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert "need ASTM F963" in f.message and "test to ASTM F963-23" in f.message and str(f.severity) == "error"


def test_near_miss_cpc_citing_the_astm_f963_sections_tested(bundle, tmp_path):
    # a CPC names the sections of ASTM F963 it certifies; "ASTM F963-23 Sections ..." could not be read, and
    # the toy was told (an error) that no CPC cites ASTM F963
    make_toy(bundle).data["certificates"][1]["standards"] = [
        "16 CFR 1250", "ASTM F963-23 Sections 4.3.5.1(2), 4.3.5.2(2)(b)", "ASTM F963-23, Section 8.3 (heavy elements)"]
    bundle.write()
    assert lint(tmp_path, select=["CMP002", "CMP003", "CMP009"]) == []


def test_cpc_citing_sections_of_another_standard_still_lacks_astm_f963(bundle, tmp_path):
    make_toy(bundle).data["certificates"][1]["standards"] = ["16 CFR 1250", "ASTM F2413-18 Section 5"]
    bundle.write()
    line = line_after(bundle, '"CPC"', '"standards"')
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line, "CMP003")]


def test_cpc_citing_sections_of_the_superseded_edition(bundle, tmp_path):
    make_toy(bundle).data["certificates"][1]["standards"] = ["16 CFR 1250", "ASTM F963-17 Sections 4.3.5.1, 4.3.5.2"]
    bundle.write()
    line = line_after(bundle, '"CPC"', '"ASTM F963-17')
    assert lint(tmp_path, select=["CMP002", "CMP003"]) == [(manifest(bundle), line, "CMP002")]


def test_mains_led_bulb_without_photobiological_safety_warns(bundle, tmp_path):
    _drop(make_lamp(bundle), 0, "EN 62471:2008")
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert "EN 62471" in f.message and str(f.severity) == "warning"


def test_appliance_needs_a_part_2(bundle, tmp_path):
    _drop(make_appliance(bundle), 0, "EN 60335-2-15:2016")
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert "need EN 60335-2-x" in f.message and str(f.severity) == "warning"


def test_near_miss_cordless_appliance_is_not_judged_under_the_lvd(bundle, tmp_path):
    _drop(make_appliance(bundle), 0, "EN 62233:2008")
    bundle.data["product_groups"] = ["household-appliance", "battery"]
    bundle.write()
    assert [f.message for f in findings(tmp_path, select="CMP003")] == []


def test_qi_charger_without_en_303_417(bundle, tmp_path):
    _drop(make_qi_charger(bundle), 0, "ETSI EN 303 417 V1.1.1")
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert "wireless-charger products in the EU need ETSI EN 303 417" in f.message


def test_uk_only_led_bulb_gets_the_uk_designated_rule_only_as_info(bundle, tmp_path):
    _drop(make_lamp(bundle), 0, "EN IEC 55015:2019+A11:2020")
    bundle.data["markets"] = ["UK"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert "in the UK need EN 55015" in f.message and str(f.severity) == "info"
    bundle.data["markets"] = ["EU", "UK"]  # the EU rule is surer: it speaks for the certificate
    bundle.write()
    (f,) = findings(tmp_path, select="CMP003")
    assert "in the EU need EN 55015" in f.message and str(f.severity) == "warning"


def test_a_notified_body_on_a_certificate_not_under_the_tsd_covers_no_toy_standard(bundle, tmp_path):
    _drop(make_toy(bundle), 0, "EN 71-2:2020")
    bundle.data["markets"] = ["EU", "US"]
    bundle.data["certificates"][0].update(notified_body="0197", legislation=["EMC", "RoHS"])
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]


# ---- several references on one line, as labs print them (session 13) -------------------------------
EN71_LINE = "EN 71-1:2014+A1:2018 / -2:2020 / -3:2019+A1:2021"


def test_near_miss_cpc_citing_the_rule_and_its_standard_on_one_line(bundle, tmp_path):
    # "16 CFR 1250 (ASTM F963-23)" read as a rule part only: an error saying no CPC cites ASTM F963
    make_toy(bundle).data["certificates"][1]["standards"] = ["16 CFR 1250 (ASTM F963-23)"]
    bundle.write()
    assert lint(tmp_path, select=["CMP002", "CMP003", "CMP009", "CMP013"]) == []


def test_near_miss_en_71_parts_on_one_line(bundle, tmp_path):
    # three errors (EN 71-1, -2 and -3 not cited) and a CMP009 "cannot read" before session 13
    standards = make_toy(bundle).data["certificates"][0]["standards"]
    standards[:3] = [EN71_LINE]
    bundle.file("certs/ce.pdf", certificate_pdf(bundle.data["certificates"][0]))  # the lab prints the same line
    bundle.write()
    assert lint(tmp_path, select=["CMP002", "CMP003", "CMP009", "CMP013"]) == []


def test_a_part_missing_from_the_line_is_still_missing(bundle, tmp_path):
    standards = make_toy(bundle).data["certificates"][0]["standards"]
    standards[:3] = ["EN 71-1:2014+A1:2018 / -3:2019+A1:2021"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert f.message.startswith("toy products in the EU need EN 71-2")


def test_a_line_of_parts_without_editions_is_one_cmp009(bundle, tmp_path):
    standards = make_toy(bundle).data["certificates"][0]["standards"]
    standards[:3] = ["EN 71-1/-2/-3"]
    bundle.write()
    assert lint(tmp_path, select=["CMP003", "CMP009"]) == [(manifest(bundle), bundle.line_of('"EN 71-1/-2/-3"'), "CMP009")]
    (f,) = findings(tmp_path, select="CMP009")
    assert f.message.startswith("'EN 71-1/-2/-3' names no edition (year or version); cite the edition tested, e.g. EN 71-1:2014+A1:2018")


def test_the_document_must_still_name_each_part_of_the_line(bundle, tmp_path):
    cert = make_toy(bundle).data["certificates"][0]
    cert["standards"][:3] = [EN71_LINE]
    printed = {**cert, "standards": ["EN 71-1:2014+A1:2018", "EN 71-2:2020", *cert["standards"][1:]]}
    bundle.file("certs/ce.pdf", certificate_pdf(printed))  # the PDF leaves out EN 71-3
    bundle.write()
    assert lint(tmp_path, select="CMP013") == [(manifest(bundle), bundle.line_of(f'"{EN71_LINE}"'), "CMP013")]
    (f,) = findings(tmp_path, select="CMP013")
    assert "does not mention EN 71-3:2019+A1:2021" in f.message


def _kitchen_scale(bundle, emc_standards):
    """A kitchen scale on AAA cells (load cell, microcontroller, display; no motor), tagged as sellers tag it."""
    make_appliance(bundle).data.update(product_groups=["kitchen-appliance", "battery"], markets=["EU", "UK"])
    bundle.data["certificates"] = [{
        "scheme": "CE", "legislation": ["EMC", "RoHS"], "standards": [*emc_standards, "EN IEC 63000:2018"],
        "issued": "2026-01-10", "models": ["K1-EU"], "file": "certs/ce.pdf",
    }]
    bundle.data["skus"][0]["markets"] = ["EU", "UK"]
    del bundle.data["skus"][1]
    bundle.write()


def test_near_miss_a_scale_tested_to_the_generic_emc_standards(bundle, tmp_path):
    # EN 55014-1 covers appliances whose main functions are performed by motors and switching or regulating
    # devices; outside it the lab uses the generic EN IEC 61000-6-3/-6-1, which were warned as missing EN 55014
    _kitchen_scale(bundle, ["EN IEC 61000-6-1:2019", "EN IEC 61000-6-3:2021"])
    assert lint(tmp_path, select="CMP003") == []


def test_a_scale_with_neither_emc_route_is_still_asked_for_both(bundle, tmp_path):
    _kitchen_scale(bundle, ["EN 55032:2015+A11:2020"])
    line = line_after(bundle, '"certificates"', '"standards"')
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line, "CMP003")] * 2
    messages = sorted(f.message for f in findings(tmp_path, select="CMP003"))
    assert "need EN 55014-1 (or EN IEC 61000-6-3)" in messages[0] and str(findings(tmp_path, select="CMP003")[0].severity) == "warning"
    assert "need EN 55014-2 (or EN IEC 61000-6-1)" in messages[1]


def test_the_generic_emission_standard_does_not_stand_in_for_immunity(bundle, tmp_path):
    _kitchen_scale(bundle, ["EN IEC 61000-6-3:2021"])
    (f,) = findings(tmp_path, select="CMP003")
    assert "need EN 55014-2 (or EN IEC 61000-6-1)" in f.message


# ---- a product charged on a Qi pad (session 17) ------------------------------------------------------
def test_qi_charged_earbuds_without_en_303_417(bundle, tmp_path):
    # ETSI EN 303 417 covers the receiver that feeds the battery as well as the charger (its scope)
    _drop(make_qi_earbuds(bundle), 0, "ETSI EN 303 417 V1.1.1")
    bundle.write()
    assert lint(tmp_path, select=["CMP003", "SCH009"]) == [
        (manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert f.message.startswith("wireless-charging-receiver products in the EU need ETSI EN 303 417")
    assert str(f.severity) == "warning"


def test_near_miss_qi_charged_earbuds_citing_en_303_417(bundle, tmp_path):
    make_qi_earbuds(bundle).write()
    assert lint(tmp_path, select=["CMP003", "SCH009"]) == []


# ---- US children's products with their own CFR part (session 17, round 7) -------------------------------
def test_childrens_bicycle_helmet_cpc_without_16_cfr_1203(bundle, tmp_path):
    make_kids_helmet(bundle).data["certificates"][0]["standards"] = ["CPSIA Section 101 Total Lead Content"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert f.message.startswith("bicycle-helmet+childrens-product products in the US need 16 CFR 1203 (")
    assert "no CPC certificate cites it" in f.message and str(f.severity) == "warning"


def test_near_miss_the_cfr_part_as_labs_write_it_or_an_adult_helmet(bundle, tmp_path):
    make_kids_helmet(bundle).data["certificates"][0]["standards"] = [
        "Safety Standard for Bicycle Helmets, 16 C.F.R. Part 1203", "CPSIA Section 101 Total Lead Content"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == []
    bundle.data["certificates"][0]["standards"] = ["CPSIA Section 101 Total Lead Content"]
    bundle.data["product_groups"] = ["bicycle-helmet"]  # an adult's helmet: a GCC, which no scheme expresses
    bundle.write()
    assert lint(tmp_path, select="CMP003") == []


def test_pacifier_cpc_without_16_cfr_1511_even_with_another_part(bundle, tmp_path):
    make_pacifier(bundle).data["certificates"][0]["standards"] = ["16 CFR 1501", "CPSIA Section 101 Total Lead Content"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(bundle), line_after(bundle, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert f.message.startswith("pacifier products in the US need 16 CFR 1511 (")


def test_near_miss_pacifier_cpc_citing_a_section_of_part_1511(bundle, tmp_path):
    make_pacifier(bundle).data["certificates"][0]["standards"] = ["16 CFR §1511.3", "16 CFR 1501"]
    bundle.write()
    assert lint(tmp_path, select="CMP003") == []
