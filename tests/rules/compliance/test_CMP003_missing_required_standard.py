from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest


def _without_18031(plug):
    plug.data["certificates"][0]["standards"].remove("EN 18031-1:2024")
    plug.data["certificates"][0]["legislation"] = ["RED", "RoHS"]


def test_internet_connected_radio_without_en_18031_1(plug, tmp_path):
    _without_18031(plug)
    plug.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(plug), line_after(plug, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert "EN 18031-1 from 2025-08-01" in f.message and "test to EN 18031-1:2024" in f.message


def test_personal_data_also_needs_en_18031_2(plug, tmp_path):
    plug.data["product_groups"].append("personal-data")
    plug.write()
    (f,) = findings(tmp_path, select="CMP003")
    assert "EN 18031-2" in f.message


def test_near_miss_radio_without_internet_needs_no_en_18031(plug, tmp_path):
    _without_18031(plug)
    plug.data["product_groups"] = ["radio", "mains-powered"]
    plug.write()
    assert lint(tmp_path, select="CMP003") == []


def test_near_miss_before_and_after_the_red_delegated_act(plug, tmp_path):
    _without_18031(plug)
    plug.write()
    assert lint(tmp_path, select="CMP003", as_of=date(2025, 7, 31)) == []
    assert lint(tmp_path, select="CMP003", as_of=date(2027, 12, 11)) == []  # the CRA's turn


def test_near_miss_notified_body_examination_instead(plug, tmp_path):
    _without_18031(plug)
    plug.data["certificates"][0]["notified_body"] = "0700"
    plug.data["certificates"][0]["standards"].append("RED Art. 3(3)(d)")
    plug.write()
    assert lint(tmp_path, select="CMP003") == []


def test_near_miss_red_da_examination_without_named_points(plug, tmp_path):
    _without_18031(plug)
    plug.data["certificates"][0]["legislation"] = ["RED", "RED-DA", "RoHS"]
    plug.data["certificates"][0]["notified_body"] = "NB 0700"
    plug.write()
    assert lint(tmp_path, select="CMP003") == []


def test_near_miss_red_da_examination_number_as_printed(plug, tmp_path):
    """"Notified Body No. 0700" is the examination's body (CMP010 reads the same number): not a missing EN 18031."""
    _without_18031(plug)
    plug.data["certificates"][0]["legislation"] = ["RED", "RED-DA", "RoHS"]
    plug.data["certificates"][0]["notified_body"] = "Notified Body No. 0700"
    plug.write()
    assert lint(tmp_path, select="CMP003") == []


def test_notified_body_number_on_an_lvd_certificate_proves_nothing(plug, tmp_path):
    _without_18031(plug)
    plug.data["certificates"].insert(1, {**plug.data["certificates"][0], "legislation": ["LVD"], "notified_body": "0700",
                                         "standards": ["EN 62368-1:2014+A11:2017"]})
    plug.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(plug), line_after(plug, '"certificates"', '"standards"'), "CMP003")]


def test_notified_body_number_on_a_red_certificate_without_the_point(plug, tmp_path):
    _without_18031(plug)
    plug.data["certificates"][0]["notified_body"] = "0700"
    plug.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(plug), line_after(plug, '"certificates"', '"standards"'), "CMP003")]


def test_examination_of_another_point_does_not_cover_this_one(plug, tmp_path):
    _without_18031(plug)
    plug.data["certificates"][0]["notified_body"] = "0700"
    plug.data["certificates"][0]["standards"].append("RED Art. 3(3)(e)")
    plug.write()
    (f,) = findings(tmp_path, select="CMP003")
    assert "EN 18031-1" in f.message and "examination certificate naming RED Art. 3(3)(d)" in f.message


def _band(plug, *groups):
    """A Bluetooth fitness band: radio, worn on the wrist, not internet-connected itself."""
    plug.data["product_groups"] = ["radio", *groups]
    plug.data["markets"] = ["EU"]
    plug.data["certificates"][0]["standards"] = ["ETSI EN 300 328 V2.2.2", "ETSI EN 301 489-17 V3.3.1", "EN IEC 63000:2018"]
    plug.data["certificates"][0]["legislation"] = ["RED", "RoHS"]
    if "toy" in groups:  # a radio toy is a toy too: its EN 71 parts are there (issue 17), only RED is judged here
        plug.data["certificates"][0]["standards"] += ["EN 71-1:2014+A1:2018", "EN 71-2:2020", "EN 71-3:2019+A1:2021"]
    return plug


def test_wearable_radio_with_personal_data_needs_en_18031_2_without_internet(plug, tmp_path):
    _band(plug, "wearable", "personal-data").write()
    assert lint(tmp_path, select="CMP003") == [(manifest(plug), line_after(plug, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert str(f.severity) == "error"
    assert f.message.startswith("personal-data+radio+wearable products in the EU need EN 18031-2 from 2025-08-01 "
                                "(RED Art. 3(3)(e) applies: Delegated Regulation (EU) 2022/30 Art. 1(2)(d)")
    assert f.source == "https://eur-lex.europa.eu/eli/reg_del/2022/30/oj"


def test_radio_toy_without_the_personal_data_tag_informs(plug, tmp_path):
    _band(plug, "toy").write()
    (f,) = findings(tmp_path, select="CMP003")
    assert str(f.severity) == "info" and "Art. 1(2)(c)" in f.message
    assert "if they can process personal, traffic or location data (then add `personal-data`" in f.message


def test_one_finding_per_standard_naming_every_clause_that_applied(plug, tmp_path):
    plug.data["product_groups"] += ["childcare", "personal-data"]
    plug.data["markets"] = ["EU"]
    plug.write()
    (f,) = findings(tmp_path, select="CMP003")
    assert "Art. 1(2)(a)" in f.message and "Art. 1(2)(b)" in f.message and str(f.severity) == "error"


def test_near_miss_wearable_with_en_18031_2(plug, tmp_path):
    _band(plug, "wearable", "personal-data")
    plug.data["certificates"][0]["standards"].append("EN 18031-2:2024")
    plug.write()
    assert lint(tmp_path, select="CMP003") == []


def test_near_miss_toy_without_radio(plug, tmp_path):
    _band(plug, "toy", "personal-data")
    plug.data["product_groups"].remove("radio")
    plug.write()
    assert lint(tmp_path, select="CMP003") == []


# ---- RED Art. 3(3)(f): payment (session 17, round 7) ---------------------------------------------------
def test_payment_capable_connected_radio_needs_en_18031_3(plug, tmp_path):
    """A smartwatch with contactless payment drew nothing for fraud protection: Delegated Regulation (EU)
    2022/30 Art. 1(3) applies RED Art. 3(3)(f) to internet-connected radio equipment that lets its user
    transfer money (read in the OJ text)."""
    plug.data["product_groups"] = ["radio", "internet-connected", "payment"]  # a watch tagged wearable also gets the EN 18031-2 note
    plug.write()
    assert lint(tmp_path, select="CMP003") == [(manifest(plug), line_after(plug, '"certificates"', '"standards"'), "CMP003")]
    (f,) = findings(tmp_path, select="CMP003")
    assert str(f.severity) == "error"
    assert f.message.startswith("internet-connected+payment+radio products in the EU need EN 18031-3 from 2025-08-01 "
                                "(RED Art. 3(3)(f) applies: Delegated Regulation (EU) 2022/30 Art. 1(3)")


def test_near_miss_payment_with_en_18031_3_or_without_internet_or_out_of_time(plug, tmp_path):
    plug.data["product_groups"] = ["radio", "internet-connected", "payment"]
    plug.data["certificates"][0]["standards"].append("EN 18031-3:2024")
    plug.write()
    assert lint(tmp_path, select="CMP003") == []
    plug.data["certificates"][0]["standards"].remove("EN 18031-3:2024")
    plug.write()
    assert lint(tmp_path, select="CMP003", as_of=date(2025, 7, 31)) == []
    assert lint(tmp_path, select="CMP003", as_of=date(2027, 12, 11)) == []
    plug.data["product_groups"] = ["radio", "payment"]  # a payment ring talking only to a terminal: Art. 1(3) needs internet
    plug.data["certificates"][0]["standards"].remove("EN 18031-1:2024")
    plug.write()
    assert lint(tmp_path, select="CMP003") == []
