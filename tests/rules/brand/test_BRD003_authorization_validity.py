from builder import findings, lint


def _letter(bundle, valid_until="2028-12-31", with_file=True):
    bundle.data["brand"] = {"name": "Voltra", "authorization": [
        {"from": "Voltra GmbH", "to": "Seller Ltd", "file": "certs/letter.pdf", "valid_until": valid_until}]}
    if with_file:
        bundle.file("certs/letter.pdf", b"%PDF-1.4\n")


def test_expired_letter(bundle, tmp_path):
    _letter(bundle, "2026-10-31")
    bundle.write()
    assert lint(tmp_path, select="BRD003") == [(f"{bundle.rel}/listing.json", bundle.line_of('"valid_until"'), "BRD003")]
    (f,) = findings(tmp_path, select="BRD003")
    assert "expired on 2026-10-31" in f.message and str(f.severity) == "error"


def test_letter_file_missing(bundle, tmp_path):
    _letter(bundle, with_file=False)
    bundle.write()
    assert lint(tmp_path, select="BRD003") == [(f"{bundle.rel}/listing.json", bundle.line_of('"file": "certs/letter.pdf"'), "BRD003")]


def test_expiring_within_60_days_warns(bundle, tmp_path):
    _letter(bundle, "2027-01-10")
    bundle.write()
    (f,) = findings(tmp_path, select="BRD003")
    assert str(f.severity) == "warning" and "in 46 days" in f.message


def test_near_miss_valid_for_200_more_days(bundle, tmp_path):
    _letter(bundle, "2027-06-13")
    bundle.write()
    assert lint(tmp_path, select="BRD003") == []
