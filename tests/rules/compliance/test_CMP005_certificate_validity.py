from datetime import date

from builder import findings, lint
from helpers_cmp import line_after, manifest


def test_expired_certificate(light, tmp_path):
    light.data["certificates"][0]["expires"] = "2026-06-30"
    light.write()
    assert lint(tmp_path, select="CMP005") == [(manifest(light), line_after(light, '"certificates"', '"expires"'), "CMP005")]
    (f,) = findings(tmp_path, select="CMP005")
    assert f.message.startswith("CE certificate certs/ce.pdf expired on 2026-06-30") and str(f.severity) == "error"


def test_expiring_within_60_days_warns(light, tmp_path):
    light.data["certificates"][0]["expires"] = "2027-01-24"  # 60 days after 2026-11-25
    light.write()
    (f,) = findings(tmp_path, select="CMP005")
    assert str(f.severity) == "warning" and "in 60 days" in f.message


def test_near_miss_valid_for_200_more_days(light, tmp_path):
    light.data["certificates"][0]["expires"] = "2027-06-13"
    light.write()
    assert lint(tmp_path, select="CMP005") == []


def test_issued_after_the_as_of_date(light, tmp_path):
    light.write()
    assert lint(tmp_path, select="CMP005", as_of=date(2020, 6, 1)) == [
        (manifest(light), line_after(light, '"certificates"', '"issued"'), "CMP005")
    ]
