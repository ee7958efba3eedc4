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
    plug.write()
    assert lint(tmp_path, select="CMP003") == []
