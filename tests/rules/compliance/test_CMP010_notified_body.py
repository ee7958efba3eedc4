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
