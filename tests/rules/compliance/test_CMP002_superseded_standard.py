from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_en_60950_after_2020_12_20(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "EN 60950-1:2006+A2:2013"
    plug.write()
    assert lint(tmp_path, select="CMP002") == [(manifest(plug), line_after(plug, '"standards"', "EN 60950-1"), "CMP002")]
    (f,) = findings(tmp_path, select="CMP002")
    assert f.message.startswith("EN 60950-1:2006+A2:2013 lost presumption of conformity on 2020-12-20")
    assert f.message.endswith("; cite EN 62368-1:2014+A11:2017")
    assert str(f.severity) == "error" and f.source.startswith("https://")


def test_near_miss_same_edition_before_the_cessation_date(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "EN 60950-1:2006+A2:2013"
    plug.data["certificates"][0]["issued"] = "2019-01-20"
    plug.write()
    assert lint(tmp_path, select="CMP002", as_of=date(2020, 12, 19)) == []
    assert len(lint(tmp_path, select="CMP002", as_of=date(2020, 12, 20))) == 1


def test_near_miss_current_62368_edition_is_not_flagged(plug, tmp_path):
    plug.data["certificates"][0]["standards"][0] = "BS EN 62368-1:2014 + A11:2017"
    plug.write()
    assert lint(tmp_path, select="CMP002") == []


def test_unconfirmed_end_date_only_informs(plug, tmp_path):
    plug.data["certificates"][0]["standards"][2] = "EN 301 489-17 V3.2.4"
    plug.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "info"
    assert f.message.startswith("ETSI EN 301 489-17 V3.2.4 lost presumption of conformity on 2026-11-15 (Implementing Decision (EU) 2025/893")
    assert f.message.endswith("; cite ETSI EN 301 489-17 V3.3.1")
    assert lint(tmp_path, select="CMP002", as_of=date(2026, 11, 14)) == []


def test_superseded_without_a_date_is_not_judged_before_its_successor_existed(light, tmp_path):
    light.data["certificates"][0]["standards"][0] = "EN 55015:2013+A1:2015"
    light.data["certificates"][0]["issued"] = "2018-01-10"
    light.write()
    assert lint(tmp_path, select="CMP002", as_of=date(2018, 6, 1)) == []
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "info" and "is not established" in f.message


def test_secondary_fact_warns(light, tmp_path):
    light.data["certificates"][0]["standards"][0] = "EN IEC 55015:2019"
    light.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "warning" and "2022-11-27" in f.message


def test_uk_certificate_judged_by_uk_entry(plug, tmp_path):
    plug.data["certificates"].append(
        {"scheme": "UKCA", "legislation": ["RED"], "standards": ["BS EN 60950-1:2006+A2:2013"], "issued": "2026-01-20",
         "models": ["X1-UK"], "file": "certs/ce.pdf"})
    plug.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "warning" and "BS EN 62368-1:2014+A11:2017" in f.message


def test_obsolete_reference_beside_the_current_edition_warns(plug, tmp_path):
    plug.data["certificates"][0]["standards"].insert(1, "EN 60950-1:2006+A2:2013")
    plug.write()
    assert lint(tmp_path, select="CMP002") == [(manifest(plug), line_after(plug, '"standards"', "EN 60950-1"), "CMP002")]
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "warning"
    assert f.message.startswith("EN 60950-1:2006+A2:2013 lost presumption of conformity on 2020-12-20")
    assert f.message.endswith("; this certificate also cites EN 62368-1:2014+A11:2017, the current edition: remove the obsolete reference")


def test_near_miss_current_edition_on_another_certificate_keeps_the_error(plug, tmp_path):
    old = {**plug.data["certificates"][0], "standards": ["EN 60950-1:2006+A2:2013"]}
    plug.data["certificates"].append(old)
    plug.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "error" and f.message.endswith("; cite EN 62368-1:2014+A11:2017")


def test_ukca_certificate_speaks_of_gb_designated_standards(plug, tmp_path):
    plug.data["certificates"].append(
        {"scheme": "UKCA", "legislation": ["RED"], "standards": ["BS EN 60950-1:2006+A2:2013"], "issued": "2026-01-20",
         "models": ["X1-UK"], "file": "certs/ce.pdf"})
    plug.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert "presumption of conformity as a GB designated standard" in f.message and "Official Journal" not in f.message


def test_ukca_certificate_without_a_uk_entry_is_judged_by_the_eu_date_and_says_so(light, tmp_path):
    light.data["certificates"].append({**light.data["certificates"][0], "scheme": "UKCA", "standards": ["BS EN 55024:2010"]})
    light.write()
    (f,) = findings(tmp_path, select="CMP002")
    assert str(f.severity) == "info"
    assert f.message.startswith("EN 55024:2010 lost presumption of conformity as a GB designated standard on 2022-09-16 "
                                "(its GB designation is not established; the EU date:")
