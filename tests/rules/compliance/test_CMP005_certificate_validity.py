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


def _renewed(light, **newer):
    old = light.data["certificates"][0]
    old.update({"issued": "2024-01-10", "expires": "2026-06-30", "file": "certs/ce-2024.pdf"})
    light.data["certificates"].append({**old, "issued": "2026-06-01", "expires": "2028-06-01", "file": "certs/ce.pdf", **newer})
    light.file("certs/ce-2024.pdf", b"%PDF-1.4\n")
    return light


def test_expired_certificate_beside_its_valid_successor_is_stale(light, tmp_path):
    _renewed(light).write()
    assert lint(tmp_path, select="CMP005") == [(manifest(light), line_after(light, '"certificates"', '"expires"'), "CMP005")]
    (f,) = findings(tmp_path, select="CMP005")
    assert str(f.severity) == "warning"
    assert f.message == ("CE certificate certs/ce-2024.pdf expired on 2026-06-30; CE certificate certs/ce.pdf (issued 2026-06-01) "
                         "is valid and covers the same models: remove the stale certificate")


def test_near_miss_newer_certificate_for_other_models_keeps_the_error(light, tmp_path):
    _renewed(light, models=["S3-UK"]).write()
    (f,) = findings(tmp_path, select="CMP005")
    assert str(f.severity) == "error" and f.message.endswith("renew it and attach the new one")


def test_near_miss_newer_certificate_under_fewer_laws_keeps_the_error(light, tmp_path):
    _renewed(light, legislation=["EMC"]).write()
    (f,) = findings(tmp_path, select="CMP005")
    assert str(f.severity) == "error"
