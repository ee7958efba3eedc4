"""CMP008 for wireless (Qi) chargers in the US: Part 15C or Part 18, not Part 15B alone."""

from builder import findings, lint
from helpers_cmp import line_after, manifest
from product_kinds import make_qi_charger


def test_qi_charger_authorised_under_part_15b_only(bundle, tmp_path):
    make_qi_charger(bundle).data["certificates"][1]["legislation"] = ["15B"]
    bundle.write()
    assert lint(tmp_path, select="CMP008") == [(manifest(bundle), line_after(bundle, '"FCC"', '"legislation"'), "CMP008")]
    (f,) = findings(tmp_path, select="CMP008")
    assert f.message.startswith("FCC certificate is under 15B but the product is wireless-charger")
    assert "KDB 680106" in f.message and f.message.endswith("get an FCC authorisation under Part 15C (FCC ID) or Part 18")
    assert str(f.severity) == "error"


def test_near_miss_part_15c_or_part_18_beside_15b(bundle, tmp_path):
    make_qi_charger(bundle).data["certificates"][1]["legislation"] = ["15B", "15C"]
    bundle.write()
    assert lint(tmp_path, select="CMP008") == []
    bundle.data["certificates"][1]["legislation"] = ["15B", "18"]
    bundle.write()
    assert lint(tmp_path, select="CMP008") == []
