import pytest
from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_notified_body_not_four_digits(plug, tmp_path):
    plug.data["certificates"][0]["notified_body"] = "07OO"
    plug.write()
    assert lint(tmp_path, select="CMP010") == [(manifest(plug), plug.line_of('"notified_body"'), "CMP010")]


def test_red_article_3_3_claim_without_standard_or_notified_body(plug, tmp_path):
    plug.data["certificates"][0]["standards"].remove("EN 18031-1:2024")
    plug.write()
    assert lint(tmp_path, select="CMP010") == [(manifest(plug), line_after(plug, '"certificates"', '"legislation"'), "CMP010")]
    (f,) = findings(tmp_path, select="CMP010")
    assert str(f.severity) == "warning" and "EU-type examination" in f.message


def test_near_miss_nb_prefix_and_18031(plug, tmp_path):
    plug.data["certificates"][0]["notified_body"] = "NB 0700"
    plug.write()
    assert lint(tmp_path, select="CMP010") == []


def test_notified_body_on_a_rohs_certificate(light, tmp_path):
    light.data["certificates"].append({**light.data["certificates"][0], "legislation": ["RoHS"], "notified_body": "0700",
                                       "standards": ["EN IEC 63000:2018"]})
    light.write()
    assert lint(tmp_path, select="CMP010") == [(manifest(light), light.line_of('"notified_body"'), "CMP010")]
    (f,) = findings(tmp_path, select="CMP010")
    assert str(f.severity) == "warning"
    assert f.message.startswith("this RoHS certificate names notified body 0700, but RoHS conformity assessment involves no notified body at all")
    assert "2011/65/EU Art. 7(b)" in f.message and f.source == "https://eur-lex.europa.eu/eli/dir/2011/65/oj"


def test_near_miss_notified_body_on_a_red_and_rohs_certificate(plug, tmp_path):
    plug.data["certificates"][0]["notified_body"] = "0700"  # legislation RED, RED-DA, RoHS
    plug.write()
    assert lint(tmp_path, select="CMP010") == []


@pytest.mark.parametrize("written", ["Notified Body No. 0700", "NB No. 0700", "Notified Body Number: 0700",
                                     "N° 0700", "NB\u00a00700", "TÜV Rheinland LGA Products GmbH, 0197"])
def test_near_miss_number_as_the_certificate_prints_it(plug, tmp_path, written):
    plug.data["certificates"][0]["notified_body"] = written
    plug.write()
    assert lint(tmp_path, select="CMP010") == []


@pytest.mark.parametrize("written", ["Notified Body No. 070", "NB 0700 / 0123", "NB 07001", "NB ٠٧٠٠"])
def test_printed_number_that_is_still_not_one_nando_number(plug, tmp_path, written):
    plug.data["certificates"][0]["notified_body"] = written
    plug.write()
    assert lint(tmp_path, select="CMP010") == [(manifest(plug), plug.line_of('"notified_body"'), "CMP010")]
