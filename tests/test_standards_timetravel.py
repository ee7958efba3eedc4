"""Time travel: the same bundle judged at 2020-06-01 and at 2026-11-25 gives different, correct results."""

from datetime import date

from builder import BundleBuilder, findings

BEFORE, NOW = date(2020, 6, 1), date(2026, 11, 25)


def _plug(tmp_path) -> BundleBuilder:
    """An internet-connected radio plug for the EU: EN 60950-1 report, no EN 18031-1, no EU responsible person."""
    b = BundleBuilder(tmp_path, "plug")
    b.data.update({
        "category": "consumer-electronics-accessories",
        "product_groups": ["radio", "internet-connected", "mains-powered"],
        "markets": ["EU"],
        "skus": [{"id": "X1", "model": "X1-EU", "price": {"amount": "19.90", "currency": "USD"}}],
        "certificates": [{
            "scheme": "CE", "legislation": ["RED", "RoHS"], "issued": "2019-11-04", "models": ["X1-EU"], "file": "certs/ce.pdf",
            "standards": ["EN 60950-1:2006+A2:2013", "ETSI EN 300 328 V2.2.2", "EN IEC 63000:2018"],
        }],
    })
    b.file("certs/ce.pdf", b"%PDF-1.4\n")
    b.write()
    return b


def _by_code(tmp_path, as_of):
    return {f.code: f for f in findings(tmp_path, select=["CMP002", "CMP003", "CMP011"], as_of=as_of)}


def test_2020_06_01_nothing_had_ended_or_started_yet(tmp_path):
    _plug(tmp_path)
    assert _by_code(tmp_path, BEFORE) == {}


def test_2026_11_25_en_60950_ended_en_18031_required_gpsr_applies(tmp_path):
    b = _plug(tmp_path)
    found = _by_code(tmp_path, NOW)
    assert sorted(found) == ["CMP002", "CMP003", "CMP011"]
    assert found["CMP002"].message.startswith("EN 60950-1:2006+A2:2013 lost presumption of conformity on 2020-12-20")
    assert found["CMP002"].line == b.line_of("EN 60950-1")
    assert "EN 18031-1 from 2025-08-01" in found["CMP003"].message
    assert "2024-12-13" in found["CMP011"].message
    assert {str(f.severity) for f in found.values()} == {"error"}


def test_without_as_of_placed_on_market_decides(tmp_path):
    b = _plug(tmp_path)
    b.data["placed_on_market"] = "2020-06-01"
    b.write()
    assert _by_code(tmp_path, None) == {}
    b.data["placed_on_market"] = "2026-11-25"
    b.write()
    assert sorted(_by_code(tmp_path, None)) == ["CMP002", "CMP003", "CMP011"]
